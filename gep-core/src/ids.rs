//! Identifiers: newtypes over UUIDs so that a GEP id and a person id cannot be mixed up.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// Wraps a UUID.
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// Builds an id from a 128-bit number: handy for tests and examples.
            pub const fn from_u128(n: u128) -> Self {
                Self(Uuid::from_u128(n))
            }

            /// The UUID inside.
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// The identifier of one GEP.
    ///
    /// ```
    /// let id: gep_core::GepId = "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11".parse().unwrap();
    /// assert_eq!(id.to_string(), "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11");
    /// ```
    GepId
);

id_type!(
    /// The identifier of a person known to a GEP (organiser, coordination
    /// member, facilitator, guest, registrant or attendee).
    ///
    /// ```
    /// let id = gep_core::PersonId::from_u128(7);
    /// assert_eq!(id.to_string(), "00000000-0000-0000-0000-000000000007");
    /// ```
    PersonId
);

//! Identifiers: newtypes over UUIDs so that a GEP id and a person id cannot be mixed up.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

/// Reads a UUID from a text, in any form the `uuid` crate reads, straight
/// from the borrowed text (ids fill the documents, and loading parses
/// hundreds of them).
struct UuidVisitor;

impl serde::de::Visitor<'_> for UuidVisitor {
    type Value = Uuid;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a UUID")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Uuid, E> {
        Uuid::try_parse(text).map_err(|e| E::custom(format_args!("UUID parsing failed: {e}")))
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        // The UUID is kept as its 128-bit number: ids key every map of a
        // GEP, and a number compares in one step, in the order of the
        // UUID's bytes (big-endian).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema)]
        #[schemars(transparent)]
        pub struct $name(#[schemars(with = "Uuid")] u128);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(UuidVisitor).map(Self::from_uuid)
            }
        }

        // As the UUID's own text (hyphenated, lower case), through
        // `collect_str` so that a serializer may skip writing it (the size
        // walk of `limits` does).
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl $name {
            /// Wraps a UUID.
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid.as_u128())
            }

            /// Builds an id from a 128-bit number: handy for tests and examples.
            pub const fn from_u128(n: u128) -> Self {
                Self(n)
            }

            /// The UUID.
            pub const fn as_uuid(&self) -> Uuid {
                Uuid::from_u128(self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // Written on the stack by `uuid`, without `fmt`'s machinery.
                f.write_str(self.as_uuid().hyphenated().encode_lower(&mut Uuid::encode_buffer()))
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self::from_uuid)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_every_form_of_uuid() {
        let other: PersonId = serde_json::from_str("\"6f1c2b9e0d7a4c1e9a532f4b8c0e7d11\"").unwrap();
        assert_eq!(other.to_string(), "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11");
        assert!(serde_json::from_str::<PersonId>("\"not-a-uuid\"").is_err());
        assert!(serde_json::from_str::<PersonId>("7").is_err());
        assert_eq!(serde_json::to_string(&other).unwrap(), format!("\"{other}\""));
        assert_eq!(other.as_uuid().to_string(), other.to_string());
        assert_eq!(PersonId::from_uuid(other.as_uuid()), other);
    }

    proptest::proptest! {
        #[test]
        fn ids_are_written_as_uuids_write_themselves(n: u128) {
            let id = GepId::from_u128(n);
            proptest::prop_assert_eq!(id.to_string(), Uuid::from_u128(n).to_string());
            proptest::prop_assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{}\"", Uuid::from_u128(n)));
        }
    }

    #[test]
    fn ids_sort_as_their_uuids() {
        let uuids = [
            "00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-0000000000ff",
            "00000000-0000-0000-0000-000000000100",
            "0f000000-0000-0000-0000-000000000000",
            "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11",
            "80000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
        ]
        .map(|text| Uuid::parse_str(text).unwrap());
        for a in uuids {
            for b in uuids {
                assert_eq!(
                    PersonId::from_uuid(a).cmp(&PersonId::from_uuid(b)),
                    a.cmp(&b),
                    "{a} {b}"
                );
                assert_eq!(GepId::from_uuid(a).partial_cmp(&GepId::from_uuid(b)), a.partial_cmp(&b));
            }
        }
    }
}

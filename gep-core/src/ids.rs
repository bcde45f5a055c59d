//! Identifiers: newtypes over UUIDs so that a GEP id and a person id cannot be mixed up.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

/// Reads a UUID from a text: the usual hyphenated form straight away (ids
/// fill the documents, and loading parses thousands of them), any other
/// form the `uuid` crate reads through it, with its error.
struct UuidVisitor;

impl serde::de::Visitor<'_> for UuidVisitor {
    type Value = Uuid;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a UUID")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Uuid, E> {
        match hyphenated(text.as_bytes()) {
            Some(uuid) => Ok(uuid),
            None => Uuid::parse_str(text).map_err(|e| E::custom(format_args!("UUID parsing failed: {e}"))),
        }
    }
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, in either case.
fn hyphenated(text: &[u8]) -> Option<Uuid> {
    if text.len() != 36 {
        return None;
    }
    let mut value: u128 = 0;
    for (i, &b) in text.iter().enumerate() {
        if matches!(i, 8 | 13 | 18 | 23) {
            if b != b'-' {
                return None;
            }
            continue;
        }
        let digit = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => return None,
        };
        value = (value << 4) | u128::from(digit);
    }
    Some(Uuid::from_u128(value))
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(UuidVisitor).map(Self)
            }
        }

        // As the UUID's own (hyphenated, lower case), written through
        // `collect_str` so that a serializer may skip the formatting.
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&self.0.hyphenated())
            }
        }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_reads_what_the_uuid_crate_reads() {
        for text in [
            "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11",
            "6F1C2B9E-0D7A-4C1E-9A53-2F4B8C0E7D11",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
        ] {
            assert_eq!(hyphenated(text.as_bytes()), Uuid::parse_str(text).ok(), "{text}");
        }
        for text in [
            "6f1c2b9e0d7a4c1e9a532f4b8c0e7d11",
            "{6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11}",
            "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d1g",
            "6f1c2b9e-0d7a-4c1e-9a53+2f4b8c0e7d11",
            "6f1c2b9e-0d7a-4c1e-9a532-f4b8c0e7d11",
        ] {
            assert_eq!(hyphenated(text.as_bytes()), None, "{text}");
        }
        let other: PersonId = serde_json::from_str("\"6f1c2b9e0d7a4c1e9a532f4b8c0e7d11\"").unwrap();
        assert_eq!(other.to_string(), "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11");
        assert!(serde_json::from_str::<PersonId>("\"not-a-uuid\"").is_err());
        assert!(serde_json::from_str::<PersonId>("7").is_err());
    }
}

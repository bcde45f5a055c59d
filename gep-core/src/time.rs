//! Timestamps: RFC 3339 with an explicit UTC offset, compared as instants.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, TimeDelta};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time with the UTC offset it was written with.
///
/// The core never reads a clock: every transition receives its timestamp.
/// A timestamp without an offset is refused (code `IN05`), since the same
/// wall-clock time means different instants in Paris and in Nouméa.
///
/// ```
/// use gep_core::Timestamp;
/// let t = Timestamp::parse("2026-03-12T09:30:00+01:00").unwrap();
/// assert_eq!(t.to_string(), "2026-03-12T09:30:00+01:00");
/// assert!(Timestamp::parse("2026-03-12T09:30:00").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(DateTime<FixedOffset>);

/// The marker our own deserialisation errors start with, so that the
/// document loader can give them their own code.
pub(crate) const TIMESTAMP_ERROR_TAG: &str = "gep-timestamp:";

impl Timestamp {
    /// Parses an RFC 3339 timestamp; the offset is required.
    ///
    /// # Errors
    /// When the text is not RFC 3339 with an offset, or out of range.
    pub fn parse(s: &str) -> Result<Self, chrono::ParseError> {
        DateTime::parse_from_rfc3339(s).map(Self)
    }

    /// Wraps a chrono date-time.
    pub const fn from_datetime(dt: DateTime<FixedOffset>) -> Self {
        Self(dt)
    }

    /// The chrono date-time inside.
    pub const fn as_datetime(&self) -> &DateTime<FixedOffset> {
        &self.0
    }

    /// The calendar day in the timestamp's own offset.
    pub fn local_date(&self) -> NaiveDate {
        self.0.date_naive()
    }

    /// `self - earlier`.
    pub fn since(&self, earlier: &Timestamp) -> TimeDelta {
        self.0.signed_duration_since(earlier.0)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TimestampVisitor)
    }
}

struct TimestampVisitor;

impl serde::de::Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 timestamp with a UTC offset")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Timestamp, E> {
        Timestamp::parse(text).map_err(|e| {
            E::custom(format_args!(
                "{TIMESTAMP_ERROR_TAG} `{text}` is not an RFC 3339 timestamp with a UTC offset ({e})"
            ))
        })
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 timestamp with an explicit UTC offset"
        })
    }
}

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
        match Rfc3339::write(self) {
            Some(text) => f.write_str(text.as_str()),
            None => f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Through `collect_str`, so that a serializer may skip writing it
        // (the size walk of `limits` does).
        serializer.collect_str(self)
    }
}

/// The RFC 3339 text of a timestamp, written on the stack, exactly as
/// chrono's `to_rfc3339_opts(SecondsFormat::AutoSi, true)` writes it: the
/// seconds' fraction in 0, 3, 6 or 9 digits, `Z` for a zero offset.
/// Documents hold hundreds of timestamps and this avoids `fmt` and an
/// allocation for each; a year outside 0–9999, a leap second or an offset
/// with seconds is left to chrono (`write` gives `None`).
struct Rfc3339 {
    bytes: [u8; 35],
    len: usize,
}

impl Rfc3339 {
    fn write(t: &Timestamp) -> Option<Rfc3339> {
        use chrono::{Datelike, Timelike};
        let local = t.0.naive_local();
        let offset = t.0.offset().local_minus_utc();
        let (year, nanos) = (local.year(), local.nanosecond());
        if !(0..=9999).contains(&year) || nanos >= 1_000_000_000 || offset % 60 != 0 {
            return None;
        }
        let mut out = Rfc3339 { bytes: [0; 35], len: 0 };
        out.digits(year.unsigned_abs(), 4);
        out.push(b'-');
        out.digits(local.month(), 2);
        out.push(b'-');
        out.digits(local.day(), 2);
        out.push(b'T');
        out.digits(local.hour(), 2);
        out.push(b':');
        out.digits(local.minute(), 2);
        out.push(b':');
        out.digits(local.second(), 2);
        if nanos != 0 {
            out.push(b'.');
            if nanos % 1_000_000 == 0 {
                out.digits(nanos / 1_000_000, 3);
            } else if nanos % 1_000 == 0 {
                out.digits(nanos / 1_000, 6);
            } else {
                out.digits(nanos, 9);
            }
        }
        if offset == 0 {
            out.push(b'Z');
        } else {
            out.push(if offset < 0 { b'-' } else { b'+' });
            let minutes = offset.unsigned_abs() / 60;
            out.digits(minutes / 60, 2);
            out.push(b':');
            out.digits(minutes % 60, 2);
        }
        Some(out)
    }

    /// `n` in exactly `width` decimal digits (callers keep `n` below
    /// `10^width`).
    fn digits(&mut self, mut n: u32, width: usize) {
        let end = self.len + width;
        for slot in self.bytes.get_mut(self.len..end).into_iter().flatten().rev() {
            // `n % 10` is a digit.
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
        }
        self.len = end;
    }

    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
        }
        self.len += 1;
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits and punctuation were written.
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn chrono_text(t: &Timestamp) -> String {
        t.0.to_rfc3339_opts(SecondsFormat::AutoSi, true)
    }

    #[test]
    fn written_as_chrono_writes_them() {
        for text in [
            "2026-03-12T09:30:00+01:00",
            "2026-03-12T09:30:00Z",
            "2026-03-12T09:30:00.5-09:30",
            "2026-03-12T09:30:00.000250+00:00",
            "2026-03-12T09:30:00.000000001+14:00",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999-12:00",
            "2016-12-31T23:59:60Z",
        ] {
            let t = Timestamp::parse(text).unwrap();
            assert_eq!(t.to_string(), chrono_text(&t), "{text}");
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", chrono_text(&t)));
        }
    }

    proptest! {
        #[test]
        fn any_instant_is_written_as_chrono_writes_it(
            seconds in -70_000_000_000_i64..260_000_000_000,
            nanos in prop_oneof![Just(0_u32), 0..1_000_u32, (0..1_000_u32).prop_map(|n| n * 1_000_000), 0..2_000_000_000_u32],
            offset in prop_oneof![(-1_440..=1_440_i32).prop_map(|m| m * 60), -86_399..86_400_i32],
        ) {
            let utc = DateTime::from_timestamp(seconds, nanos).map(|d| d.naive_utc());
            let zone = FixedOffset::east_opt(offset);
            if let (Some(utc), Some(zone)) = (utc, zone) {
                let t = Timestamp(zone.from_utc_datetime(&utc));
                prop_assert_eq!(t.to_string(), chrono_text(&t));
                prop_assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", chrono_text(&t)));
            }
        }
    }
}

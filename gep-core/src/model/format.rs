use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::time::Timestamp;

/// The kind of meeting (DE07).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FormatKind {
    /// An end of day or an evening: 2 h to 4 h.
    Evening,
    /// Half a day: 3 h to 5 h.
    HalfDay,
    /// A day: 5 h to 9 h, with an informal meal slot inside it.
    FullDay,
}

impl FormatKind {
    /// The allowed duration, in minutes, inclusive.
    pub const fn minutes(self) -> (i64, i64) {
        match self {
            FormatKind::Evening => (120, 240),
            FormatKind::HalfDay => (180, 300),
            FormatKind::FullDay => (300, 540),
        }
    }

    /// The wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            FormatKind::Evening => "evening",
            FormatKind::HalfDay => "half_day",
            FormatKind::FullDay => "full_day",
        }
    }
}

/// When the GEP takes place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Format {
    /// Evening, half day or full day.
    pub kind: FormatKind,
    /// Start, with its UTC offset.
    pub start: Timestamp,
    /// End, with its UTC offset.
    pub end: Timestamp,
    /// The informal meal slot; required for a full day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meal: Option<Slot>,
}

/// A time slot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    /// Start.
    pub start: Timestamp,
    /// End.
    pub end: Timestamp,
}

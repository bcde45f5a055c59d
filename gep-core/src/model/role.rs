use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The only roles in a GEP (PR01): peers, with no *sachant*.
///
/// On the wire a role is a plain string, so that a value no enum knows
/// (`"observer"`, `"trainer"`) still reaches the charter check and gets its
/// own code (PR07, PR01) rather than a parse error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Participant (*participant*).
    Participant,
    /// Facilitator (*animateur*): proposes a method, writes the synthesis.
    Facilitator,
    /// Guest (*invité*): a resource person, never a trainer or a lecturer.
    Guest,
}

impl Role {
    /// The wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::Facilitator => "facilitator",
            Role::Guest => "guest",
        }
    }

    /// Parses the exact wire name.
    pub fn from_wire(s: &str) -> Option<Role> {
        match s {
            "participant" => Some(Role::Participant),
            "facilitator" => Some(Role::Facilitator),
            "guest" => Some(Role::Guest),
            _ => None,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

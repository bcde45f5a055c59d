use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::PersonId;
use crate::time::Timestamp;

/// The report (*compte-rendu*) of a GEP, as written by a facilitator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// A facilitator of this GEP (DE05).
    pub author: PersonId,
    /// The synthesis of the key elements (DE05).
    pub synthesis: Synthesis,
    /// The text of the discussions, anonymised (DE08).
    pub discussion: String,
    /// A brief evaluation of the session (DE06: advised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<String>,
    /// The participants' expectations for future GEPs (DE06: advised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expectations: Option<String>,
    /// If set, an attendee who has not objected by then approves tacitly (DE09).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_deadline: Option<Timestamp>,
}

/// The synthesis (DE05): questions, resources to share, follow-ups. Each
/// section must be present; resources and follow-ups may be empty lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Synthesis {
    /// The questions worked on (*questionnement*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questions: Option<Vec<String>>,
    /// Resources to share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<String>>,
    /// Follow-ups (*suites à donner*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_ups: Option<Vec<String>>,
}

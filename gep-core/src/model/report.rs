use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::PersonId;
use crate::time::Timestamp;
use crate::violation::Path;

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
    /// Findings of the anonymisation scanner that the author waives, each
    /// with a reason (DE08). Shown with the report to the attendees who
    /// validate it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
}

/// The author's waiver of one error-level finding of the anonymisation
/// scanner (DE08): the finding is then kept as a warning.
///
/// A finding is named by its field, its text and its occurrence rather than
/// by offsets, so that the document means the same in every language
/// (offsets count bytes in Rust, UTF-16 units in JavaScript, code points in
/// Python).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The field of the report, from the report: `["discussion"]`,
    /// `["synthesis", "questions", 0]`…
    pub field: Path,
    /// The text of the finding, exactly as written.
    pub text: String,
    /// Which of the error-level findings with this text in this field, from
    /// 0 in text order.
    #[serde(default)]
    pub occurrence: usize,
    /// Why it does not identify anyone (a place, a street named after
    /// someone, a public figure…); required.
    pub reason: String,
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

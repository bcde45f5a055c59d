use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::PersonId;
use crate::model::Person;
use crate::time::Timestamp;

/// What the facilitator records at `hold`: who came, what became of the
/// questions, the subgroups, the plenary, case studies, documents, and the
/// attestations of PR03 and PR06.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    /// The known people who attended (team and registrants).
    pub attendance: Vec<PersonId>,
    /// People who joined on the day, without a registration (OR07: only
    /// without a cap).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub walk_ins: Vec<WalkIn>,
    /// The outcome of each proposed question (DE02).
    pub questions: Vec<QuestionOutcome>,
    /// Questions the participants added (DE02).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added_questions: Vec<String>,
    /// Subgroups, round by round (DE03).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<Round>,
    /// What the groups pooled in plenary, leads and proposals (DE04).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plenary: Vec<String>,
    /// Experiences presented in detail (DE12).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub case_studies: Vec<CaseStudy>,
    /// Documents handed out (DE11).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// The facilitator attests that nothing promotional was distributed (PR03).
    pub no_promotion: Attestation,
    /// The facilitator attests that nothing was recorded (PR06).
    pub no_recording: Attestation,
}

/// Someone who joined on the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WalkIn {
    /// Who.
    pub person: Person,
    /// Their role (PR01, PR07).
    pub role: String,
    /// Their acceptance of the confidentiality commitment (PR05).
    pub accepted_confidentiality: bool,
}

/// What became of one proposed question (DE02).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionOutcome {
    /// The index of the question in the proposal.
    pub question: usize,
    /// Adopted, reformulated or set aside.
    pub outcome: Outcome,
    /// The new wording, for a reformulated question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
}

/// The fate of a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Made their own by the participants.
    Adopted,
    /// Reformulated; the new wording is given.
    Reformulated,
    /// Set aside.
    SetAside,
}

/// One round of subgroups.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// The method, e.g. `world_cafe`, `ambassadors`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The subgroups: lists of attendees.
    pub subgroups: Vec<Vec<PersonId>>,
}

/// An experience presented in detail (DE12).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseStudy {
    /// An attending participant.
    pub presenter: PersonId,
    /// What it is about.
    pub title: String,
}

/// A document handed out (DE11).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// One of [`DocumentKind`]'s names; `promotional` is refused (PR03), a
    /// recording too (PR06), anything else not listed with DE11.
    pub kind: String,
    /// Its title.
    pub title: String,
    /// Required for `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The kinds of document the charter lists (DE11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// An article.
    Article,
    /// An account of experience (*récit d'expérience*).
    ExperienceAccount,
    /// Research work.
    ResearchWork,
    /// A list of organisations.
    OrganisationList,
    /// A list of resource sites.
    ResourceSites,
    /// Something else, described.
    Other,
}

impl DocumentKind {
    /// Parses the exact wire name.
    pub fn from_wire(s: &str) -> Option<DocumentKind> {
        Some(match s {
            "article" => DocumentKind::Article,
            "experience_account" => DocumentKind::ExperienceAccount,
            "research_work" => DocumentKind::ResearchWork,
            "organisation_list" => DocumentKind::OrganisationList,
            "resource_sites" => DocumentKind::ResourceSites,
            "other" => DocumentKind::Other,
            _ => return None,
        })
    }
}

/// A fact the library cannot observe, attested by a named person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attestation {
    /// Must be `true`.
    pub attested: bool,
    /// A facilitator of this GEP.
    pub by: PersonId,
    /// When; no later than the command.
    pub at: Timestamp,
}

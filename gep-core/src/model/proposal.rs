use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::PersonId;
use crate::model::{Format, Person};
use crate::time::Timestamp;

/// What an organiser proposes to the coordination team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// A short title.
    pub title: String,
    /// The general theme (DE01).
    pub theme: String,
    /// The questions proposed by the organisers (DE01): at least one.
    pub questions: Vec<String>,
    /// When (DE07).
    pub format: Format,
    /// Where.
    pub venue: Venue,
    /// The organising team: facilitators and guests, with their roles (PR01).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<TeamMember>,
    /// The organiser's acceptance of the charter (OR02).
    pub charter: CharterAcceptance,
    /// People introduced by this proposal: the organiser, the team, and any
    /// coordination member the later commands name.
    pub people: Vec<Person>,
}

/// Where the GEP takes place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    /// The name of the place.
    pub name: String,
    /// Street address, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The town or city.
    pub city: String,
}

/// A member of the organising team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    /// Who.
    pub person: PersonId,
    /// `facilitator` or `guest` (or `participant`); any other value is
    /// refused with PR01, an observer with PR07.
    pub role: String,
}

/// The organiser's acceptance of the charter (OR02).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CharterAcceptance {
    /// Must be `true`.
    pub accepted: bool,
    /// The version of the charter accepted, e.g. `"2019"`.
    pub version: String,
    /// When it was accepted; no later than the proposal.
    pub accepted_at: Timestamp,
}

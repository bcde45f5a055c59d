use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::PersonId;

/// A person known to a GEP.
///
/// Phone, organisation and e-mail are personal data: they never appear in the
/// report, and the organisation is never exported (PR04).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable identifier.
    pub id: PersonId,
    /// Given name (*prénom*).
    pub given_name: String,
    /// Family name (*nom*).
    pub family_name: String,
    /// E-mail address; one registration per address, folded for case.
    pub email: String,
    /// Phone number, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Organisation, if given; recorded but never exported (PR04).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Relation to the Institut de la Concertation.
    pub ic_status: IcStatus,
    /// Whether the person belongs to the IC's coordination team.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub coordination_team: bool,
}

impl Person {
    /// "Given Family".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }

    /// The e-mail address folded for comparison (trimmed, lower case).
    pub fn folded_email(&self) -> String {
        let email = self.email.trim();
        if email.is_ascii() {
            email.to_ascii_lowercase()
        } else {
            email.to_lowercase()
        }
    }
}

/// A person's relation to the IC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IcStatus {
    /// Member (*adhérent*): may organise a GEP (OR01).
    Member,
    /// Sympathiser (*sympathisant*).
    Sympathiser,
    /// Not a member; welcome all the same (OR06).
    NonMember,
}

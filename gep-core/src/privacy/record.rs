//! The IC record (OR08): what an approved GEP transmits to the IC's online
//! database, and nothing else.
//!
//! ```
//! use gep_core::sample;
//! let gep = sample::approved_gep()?;
//! let record = gep.ic_record()?;
//! assert_eq!(record.place.city, "Lyon");
//! assert_eq!(record.participants.len(), 11);
//! // Names form a separate list; the synthesis is anonymised (DE08), and no
//! // e-mail, phone or organisation appears anywhere (PR04).
//! let json = serde_json::to_string(&record)?;
//! assert!(!json.contains('@'));
//! assert!(!json.contains("Métropole de Lyon"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Its fields are exactly those the charter lists: *dates, lieux, thème,
//! noms des participants, synthèse des discussions*, plus the GEP's id. The
//! synthesis is redacted with [`Redactor`](super::Redactor) and one
//! placeholder per person across the whole record, every error-level
//! finding included, waived or not: a waiver lets a report through the
//! group's validation; what leaves the group is redacted all the same.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::redact::{Placeholders, Redactor};
use super::scanner::Scanner;
use crate::code::Code;
use crate::ids::GepId;
use crate::lifecycle::State;
use crate::model::Report;
use crate::time::Timestamp;
use crate::violation::{Path, Violation, Violations};

/// The IC record of an approved GEP.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IcRecord {
    /// The GEP.
    pub gep_id: GepId,
    /// When it took place.
    pub dates: Dates,
    /// Where.
    pub place: Place,
    /// The theme.
    pub theme: String,
    /// The names of the participants: every attendee, sorted by family name.
    pub participants: Vec<ParticipantName>,
    /// The synthesis of the discussions, anonymised.
    pub synthesis: RecordSynthesis,
}

/// The dates of the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// Start.
    pub start: Timestamp,
    /// End.
    pub end: Timestamp,
}

/// The place of the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The name of the venue.
    pub name: String,
    /// The town or city.
    pub city: String,
}

/// A participant's name, and nothing else about them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipantName {
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
}

/// The synthesis of the approved report, anonymised: its three sections
/// (DE05) and the text of the discussions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordSynthesis {
    /// The questions worked on.
    pub questions: Vec<String>,
    /// Resources to share.
    pub resources: Vec<String>,
    /// Follow-ups.
    pub follow_ups: Vec<String>,
    /// The discussions.
    pub discussion: String,
}

/// Redacts a report's synthesis and discussion, in the record's order, with
/// one redactor (so one placeholder per person across them). Returns the
/// redactor for the report's other texts.
pub(crate) fn redact_synthesis<'s>(report: &Report, scanner: &'s Scanner) -> (RecordSynthesis, Redactor<'s>) {
    let mut redactor = Redactor::new(scanner, Placeholders::default());
    let mut section = |items: &Option<Vec<String>>| -> Vec<String> {
        items.iter().flatten().map(|item| redactor.redact(item)).collect()
    };
    let questions = section(&report.synthesis.questions);
    let resources = section(&report.synthesis.resources);
    let follow_ups = section(&report.synthesis.follow_ups);
    let discussion = redactor.redact(&report.discussion);
    (
        RecordSynthesis {
            questions,
            resources,
            follow_ups,
            discussion,
        },
        redactor,
    )
}

/// OR08 for a GEP that is not approved.
pub(crate) fn not_approved(state: State) -> Violations {
    Violations(vec![
        Violation::error(
            Code::OR08,
            Path::root(),
            format!("seul un GEP approuvé a une fiche pour l'IC, pas un GEP dans l'état « {state} »"),
            format!("only an approved GEP has an IC record, not one in state `{state}`"),
        )
        .with("state", state),
    ])
}

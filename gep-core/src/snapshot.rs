//! A read-only view of the current state, derived from the GEP, for display.
//!
//! ```
//! use gep_core::{State, sample};
//! let snapshot = sample::approved_gep().unwrap().snapshot();
//! assert_eq!(snapshot.state, State::Approved);
//! assert!(snapshot.report.is_some());
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::any::AnyGep;
use crate::ids::{GepId, PersonId};
use crate::lifecycle::{Registrations, ReportState, Response, State};
use crate::model::{Format, Role, Venue, Waiver};
use crate::time::Timestamp;
use crate::violation::Violation;

/// The current state of a GEP, for display. Holds names but no contact
/// details or organisations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The GEP's id.
    pub gep_id: GepId,
    /// The state.
    pub state: State,
    /// The title.
    pub title: String,
    /// The theme.
    pub theme: String,
    /// The proposed questions.
    pub questions: Vec<String>,
    /// When.
    pub format: Format,
    /// Where.
    pub venue: Venue,
    /// The organiser.
    pub organiser: PersonId,
    /// Names of everyone known, by id.
    pub people: Vec<PersonName>,
    /// The organising team.
    pub team: Vec<Seat>,
    /// Registrations, from `announced` on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registrations: Option<RegistrationsView>,
    /// Attendees, from `held` on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendees: Option<Vec<Seat>>,
    /// The report and its validations, from `reported` on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<ReportView>,
    /// Why the GEP was declined or cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<String>,
    /// The number of events in the log.
    pub events: usize,
    /// When the last event happened.
    pub last_event_at: Timestamp,
    /// Every warning kept.
    pub warnings: Vec<Violation>,
}

/// A person's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonName {
    /// Who.
    pub id: PersonId,
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
}

/// A person and their role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Seat {
    /// Who.
    pub person: PersonId,
    /// Their role.
    pub role: Role,
}

/// The registrations at a glance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationsView {
    /// The cap, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<u32>,
    /// Admitted, in order of arrival.
    pub admitted: Vec<PersonId>,
    /// Waiting, in order of arrival.
    pub waiting: Vec<PersonId>,
    /// Withdrawn.
    pub withdrawn: Vec<PersonId>,
}

/// The report's validation at a glance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportView {
    /// The current revision.
    pub revision: u32,
    /// The deadline for tacit approval, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_deadline: Option<Timestamp>,
    /// Attendees who validated the current revision.
    pub validated_by: Vec<PersonId>,
    /// Attendees who objected, with their comments.
    pub objections: Vec<ObjectionView>,
    /// Attendees who have not answered.
    pub pending: Vec<PersonId>,
    /// The findings of the anonymisation scan that the author waived, with
    /// their reasons (DE08), for those who validate the report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
}

/// An objection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectionView {
    /// Who.
    pub person: PersonId,
    /// Why.
    pub comment: String,
}

fn seats<'a>(map: impl Iterator<Item = (&'a PersonId, &'a Role)>) -> Vec<Seat> {
    map.map(|(person, role)| Seat {
        person: *person,
        role: *role,
    })
    .collect()
}

fn registrations(regs: &Registrations) -> RegistrationsView {
    use crate::lifecycle::RegistrationStatus as S;
    let of = |status: S| {
        regs.entries()
            .iter()
            .filter(|e| e.status == status)
            .map(|e| e.person)
            .collect()
    };
    RegistrationsView {
        cap: regs.cap(),
        admitted: of(S::Admitted),
        waiting: regs.waiting().map(|e| e.person).collect(),
        withdrawn: of(S::Withdrawn),
    }
}

fn report_view<'a>(report: &ReportState, attendees: impl Iterator<Item = &'a PersonId>) -> ReportView {
    let mut view = ReportView {
        revision: report.revision(),
        validation_deadline: report.report().validation_deadline,
        validated_by: Vec::new(),
        objections: Vec::new(),
        pending: Vec::new(),
        waivers: report.report().waivers.clone(),
    };
    for person in attendees {
        match report.responses().get(person) {
            Some(Response::Validated { .. }) => view.validated_by.push(*person),
            Some(Response::Objected { comment, .. }) => view.objections.push(ObjectionView {
                person: *person,
                comment: comment.clone(),
            }),
            None => view.pending.push(*person),
        }
    }
    view
}

impl AnyGep {
    /// The current state, for display.
    pub fn snapshot(&self) -> Snapshot {
        let proposal = self.proposal();
        let organiser = self.organiser();
        let people = self.people();
        let team = seats(self.team().iter());
        let last_event_at = self.last_at();
        let mut snapshot = Snapshot {
            gep_id: self.id(),
            state: self.state(),
            title: proposal.title.clone(),
            theme: proposal.theme.clone(),
            questions: proposal.questions.clone(),
            format: proposal.format.clone(),
            venue: proposal.venue.clone(),
            organiser,
            people: people
                .into_iter()
                .map(|p| PersonName {
                    id: p.id,
                    given_name: p.given_name.clone(),
                    family_name: p.family_name.clone(),
                })
                .collect(),
            team,
            registrations: None,
            attendees: None,
            report: None,
            end_reason: None,
            events: self.log().len(),
            last_event_at,
            warnings: self.warnings().to_vec(),
        };
        match self {
            AnyGep::Announced(g) => snapshot.registrations = Some(registrations(g.registrations())),
            AnyGep::Held(g) => {
                snapshot.registrations = Some(registrations(g.registrations()));
                snapshot.attendees = Some(seats(g.attendees().iter()));
            }
            AnyGep::Reported(g) => {
                snapshot.registrations = Some(registrations(g.registrations()));
                snapshot.attendees = Some(seats(g.attendees().iter()));
                snapshot.report = Some(report_view(g.report(), g.attendees().keys()));
            }
            AnyGep::Approved(g) => {
                snapshot.registrations = Some(registrations(g.registrations()));
                snapshot.attendees = Some(seats(g.attendees().iter()));
                snapshot.report = Some(report_view(g.report(), g.attendees().keys()));
            }
            AnyGep::Declined(g) => snapshot.end_reason = Some(g.reason().to_owned()),
            AnyGep::Cancelled(g) => snapshot.end_reason = Some(g.reason().to_owned()),
            AnyGep::Proposed(_) | AnyGep::Validated(_) => {}
        }
        snapshot
    }
}

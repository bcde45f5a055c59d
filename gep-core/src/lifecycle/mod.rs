//! The lifecycle as a typed state machine: `Gep<S>`, one type per state.
//!
//! A transition consumes the GEP and returns the next state's type, so that
//! calling `approve` on a GEP that was never held does not compile. A refused
//! transition gives the unchanged GEP back inside [`Refused`], with every
//! violation found, as `std::sync::mpsc::SendError` gives back its value.
//!
//! ```
//! use gep_core::{Decision, sample};
//! let proposed = sample::proposed_gep().unwrap();
//! // A proposal may be declined by the coordination team…
//! let decision = Decision { reason: "doublon".into() };
//! let refused = proposed
//!     .decline(sample::at("2026-01-12T10:00:00+01:00"), sample::ORGANISER, decision)
//!     .unwrap_err();
//! // …but the organiser is not in it: the GEP comes back unchanged.
//! assert_eq!(refused.violations().codes(), vec![gep_core::Code::OR03]);
//! let proposed = refused.into_gep();
//! assert_eq!(proposed.log().len(), 1);
//! ```
//!
//! The states carry what exists from that state on: a `Gep<Held>` has a
//! session record, a `Gep<Reported>` a report with its validations.

mod announce;
mod checks;
mod consent;
mod hold;
mod propose;
mod register;
mod report;
mod retention;
mod support;
mod validate;

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::code::Code;
use crate::command::{Event, KeptWarning, LogEntry};
use crate::ids::{GepId, PersonId};
use crate::model::{Person, Proposal, Role};
use crate::person_map::PersonMap;
use crate::time::Timestamp;
use crate::violation::{Path, Violation, Violations};

pub use consent::{AcceptsConsent, Attended};
pub use register::{RegistrationEntry, RegistrationStatus, Registrations};
pub use report::{ReportState, Response};
pub use retention::{PURGED_COMMENT, purged_email};
pub use support::Open;

/// A GEP in state `S`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gep<S> {
    id: GepId,
    // Shared with the log's registrations rather than copied.
    people: PersonMap<Arc<Person>>,
    team: PersonMap<Role>,
    organiser: PersonId,
    // Boxed so that moving a GEP from state to state stays cheap.
    proposal: Box<Proposal>,
    log: Vec<LogEntry>,
    warnings: Vec<Violation>,
    /// Who agreed to be on the contact list (DE10).
    consents: PersonMap<()>,
    state: Box<S>,
}

/// A refused transition: the GEP, unchanged, and every violation found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused<S> {
    gep: Gep<S>,
    violations: Violations,
}

impl<S> Refused<S> {
    /// The violations (errors first found, with any warnings).
    pub fn violations(&self) -> &Violations {
        &self.violations
    }

    /// The GEP, unchanged.
    pub fn gep(&self) -> &Gep<S> {
        &self.gep
    }

    /// Takes the GEP back.
    pub fn into_gep(self) -> Gep<S> {
        self.gep
    }

    /// Both parts.
    pub fn into_parts(self) -> (Gep<S>, Violations) {
        (self.gep, self.violations)
    }
}

impl<S> fmt::Display for Refused<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "refused: {}", self.violations)
    }
}

impl<S: fmt::Debug> std::error::Error for Refused<S> {}

/// The result of a typed transition.
pub type Transition<From, To> = Result<Gep<To>, Refused<From>>;

/// Proposed, awaiting the coordination team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposed;

/// Validated by the coordination team (OR03, OR04).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validated {
    validated_at: Timestamp,
    validated_by: PersonId,
}

/// Announced: registrations are open until the start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announced {
    validated: Validated,
    announcement: crate::command::Announcement,
    registrations: Registrations,
}

/// Held: the session record is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    announced: Announced,
    session: crate::model::SessionRecord,
    attendees: PersonMap<Role>,
    held_at: Timestamp,
}

/// Reported: the report awaits the attendees' validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reported {
    held: Held,
    report: ReportState,
}

/// Approved: ready for the IC record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Approved {
    reported: Reported,
    approved_at: Timestamp,
}

/// Declined by the coordination team (an end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declined {
    reason: String,
}

/// Cancelled (an end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cancelled {
    reason: String,
}

/// The name of a state, for display and for the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// See [`Proposed`].
    Proposed,
    /// See [`Validated`].
    Validated,
    /// See [`Announced`].
    Announced,
    /// See [`Held`].
    Held,
    /// See [`Reported`].
    Reported,
    /// See [`Approved`].
    Approved,
    /// See [`Declined`].
    Declined,
    /// See [`Cancelled`].
    Cancelled,
}

impl State {
    /// The wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            State::Proposed => "proposed",
            State::Validated => "validated",
            State::Announced => "announced",
            State::Held => "held",
            State::Reported => "reported",
            State::Approved => "approved",
            State::Declined => "declined",
            State::Cancelled => "cancelled",
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Implemented by the state types.
pub trait GepState: fmt::Debug + Clone + sealed::Sealed {
    /// The state's name.
    const STATE: State;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! states {
    ($($t:ident),*) => {$(
        impl sealed::Sealed for $t {}
        impl GepState for $t {
            const STATE: State = State::$t;
        }
    )*};
}
states!(
    Proposed, Validated, Announced, Held, Reported, Approved, Declined, Cancelled
);

/// Read access, in every state.
impl<S: GepState> Gep<S> {
    /// The GEP's id.
    pub fn id(&self) -> GepId {
        self.id
    }

    /// The current state's name.
    pub fn state(&self) -> State {
        S::STATE
    }

    /// The event log, oldest first.
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    /// Every warning kept so far, oldest first.
    pub fn warnings(&self) -> &[Violation] {
        &self.warnings
    }

    /// The proposal as submitted.
    pub fn proposal(&self) -> &Proposal {
        &self.proposal
    }

    /// The organiser.
    pub fn organiser(&self) -> PersonId {
        self.organiser
    }

    /// A person known to the GEP.
    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.get(&id).map(Arc::as_ref)
    }

    /// Everyone known to the GEP.
    pub fn people(&self) -> impl Iterator<Item = &Person> {
        self.people.values().map(Arc::as_ref)
    }

    /// The organising team and their roles.
    pub fn team(&self) -> &PersonMap<Role> {
        &self.team
    }

    /// The time of the last event.
    pub fn last_at(&self) -> Timestamp {
        self.log.last().map_or(self.proposal.charter.accepted_at, |e| e.at)
    }

    fn is_facilitator(&self, id: PersonId) -> bool {
        self.team.get(&id) == Some(&Role::Facilitator)
    }

    fn is_coordination(&self, id: PersonId) -> bool {
        self.people.get(&id).is_some_and(|p| p.coordination_team)
    }

    /// The checks every command shares: the sizes (IN09), time never goes
    /// backwards (LC02), and the actor is known (LC03).
    fn common_checks(&self, at: Timestamp, actor: PersonId, payload: &impl Serialize, out: &mut Vec<Violation>) {
        self.size_checks(payload, out);
        checks::time_forward(self.last_at(), at, out);
        if !self.people.contains_key(&actor) {
            out.push(checks::unknown_person(Path::root().key("actor"), actor));
        }
    }

    /// IN09: the log is full, or a text or a list of the payload is past
    /// the [limits](crate::limits).
    fn size_checks(&self, payload: &impl Serialize, out: &mut Vec<Violation>) {
        crate::limits::check_events(self.log.len(), Path::root, out);
        crate::limits::check_payload(payload, &["action"], out);
    }

    /// Refuses when `found` holds an error, giving `self` back.
    fn refuse_on_errors(self, found: Vec<Violation>) -> Result<(Self, Vec<Violation>), Refused<S>> {
        if found.iter().any(Violation::is_error) {
            Err(Refused {
                gep: self,
                violations: Violations(found),
            })
        } else {
            Ok((self, found))
        }
    }
}

impl<S> Gep<S> {
    /// Makes room for `additional` more log entries (document loading knows
    /// how many are coming).
    pub(crate) fn reserve_log(&mut self, additional: usize) {
        self.log.reserve(additional);
    }

    /// Moves to another state, recording the event and its warnings.
    fn advance<T>(
        self,
        at: Timestamp,
        actor: PersonId,
        event: Event,
        warnings: Vec<Violation>,
        next: impl FnOnce(S) -> T,
    ) -> Gep<T> {
        let mut gep = Gep {
            id: self.id,
            people: self.people,
            team: self.team,
            organiser: self.organiser,
            proposal: self.proposal,
            log: self.log,
            warnings: self.warnings,
            consents: self.consents,
            state: Box::new(next(*self.state)),
        };
        gep.record(at, actor, event, warnings);
        gep
    }

    fn record(&mut self, at: Timestamp, actor: PersonId, event: Event, warnings: Vec<Violation>) {
        let kept = warnings.iter().filter_map(KeptWarning::from_violation).collect();
        self.log.push(LogEntry {
            at,
            actor,
            event,
            warnings: kept,
        });
        self.warnings.extend(warnings);
    }
}

/// Refusing a command for its state (LC01).
pub(crate) fn wrong_state(state: State, command: &str) -> Violation {
    Violation::error(
        Code::LC01,
        Path::root().key("action").key("type"),
        format!("la commande « {command} » n'est pas possible dans l'état « {state} »"),
        format!("command `{command}` is not allowed in state `{state}`"),
    )
    .with("state", state)
    .with("command", command)
}

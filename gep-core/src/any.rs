//! `AnyGep`: the dynamic layer over the typed state machine, for bindings and
//! storage. It takes commands at run time and calls the same typed
//! transitions, so each rule is implemented once.
//!
//! ```
//! use gep_core::{AnyGep, Code, Command, State, sample};
//! let gep = AnyGep::start(sample::GEP, sample::propose()).unwrap();
//! assert_eq!(gep.state(), State::Proposed);
//! // Holding a GEP that was never validated is refused with LC01, and the
//! // GEP comes back unchanged.
//! let refused = gep.apply(sample::hold()).unwrap_err();
//! assert_eq!(refused.violations().codes(), vec![Code::LC01]);
//! assert_eq!(refused.gep().state(), State::Proposed);
//! ```

use crate::command::{Action, Command, LogEntry};
use crate::ids::GepId;
use crate::lifecycle::{
    Announced, Approved, Cancelled, Declined, Gep, GepState, Held, Proposed, Refused, Reported, State, Validated,
    wrong_state,
};
use crate::violation::{Violation, Violations};

/// A GEP in whatever state it is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum AnyGep {
    Proposed(Gep<Proposed>),
    Validated(Gep<Validated>),
    Announced(Gep<Announced>),
    Held(Gep<Held>),
    Reported(Gep<Reported>),
    Approved(Gep<Approved>),
    Declined(Gep<Declined>),
    Cancelled(Gep<Cancelled>),
}

/// A refused command: the GEP, unchanged, and the violations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedCommand {
    gep: AnyGep,
    violations: Violations,
}

impl RefusedCommand {
    /// The violations.
    pub fn violations(&self) -> &Violations {
        &self.violations
    }

    /// The GEP, unchanged.
    pub fn gep(&self) -> &AnyGep {
        &self.gep
    }

    /// Both parts.
    pub fn into_parts(self) -> (AnyGep, Violations) {
        (self.gep, self.violations)
    }
}

impl std::fmt::Display for RefusedCommand {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "refused: {}", self.violations)
    }
}

impl std::error::Error for RefusedCommand {}

impl<S: GepState> From<Refused<S>> for RefusedCommand
where
    AnyGep: From<Gep<S>>,
{
    fn from(refused: Refused<S>) -> Self {
        let (gep, violations) = refused.into_parts();
        RefusedCommand {
            gep: gep.into(),
            violations,
        }
    }
}

macro_rules! from_gep {
    ($($s:ident),*) => {$(
        impl From<Gep<$s>> for AnyGep {
            fn from(gep: Gep<$s>) -> Self {
                AnyGep::$s(gep)
            }
        }
    )*};
}
from_gep!(
    Proposed, Validated, Announced, Held, Reported, Approved, Declined, Cancelled
);

/// Calls `$f` on the typed GEP inside, whatever its state.
macro_rules! each {
    ($any:expr, $g:ident => $f:expr) => {
        match $any {
            AnyGep::Proposed($g) => $f,
            AnyGep::Validated($g) => $f,
            AnyGep::Announced($g) => $f,
            AnyGep::Held($g) => $f,
            AnyGep::Reported($g) => $f,
            AnyGep::Approved($g) => $f,
            AnyGep::Declined($g) => $f,
            AnyGep::Cancelled($g) => $f,
        }
    };
}

fn step<S: GepState, T: GepState>(result: Result<Gep<T>, Refused<S>>) -> Result<AnyGep, RefusedCommand>
where
    AnyGep: From<Gep<S>> + From<Gep<T>>,
{
    result.map(AnyGep::from).map_err(RefusedCommand::from)
}

impl AnyGep {
    /// Starts a GEP from a `propose` command.
    ///
    /// # Errors
    /// The proposal's violations, or LC01 when the command is not `propose`;
    /// a command past the [limits](crate::limits) gets its IN09 alone.
    pub fn start(id: GepId, command: Command) -> Result<AnyGep, Violations> {
        let oversized = oversized(&command.action);
        if !oversized.is_empty() {
            return Err(Violations(oversized));
        }
        match command.action {
            Action::Propose(proposal) => Gep::propose(id, command.at, command.actor, proposal).map(AnyGep::Proposed),
            other => Err(Violations(vec![wrong_state_for_start(other.name())])),
        }
    }

    /// Applies a command: the new GEP, or the unchanged GEP with every
    /// violation.
    ///
    /// # Errors
    /// [`RefusedCommand`] with the violations; LC01 when the state does not
    /// take the command. A command past the [limits](crate::limits) gets its
    /// IN09 alone: input of that size is not checked further (the typed
    /// transitions, called with trusted values, report everything at once).
    pub fn apply(self, command: Command) -> Result<AnyGep, RefusedCommand> {
        let Command { at, actor, action } = command;
        let oversized = oversized(&action);
        if !oversized.is_empty() {
            return Err(RefusedCommand {
                gep: self,
                violations: Violations(oversized),
            });
        }
        match (self, action) {
            (AnyGep::Proposed(g), Action::Validate(x)) => step(g.validate(at, actor, x)),
            (AnyGep::Proposed(g), Action::Decline(x)) => step(g.decline(at, actor, x)),
            (AnyGep::Validated(g), Action::Announce(x)) => step(g.announce(at, actor, x)),
            (AnyGep::Validated(g), Action::Cancel(x)) => step(g.cancel(at, actor, x)),
            (AnyGep::Announced(g), Action::Cancel(x)) => step(g.cancel(at, actor, x)),
            (AnyGep::Announced(g), Action::Register(x)) => step(g.register(at, actor, x)),
            (AnyGep::Announced(g), Action::Withdraw(x)) => step(g.withdraw(at, actor, x)),
            (AnyGep::Announced(g), Action::Hold(x)) => step(g.hold(at, actor, x)),
            (AnyGep::Held(g), Action::Report(x)) => step(g.report(at, actor, x)),
            (AnyGep::Reported(g), Action::ValidateReport(x)) => step(g.validate_report(at, actor, x)),
            (AnyGep::Reported(g), Action::ObjectToReport(x)) => step(g.object_to_report(at, actor, x)),
            (AnyGep::Reported(g), Action::Revise(x)) => step(g.revise(at, actor, x)),
            (AnyGep::Reported(g), Action::Approve(x)) => step(g.approve(at, actor, x)),
            (AnyGep::Proposed(g), Action::RequestSupport(x)) => step(g.request_support(at, actor, x)),
            (AnyGep::Validated(g), Action::RequestSupport(x)) => step(g.request_support(at, actor, x)),
            (AnyGep::Announced(g), Action::RequestSupport(x)) => step(g.request_support(at, actor, x)),
            (AnyGep::Held(g), Action::RequestSupport(x)) => step(g.request_support(at, actor, x)),
            (AnyGep::Reported(g), Action::RequestSupport(x)) => step(g.request_support(at, actor, x)),
            (AnyGep::Approved(g), Action::RequestSupport(x)) => step(g.request_support(at, actor, x)),
            (AnyGep::Announced(g), Action::GiveConsent(x)) => step(g.give_consent(at, actor, x)),
            (AnyGep::Held(g), Action::GiveConsent(x)) => step(g.give_consent(at, actor, x)),
            (AnyGep::Reported(g), Action::GiveConsent(x)) => step(g.give_consent(at, actor, x)),
            (AnyGep::Approved(g), Action::GiveConsent(x)) => step(g.give_consent(at, actor, x)),
            (AnyGep::Announced(g), Action::WithdrawConsent(x)) => step(g.withdraw_consent(at, actor, x)),
            (AnyGep::Held(g), Action::WithdrawConsent(x)) => step(g.withdraw_consent(at, actor, x)),
            (AnyGep::Reported(g), Action::WithdrawConsent(x)) => step(g.withdraw_consent(at, actor, x)),
            (AnyGep::Approved(g), Action::WithdrawConsent(x)) => step(g.withdraw_consent(at, actor, x)),
            (AnyGep::Approved(g), Action::PurgePersonalData(x)) => step(g.purge_personal_data(at, actor, x)),
            (gep, action) => {
                let violation = wrong_state(gep.state(), action.name());
                Err(RefusedCommand {
                    gep,
                    violations: Violations(vec![violation]),
                })
            }
        }
    }

    pub(crate) fn reserve_log(&mut self, additional: usize) {
        each!(self, g => g.reserve_log(additional))
    }

    /// The state's name.
    pub fn state(&self) -> State {
        each!(self, g => g.state())
    }

    /// The GEP's id.
    pub fn id(&self) -> GepId {
        each!(self, g => g.id())
    }

    /// The event log.
    pub fn log(&self) -> &[LogEntry] {
        each!(self, g => g.log())
    }

    /// Every warning kept so far.
    pub fn warnings(&self) -> &[Violation] {
        each!(self, g => g.warnings())
    }

    /// The organiser.
    pub fn organiser(&self) -> crate::ids::PersonId {
        each!(self, g => g.organiser())
    }

    /// The organising team and their roles.
    pub fn team(&self) -> &crate::person_map::PersonMap<crate::model::Role> {
        each!(self, g => g.team())
    }

    /// Everyone known to the GEP, by id.
    pub fn people(&self) -> Vec<&crate::model::Person> {
        each!(self, g => g.people().collect())
    }

    /// The time of the last event.
    pub fn last_at(&self) -> crate::time::Timestamp {
        each!(self, g => g.last_at())
    }

    /// The proposal.
    pub fn proposal(&self) -> &crate::model::Proposal {
        each!(self, g => g.proposal())
    }

    /// The contact list for `requester` (DE10): see [`Gep::contact_list`].
    ///
    /// # Errors
    /// DE10 before `held`, for a declined or cancelled GEP, for a requester
    /// who did not attend, and once the personal data were purged.
    pub fn contact_list(&self, requester: crate::ids::PersonId) -> Result<Vec<crate::privacy::Contact>, Violations> {
        match self {
            AnyGep::Held(g) => g.contact_list(requester),
            AnyGep::Reported(g) => g.contact_list(requester),
            AnyGep::Approved(g) => g.contact_list(requester),
            other => Err(crate::privacy::no_contact_list(other.state())),
        }
    }

    /// The IC record (OR08): see [`Gep::ic_record`].
    ///
    /// # Errors
    /// OR08 when the GEP is not approved.
    pub fn ic_record(&self) -> Result<crate::privacy::IcRecord, Violations> {
        match self {
            AnyGep::Approved(g) => Ok(g.ic_record()),
            other => Err(crate::privacy::not_approved(other.state())),
        }
    }
}

fn wrong_state_for_start(command: &str) -> Violation {
    let mut v = wrong_state(State::Proposed, command);
    v.message_fr = format!("un GEP commence par « propose », pas par « {command} »");
    v.message_en = format!("a GEP starts with `propose`, not `{command}`");
    v
}

/// IN09 for the texts and lists of an action past the limits.
fn oversized(action: &Action) -> Vec<Violation> {
    let mut found = Vec::new();
    crate::limits::check_payload(action, &["action"], &mut found);
    found
}

//! Commands (what a caller asks) and events (what the log records).
//!
//! A command is `{"at": …, "actor": …, "action": {"type": "register", …}}`.
//! Each accepted command appends one event of the same payload to the log,
//! named in the past tense (`register` → `registered`); a withdrawal that
//! frees a seat also appends `admitted_from_waiting_list`.
//!
//! ```
//! use gep_core::Command;
//! let json = r#"{"at":"2026-03-01T10:00:00+01:00",
//!                "actor":"00000000-0000-0000-0000-000000000001",
//!                "action":{"type":"cancel","reason":"salle indisponible"}}"#;
//! let command: Command = serde_json::from_str(json).unwrap();
//! assert_eq!(command.action.name(), "cancel");
//! ```

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::code::Code;
use crate::ids::PersonId;
use crate::model::{Format, Person, Proposal, Report, SessionRecord};
use crate::time::Timestamp;
use crate::violation::{Path, Severity, Violation};

/// A command: who does what, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Command {
    /// When; never earlier than the GEP's last event (LC02).
    pub at: Timestamp,
    /// Who acts.
    pub actor: PersonId,
    /// What.
    pub action: Action,
}

impl Command {
    /// A command.
    pub fn new(at: Timestamp, actor: PersonId, action: Action) -> Self {
        Command { at, actor, action }
    }
}

/// What a command does. The large payloads are boxed, so that a command
/// (and an event) moves cheaply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// An IC member proposes a GEP (DE01, DE07, OR01, OR02, PR01).
    Propose(Box<Proposal>),
    /// The coordination team validates the setup and theme (OR03, OR04).
    Validate(Box<Validation>),
    /// The coordination team declines the proposal (OR03).
    Decline(Decision),
    /// The organiser announces the GEP (OR05, OR06, OR07).
    Announce(Announcement),
    /// The organiser or the coordination team cancels the GEP.
    Cancel(Decision),
    /// Someone registers (OR06, OR07, PR01, PR04, PR05, PR07).
    Register(Box<Registration>),
    /// A registrant withdraws; the first waiting is admitted (OR07).
    Withdraw(Withdrawal),
    /// A facilitator records the session (DE02, DE03, DE11, DE12, OR07, PR03, PR06).
    Hold(Box<SessionRecord>),
    /// A facilitator submits the report (DE05, DE06).
    Report(Box<Report>),
    /// An attendee validates the current revision of the report (DE09).
    ValidateReport(ReportResponse),
    /// An attendee objects to the current revision, with a comment (DE09).
    ObjectToReport(ReportObjection),
    /// A facilitator revises the report: new revision, validations reset (DE09).
    Revise(Box<Report>),
    /// The report is approved for transmission to the IC (DE09).
    Approve(Approval),
    /// A facilitator asks the IC for support (OR09).
    RequestSupport(SupportRequest),
    /// The actor agrees that their contact details go on the contact list
    /// (DE10); from `announced` on.
    GiveConsent(Consent),
    /// The actor withdraws that agreement (DE10); from `announced` on.
    WithdrawConsent(Consent),
    /// Purges the personal data the IC record does not need, once approved
    /// (data retention; PR04, OR08).
    PurgePersonalData(Purge),
}

impl Action {
    /// The command's wire name, e.g. `"validate_report"`.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Propose(_) => "propose",
            Action::Validate(_) => "validate",
            Action::Decline(_) => "decline",
            Action::Announce(_) => "announce",
            Action::Cancel(_) => "cancel",
            Action::Register(_) => "register",
            Action::Withdraw(_) => "withdraw",
            Action::Hold(_) => "hold",
            Action::Report(_) => "report",
            Action::ValidateReport(_) => "validate_report",
            Action::ObjectToReport(_) => "object_to_report",
            Action::Revise(_) => "revise",
            Action::Approve(_) => "approve",
            Action::RequestSupport(_) => "request_support",
            Action::GiveConsent(_) => "give_consent",
            Action::WithdrawConsent(_) => "withdraw_consent",
            Action::PurgePersonalData(_) => "purge_personal_data",
        }
    }
}

/// The coordination team's validation (OR03, OR04).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Validation {
    /// The format validated; must be the proposal's (OR03).
    pub format: Format,
    /// The theme validated; must be the proposal's (OR03).
    pub theme: String,
    /// The meeting with the coordination team (OR04).
    pub meeting: Meeting,
    /// Coordination members not yet known to the GEP.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
}

/// The meeting between the organiser and the coordination team (OR04).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// When; no later than the validation.
    pub at: Timestamp,
    /// The coordination members who took part: at least one.
    pub coordination_members: Vec<PersonId>,
}

/// A decision to decline or to cancel, with its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Why.
    pub reason: String,
}

/// The announcement (OR05, OR06, OR07).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Announcement {
    /// Published on the IC's site (OR05).
    pub ic_site: bool,
    /// Sent to the IC's mailing list (OR05).
    pub mailing_list: bool,
    /// Registration restricted to members: always refused (OR06).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub members_only: bool,
    /// The maximum number of participants, if capped (OR07).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<u32>,
    /// The online registration form; required with a cap (OR07).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_form: Option<String>,
}

/// Reads a person straight into its shared allocation (serde's own `Arc`
/// reads into a `Box` first, then moves it).
fn shared_person<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Arc<Person>, D::Error> {
    Person::deserialize(deserializer).map(Arc::new)
}

/// A registration (OR07).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// Who registers.
    // Shared with the GEP's roster rather than copied into it: build with
    // `person.into()`, change with `Arc::make_mut`.
    #[serde(deserialize_with = "shared_person")]
    #[schemars(with = "Person")]
    pub person: Arc<Person>,
    /// `participant` usually; PR01 and PR07 apply.
    pub role: String,
    /// The confidentiality commitment (PR05): must be `true`.
    pub accepted_confidentiality: bool,
    /// Registering on behalf of an organisation is refused (PR04).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
    /// Why the person comes; observation or research is refused (PR07).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
}

/// A registrant withdraws.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    /// The registrant.
    pub person: PersonId,
}

/// The first person on the waiting list takes a freed seat (OR07).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Admission {
    /// Who is admitted.
    pub person: PersonId,
}

/// An attendee validates a revision of the report (DE09).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportResponse {
    /// The revision validated; must be the current one.
    pub revision: u32,
}

/// An attendee objects to a revision of the report (DE09).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportObjection {
    /// The revision objected to; must be the current one.
    pub revision: u32,
    /// Why; required.
    pub comment: String,
}

/// The approval of the report (DE09).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {}

/// A request for the IC's support (OR09).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportRequest {
    /// What the support is about (content, facilitation, report…).
    pub topic: String,
}

/// A change of consent to the contact list (DE10): the actor's own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consent {}

/// The purge of personal data after approval.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purge {}

/// One entry of the event log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// When.
    pub at: Timestamp,
    /// Who.
    pub actor: PersonId,
    /// What happened.
    pub event: Event,
    /// The warnings this event raised, kept with it. Recomputed on loading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<KeptWarning>,
}

/// A warning as kept in the log: its code and path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeptWarning {
    /// The code.
    pub code: Code,
    /// Where, relative to the event.
    pub path: Path,
}

impl KeptWarning {
    pub(crate) fn from_violation(v: &Violation) -> Option<KeptWarning> {
        (v.severity == Severity::Warning).then(|| KeptWarning {
            code: v.code,
            path: v.path.clone(),
        })
    }
}

/// What happened: the log's events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// See [`Action::Propose`].
    Proposed(Box<Proposal>),
    /// See [`Action::Validate`].
    Validated(Box<Validation>),
    /// See [`Action::Decline`].
    Declined(Decision),
    /// See [`Action::Announce`].
    Announced(Announcement),
    /// See [`Action::Cancel`].
    Cancelled(Decision),
    /// See [`Action::Register`].
    Registered(Box<Registration>),
    /// See [`Action::Withdraw`].
    Withdrew(Withdrawal),
    /// Derived from a withdrawal that freed a seat (OR07).
    AdmittedFromWaitingList(Admission),
    /// See [`Action::Hold`].
    Held(Box<SessionRecord>),
    /// See [`Action::Report`].
    Reported(Box<Report>),
    /// See [`Action::ValidateReport`].
    ReportValidated(ReportResponse),
    /// See [`Action::ObjectToReport`].
    ReportObjected(ReportObjection),
    /// See [`Action::Revise`].
    Revised(Box<Report>),
    /// See [`Action::Approve`].
    Approved(Approval),
    /// See [`Action::RequestSupport`].
    SupportRequested(SupportRequest),
    /// See [`Action::GiveConsent`].
    ConsentGiven(Consent),
    /// See [`Action::WithdrawConsent`].
    ConsentWithdrawn(Consent),
    /// See [`Action::PurgePersonalData`]. The events before it have their
    /// personal data purged (see [`Gep::purge_personal_data`](crate::Gep)).
    PersonalDataPurged(Purge),
}

impl Event {
    /// The command that produces this event, or `None` for a derived event.
    pub fn into_action(self) -> Result<Action, Event> {
        Ok(match self {
            Event::Proposed(x) => Action::Propose(x),
            Event::Validated(x) => Action::Validate(x),
            Event::Declined(x) => Action::Decline(x),
            Event::Announced(x) => Action::Announce(x),
            Event::Cancelled(x) => Action::Cancel(x),
            Event::Registered(x) => Action::Register(x),
            Event::Withdrew(x) => Action::Withdraw(x),
            Event::Held(x) => Action::Hold(x),
            Event::Reported(x) => Action::Report(x),
            Event::ReportValidated(x) => Action::ValidateReport(x),
            Event::ReportObjected(x) => Action::ObjectToReport(x),
            Event::Revised(x) => Action::Revise(x),
            Event::Approved(x) => Action::Approve(x),
            Event::SupportRequested(x) => Action::RequestSupport(x),
            Event::ConsentGiven(x) => Action::GiveConsent(x),
            Event::ConsentWithdrawn(x) => Action::WithdrawConsent(x),
            Event::PersonalDataPurged(x) => Action::PurgePersonalData(x),
            derived @ Event::AdmittedFromWaitingList(_) => return Err(derived),
        })
    }

    /// The event's wire name, e.g. `"report_validated"`.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Proposed(_) => "proposed",
            Event::Validated(_) => "validated",
            Event::Declined(_) => "declined",
            Event::Announced(_) => "announced",
            Event::Cancelled(_) => "cancelled",
            Event::Registered(_) => "registered",
            Event::Withdrew(_) => "withdrew",
            Event::AdmittedFromWaitingList(_) => "admitted_from_waiting_list",
            Event::Held(_) => "held",
            Event::Reported(_) => "reported",
            Event::ReportValidated(_) => "report_validated",
            Event::ReportObjected(_) => "report_objected",
            Event::Revised(_) => "revised",
            Event::Approved(_) => "approved",
            Event::SupportRequested(_) => "support_requested",
            Event::ConsentGiven(_) => "consent_given",
            Event::ConsentWithdrawn(_) => "consent_withdrawn",
            Event::PersonalDataPurged(_) => "personal_data_purged",
        }
    }
}

mod action_de {
    use super::*;
    crate::tagged::deserialize_tagged!(Action, "a command's action, tagged by `type`", {
        "propose" => Propose(Box<Proposal>),
        "validate" => Validate(Box<Validation>),
        "decline" => Decline(Decision),
        "announce" => Announce(Announcement),
        "cancel" => Cancel(Decision),
        "register" => Register(Box<Registration>),
        "withdraw" => Withdraw(Withdrawal),
        "hold" => Hold(Box<SessionRecord>),
        "report" => Report(Box<Report>),
        "validate_report" => ValidateReport(ReportResponse),
        "object_to_report" => ObjectToReport(ReportObjection),
        "revise" => Revise(Box<Report>),
        "approve" => Approve(Approval),
        "request_support" => RequestSupport(SupportRequest),
        "give_consent" => GiveConsent(Consent),
        "withdraw_consent" => WithdrawConsent(Consent),
        "purge_personal_data" => PurgePersonalData(Purge),
    });
}

mod event_de {
    use super::*;
    crate::tagged::deserialize_tagged!(Event, "an event, tagged by `type`", {
        "proposed" => Proposed(Box<Proposal>),
        "validated" => Validated(Box<Validation>),
        "declined" => Declined(Decision),
        "announced" => Announced(Announcement),
        "cancelled" => Cancelled(Decision),
        "registered" => Registered(Box<Registration>),
        "withdrew" => Withdrew(Withdrawal),
        "admitted_from_waiting_list" => AdmittedFromWaitingList(Admission),
        "held" => Held(Box<SessionRecord>),
        "reported" => Reported(Box<Report>),
        "report_validated" => ReportValidated(ReportResponse),
        "report_objected" => ReportObjected(ReportObjection),
        "revised" => Revised(Box<Report>),
        "approved" => Approved(Approval),
        "support_requested" => SupportRequested(SupportRequest),
        "consent_given" => ConsentGiven(Consent),
        "consent_withdrawn" => ConsentWithdrawn(Consent),
        "personal_data_purged" => PersonalDataPurged(Purge),
    });
}

//! # gep-core
//!
//! The charter of the *Groupes d'échange de pratiques* (GEP) of the
//! *Institut de la Concertation* (IC), as a typed state machine.
//!
//! A GEP is a half-day-to-a-day meeting where practitioners of public
//! participation exchange their practices as peers. The charter says how a
//! GEP is proposed, validated, announced, held, reported and approved; this
//! crate enforces every rule of it, with stable codes ([`Code`]), every
//! violation at once, in French and in English.
//!
//! ```
//! use gep_core::{AnyGep, Code, State, sample};
//!
//! // An IC member proposes a GEP; the coordination team validates it.
//! let gep = AnyGep::start(sample::GEP, sample::propose())?;
//! let gep = gep.apply(sample::validate())?;
//! assert_eq!(gep.state(), State::Validated);
//!
//! // An announcement on the IC site only is refused (OR05), and the GEP
//! // comes back unchanged with every violation.
//! let mut announce = sample::announce(Some(40));
//! if let gep_core::Action::Announce(a) = &mut announce.action {
//!     a.mailing_list = false;
//! }
//! let refused = gep.apply(announce).unwrap_err();
//! assert_eq!(refused.violations().codes(), vec![Code::OR05]);
//! let (gep, _) = refused.into_parts();
//! assert_eq!(gep.state(), State::Validated);
//!
//! // The event log is the document.
//! let saved = gep.to_json();
//! assert_eq!(AnyGep::from_json(&saved).unwrap(), gep);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Layout
//! - [`Gep`] and its states ([`lifecycle`]): the typed transitions, where
//!   every rule is checked.
//! - [`AnyGep`]: the same transitions, taken as [`Command`]s at run time.
//! - [`document`]: the JSON event log; loading replays it.
//! - [`Snapshot`]: the current state, for display.
//! - [`PersonMap`]: the maps by person id that the states give (the team,
//!   the attendees, the responses to a report).
//! - [`privacy`]: the anonymisation scanner and redaction (DE08, PR02), the
//!   contact list (DE10), the IC record (OR08).
//! - [`Violation`], [`Code`]: violations as data; the table of codes.
//! - [`schema`]: the JSON Schemas of the wire formats.
//! - [`planner`]: table plans for the day (DE03), pure and seeded.
//! - [`limits`]: the sizes accepted, refused with IN09 before any costly
//!   work.
//!
//! ## Codes
//! Each code is documented on its [`Code`] variant: what it checks, why
//! (quoting the charter), an example, and what to do instead.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod any;
mod code;
mod command;
pub mod document;
pub mod ffi;
mod ids;
pub mod lifecycle;
pub mod limits;
mod locate;
pub mod model;
mod order;
pub mod person_map;
pub mod planner;
pub mod privacy;
pub mod sample;
pub mod schema;
mod snapshot;
mod strict;
mod tagged;
mod time;
mod violation;

pub use any::{AnyGep, RefusedCommand};
pub use code::{Code, RuleSeverity, UnknownCode};
pub use command::{
    Action, Admission, Announcement, Approval, Command, Consent, Decision, Event, KeptWarning, LogEntry, Meeting,
    Purge, Registration, ReportObjection, ReportResponse, SupportRequest, Validation, Withdrawal,
};
pub use document::{Document, FORMAT_VERSION, MAX_DOCUMENT_BYTES};
pub use ids::{GepId, PersonId};
pub use lifecycle::{Gep, Refused, State, Transition};
pub use person_map::PersonMap;
pub use snapshot::{ObjectionView, PersonName, RegistrationsView, ReportView, Seat, Snapshot};
pub use time::Timestamp;
pub use violation::{Path, PathSegment, Severity, Violation, Violations};

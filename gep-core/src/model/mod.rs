//! The domain model: people, roles, the format of a meeting, the proposal,
//! the session record and the report. These are plain data; the rules that
//! apply to them are checked by the lifecycle transitions.

mod format;
mod person;
mod proposal;
mod report;
mod role;
mod session;

pub use format::{Format, FormatKind, Slot};
pub use person::{IcStatus, Person};
pub use proposal::{CharterAcceptance, Proposal, TeamMember, Venue};
pub use report::{Report, Synthesis, Waiver};
pub use role::Role;
pub use session::{
    Attestation, CaseStudy, Document, DocumentKind, Outcome, QuestionOutcome, Round, SessionRecord, WalkIn,
};

//! Privacy by construction: a GEP is confidential (PR05), its report names
//! no one (DE08), and what leaves the group is strictly limited (PR04, DE10,
//! OR08).
//!
//! ```
//! use gep_core::privacy::{FindingKind, Scanner};
//! use gep_core::{sample, Severity};
//!
//! // The scanner knows who was in the room.
//! let gep = sample::approved_gep()?;
//! let scanner = Scanner::from_people(gep.people());
//! let text = "D’après Léa, la démarche de Mme Le Goff (francoise.legoff@exemple.fr) \
//!             a inspiré la Métropole de Lyon.";
//! let kinds: Vec<_> = scanner.scan(text).iter().map(|f| (f.kind, f.severity)).collect();
//! assert_eq!(kinds, vec![
//!     (FindingKind::Name, Severity::Error),
//!     (FindingKind::Name, Severity::Error),
//!     (FindingKind::Email, Severity::Error),
//!     (FindingKind::Organisation, Severity::Warning),
//! ]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! - [`Folded`], [`fold`]: text folding with a byte map back to the original.
//! - [`Scanner`], [`Finding`]: the anonymisation scanner (DE08), and
//!   [`best_practices`] (PR02).
//! - [`Redactor`], [`redact`]: the anonymised text, with placeholders.
//! - [`Contact`]: the consented contact list (DE10), from
//!   [`Gep::contact_list`](crate::Gep::contact_list).
//! - [`IcRecord`]: the IC record (OR08), from
//!   [`Gep::<Approved>::ic_record`](crate::Gep::ic_record).
//!
//! Retention: once approved, [`Action::PurgePersonalData`](crate::Action)
//! purges what the IC record does not need (see
//! [`Gep::purge_personal_data`](crate::Gep::purge_personal_data)).

mod contacts;
mod fold;
mod index;
mod record;
mod redact;
mod scanner;

pub use contacts::Contact;
pub(crate) use contacts::{contact_list, no_contact_list};
pub use fold::{Folded, fold};
pub(crate) use index::FnvMap;
pub use record::{Dates, IcRecord, ParticipantName, Place, RecordSynthesis};
pub(crate) use record::{not_approved, redact_synthesis};
pub use redact::{Placeholders, Redactor, letters, redact};
pub use scanner::{Finding, FindingKind, RosterEntry, Scanner, best_practices};

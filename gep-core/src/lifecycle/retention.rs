//! `purge_personal_data`: once the report is approved, the personal data
//! the IC record does not need leave the document.
//!
//! The document is the log, so the purge rewrites the events before it:
//! - every person keeps their id and names (the IC record lists the
//!   participants), loses their phone and organisation, and gets the
//!   placeholder address `<id>@purged.invalid` (the reserved `.invalid`
//!   domain, unique per person, so the purged events still pass the checks
//!   of an e-mail address and of one registration per address);
//! - objection comments become [`PURGED_COMMENT`];
//! - the texts of every revision of the report are redacted as in the IC
//!   record (so the current one *is* the IC record's synthesis), and their
//!   waivers dropped, there being nothing left to waive.
//!
//! The purged log is then replayed from the start: the purged document is
//! nothing but an ordinary log that the state machine accepts, loads like
//! any other and gives the same IC record. Purging an already purged log
//! changes nothing, so loading a purged document does not replay it twice.

use std::sync::Arc;

use super::checks::actor_not_allowed;
use super::{Approved, Gep, Refused};
use crate::any::AnyGep;
use crate::command::{Event, LogEntry, Purge};
use crate::ids::PersonId;
use crate::model::{Person, Report};
use crate::privacy::{Scanner, redact_synthesis};
use crate::time::Timestamp;
use crate::violation::Violations;

/// What an objection's comment becomes.
pub const PURGED_COMMENT: &str = "[commentaire supprimé]";

/// The placeholder e-mail address of a purged person.
pub fn purged_email(id: PersonId) -> String {
    format!("{id}@purged.invalid")
}

fn purge_person(person: &mut Person) {
    person.email = purged_email(person.id);
    person.phone = None;
    person.organisation = None;
}

fn purge_report(report: &mut Report, scanner: &Scanner) {
    let (synthesis, mut redactor) = redact_synthesis(report, scanner);
    let s = &mut report.synthesis;
    for (section, redacted) in [
        (&mut s.questions, synthesis.questions),
        (&mut s.resources, synthesis.resources),
        (&mut s.follow_ups, synthesis.follow_ups),
    ] {
        if let Some(items) = section {
            *items = redacted;
        }
    }
    report.discussion = synthesis.discussion;
    for text in [&mut report.evaluation, &mut report.expectations].into_iter().flatten() {
        *text = redactor.redact(text);
    }
    report.waivers.clear();
}

/// The log with its personal data purged.
fn purged_log(log: &[LogEntry], scanner: &Scanner) -> Vec<LogEntry> {
    let mut log = log.to_vec();
    for entry in &mut log {
        match &mut entry.event {
            Event::Proposed(p) => p.people.iter_mut().for_each(purge_person),
            Event::Validated(v) => v.people.iter_mut().for_each(purge_person),
            Event::Registered(r) => {
                purge_person(Arc::make_mut(&mut r.person));
                r.on_behalf_of = None;
            }
            Event::Held(record) => record.walk_ins.iter_mut().for_each(|w| purge_person(&mut w.person)),
            Event::Reported(report) | Event::Revised(report) => purge_report(report, scanner),
            Event::ReportObjected(o) => PURGED_COMMENT.clone_into(&mut o.comment),
            _ => {}
        }
    }
    log
}

impl Gep<Approved> {
    /// Purges the personal data the IC record does not need: e-mail
    /// addresses, phones and organisations of everyone, objection comments,
    /// and the names in the report's texts (see the module's page). The
    /// IC record is unchanged; the contact list is gone (DE10).
    ///
    /// # Errors
    /// LC04 (not a facilitator, the organiser or a member of the
    /// coordination team), LC02, LC03.
    pub fn purge_personal_data(self, at: Timestamp, actor: PersonId, purge: Purge) -> Result<Self, Refused<Approved>> {
        let mut found = Vec::new();
        self.common_checks(at, actor, &purge, &mut found);
        if self.people.contains_key(&actor)
            && actor != self.organiser
            && !self.is_facilitator(actor)
            && !self.is_coordination(actor)
        {
            found.push(actor_not_allowed(
                "un animateur, l'organisateur ou l'équipe de coordination",
                "a facilitator, the organiser or the coordination team",
            ));
        }
        let (gep, warnings) = self.refuse_on_errors(found)?;
        let scanner = Scanner::from_people(gep.people());
        let log = purged_log(&gep.log, &scanner);
        let mut gep = if log == gep.log {
            gep
        } else {
            match crate::document::replay_log(gep.id, log) {
                Ok(AnyGep::Approved(purged)) => purged,
                // The purged log keeps every rule the original kept; if it
                // did not, nothing is purged rather than anything lost.
                Ok(other) => {
                    let violation = super::wrong_state(other.state(), "purge_personal_data");
                    return Err(Refused {
                        gep,
                        violations: Violations(vec![violation]),
                    });
                }
                Err(violations) => return Err(Refused { gep, violations }),
            }
        };
        gep.record(at, actor, Event::PersonalDataPurged(purge), warnings);
        Ok(gep)
    }
}

//! `request_support`: a facilitator asks the IC for support (OR09). It
//! blocks nothing and is accepted in every state but the two ends.

use super::checks::{actor_not_allowed, blank};
use super::{Announced, Approved, Gep, GepState, Held, Proposed, Refused, Reported, Validated};
use crate::code::Code;
use crate::command::{Event, SupportRequest};
use crate::ids::PersonId;
use crate::time::Timestamp;
use crate::violation::{Path, Violation};

/// The states in which a GEP is still open (not declined, not cancelled).
pub trait Open: GepState {}
impl Open for Proposed {}
impl Open for Validated {}
impl Open for Announced {}
impl Open for Held {}
impl Open for Reported {}
impl Open for Approved {}

impl<S: Open> Gep<S> {
    /// Records a request for the IC's support.
    ///
    /// # Errors
    /// IN07 (no topic), LC04 (not a facilitator or the organiser), LC02, LC03.
    pub fn request_support(self, at: Timestamp, actor: PersonId, request: SupportRequest) -> Result<Self, Refused<S>> {
        let mut found = Vec::new();
        self.common_checks(at, actor, &request, &mut found);
        if self.people.contains_key(&actor) && actor != self.organiser && !self.is_facilitator(actor) {
            found.push(actor_not_allowed(
                "un animateur ou l'organisateur",
                "a facilitator or the organiser",
            ));
        }
        if blank(&request.topic) {
            found.push(Violation::error(
                Code::IN07,
                Path::root().key("action").key("topic"),
                "l'objet de la demande est vide",
                "the topic of the request is empty",
            ));
        }
        let (mut gep, warnings) = self.refuse_on_errors(found)?;
        gep.record(at, actor, Event::SupportRequested(request), warnings);
        Ok(gep)
    }
}

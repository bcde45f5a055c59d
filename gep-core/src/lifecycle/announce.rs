//! `announce` (OR05, OR06, OR07) and `cancel`.

use super::checks::{actor_not_allowed, blank};
use super::validate::reason_given;
use super::{Announced, Cancelled, Gep, GepState, Registrations, Transition, Validated};
use crate::code::Code;
use crate::command::{Announcement, Decision, Event};
use crate::ids::PersonId;
use crate::time::Timestamp;
use crate::violation::{Path, Violation};

impl Gep<Validated> {
    /// The organiser (or a facilitator) announces the GEP: registration
    /// opens.
    ///
    /// # Errors
    /// OR05 (a channel is missing), OR06 (restricted to members), OR07 (a
    /// cap without a registration form, a cap of zero, an announcement after
    /// the start), LC02, LC03, LC04.
    pub fn announce(
        self,
        at: Timestamp,
        actor: PersonId,
        announcement: Announcement,
    ) -> Transition<Validated, Announced> {
        let mut found = Vec::new();
        self.common_checks(at, actor, &announcement, &mut found);
        if self.people.contains_key(&actor) && actor != self.organiser && !self.is_facilitator(actor) {
            found.push(actor_not_allowed(
                "l'organisateur ou un animateur",
                "the organiser or a facilitator",
            ));
        }
        let root = Path::root().key("action");
        for (field, on, fr, en) in [
            ("ic_site", announcement.ic_site, "le site de l'IC", "the IC's site"),
            (
                "mailing_list",
                announcement.mailing_list,
                "la liste de diffusion",
                "the mailing list",
            ),
        ] {
            if !on {
                found.push(Violation::error(
                    Code::OR05,
                    root.clone().key(field),
                    format!("le GEP est annoncé largement, notamment sur {fr}"),
                    format!("the GEP is announced broadly, including on {en}"),
                ));
            }
        }
        if announcement.members_only {
            found.push(Violation::error(
                Code::OR06,
                root.clone().key("members_only"),
                "l'inscription ne peut être réservée aux membres : les non-membres sont bienvenus",
                "registration cannot be restricted to members: non-members are welcome",
            ));
        }
        if let Some(cap) = announcement.cap {
            if cap == 0 {
                found.push(Violation::error(
                    Code::OR07,
                    root.clone().key("cap"),
                    "une limite de participation est d'au moins une personne",
                    "a participation cap is at least one person",
                ));
            }
            if announcement.registration_form.as_deref().is_none_or(blank) {
                found.push(Violation::error(
                    Code::OR07,
                    root.clone().key("registration_form"),
                    "une participation limitée passe par un bulletin d'inscription en ligne",
                    "a capped participation goes through an online registration form",
                ));
            }
        }
        if at >= self.proposal.format.start {
            found.push(
                Violation::error(
                    Code::OR07,
                    Path::root().key("at"),
                    "l'annonce doit précéder le début du GEP, qui clôt les inscriptions",
                    "the announcement must precede the start, which closes registration",
                )
                .with("start", self.proposal.format.start),
            );
        }
        let (gep, warnings) = self.refuse_on_errors(found)?;
        let registrations = Registrations::new(announcement.cap);
        let kept = announcement.clone();
        Ok(
            gep.advance(at, actor, Event::Announced(announcement), warnings, |validated| {
                Announced {
                    validated,
                    announcement: kept,
                    registrations,
                }
            }),
        )
    }
}

impl Gep<Validated> {
    /// Cancels the GEP (organiser or coordination team).
    ///
    /// # Errors
    /// LC04 (another actor), IN07 (no reason), LC02, LC03.
    pub fn cancel(self, at: Timestamp, actor: PersonId, decision: Decision) -> Transition<Validated, Cancelled> {
        self.cancel_any(at, actor, decision)
    }
}

impl Gep<Announced> {
    /// Cancels the GEP (organiser or coordination team).
    ///
    /// # Errors
    /// LC04 (another actor), IN07 (no reason), LC02, LC03.
    pub fn cancel(self, at: Timestamp, actor: PersonId, decision: Decision) -> Transition<Announced, Cancelled> {
        self.cancel_any(at, actor, decision)
    }

    /// The announcement.
    pub fn announcement(&self) -> &Announcement {
        &self.state.announcement
    }
}

impl<S: GepState> Gep<S> {
    fn cancel_any(self, at: Timestamp, actor: PersonId, decision: Decision) -> Transition<S, Cancelled> {
        let mut found = Vec::new();
        self.common_checks(at, actor, &decision, &mut found);
        if self.people.contains_key(&actor) && actor != self.organiser && !self.is_coordination(actor) {
            found.push(actor_not_allowed(
                "l'organisateur ou l'équipe de coordination",
                "the organiser or the coordination team",
            ));
        }
        reason_given(&decision, &mut found);
        let (gep, warnings) = self.refuse_on_errors(found)?;
        let reason = decision.reason.clone();
        Ok(
            gep.advance(at, actor, Event::Cancelled(decision), warnings, |_| Cancelled {
                reason,
            }),
        )
    }
}

impl Gep<Cancelled> {
    /// Why the GEP was cancelled.
    pub fn reason(&self) -> &str {
        &self.state.reason
    }
}

//! `validate` and `decline`: the coordination team's decision (OR03, OR04).

use std::sync::Arc;

use super::checks::{add_people, blank, check_new_people, unknown_person};
use super::{Declined, Gep, Proposed, Transition, Validated};
use crate::code::Code;
use crate::command::{Decision, Event, Validation};
use crate::ids::PersonId;
use crate::model::Person;
use crate::person_map::PersonMap;
use crate::time::Timestamp;
use crate::violation::{Path, Violation};

impl Gep<Proposed> {
    /// The coordination team validates the setup (format) and theme, after a
    /// meeting with the organiser.
    ///
    /// # Errors
    /// OR03 (the actor is not of the coordination team; the format or theme
    /// differ from the proposal's), OR04 (no meeting, a meeting after the
    /// validation, or with no coordination member), LC02, LC03, IN07.
    pub fn validate(
        self,
        at: Timestamp,
        actor: PersonId,
        validation: impl Into<Box<Validation>>,
    ) -> Transition<Proposed, Validated> {
        let validation = validation.into();
        let mut found = Vec::new();
        let root = Path::root().key("action");
        self.size_checks(&validation, &mut found);
        check_new_people(
            &self.people,
            validation.people.iter(),
            |i| root.clone().key("people").index(i),
            &mut found,
        );
        let newcomers: PersonMap<&Person> = validation.people.iter().map(|p| (p.id, p)).collect();
        let knows = |id: &PersonId| self.people.contains_key(id) || newcomers.contains_key(id);
        let is_coordination = |id: &PersonId| {
            self.people
                .get(id)
                .map(Arc::as_ref)
                .or_else(|| newcomers.get(id).copied())
                .is_some_and(|p| p.coordination_team)
        };
        checks_time(&self, at, &mut found);
        if !knows(&actor) {
            found.push(unknown_person(Path::root().key("actor"), actor));
        } else if !is_coordination(&actor) {
            found.push(not_coordination());
        }
        // OR03: what is validated is what was proposed.
        if validation.format != self.proposal.format {
            found.push(Violation::error(
                Code::OR03,
                root.clone().key("format"),
                "le format validé diffère du format proposé",
                "the validated format differs from the proposed one",
            ));
        }
        if validation.theme != self.proposal.theme {
            found.push(Violation::error(
                Code::OR03,
                root.clone().key("theme"),
                "le thème validé diffère du thème proposé",
                "the validated theme differs from the proposed one",
            ));
        }
        // OR04: a meeting with at least one coordination member, no later
        // than the validation.
        let meeting = &validation.meeting;
        let mpath = root.key("meeting");
        if meeting.at > at {
            found.push(
                Violation::error(
                    Code::OR04,
                    mpath.clone().key("at"),
                    "la rencontre avec l'équipe de coordination doit précéder la validation",
                    "the meeting with the coordination team must precede the validation",
                )
                .with("meeting_at", meeting.at),
            );
        }
        if meeting.coordination_members.is_empty() {
            found.push(Violation::error(
                Code::OR04,
                mpath.clone().key("coordination_members"),
                "au moins un membre de l'équipe de coordination doit avoir participé à la rencontre",
                "at least one member of the coordination team must have taken part in the meeting",
            ));
        }
        for (i, member) in meeting.coordination_members.iter().enumerate() {
            let path = mpath.clone().key("coordination_members").index(i);
            if !knows(member) {
                found.push(unknown_person(path, *member));
            } else if !is_coordination(member) {
                found.push(
                    Violation::error(
                        Code::OR04,
                        path,
                        "cette personne n'est pas membre de l'équipe de coordination",
                        "this person is not a member of the coordination team",
                    )
                    .with("person", member),
                );
            }
        }
        let (mut gep, warnings) = self.refuse_on_errors(found)?;
        add_people(&mut gep.people, validation.people.iter());
        Ok(
            gep.advance(at, actor, Event::Validated(validation), warnings, |_| Validated {
                validated_at: at,
                validated_by: actor,
            }),
        )
    }

    /// The coordination team declines the proposal.
    ///
    /// # Errors
    /// OR03 (the actor is not of the coordination team), IN07 (no reason),
    /// LC02, LC03.
    pub fn decline(self, at: Timestamp, actor: PersonId, decision: Decision) -> Transition<Proposed, Declined> {
        let mut found = Vec::new();
        self.common_checks(at, actor, &decision, &mut found);
        if self.people.contains_key(&actor) && !self.is_coordination(actor) {
            found.push(not_coordination());
        }
        reason_given(&decision, &mut found);
        let (gep, warnings) = self.refuse_on_errors(found)?;
        let reason = decision.reason.clone();
        Ok(gep.advance(at, actor, Event::Declined(decision), warnings, |_| Declined { reason }))
    }
}

fn checks_time(gep: &Gep<Proposed>, at: Timestamp, found: &mut Vec<Violation>) {
    super::checks::time_forward(gep.last_at(), at, found);
}

fn not_coordination() -> Violation {
    Violation::error(
        Code::OR03,
        Path::root().key("actor"),
        "seule l'équipe de coordination de l'IC valide ou décline une proposition",
        "only the IC's coordination team validates or declines a proposal",
    )
}

/// A decision to decline or to cancel states its reason (IN07).
pub(super) fn reason_given(decision: &Decision, found: &mut Vec<Violation>) {
    if blank(&decision.reason) {
        found.push(Violation::error(
            Code::IN07,
            Path::root().key("action").key("reason"),
            "la raison est vide",
            "the reason is empty",
        ));
    }
}

impl Gep<Validated> {
    /// When the GEP was validated, and by whom.
    pub fn validated(&self) -> (Timestamp, PersonId) {
        (self.state.validated_at, self.state.validated_by)
    }
}

impl Gep<Declined> {
    /// Why the proposal was declined.
    pub fn reason(&self) -> &str {
        &self.state.reason
    }
}

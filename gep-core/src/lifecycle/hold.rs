//! `hold`: the session record (DE02, DE03, DE11, DE12, OR07, PR03, PR05,
//! PR06, PR07).

use std::sync::Arc;

use litemap::LiteMap;

use super::checks::{actor_not_allowed, blank, check_new_people, classify_role, fold, unknown_person};
use super::register::{RegistrationStatus, confidentiality_missing};
use super::{Announced, Gep, Held, Transition};
use crate::code::Code;
use crate::command::Event;
use crate::ids::PersonId;
use crate::model::{Attestation, DocumentKind, Outcome, Role, SessionRecord};
use crate::person_map::PersonMap;
use crate::time::Timestamp;
use crate::violation::{Path, Violation};

/// Whether an attendance of `n` allows subgroups of 5 to 6 only (DE03).
pub fn attendance_allows_five_or_six(n: usize) -> bool {
    matches!(n, 5..=6 | 10..=12 | 15..=18) || n >= 20
}

impl Gep<Announced> {
    /// A facilitator records the session, once it has started.
    ///
    /// # Errors
    /// DE02 (a question without outcome, nothing worked on), DE03 (an
    /// attendee seated twice in a round, or a non-attendee seated), DE11 (a
    /// document of an unknown kind), DE12 (a case study by a non-participant),
    /// OR07 (an attendee who is neither on the team nor admitted; a walk-in
    /// when participation is capped), PR03 and PR06 (attestations, a
    /// promotional document or a recording), PR05 and PR07 (walk-ins), LC04
    /// (not a facilitator), LC06 (before the start), LC02, LC03, IN07.
    /// Subgroups outside 5–6 when the attendance allows 5–6 are warnings.
    pub fn hold(
        self,
        at: Timestamp,
        actor: PersonId,
        record: impl Into<Box<SessionRecord>>,
    ) -> Transition<Announced, Held> {
        let record = record.into();
        let mut found = Vec::new();
        let root = Path::root().key("action");
        self.common_checks(at, actor, &record, &mut found);
        if self.people.contains_key(&actor) && !self.is_facilitator(actor) {
            found.push(actor_not_allowed("un animateur du GEP", "a facilitator of the GEP"));
        }
        let start = self.proposal.format.start;
        if at < start {
            found.push(
                Violation::error(
                    Code::LC06,
                    Path::root().key("at"),
                    "la séance ne peut être consignée avant le début du GEP",
                    "the session cannot be recorded before the GEP starts",
                )
                .with("start", start),
            );
        }
        let attendees = self.attendees(&record, &root, &mut found);
        check_questions(self.proposal.questions.len(), &record, &root, &mut found);
        check_rounds(&record, &attendees, &root, &mut found);
        check_case_studies(&record, &attendees, &root, &mut found);
        check_documents(&record, &root, &mut found);
        for (field, code, attestation) in [
            ("no_promotion", Code::PR03, &record.no_promotion),
            ("no_recording", Code::PR06, &record.no_recording),
        ] {
            self.check_attestation(at, code, attestation, root.clone().key(field), &mut found);
        }
        let (mut gep, warnings) = self.refuse_on_errors(found)?;
        for walk_in in &record.walk_ins {
            gep.people
                .insert_new(walk_in.person.id, || Arc::new(walk_in.person.clone()));
        }
        let session = (*record).clone();
        Ok(gep.advance(at, actor, Event::Held(record), warnings, |announced| Held {
            announced,
            session,
            attendees,
            held_at: at,
        }))
    }

    /// The attendees and their roles; OR07, PR05, PR07, PR01 on the way.
    fn attendees(&self, record: &SessionRecord, root: &Path, found: &mut Vec<Violation>) -> PersonMap<Role> {
        let regs = &self.state.registrations;
        let capped = regs.cap().is_some();
        let mut attendees = PersonMap::new();
        for (i, &id) in record.attendance.iter().enumerate() {
            let path = || root.clone().key("attendance").index(i);
            if !self.people.contains_key(&id) {
                found.push(unknown_person(path(), id));
                continue;
            }
            let role = match (self.team.get(&id), regs.active(id)) {
                (Some(role), _) => Some(*role),
                (None, Some(entry)) if entry.status == RegistrationStatus::Admitted => Some(entry.role),
                (None, Some(_)) => {
                    found.push(
                        Violation::error(
                            Code::OR07,
                            path(),
                            "cette personne est sur la liste d'attente : les participants sont les premiers inscrits",
                            "this person is on the waiting list: the participants are the first registered",
                        )
                        .with("person", id),
                    );
                    None
                }
                (None, None) => {
                    let (fr, en) = if capped {
                        (
                            "la participation est limitée : seuls les inscrits admis, animateurs et invités sont présents",
                            "participation is capped: only admitted registrants, facilitators and guests attend",
                        )
                    } else {
                        (
                            "cette personne n'est pas inscrite : ajoutez-la aux arrivées du jour avec son engagement de confidentialité",
                            "this person is not registered: add them as a walk-in with their confidentiality commitment",
                        )
                    };
                    found.push(Violation::error(Code::OR07, path(), fr, en).with("person", id));
                    None
                }
            };
            if attendees.insert(id, role.unwrap_or(Role::Participant)).is_some() {
                found.push(Violation::error(
                    Code::IN07,
                    path(),
                    "cette personne figure deux fois dans la liste de présence",
                    "this person is listed twice in the attendance",
                ));
            }
        }
        check_new_people(
            &self.people,
            record.walk_ins.iter().map(|w| &w.person),
            |i| root.clone().key("walk_ins").index(i).key("person"),
            found,
        );
        for (i, walk_in) in record.walk_ins.iter().enumerate() {
            let path = root.clone().key("walk_ins").index(i);
            if capped {
                found.push(Violation::error(
                    Code::OR07,
                    path.clone(),
                    "la participation est limitée : pas d'arrivée sans inscription",
                    "participation is capped: nobody joins without a registration",
                ));
            }
            if !walk_in.accepted_confidentiality {
                found.push(confidentiality_missing(path.clone().key("accepted_confidentiality")));
            }
            let role = match classify_role(&walk_in.role, || path.clone().key("role")) {
                Ok(role) => role,
                Err(v) => {
                    found.push(v);
                    Role::Participant
                }
            };
            if attendees.insert(walk_in.person.id, role).is_some() || regs.active(walk_in.person.id).is_some() {
                found.push(Violation::error(
                    Code::IN07,
                    path.key("person").key("id"),
                    "cette personne est déjà inscrite ou présente : listez-la dans la présence",
                    "this person is already registered or present: list them in the attendance",
                ));
            }
        }
        attendees
    }

    fn check_attestation(
        &self,
        at: Timestamp,
        code: Code,
        attestation: &Attestation,
        path: Path,
        found: &mut Vec<Violation>,
    ) {
        let (fr, en) = match code {
            Code::PR03 => (
                "rien de promotionnel n'a été distribué",
                "nothing promotional was distributed",
            ),
            _ => ("rien n'a été enregistré", "nothing was recorded"),
        };
        if !attestation.attested {
            found.push(Violation::error(
                code,
                path.clone().key("attested"),
                format!("un animateur doit attester que {fr}"),
                format!("a facilitator must attest that {en}"),
            ));
        }
        if !self.is_facilitator(attestation.by) {
            found.push(
                Violation::error(
                    code,
                    path.clone().key("by"),
                    "l'attestation est faite par un animateur du GEP",
                    "the attestation is made by a facilitator of the GEP",
                )
                .with("person", attestation.by),
            );
        }
        if attestation.at > at {
            found.push(Violation::error(
                code,
                path.key("at"),
                "l'attestation ne peut être datée après la consignation de la séance",
                "the attestation cannot be dated after the session is recorded",
            ));
        }
    }
}

/// DE02: every proposed question has one outcome; at least one question is
/// worked on.
fn check_questions(proposed: usize, record: &SessionRecord, root: &Path, found: &mut Vec<Violation>) {
    let path = || root.clone().key("questions");
    let mut seen = LiteMap::<usize, ()>::new_vec();
    let mut worked_on = record.added_questions.iter().filter(|q| !blank(q)).count();
    for (i, outcome) in record.questions.iter().enumerate() {
        let opath = || path().index(i);
        if outcome.question >= proposed {
            found.push(
                Violation::error(
                    Code::DE02,
                    opath().key("question"),
                    format!("il n'y a pas de question n° {} dans la proposition", outcome.question),
                    format!("the proposal has no question number {}", outcome.question),
                )
                .with("question", outcome.question),
            );
        } else if seen.insert(outcome.question, ()).is_some() {
            found.push(
                Violation::error(
                    Code::DE02,
                    opath().key("question"),
                    "cette question a déjà un sort",
                    "this question already has an outcome",
                )
                .with("question", outcome.question),
            );
        }
        match (outcome.outcome, &outcome.wording) {
            (Outcome::Reformulated, Some(w)) if !blank(w) => worked_on += 1,
            (Outcome::Reformulated, _) => found.push(Violation::error(
                Code::DE02,
                opath().key("wording"),
                "une question reformulée a sa nouvelle formulation",
                "a reformulated question has its new wording",
            )),
            (Outcome::Adopted, _) => worked_on += 1,
            (Outcome::SetAside, _) => {}
        }
    }
    for missing in (0..proposed).filter(|q| !seen.contains_key(q)) {
        found.push(
            Violation::error(
                Code::DE02,
                path(),
                format!("le sort de la question n° {missing} n'est pas consigné"),
                format!("the outcome of question number {missing} is not recorded"),
            )
            .with("question", missing),
        );
    }
    if worked_on == 0 {
        found.push(Violation::error(
            Code::DE02,
            path(),
            "au moins une question doit avoir été travaillée",
            "at least one question must have been worked on",
        ));
    }
}

/// DE03: one seat per attendee per round (error); subgroups of 5 to 6 when
/// the attendance allows it (warning).
fn check_rounds(record: &SessionRecord, attendees: &PersonMap<Role>, root: &Path, found: &mut Vec<Violation>) {
    let allows = attendance_allows_five_or_six(attendees.len());
    for (r, round) in record.rounds.iter().enumerate() {
        let rpath = || root.clone().key("rounds").index(r).key("subgroups");
        let mut seated = PersonMap::new();
        for (g, group) in round.subgroups.iter().enumerate() {
            let gpath = || rpath().index(g);
            for (k, person) in group.iter().enumerate() {
                if !attendees.contains_key(person) {
                    found.push(
                        Violation::error(
                            Code::DE03,
                            gpath().index(k),
                            "seuls les présents siègent dans les sous-groupes",
                            "only attendees sit in the subgroups",
                        )
                        .with("person", person),
                    );
                } else if seated.insert(*person, ()).is_some() {
                    found.push(
                        Violation::error(
                            Code::DE03,
                            gpath().index(k),
                            format!("cette personne siège deux fois au tour {r}"),
                            format!("this person sits twice in round {r}"),
                        )
                        .with("person", person)
                        .with("round", r),
                    );
                }
            }
            if allows && !(5..=6).contains(&group.len()) {
                found.push(
                    Violation::warning(
                        Code::DE03,
                        gpath(),
                        format!(
                            "les sous-groupes de 5 à 6 personnes sont privilégiés (ici {})",
                            group.len()
                        ),
                        format!("subgroups of 5 to 6 people are favoured (here {})", group.len()),
                    )
                    .with("size", group.len()),
                );
            }
        }
    }
}

/// DE12: a case study is presented by an attending participant.
fn check_case_studies(record: &SessionRecord, attendees: &PersonMap<Role>, root: &Path, found: &mut Vec<Violation>) {
    for (i, case) in record.case_studies.iter().enumerate() {
        let path = root.clone().key("case_studies").index(i);
        if attendees.get(&case.presenter) != Some(&Role::Participant) {
            found.push(
                Violation::error(
                    Code::DE12,
                    path.clone().key("presenter"),
                    "un cas d'étude est présenté par un participant présent",
                    "a case study is presented by an attending participant",
                )
                .with("person", case.presenter),
            );
        }
        if blank(&case.title) {
            found.push(Violation::error(
                Code::IN07,
                path.key("title"),
                "le titre est vide",
                "the title is empty",
            ));
        }
    }
}

/// DE11, PR03, PR06: documents handed out.
fn check_documents(record: &SessionRecord, root: &Path, found: &mut Vec<Violation>) {
    for (i, document) in record.documents.iter().enumerate() {
        let path = root.clone().key("documents").index(i);
        let kind = DocumentKind::from_wire(&document.kind);
        let folded = fold(&document.kind);
        match kind {
            Some(DocumentKind::Other) if document.description.as_deref().is_none_or(blank) => found.push(Violation::error(
                Code::DE11,
                path.clone().key("description"),
                "un document « other » est décrit",
                "a document of kind `other` has a description",
            )),
            Some(_) => {}
            None if ["promot", "flyer", "prospectus", "business_card", "carte_de_visite", "advert", "publicit"]
                .iter()
                .any(|w| folded.contains(w)) =>
            {
                found.push(
                    Violation::error(
                        Code::PR03,
                        path.clone().key("kind"),
                        "aucun document promotionnel (cartes de visite, prospectus…) n'est distribué",
                        "no promotional document (business cards, flyers…) is handed out",
                    )
                    .with("kind", &document.kind),
                )
            }
            None if ["record", "enregistr", "audio", "video"].iter().any(|w| folded.contains(w)) => found.push(
                Violation::error(
                    Code::PR06,
                    path.clone().key("kind"),
                    "les séances ne sont pas enregistrées : aucun enregistrement ne peut être joint",
                    "sessions are not recorded: no recording can be attached",
                )
                .with("kind", &document.kind),
            ),
            None => found.push(
                Violation::error(
                    Code::DE11,
                    path.clone().key("kind"),
                    format!(
                        "« {} » n'est pas un type de document prévu (article, experience_account, research_work, organisation_list, resource_sites, other)",
                        document.kind
                    ),
                    format!(
                        "`{}` is not a document kind of the charter (article, experience_account, research_work, organisation_list, resource_sites, other)",
                        document.kind
                    ),
                )
                .with("kind", &document.kind),
            ),
        }
        if blank(&document.title) {
            found.push(Violation::error(
                Code::IN07,
                path.key("title"),
                "le titre est vide",
                "the title is empty",
            ));
        }
    }
}

impl Gep<Held> {
    /// The session record.
    pub fn session(&self) -> &SessionRecord {
        &self.state.session
    }

    /// The attendees and their roles.
    pub fn attendees(&self) -> &PersonMap<Role> {
        &self.state.attendees
    }
}

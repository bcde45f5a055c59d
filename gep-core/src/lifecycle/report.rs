//! `report`, `validate_report`, `object_to_report`, `revise` and `approve`
//! (DE05, DE06, DE08, DE09, PR02).

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::checks::{actor_not_allowed, blank};
use super::{Approved, Gep, Held, Refused, Reported, Transition};
use crate::code::Code;
use crate::command::{Approval, Event, ReportObjection, ReportResponse};
use crate::ids::PersonId;
use crate::model::{Report, Role};
use crate::person_map::PersonMap;
use crate::privacy::{Finding, FindingKind, Scanner, best_practices};
use crate::time::Timestamp;
use crate::violation::{Path, Violation};

/// The report as it stands: its current revision and the responses to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportState {
    revision: u32,
    report: Report,
    responses: PersonMap<Response>,
}

impl ReportState {
    /// The current revision, from 1.
    pub fn revision(&self) -> u32 {
        self.revision
    }

    /// The current text.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The attendees' responses to the current revision.
    pub fn responses(&self) -> &PersonMap<Response> {
        &self.responses
    }
}

/// An attendee's response to the current revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Response {
    /// Validated.
    Validated {
        /// When.
        at: Timestamp,
    },
    /// Objected, with a comment.
    Objected {
        /// When.
        at: Timestamp,
        /// Why.
        comment: String,
    },
}

/// The texts of a report that the scanner reads, with their paths from the
/// report, and whether they belong to the synthesis (PR02).
fn report_texts(report: &Report) -> Vec<(Path, &str, bool)> {
    let mut out = Vec::new();
    let s = &report.synthesis;
    for (name, section) in [
        ("questions", &s.questions),
        ("resources", &s.resources),
        ("follow_ups", &s.follow_ups),
    ] {
        for (i, item) in section.iter().flatten().enumerate() {
            out.push((Path::root().key("synthesis").key(name).index(i), item.as_str(), true));
        }
    }
    out.push((Path::root().key("discussion"), report.discussion.as_str(), false));
    for (name, text) in [
        ("evaluation", &report.evaluation),
        ("expectations", &report.expectations),
    ] {
        if let Some(text) = text {
            out.push((Path::root().key(name), text.as_str(), false));
        }
    }
    out
}

fn finding_fr(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Name => "le compte-rendu ne nomme personne : ce nom est celui d'une personne du GEP",
        FindingKind::Email => "le compte-rendu ne contient aucune adresse électronique",
        FindingKind::Phone => "le compte-rendu ne contient aucun numéro de téléphone",
        FindingKind::Organisation => "le compte-rendu mentionne l'organisme d'une personne du GEP",
        FindingKind::BestPractice => "la synthèse présente son contenu comme de « bonnes pratiques »",
    }
}

fn finding_en(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Name => "the report names no one: this is the name of a person of the GEP",
        FindingKind::Email => "the report holds no e-mail address",
        FindingKind::Phone => "the report holds no phone number",
        FindingKind::Organisation => "the report mentions the organisation of a person of the GEP",
        FindingKind::BestPractice => "the synthesis frames its content as \"best practices\"",
    }
}

/// A finding as a violation. Only errors (returned to the author, never
/// kept) carry the matched text: kept warnings hold no personal data.
fn finding_violation(finding: &Finding, path: Path, occurrence: usize) -> Violation {
    let v = if finding.is_error() {
        Violation::error(finding.code(), path, finding_fr(finding.kind), finding_en(finding.kind))
            .with("text", &finding.text)
            .with("occurrence", occurrence)
    } else if finding.kind == FindingKind::Name {
        Violation::warning(
            Code::DE08,
            path,
            "un mot en minuscules est aussi le nom d'une personne du GEP : vérifiez qu'il ne la désigne pas",
            "a lower-case word is also the name of a person of the GEP: check that it does not refer to them",
        )
    } else {
        Violation::warning(finding.code(), path, finding_fr(finding.kind), finding_en(finding.kind))
    };
    let v = v
        .with("kind", finding.kind)
        .with("start", finding.start)
        .with("end", finding.end);
    match finding.person {
        Some(person) if finding.is_error() => v.with("person", person),
        _ => v,
    }
}

/// DE08 and PR02: every text of the report scanned against everyone known
/// to the GEP. An error-level finding refuses the report unless the author
/// waives it with a reason; it is then kept as a warning.
fn check_anonymity<S: super::GepState>(gep: &Gep<S>, report: &Report, found: &mut Vec<Violation>) {
    let root = Path::root().key("action");
    let texts = report_texts(report);
    let strs: Vec<&str> = texts.iter().map(|(_, text, _)| *text).collect();
    // Built for these texts only: the same findings, for a fraction of the cost.
    let scanner = Scanner::from_people_for(gep.people(), &strs);
    let mut used = vec![false; report.waivers.len()];
    for (field, text, synthesis) in texts {
        let path = field.clone().prefixed(&root);
        let mut occurrences: HashMap<String, usize> = HashMap::new();
        for finding in scanner.scan(text) {
            if !finding.is_error() {
                found.push(finding_violation(&finding, path.clone(), 0));
                continue;
            }
            let count = occurrences.entry(finding.text.clone()).or_insert(0);
            let occurrence = *count;
            *count += 1;
            let waiver = report.waivers.iter().position(|w| {
                w.field == field && w.text == finding.text && w.occurrence == occurrence && !blank(&w.reason)
            });
            match waiver.and_then(|i| used.get_mut(i).map(|u| (i, u))) {
                Some((i, used)) => {
                    *used = true;
                    found.push(
                        Violation::warning(
                            Code::DE08,
                            path.clone(),
                            "l'auteur a levé ce constat de l'anonymisation, avec une raison",
                            "the author waived this finding of the anonymisation scan, with a reason",
                        )
                        .with("kind", finding.kind)
                        .with("start", finding.start)
                        .with("end", finding.end)
                        .with("waiver", i),
                    );
                }
                None => found.push(finding_violation(&finding, path.clone(), occurrence)),
            }
        }
        if synthesis {
            found.extend(
                best_practices(text)
                    .iter()
                    .map(|f| finding_violation(f, path.clone(), 0)),
            );
        }
    }
    for (i, (waiver, used)) in report.waivers.iter().zip(used).enumerate() {
        let path = root.clone().key("waivers").index(i);
        if blank(&waiver.reason) {
            found.push(Violation::error(
                Code::IN07,
                path.key("reason"),
                "la raison de la levée est vide",
                "the reason of the waiver is empty",
            ));
        } else if !used {
            found.push(Violation::warning(
                Code::DE08,
                path,
                "cette levée ne correspond à aucun constat du compte-rendu",
                "this waiver matches no finding of the report",
            ));
        }
    }
}

/// DE05, DE06, DE08, PR02 checks of a report, and the deadline's.
fn check_report<S: super::GepState>(
    gep: &Gep<S>,
    at: Timestamp,
    actor: PersonId,
    report: &Report,
    found: &mut Vec<Violation>,
) {
    let root = Path::root().key("action");
    let before = found.len();
    gep.common_checks(at, actor, report, found);
    // A report past the size limits is not scanned: IN09 answers first.
    let oversized = found.iter().skip(before).any(|v| v.code == Code::IN09);
    if gep.people.contains_key(&actor) && !gep.is_facilitator(actor) {
        found.push(actor_not_allowed("un animateur du GEP", "a facilitator of the GEP"));
    }
    if !gep.is_facilitator(report.author) {
        found.push(
            Violation::error(
                Code::DE05,
                root.clone().key("author"),
                "la synthèse est faite par un animateur du GEP",
                "the synthesis is written by a facilitator of the GEP",
            )
            .with("person", report.author),
        );
    }
    let spath = root.clone().key("synthesis");
    let synthesis = &report.synthesis;
    match &synthesis.questions {
        Some(questions) if questions.iter().any(|q| !blank(q)) => {}
        _ => found.push(Violation::error(
            Code::DE05,
            spath.clone().key("questions"),
            "la synthèse reprend le questionnement",
            "the synthesis sets out the questions",
        )),
    }
    for (field, section, fr, en) in [
        (
            "resources",
            &synthesis.resources,
            "les ressources à partager",
            "the resources to share",
        ),
        (
            "follow_ups",
            &synthesis.follow_ups,
            "les suites à donner",
            "the follow-ups",
        ),
    ] {
        if section.is_none() {
            found.push(Violation::error(
                Code::DE05,
                spath.clone().key(field),
                format!("la synthèse a une section pour {fr} (éventuellement vide)"),
                format!("the synthesis has a section for {en} (possibly empty)"),
            ));
        }
    }
    for (field, value, fr, en) in [
        (
            "evaluation",
            &report.evaluation,
            "une brève évaluation de la séance",
            "a brief evaluation of the session",
        ),
        (
            "expectations",
            &report.expectations,
            "les attentes des participants pour de futurs GEP",
            "the participants' expectations for future GEPs",
        ),
    ] {
        if value.as_deref().is_none_or(blank) {
            found.push(Violation::warning(
                Code::DE06,
                root.clone().key(field),
                format!("il est conseillé de recueillir {fr}"),
                format!("it is advised to gather {en}"),
            ));
        }
    }
    if report.validation_deadline.is_some_and(|d| d <= at) {
        found.push(Violation::error(
            Code::DE09,
            root.key("validation_deadline"),
            "le délai de validation doit être postérieur à l'envoi du compte-rendu",
            "the validation deadline must come after the report is sent",
        ));
    }
    if !oversized {
        check_anonymity(gep, report, found);
    }
}

impl Gep<Held> {
    /// A facilitator submits the report: revision 1.
    ///
    /// Every text of the report (the synthesis, the discussion, the
    /// evaluation and the expectations) is scanned against everyone known to
    /// the GEP ([`Scanner`]).
    ///
    /// # Errors
    /// DE05 (a missing section, an author who is not a facilitator), DE08 (a
    /// name, an e-mail address or a phone number in a text, unless the
    /// author waived it), DE09 (a deadline in the past), IN07 (a waiver
    /// without a reason), LC04, LC02, LC03. Warnings: DE06 (no evaluation or
    /// expectations), DE08 (an organisation of the roster, a lower-case name
    /// that is a common word, a waived finding, a waiver that matches
    /// nothing), PR02 (best practices in the synthesis).
    pub fn report(self, at: Timestamp, actor: PersonId, report: impl Into<Box<Report>>) -> Transition<Held, Reported> {
        let report = report.into();
        let mut found = Vec::new();
        check_report(&self, at, actor, &report, &mut found);
        let (gep, warnings) = self.refuse_on_errors(found)?;
        let state = ReportState {
            revision: 1,
            report: (*report).clone(),
            responses: PersonMap::new(),
        };
        Ok(
            gep.advance(at, actor, Event::Reported(report), warnings, |held| Reported {
                held,
                report: state,
            }),
        )
    }
}

impl Gep<Reported> {
    /// The report and its responses.
    pub fn report(&self) -> &ReportState {
        &self.state.report
    }

    /// The attendees and their roles.
    pub fn attendees(&self) -> &PersonMap<Role> {
        &self.state.held.attendees
    }

    fn check_response(
        &self,
        at: Timestamp,
        actor: PersonId,
        payload: &impl Serialize,
        revision: u32,
        found: &mut Vec<Violation>,
    ) {
        self.common_checks(at, actor, payload, found);
        if self.people.contains_key(&actor) && !self.state.held.attendees.contains_key(&actor) {
            found.push(actor_not_allowed(
                "une personne présente au GEP",
                "an attendee of the GEP",
            ));
        }
        let current = self.state.report.revision;
        if revision != current {
            found.push(
                Violation::error(
                    Code::LC05,
                    Path::root().key("action").key("revision"),
                    format!("la révision en cours est la n° {current}"),
                    format!("the current revision is number {current}"),
                )
                .with("current", current),
            );
        }
    }

    /// An attendee validates the current revision.
    ///
    /// # Errors
    /// DE09 (the attendee objected to this revision: the objection stands
    /// until a revision), LC05 (not the current revision), LC04 (not an
    /// attendee), LC02, LC03.
    pub fn validate_report(
        self,
        at: Timestamp,
        actor: PersonId,
        response: ReportResponse,
    ) -> Result<Self, Refused<Reported>> {
        let mut found = Vec::new();
        self.check_response(at, actor, &response, response.revision, &mut found);
        if matches!(self.state.report.responses.get(&actor), Some(Response::Objected { .. })) {
            found.push(Violation::error(
                Code::DE09,
                Path::root().key("action"),
                "votre objection bloque l'approbation jusqu'à une révision du compte-rendu",
                "your objection blocks approval until the report is revised",
            ));
        }
        let (mut gep, warnings) = self.refuse_on_errors(found)?;
        gep.state.report.responses.insert(actor, Response::Validated { at });
        gep.record(at, actor, Event::ReportValidated(response), warnings);
        Ok(gep)
    }

    /// An attendee objects to the current revision, with a comment. The
    /// objection blocks approval until a revision (DE09).
    ///
    /// # Errors
    /// DE09 (no comment), LC05 (not the current revision), LC04 (not an
    /// attendee), LC02, LC03.
    pub fn object_to_report(
        self,
        at: Timestamp,
        actor: PersonId,
        objection: ReportObjection,
    ) -> Result<Self, Refused<Reported>> {
        let mut found = Vec::new();
        self.check_response(at, actor, &objection, objection.revision, &mut found);
        if blank(&objection.comment) {
            found.push(Violation::error(
                Code::DE09,
                Path::root().key("action").key("comment"),
                "une objection est accompagnée d'un commentaire",
                "an objection comes with a comment",
            ));
        }
        let (mut gep, warnings) = self.refuse_on_errors(found)?;
        gep.state.report.responses.insert(
            actor,
            Response::Objected {
                at,
                comment: objection.comment.clone(),
            },
        );
        gep.record(at, actor, Event::ReportObjected(objection), warnings);
        Ok(gep)
    }

    /// A facilitator revises the report: a new revision, every response reset.
    ///
    /// # Errors
    /// As [`Gep::<Held>::report`].
    pub fn revise(
        self,
        at: Timestamp,
        actor: PersonId,
        report: impl Into<Box<Report>>,
    ) -> Result<Self, Refused<Reported>> {
        let report = report.into();
        let mut found = Vec::new();
        check_report(&self, at, actor, &report, &mut found);
        let (mut gep, warnings) = self.refuse_on_errors(found)?;
        let next = gep.state.report.revision.saturating_add(1);
        gep.state.report = ReportState {
            revision: next,
            report: (*report).clone(),
            responses: PersonMap::new(),
        };
        gep.record(at, actor, Event::Revised(report), warnings);
        Ok(gep)
    }

    /// Approves the report for transmission to the IC: every attendee has
    /// validated the current revision, explicitly or, once the deadline has
    /// passed, tacitly; no objection stands.
    ///
    /// # Errors
    /// DE09 (an objection, or an attendee who has not validated), LC04 (not
    /// a facilitator or the organiser), LC02, LC03.
    pub fn approve(self, at: Timestamp, actor: PersonId, approval: Approval) -> Transition<Reported, Approved> {
        let mut found = Vec::new();
        self.common_checks(at, actor, &approval, &mut found);
        if self.people.contains_key(&actor) && actor != self.organiser && !self.is_facilitator(actor) {
            found.push(actor_not_allowed(
                "un animateur ou l'organisateur",
                "a facilitator or the organiser",
            ));
        }
        let report = &self.state.report;
        let deadline_passed = report.report.validation_deadline.is_some_and(|d| at > d);
        for person in self.state.held.attendees.keys() {
            let path = Path::root().key("action");
            match report.responses.get(person) {
                Some(Response::Validated { .. }) => {}
                Some(Response::Objected { .. }) => found.push(
                    Violation::error(
                        Code::DE09,
                        path,
                        "une objection bloque l'approbation jusqu'à une révision",
                        "an objection blocks approval until a revision",
                    )
                    .with("person", person),
                ),
                None if deadline_passed => {}
                None => found.push(
                    Violation::error(
                        Code::DE09,
                        path,
                        "cette personne présente n'a pas encore validé le compte-rendu",
                        "this attendee has not validated the report yet",
                    )
                    .with("person", person),
                ),
            }
        }
        let (gep, warnings) = self.refuse_on_errors(found)?;
        Ok(
            gep.advance(at, actor, Event::Approved(approval), warnings, |reported| Approved {
                reported,
                approved_at: at,
            }),
        )
    }
}

impl Gep<Approved> {
    /// The approved report.
    pub fn report(&self) -> &ReportState {
        &self.state.reported.report
    }

    /// The attendees and their roles.
    pub fn attendees(&self) -> &PersonMap<Role> {
        &self.state.reported.held.attendees
    }

    /// The session record.
    pub fn session(&self) -> &crate::model::SessionRecord {
        &self.state.reported.held.session
    }

    /// When the report was approved.
    pub fn approved_at(&self) -> Timestamp {
        self.state.approved_at
    }
}

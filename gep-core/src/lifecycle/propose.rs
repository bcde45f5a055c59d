//! `propose`: an IC member proposes a GEP (DE01, DE07, OR01, OR02, PR01, PR07).

use super::checks::{add_people, blank, check_new_people, classify_role, require_text, unknown_person};
use super::{Gep, Proposed};
use crate::code::Code;
use crate::command::Event;
use crate::ids::{GepId, PersonId};
use crate::model::{Format, FormatKind, IcStatus, Person, Proposal, Role};
use crate::person_map::PersonMap;
use crate::time::Timestamp;
use crate::violation::{Path, Violation, Violations};

impl Gep<Proposed> {
    /// Proposes a GEP. The actor is the organiser.
    ///
    /// # Errors
    /// Every violation found: DE01 (theme, questions), DE07 (format), OR01
    /// (the organiser is not a member), OR02 (charter not accepted), PR01 and
    /// PR07 (team roles), IN07 (people's details), LC03 (unknown people).
    pub fn propose(
        id: GepId,
        at: Timestamp,
        actor: PersonId,
        proposal: impl Into<Box<Proposal>>,
    ) -> Result<Self, Violations> {
        let proposal = proposal.into();
        let found = check_proposal(at, actor, &proposal);
        if found.iter().any(Violation::is_error) {
            return Err(Violations(found));
        }
        let mut people = PersonMap::new();
        add_people(&mut people, proposal.people.iter());
        let team = proposal
            .team
            .iter()
            .filter_map(|m| Role::from_wire(&m.role).map(|r| (m.person, r)))
            .collect();
        let mut gep = Gep {
            id,
            people,
            team,
            organiser: actor,
            proposal: proposal.clone(),
            log: Vec::new(),
            warnings: Vec::new(),
            consents: PersonMap::new(),
            state: Box::new(Proposed),
        };
        gep.record(at, actor, Event::Proposed(proposal), found);
        Ok(gep)
    }
}

fn check_proposal(at: Timestamp, actor: PersonId, proposal: &Proposal) -> Vec<Violation> {
    let mut out = Vec::new();
    let root = Path::root().key("action");
    crate::limits::check_payload(proposal, &["action"], &mut out);
    check_new_people(
        &PersonMap::new(),
        proposal.people.iter(),
        |i| root.clone().key("people").index(i),
        &mut out,
    );
    let people: PersonMap<&Person> = proposal.people.iter().map(|p| (p.id, p)).collect();
    let known = |id: &PersonId| people.get(id).copied();

    // OR01: the organiser is an IC member.
    match known(&actor) {
        None => out.push(unknown_person(Path::root().key("actor"), actor)),
        Some(organiser) if organiser.ic_status != IcStatus::Member => out.push(
            Violation::error(
                Code::OR01,
                Path::root().key("actor"),
                format!(
                    "seul un membre de l'IC peut organiser un GEP ({} ne l'est pas)",
                    organiser.full_name()
                ),
                format!(
                    "only a member of the IC may organise a GEP ({} is not)",
                    organiser.full_name()
                ),
            )
            .with("ic_status", format!("{:?}", organiser.ic_status)),
        ),
        Some(_) => {}
    }

    // OR02: the charter is accepted, in a named version, before proposing.
    let charter = &proposal.charter;
    let cpath = root.clone().key("charter");
    if !charter.accepted {
        out.push(Violation::error(
            Code::OR02,
            cpath.clone().key("accepted"),
            "l'organisateur doit accepter la charte des GEP",
            "the organiser must accept the GEP charter",
        ));
    }
    if blank(&charter.version) {
        out.push(Violation::error(
            Code::OR02,
            cpath.clone().key("version"),
            "la version de la charte acceptée est manquante",
            "the version of the accepted charter is missing",
        ));
    }
    if charter.accepted_at > at {
        out.push(
            Violation::error(
                Code::OR02,
                cpath.key("accepted_at"),
                "la charte doit être acceptée avant la proposition",
                "the charter must be accepted before the proposal",
            )
            .with("accepted_at", charter.accepted_at),
        );
    }

    // DE01: a theme and at least one question.
    if blank(&proposal.theme) {
        out.push(Violation::error(
            Code::DE01,
            root.clone().key("theme"),
            "le thème général est vide",
            "the general theme is empty",
        ));
    }
    if proposal.questions.is_empty() {
        out.push(Violation::error(
            Code::DE01,
            root.clone().key("questions"),
            "au moins une question doit être proposée",
            "at least one question must be proposed",
        ));
    }
    for (i, q) in proposal.questions.iter().enumerate() {
        if blank(q) {
            out.push(Violation::error(
                Code::DE01,
                root.clone().key("questions").index(i),
                "cette question est vide",
                "this question is empty",
            ));
        }
    }
    require_text(
        &proposal.title,
        || root.clone().key("title"),
        "le titre",
        "the title",
        &mut out,
    );
    let venue = || root.clone().key("venue");
    require_text(
        &proposal.venue.name,
        || venue().key("name"),
        "le nom du lieu",
        "the venue's name",
        &mut out,
    );
    require_text(
        &proposal.venue.city,
        || venue().key("city"),
        "la ville",
        "the city",
        &mut out,
    );

    // DE07: the format.
    check_format(&proposal.format, &root.clone().key("format"), &mut out);

    // PR01 / PR07: the team's roles; team members are known people.
    let mut seen = PersonMap::new();
    for (i, member) in proposal.team.iter().enumerate() {
        let mpath = root.clone().key("team").index(i);
        if known(&member.person).is_none() {
            out.push(unknown_person(mpath.clone().key("person"), member.person));
        }
        if seen.insert(member.person, ()).is_some() {
            out.push(Violation::error(
                Code::IN07,
                mpath.clone().key("person"),
                "cette personne figure deux fois dans l'équipe",
                "this person is listed twice in the team",
            ));
        }
        if let Err(v) = classify_role(&member.role, || mpath.key("role")) {
            out.push(v);
        }
    }
    out
}

/// DE07: an evening (2–4 h), half a day (3–5 h) or a day (5–9 h, with a meal
/// slot inside it), starting and ending on the same local day.
pub(crate) fn check_format(format: &Format, path: &Path, out: &mut Vec<Violation>) {
    let minutes = format.end.since(&format.start).num_minutes();
    let (min, max) = format.kind.minutes();
    if format.end <= format.start {
        out.push(Violation::error(
            Code::DE07,
            path.clone().key("end"),
            "la fin doit suivre le début",
            "the end must come after the start",
        ));
    } else if minutes < min || minutes > max {
        out.push(
            Violation::error(
                Code::DE07,
                path.clone().key("end"),
                format!(
                    "un format « {} » dure de {} h à {} h (ici {} min)",
                    format.kind.as_str(),
                    min / 60,
                    max / 60,
                    minutes
                ),
                format!(
                    "a `{}` lasts {} h to {} h (here {} min)",
                    format.kind.as_str(),
                    min / 60,
                    max / 60,
                    minutes
                ),
            )
            .with("minutes", minutes),
        );
    }
    if format.start.local_date() != format.end.local_date() {
        out.push(Violation::error(
            Code::DE07,
            path.clone().key("end"),
            "le GEP commence et finit le même jour",
            "a GEP starts and ends on the same day",
        ));
    }
    match (&format.meal, format.kind) {
        (None, FormatKind::FullDay) => out.push(Violation::error(
            Code::DE07,
            path.clone().key("meal"),
            "une journée comprend un temps informel pour le repas",
            "a full day includes an informal meal slot",
        )),
        (Some(meal), _) if meal.end <= meal.start || meal.start < format.start || meal.end > format.end => {
            out.push(Violation::error(
                Code::DE07,
                path.clone().key("meal"),
                "le repas doit se tenir pendant le GEP",
                "the meal slot must lie within the GEP",
            ))
        }
        _ => {}
    }
}

//! Sample data: a realistic GEP in Lyon on involving residents in urban
//! renewal, for documentation, tests and benchmarks.
//!
//! Every function returns plain values; nothing here is used by the rules.
//!
//! ```
//! use gep_core::{State, sample};
//! let gep = sample::approved_gep().unwrap();
//! assert_eq!(gep.state(), State::Approved);
//! let large = sample::benchmark_gep().unwrap();
//! assert_eq!(large.snapshot().registrations.unwrap().admitted.len(), 40);
//! ```

use crate::any::AnyGep;
use crate::command::{
    Action, Announcement, Approval, Command, Consent, Meeting, Purge, Registration, ReportResponse, Validation,
    Withdrawal,
};
use crate::ids::{GepId, PersonId};
use crate::lifecycle::{Gep, Proposed};
use crate::model::{
    Attestation, CharterAcceptance, Document, Format, FormatKind, IcStatus, Outcome, Person, Proposal, QuestionOutcome,
    Report, Round, SessionRecord, Synthesis, TeamMember, Venue,
};
use crate::time::Timestamp;
use crate::violation::Violations;

/// The sample GEP's id.
pub const GEP: GepId = GepId::from_u128(0x6f1c_2b9e_0d7a_4c1e_9a53_2f4b_8c0e_7d11);
/// Hélène Dubois-Martin, IC member, organiser and facilitator.
pub const ORGANISER: PersonId = PersonId::from_u128(1);
/// Karim Benali, IC member, facilitator.
pub const FACILITATOR: PersonId = PersonId::from_u128(2);
/// Françoise Le Goff, sympathiser, guest (a resource person).
pub const GUEST: PersonId = PersonId::from_u128(3);
/// Marie-Claire N'Diaye, of the IC's coordination team.
pub const COORDINATOR: PersonId = PersonId::from_u128(4);

/// Parses a timestamp written in the samples (a malformed literal gives the
/// Unix epoch rather than a panic).
pub fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap_or_else(|_| Timestamp::from_datetime(chrono::DateTime::UNIX_EPOCH.fixed_offset()))
}

/// Lower-case ASCII letters of a name, for sample e-mail addresses.
fn ascii(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'à' | 'â' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'î' | 'ï' => Some('i'),
            'ô' => Some('o'),
            'ç' => Some('c'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

fn person(id: PersonId, given: &str, family: &str, status: IcStatus) -> Person {
    let email = format!("{}.{}@exemple.fr", ascii(given), ascii(family));
    Person {
        id,
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        email,
        phone: None,
        organisation: None,
        ic_status: status,
        coordination_team: false,
    }
}

/// The organising team and the coordination member.
pub fn team_people() -> Vec<Person> {
    let mut organiser = person(ORGANISER, "Hélène", "Dubois-Martin", IcStatus::Member);
    organiser.organisation = Some("Métropole de Lyon".to_owned());
    organiser.phone = Some("06 12 34 56 78".to_owned());
    let mut coordinator = person(COORDINATOR, "Marie-Claire", "N'Diaye", IcStatus::Member);
    coordinator.coordination_team = true;
    vec![
        organiser,
        person(FACILITATOR, "Karim", "Benali", IcStatus::Member),
        person(GUEST, "Françoise", "Le Goff", IcStatus::Sympathiser),
        coordinator,
    ]
}

const GIVEN: [&str; 20] = [
    "Léa",
    "Thomas",
    "Camille",
    "Nicolas",
    "Sophie",
    "Julien",
    "Élodie",
    "Mathieu",
    "Claire",
    "Antoine",
    "Inès",
    "Olivier",
    "Manon",
    "Sébastien",
    "Chloé",
    "Yacine",
    "Pauline",
    "Guillaume",
    "Aurélie",
    "Baptiste",
];
const FAMILY: [&str; 23] = [
    "Martin",
    "Bernard",
    "Lefèvre",
    "Moreau",
    "Garnier",
    "Rousseau",
    "Fontaine",
    "Chevalier",
    "Mercier",
    "Girard",
    "Bonnet",
    "Lambert",
    "Faure",
    "Roux",
    "Vincent",
    "Morel",
    "Fournier",
    "Perrin",
    "Haddad",
    "Nguyen",
    "Diallo",
    "Lemaire",
    "Renaud",
];

/// The id of registrant `i` (from 0).
pub fn registrant_id(i: usize) -> PersonId {
    PersonId::from_u128(100 + i as u128)
}

/// Registrant `i`: a practitioner of public participation, member,
/// sympathiser or not a member of the IC.
pub fn registrant(i: usize) -> Person {
    let given = GIVEN.get(i % GIVEN.len()).copied().unwrap_or("Alex");
    let family = FAMILY.get(i % FAMILY.len()).copied().unwrap_or("Durand");
    let status = match i % 3 {
        0 => IcStatus::Member,
        1 => IcStatus::Sympathiser,
        _ => IcStatus::NonMember,
    };
    let mut p = person(registrant_id(i), given, family, status);
    p.email = format!("{}.{}{}@exemple.fr", ascii(given), ascii(family), i);
    if i.is_multiple_of(4) {
        p.organisation = Some(format!("Agence de concertation n° {}", i % 7));
    }
    p
}

/// The format: a half day in Lyon, 16 April 2026, 9:00 to 12:30.
pub fn format() -> Format {
    Format {
        kind: FormatKind::HalfDay,
        start: at("2026-04-16T09:00:00+02:00"),
        end: at("2026-04-16T12:30:00+02:00"),
        meal: None,
    }
}

/// The theme.
pub const THEME: &str = "Associer les habitants éloignés de la participation aux projets de renouvellement urbain";

/// The proposal, with `n_questions` questions (3 in the ordinary sample).
pub fn proposal_with(n_questions: usize) -> Proposal {
    let base = [
        "Comment aller vers les habitants qui ne viennent jamais aux réunions publiques ?",
        "Quels formats permettent de recueillir la parole des jeunes du quartier ?",
        "Comment rendre compte aux habitants de ce que leur contribution a changé ?",
    ];
    let questions = (0..n_questions)
        .map(|i| match base.get(i) {
            Some(q) => (*q).to_owned(),
            None => format!(
                "Question d'approfondissement n° {} : quelles suites donner aux ateliers de proximité ?",
                i + 1
            ),
        })
        .collect();
    Proposal {
        title: "GEP Lyon — aller vers les habitants".to_owned(),
        theme: THEME.to_owned(),
        questions,
        format: format(),
        venue: Venue {
            name: "Maison des associations de la Guillotière".to_owned(),
            address: Some("12 rue de la Madeleine".to_owned()),
            city: "Lyon".to_owned(),
        },
        team: vec![
            TeamMember {
                person: ORGANISER,
                role: "facilitator".to_owned(),
            },
            TeamMember {
                person: FACILITATOR,
                role: "facilitator".to_owned(),
            },
            TeamMember {
                person: GUEST,
                role: "guest".to_owned(),
            },
        ],
        charter: CharterAcceptance {
            accepted: true,
            version: "2019".to_owned(),
            accepted_at: at("2026-01-10T09:45:00+01:00"),
        },
        people: team_people(),
    }
}

/// `propose`, by the organiser.
pub fn propose() -> Command {
    Command::new(
        at("2026-01-10T10:00:00+01:00"),
        ORGANISER,
        Action::Propose(Box::new(proposal_with(3))),
    )
}

/// `validate`, by the coordination member, after a meeting.
pub fn validate() -> Command {
    Command::new(
        at("2026-01-20T16:00:00+01:00"),
        COORDINATOR,
        Action::Validate(Box::new(Validation {
            format: format(),
            theme: THEME.to_owned(),
            meeting: Meeting {
                at: at("2026-01-18T14:00:00+01:00"),
                coordination_members: vec![COORDINATOR],
            },
            people: Vec::new(),
        })),
    )
}

/// `announce`, on both channels, with an optional cap.
pub fn announce(cap: Option<u32>) -> Command {
    Command::new(
        at("2026-02-01T09:00:00+01:00"),
        ORGANISER,
        Action::Announce(Announcement {
            ic_site: true,
            mailing_list: true,
            members_only: false,
            cap,
            registration_form: cap.map(|_| "https://www.example.org/gep/lyon-2026/inscription".to_owned()),
        }),
    )
}

/// Registrant `i` registers, `i` minutes after 8:00 on 2 February.
pub fn register(i: usize) -> Command {
    let minutes = i64::try_from(i).unwrap_or(0);
    let when = at("2026-02-02T08:00:00+01:00")
        .as_datetime()
        .checked_add_signed(chrono::TimeDelta::minutes(minutes));
    let when = when.map_or_else(|| at("2026-02-02T08:00:00+01:00"), Timestamp::from_datetime);
    let person = registrant(i);
    Command::new(
        when,
        person.id,
        Action::Register(Box::new(Registration {
            person: person.into(),
            role: "participant".to_owned(),
            accepted_confidentiality: true,
            on_behalf_of: None,
            purpose: None,
        })),
    )
}

/// Registrant `i` withdraws, on 1 March.
pub fn withdraw(i: usize) -> Command {
    Command::new(
        at("2026-03-01T10:00:00+01:00"),
        registrant_id(i),
        Action::Withdraw(Withdrawal {
            person: registrant_id(i),
        }),
    )
}

/// Splits attendees into subgroups of 5 to 6 (for 20 people or more), and
/// shifts them round after round.
fn rounds(attendees: &[PersonId], n_rounds: usize) -> Vec<Round> {
    let n = attendees.len();
    let groups = n.div_ceil(6).max(1);
    (0..n_rounds)
        .map(|r| {
            let mut subgroups = vec![Vec::new(); groups];
            for (k, person) in attendees.iter().enumerate() {
                let g = (k + r * (k / groups)) % groups;
                if let Some(group) = subgroups.get_mut(g) {
                    group.push(*person);
                }
            }
            Round {
                method: Some("world_cafe".to_owned()),
                subgroups,
            }
        })
        .collect()
}

/// `hold`, by the organiser, with these registrants present besides the team.
pub fn hold_with(registrants: &[PersonId], n_questions: usize) -> Command {
    let mut attendance = vec![ORGANISER, FACILITATOR, GUEST];
    attendance.extend_from_slice(registrants);
    let attestation = Attestation {
        attested: true,
        by: ORGANISER,
        at: at("2026-04-16T12:25:00+02:00"),
    };
    let questions = (0..n_questions)
        .map(|i| match i % 3 {
            0 => QuestionOutcome {
                question: i,
                outcome: Outcome::Adopted,
                wording: None,
            },
            1 => QuestionOutcome {
                question: i,
                outcome: Outcome::Reformulated,
                wording: Some("Quels formats donnent envie aux jeunes de prendre la parole ?".to_owned()),
            },
            _ => QuestionOutcome {
                question: i,
                outcome: Outcome::SetAside,
                wording: None,
            },
        })
        .collect();
    Command::new(
        at("2026-04-16T12:40:00+02:00"),
        ORGANISER,
        Action::Hold(Box::new(SessionRecord {
            rounds: if attendance.len() >= 20 {
                rounds(&attendance, 3)
            } else {
                Vec::new()
            },
            attendance,
            walk_ins: Vec::new(),
            questions,
            added_questions: vec!["Comment travailler avec les associations de locataires ?".to_owned()],
            plenary: vec!["Constituer un répertoire partagé des formats « hors les murs ».".to_owned()],
            case_studies: Vec::new(),
            documents: vec![Document {
                kind: "article".to_owned(),
                title: "La participation des habitants dans les quartiers prioritaires".to_owned(),
                description: None,
            }],
            no_promotion: attestation.clone(),
            no_recording: attestation,
        })),
    )
}

/// `hold` with the team only.
pub fn hold() -> Command {
    hold_with(&[], 3)
}

const DISCUSSION: &str = "Les échanges ont d'abord porté sur la difficulté à rejoindre les habitants qui ne se \
déplacent pas aux réunions publiques. Plusieurs participants ont décrit des démarches d'« aller vers » : \
permanences au pied des immeubles, présence sur les marchés, porte-à-porte en binôme avec des associations de \
locataires. Le groupe a souligné que ces démarches demandent du temps et une présence régulière, et qu'elles \
s'accommodent mal des calendriers contraints des projets. ";

/// The report, by the organiser, with a discussion of about `bytes` bytes.
pub fn report_of(bytes: usize) -> Report {
    let mut discussion = String::with_capacity(bytes + DISCUSSION.len());
    while discussion.len() < bytes {
        discussion.push_str(DISCUSSION);
    }
    Report {
        author: ORGANISER,
        synthesis: Synthesis {
            questions: Some(vec![
                "Aller vers les habitants qui ne viennent pas aux réunions".to_owned(),
                "Recueillir la parole des jeunes".to_owned(),
            ]),
            resources: Some(vec!["Guide de l'aller-vers (centre de ressources régional)".to_owned()]),
            follow_ups: Some(vec!["Un second GEP à l'automne sur le retour aux habitants".to_owned()]),
        },
        discussion,
        evaluation: Some("Séance jugée utile ; le temps en sous-groupes a paru trop court.".to_owned()),
        expectations: Some("Approfondir le lien avec les bailleurs sociaux.".to_owned()),
        validation_deadline: Some(at("2026-05-15T18:00:00+02:00")),
        waivers: Vec::new(),
    }
}

/// `report`, by the organiser, on 20 April.
pub fn report() -> Command {
    Command::new(
        at("2026-04-20T10:00:00+02:00"),
        ORGANISER,
        Action::Report(Box::new(report_of(1200))),
    )
}

/// `validate_report` of revision 1 by `person`, on 22 April.
pub fn validate_report(person: PersonId) -> Command {
    Command::new(
        at("2026-04-22T09:00:00+02:00"),
        person,
        Action::ValidateReport(ReportResponse { revision: 1 }),
    )
}

/// `give_consent` by `person` to the contact list, on 24 April.
pub fn give_consent(person: PersonId) -> Command {
    Command::new(at("2026-04-24T09:00:00+02:00"), person, Action::GiveConsent(Consent {}))
}

/// `withdraw_consent` by `person`, on 24 April.
pub fn withdraw_consent(person: PersonId) -> Command {
    Command::new(
        at("2026-04-24T10:00:00+02:00"),
        person,
        Action::WithdrawConsent(Consent {}),
    )
}

/// `purge_personal_data`, by the organiser, on 1 June.
pub fn purge() -> Command {
    Command::new(
        at("2026-06-01T09:00:00+02:00"),
        ORGANISER,
        Action::PurgePersonalData(Purge {}),
    )
}

/// `approve`, by the organiser, on 23 April.
pub fn approve() -> Command {
    Command::new(at("2026-04-23T09:00:00+02:00"), ORGANISER, Action::Approve(Approval {}))
}

fn run(commands: impl IntoIterator<Item = Command>) -> Result<AnyGep, Violations> {
    let mut commands = commands.into_iter();
    let first = commands.next().unwrap_or_else(propose);
    let mut gep = AnyGep::start(GEP, first)?;
    for command in commands {
        gep = gep.apply(command).map_err(|refused| refused.into_parts().1)?;
    }
    Ok(gep)
}

/// The sample GEP, proposed.
///
/// # Errors
/// None: the sample follows the charter (a test guards it).
pub fn proposed_gep() -> Result<Gep<Proposed>, Violations> {
    Gep::propose(GEP, propose().at, ORGANISER, proposal_with(3))
}

/// A GEP with eight registrants and no cap, from proposal to approval.
///
/// # Errors
/// None: the sample follows the charter (a test guards it).
pub fn approved_gep() -> Result<AnyGep, Violations> {
    let registrants: Vec<PersonId> = (0..8).map(registrant_id).collect();
    let mut commands = vec![propose(), validate(), announce(None)];
    commands.extend((0..8).map(register));
    commands.push(hold_with(&registrants, 3));
    commands.push(report());
    commands.extend(
        [ORGANISER, FACILITATOR, GUEST]
            .into_iter()
            .chain(registrants)
            .map(validate_report),
    );
    commands.push(approve());
    run(commands)
}

/// The benchmark document's GEP: 60 people register for a cap of 40 (20
/// wait), three withdraw and are replaced from the waiting list, 10
/// questions, a held session in three rounds, a 5 KB report validated by
/// every attendee, approved.
///
/// # Errors
/// None: the sample follows the charter (a test guards it).
pub fn benchmark_gep() -> Result<AnyGep, Violations> {
    let mut commands = vec![Command::new(
        at("2026-01-10T10:00:00+01:00"),
        ORGANISER,
        Action::Propose(Box::new(proposal_with(10))),
    )];
    commands.extend([validate(), announce(Some(40))]);
    commands.extend((0..60).map(register));
    commands.extend([5, 17, 30].map(withdraw));
    let gep = run(commands.clone())?;
    let present: Vec<PersonId> = match &gep {
        AnyGep::Announced(g) => g.registrations().admitted().map(|e| e.person).collect(),
        _ => Vec::new(),
    };
    commands.push(hold_with(&present, 10));
    commands.push(Command::new(
        at("2026-04-20T10:00:00+02:00"),
        ORGANISER,
        Action::Report(Box::new(report_of(5 * 1024))),
    ));
    commands.extend(
        [ORGANISER, FACILITATOR, GUEST]
            .into_iter()
            .chain(present)
            .map(validate_report),
    );
    commands.push(approve());
    run(commands)
}

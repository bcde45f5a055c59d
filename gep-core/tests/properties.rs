//! Property tests of the dynamic layer ([`AnyGep`]) and of the JSON document.
//!
//! 1. Random command sequences never panic. The sequences are built from the
//!    [`sample`] module: mostly a plausible lifecycle (propose → validate →
//!    announce → register… → hold → report → validations → approve, or a
//!    decline, a cancellation, an objection and a revision) with random
//!    commands inserted and some deleted, and sometimes a sequence of random
//!    commands only. Commands are mutated: wrong actors, earlier timestamps,
//!    roles such as `observer` or `trainer`, unaccepted confidentiality, a
//!    registration on behalf of an organisation, the same e-mail under another
//!    id, bad reports and session records…
//! 2. Every state reached satisfies the invariants: the cap holds, a waiting
//!    list implies a full house, one active registration per person and per
//!    folded e-mail, the log's timestamps never go backwards, the snapshot
//!    agrees with the GEP, a refusal leaves the GEP byte-identical and carries
//!    at least one error, and every violation has both messages.
//! 3. Saving then loading is the identity, and saving again gives the same
//!    bytes, for every state reached.
//! 4. Loading a mutated document (truncated, bytes or characters replaced,
//!    keys deleted, values replaced, events removed, duplicated or swapped)
//!    never panics: it either loads (and then round-trips) or gives coded
//!    violations with messages and a path.
//!
//! A plain test also checks that the generator is meaningful: over a fixed
//! set of generated sequences, every state is reached and the mutated
//! commands are refused with the codes they aim at.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![allow(missing_docs)]

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use chrono::TimeDelta;
use gep_core::lifecycle::{RegistrationStatus, Registrations};
use gep_core::model::{Attestation, CaseStudy, Document as SessionDocument, IcStatus, Person, WalkIn};
use gep_core::sample::{self, COORDINATOR, FACILITATOR, GUEST, ORGANISER};
use gep_core::{
    Action, AnyGep, Code, Command, Decision, PersonId, ReportObjection, ReportResponse, State, SupportRequest,
    Timestamp, Violation, Violations,
};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------
// The command language
// ---------------------------------------------------------------------------

/// When a command happens.
#[derive(Clone, Debug)]
enum When {
    /// The sample's own timestamp.
    Sample,
    /// The GEP's last event's timestamp.
    Same,
    /// This many minutes after the last event.
    Later(i64),
    /// This many minutes before the last event (LC02).
    Earlier(i64),
}

/// Who acts, when not the sample's actor.
#[derive(Clone, Debug)]
enum Who {
    Sample,
    Organiser,
    Facilitator,
    Guest,
    Coordinator,
    Registrant(usize),
    Stranger,
}

/// How a registration is mutated.
#[derive(Clone, Debug)]
enum Reg {
    Plain,
    Role(&'static str),
    NoConfidentiality,
    OnBehalf,
    Purpose(&'static str),
    /// Another id with the e-mail of registrant `of`, in upper case or padded.
    SameEmailOtherId {
        of: usize,
        upper: bool,
    },
    /// Registrant `i` with other details than those already known.
    ChangedDetails,
    BadEmail,
    /// The organiser registers the person.
    ByOrganiser,
}

/// Who attends, at `hold`.
#[derive(Clone, Debug)]
enum Attend {
    /// The admitted registrants, read from the current state.
    Admitted,
    /// The admitted and the waiting registrants.
    AdmittedAndWaiting,
    /// These registrants.
    Subset(Vec<usize>),
    /// The admitted registrants and a walk-in.
    WalkIn { confidentiality: bool, role: &'static str },
    /// The admitted registrants, with a flaw in the record.
    Flawed(u8),
}

/// Which report.
#[derive(Clone, Debug)]
enum ReportKind {
    Sample,
    NoResources,
    NoQuestions,
    GuestAuthor,
    NoEvaluation,
    BestPractices,
    Names(usize),
    WithEmail,
    NoDeadline,
    PastDeadline,
    LateDeadline,
}

/// Who answers the report.
#[derive(Clone, Debug)]
enum Responder {
    /// The first attendee who has not answered (the organiser if none).
    FirstPending,
    /// The `k`-th attendee (modulo their number).
    Attendee(usize),
    Person(Who),
}

/// Which revision an answer is about.
#[derive(Clone, Debug)]
enum Rev {
    Current,
    Fixed(u32),
}

#[derive(Clone, Debug)]
enum Act {
    Propose,
    Validate { meeting_after: bool },
    Decline { blank: bool },
    Announce(Option<u32>),
    AnnounceFlawed(u8),
    Cancel { blank: bool },
    Register(usize, Reg),
    Withdraw(usize),
    Hold(Attend),
    Report(ReportKind),
    ValidateReport(Responder, Rev),
    ObjectToReport(Responder, Rev, bool),
    Revise(ReportKind),
    Approve,
    RequestSupport { blank: bool },
}

#[derive(Clone, Debug)]
struct Op {
    act: Act,
    who: Who,
    when: When,
}

fn op(act: Act) -> Op {
    Op {
        act,
        who: Who::Sample,
        when: When::Sample,
    }
}

fn op_at(act: Act, when: When) -> Op {
    Op {
        act,
        who: Who::Sample,
        when,
    }
}

/// How the GEP starts.
#[derive(Clone, Debug)]
enum Start {
    Sample,
    TrainerInTeam,
    ObserverInTeam,
    CharterNotAccepted,
    NoQuestions,
    BlankTheme,
    BySympathiser,
    ByStranger,
    TooLong,
    /// Starts with another command than `propose` (LC01).
    Other(Box<Op>),
    /// The sample proposal, this many minutes earlier (before the charter
    /// was accepted when more than 15).
    Earlier(i64),
}

// ---------------------------------------------------------------------------
// Building commands
// ---------------------------------------------------------------------------

fn shift(t: Timestamp, minutes: i64) -> Timestamp {
    Timestamp::from_datetime(*t.as_datetime() + TimeDelta::minutes(minutes))
}

fn person_of(who: &Who) -> Option<PersonId> {
    match who {
        Who::Sample => None,
        Who::Organiser => Some(ORGANISER),
        Who::Facilitator => Some(FACILITATOR),
        Who::Guest => Some(GUEST),
        Who::Coordinator => Some(COORDINATOR),
        Who::Registrant(i) => Some(sample::registrant_id(*i)),
        Who::Stranger => Some(PersonId::from_u128(999)),
    }
}

fn registrations(gep: &AnyGep) -> Option<&Registrations> {
    match gep {
        AnyGep::Announced(g) => Some(g.registrations()),
        AnyGep::Held(g) => Some(g.registrations()),
        AnyGep::Reported(g) => Some(g.registrations()),
        AnyGep::Approved(g) => Some(g.registrations()),
        _ => None,
    }
}

fn admitted(gep: &AnyGep) -> Vec<PersonId> {
    registrations(gep)
        .map(|r| r.admitted().map(|e| e.person).collect())
        .unwrap_or_default()
}

fn report_of(kind: &ReportKind) -> gep_core::model::Report {
    let mut report = sample::report_of(300);
    match kind {
        ReportKind::Sample => {}
        ReportKind::NoResources => report.synthesis.resources = None,
        ReportKind::NoQuestions => report.synthesis.questions = Some(vec!["  ".to_owned()]),
        ReportKind::GuestAuthor => report.author = GUEST,
        ReportKind::NoEvaluation => {
            report.evaluation = None;
            report.expectations = Some(String::new());
        }
        ReportKind::BestPractices => {
            report.synthesis.follow_ups = Some(vec!["Rédiger un guide des bonnes pratiques".to_owned()]);
        }
        ReportKind::Names(i) => {
            let p = sample::registrant(*i);
            report
                .discussion
                .push_str(&format!("{} a raconté sa démarche.", p.full_name()));
        }
        ReportKind::WithEmail => report
            .discussion
            .push_str(" Contact : lea.martin0@exemple.fr, 06 12 34 56 78."),
        ReportKind::NoDeadline => report.validation_deadline = None,
        ReportKind::PastDeadline => report.validation_deadline = Some(sample::at("2026-04-01T18:00:00+02:00")),
        ReportKind::LateDeadline => report.validation_deadline = Some(sample::at("2026-07-01T18:00:00+02:00")),
    }
    report
}

fn registration_command(i: usize, reg: &Reg) -> Command {
    let mut command = sample::register(i);
    let Action::Register(r) = &mut command.action else {
        unreachable!()
    };
    match reg {
        Reg::Plain => {}
        Reg::Role(role) => r.role = (*role).to_owned(),
        Reg::NoConfidentiality => r.accepted_confidentiality = false,
        Reg::OnBehalf => r.on_behalf_of = Some("Agence de concertation".to_owned()),
        Reg::Purpose(purpose) => r.purpose = Some((*purpose).to_owned()),
        Reg::SameEmailOtherId { of, upper } => {
            let original = sample::registrant(*of);
            let person = std::sync::Arc::make_mut(&mut r.person);
            person.id = PersonId::from_u128(1000 + *of as u128);
            person.given_name = "Alex".to_owned();
            person.family_name = "Homonyme".to_owned();
            person.email = if *upper {
                original.email.to_uppercase()
            } else {
                format!("  {}  ", original.email)
            };
            command.actor = person.id;
        }
        Reg::ChangedDetails => {
            std::sync::Arc::make_mut(&mut r.person).organisation = Some("Un autre organisme".to_owned())
        }
        Reg::BadEmail => std::sync::Arc::make_mut(&mut r.person).email = "pas une adresse".to_owned(),
        Reg::ByOrganiser => command.actor = ORGANISER,
    }
    command
}

fn walk_in_person() -> Person {
    Person {
        id: PersonId::from_u128(2000),
        given_name: "Jeanne".to_owned(),
        family_name: "Arrivée".to_owned(),
        email: "jeanne.arrivee@exemple.fr".to_owned(),
        phone: None,
        organisation: None,
        ic_status: IcStatus::NonMember,
        coordination_team: false,
    }
}

fn hold_command(attend: &Attend, gep: &AnyGep) -> Command {
    let ids: Vec<PersonId> = match attend {
        Attend::Admitted | Attend::WalkIn { .. } | Attend::Flawed(_) => admitted(gep),
        Attend::AdmittedAndWaiting => registrations(gep)
            .map(|r| {
                r.entries()
                    .iter()
                    .filter(|e| e.status != RegistrationStatus::Withdrawn)
                    .map(|e| e.person)
                    .collect()
            })
            .unwrap_or_default(),
        Attend::Subset(indices) => indices.iter().map(|&i| sample::registrant_id(i)).collect(),
    };
    let n_questions = if matches!(attend, Attend::Flawed(0)) { 2 } else { 3 };
    let mut command = sample::hold_with(&ids, n_questions);
    let Action::Hold(record) = &mut command.action else {
        unreachable!()
    };
    match attend {
        Attend::WalkIn { confidentiality, role } => record.walk_ins.push(WalkIn {
            person: walk_in_person(),
            role: (*role).to_owned(),
            accepted_confidentiality: *confidentiality,
        }),
        Attend::Flawed(1) => record.no_promotion.attested = false,
        Attend::Flawed(2) => {
            record.no_recording = Attestation {
                attested: true,
                by: GUEST,
                at: command.at,
            }
        }
        Attend::Flawed(3) => record.documents.push(SessionDocument {
            kind: "promotional".to_owned(),
            title: "Plaquette du cabinet".to_owned(),
            description: None,
        }),
        Attend::Flawed(4) => record.case_studies.push(CaseStudy {
            presenter: GUEST,
            title: "Un cas".to_owned(),
        }),
        Attend::Flawed(5) => record.attendance.push(ORGANISER),
        Attend::Flawed(_) => record.documents.push(SessionDocument {
            kind: "other".to_owned(),
            title: "Une liste".to_owned(),
            description: None,
        }),
        _ => {}
    }
    command
}

fn responder(r: &Responder, gep: &AnyGep) -> PersonId {
    let snapshot = gep.snapshot();
    match r {
        Responder::FirstPending => snapshot
            .report
            .and_then(|rep| rep.pending.first().copied())
            .unwrap_or(ORGANISER),
        Responder::Attendee(k) => {
            let attendees = snapshot.attendees.unwrap_or_default();
            if attendees.is_empty() {
                ORGANISER
            } else {
                attendees[k % attendees.len()].person
            }
        }
        Responder::Person(who) => person_of(who).unwrap_or(ORGANISER),
    }
}

fn revision(r: &Rev, gep: &AnyGep) -> u32 {
    match r {
        Rev::Current => gep.snapshot().report.map_or(1, |rep| rep.revision),
        Rev::Fixed(n) => *n,
    }
}

/// The command an op stands for, in the current state of the GEP.
fn command(op: &Op, gep: Option<&AnyGep>) -> Command {
    let report_at = sample::report().at;
    let response_at = sample::validate_report(ORGANISER).at;
    let mut command = match &op.act {
        Act::Propose => sample::propose(),
        Act::Validate { meeting_after } => {
            let mut c = sample::validate();
            if *meeting_after {
                let Action::Validate(v) = &mut c.action else {
                    unreachable!()
                };
                v.meeting.at = shift(c.at, 60);
            }
            c
        }
        Act::Decline { blank } => Command::new(
            sample::validate().at,
            COORDINATOR,
            Action::Decline(Decision {
                reason: if *blank {
                    " ".to_owned()
                } else {
                    "thème déjà traité".to_owned()
                },
            }),
        ),
        Act::Announce(cap) => sample::announce(*cap),
        Act::AnnounceFlawed(k) => {
            let mut c = sample::announce(Some(3));
            let Action::Announce(a) = &mut c.action else {
                unreachable!()
            };
            match k % 4 {
                0 => a.members_only = true,
                1 => a.mailing_list = false,
                2 => a.registration_form = None,
                _ => a.cap = Some(0),
            }
            c
        }
        Act::Cancel { blank } => Command::new(
            shift(sample::announce(None).at, 60 * 24),
            ORGANISER,
            Action::Cancel(Decision {
                reason: if *blank {
                    String::new()
                } else {
                    "salle indisponible".to_owned()
                },
            }),
        ),
        Act::Register(i, reg) => registration_command(*i, reg),
        Act::Withdraw(i) => sample::withdraw(*i),
        Act::Hold(attend) => match gep {
            Some(g) => hold_command(attend, g),
            None => sample::hold(),
        },
        Act::Report(kind) => Command::new(report_at, ORGANISER, Action::Report(Box::new(report_of(kind)))),
        Act::ValidateReport(r, rev) => {
            let (actor, revision) = gep.map_or((ORGANISER, 1), |g| (responder(r, g), revision(rev, g)));
            Command::new(response_at, actor, Action::ValidateReport(ReportResponse { revision }))
        }
        Act::ObjectToReport(r, rev, blank) => {
            let (actor, revision) = gep.map_or((ORGANISER, 1), |g| (responder(r, g), revision(rev, g)));
            let comment = if *blank {
                "   ".to_owned()
            } else {
                "Je ne me reconnais pas dans la synthèse.".to_owned()
            };
            Command::new(
                response_at,
                actor,
                Action::ObjectToReport(ReportObjection { revision, comment }),
            )
        }
        Act::Revise(kind) => Command::new(report_at, ORGANISER, Action::Revise(Box::new(report_of(kind)))),
        Act::Approve => sample::approve(),
        Act::RequestSupport { blank } => Command::new(
            sample::validate().at,
            FACILITATOR,
            Action::RequestSupport(SupportRequest {
                topic: if *blank {
                    String::new()
                } else {
                    "animation des sous-groupes".to_owned()
                },
            }),
        ),
    };
    if let Some(actor) = person_of(&op.who) {
        command.actor = actor;
    }
    if let Some(g) = gep {
        let last = g.last_at();
        command.at = match op.when {
            When::Sample => command.at,
            When::Same => last,
            When::Later(m) => shift(last, m),
            When::Earlier(m) => shift(last, -m),
        };
    }
    command
}

fn start_command(start: &Start) -> Command {
    if let Start::Other(op) = start {
        return command(op, None);
    }
    let mut command = sample::propose();
    let Action::Propose(p) = &mut command.action else {
        unreachable!()
    };
    match start {
        Start::Sample | Start::Other(_) => {}
        Start::TrainerInTeam => p.team[2].role = "trainer".to_owned(),
        Start::ObserverInTeam => p.team[2].role = "observer".to_owned(),
        Start::CharterNotAccepted => p.charter.accepted = false,
        Start::NoQuestions => p.questions.clear(),
        Start::BlankTheme => p.theme = "  ".to_owned(),
        Start::BySympathiser => command.actor = GUEST,
        Start::ByStranger => command.actor = PersonId::from_u128(999),
        Start::TooLong => p.format.end = shift(p.format.end, 10 * 60),
        Start::Earlier(m) => command.at = shift(command.at, -m),
    }
    command
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        12 => Just(When::Sample),
        2 => Just(When::Same),
        3 => (0i64..180).prop_map(When::Later),
        1 => (0i64..60 * 24 * 60).prop_map(When::Later),
        2 => (1i64..60 * 24 * 10).prop_map(When::Earlier),
    ]
}

fn who() -> impl Strategy<Value = Who> {
    prop_oneof![
        16 => Just(Who::Sample),
        1 => Just(Who::Organiser),
        1 => Just(Who::Facilitator),
        1 => Just(Who::Guest),
        1 => Just(Who::Coordinator),
        1 => (0usize..15).prop_map(Who::Registrant),
        1 => Just(Who::Stranger),
    ]
}

fn reg() -> impl Strategy<Value = Reg> {
    prop_oneof![
        10 => Just(Reg::Plain),
        2 => prop::sample::select(vec![
            "observer", "trainer", "Observateur", "chercheuse", "expert", "speaker", "facilitator", "guest", "",
        ])
        .prop_map(Reg::Role),
        1 => Just(Reg::NoConfidentiality),
        1 => Just(Reg::OnBehalf),
        1 => prop::sample::select(vec!["practice_exchange", "research", "observation", "curiosité"]).prop_map(Reg::Purpose),
        2 => (0usize..15, any::<bool>()).prop_map(|(of, upper)| Reg::SameEmailOtherId { of, upper }),
        1 => Just(Reg::ChangedDetails),
        1 => Just(Reg::BadEmail),
        1 => Just(Reg::ByOrganiser),
    ]
}

fn attend() -> impl Strategy<Value = Attend> {
    prop_oneof![
        4 => Just(Attend::Admitted),
        1 => Just(Attend::AdmittedAndWaiting),
        2 => prop::collection::vec(0usize..15, 0..6).prop_map(Attend::Subset),
        1 => (any::<bool>(), prop::sample::select(vec!["participant", "guest", "observer", "lecturer"]))
            .prop_map(|(confidentiality, role)| Attend::WalkIn { confidentiality, role }),
        2 => (0u8..7).prop_map(Attend::Flawed),
    ]
}

fn report_kind() -> impl Strategy<Value = ReportKind> {
    prop_oneof![
        6 => Just(ReportKind::Sample),
        1 => Just(ReportKind::NoResources),
        1 => Just(ReportKind::NoQuestions),
        1 => Just(ReportKind::GuestAuthor),
        1 => Just(ReportKind::NoEvaluation),
        1 => Just(ReportKind::BestPractices),
        1 => (0usize..15).prop_map(ReportKind::Names),
        1 => Just(ReportKind::WithEmail),
        1 => Just(ReportKind::NoDeadline),
        1 => Just(ReportKind::PastDeadline),
        1 => Just(ReportKind::LateDeadline),
    ]
}

fn responder_strategy() -> impl Strategy<Value = Responder> {
    prop_oneof![
        4 => Just(Responder::FirstPending),
        2 => (0usize..20).prop_map(Responder::Attendee),
        1 => who().prop_map(Responder::Person),
    ]
}

fn rev() -> impl Strategy<Value = Rev> {
    prop_oneof![6 => Just(Rev::Current), 1 => (0u32..4).prop_map(Rev::Fixed)]
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        1 => Just(Act::Propose),
        2 => any::<bool>().prop_map(|meeting_after| Act::Validate { meeting_after }),
        1 => any::<bool>().prop_map(|blank| Act::Decline { blank }),
        2 => prop::option::weighted(0.6, 1u32..6).prop_map(Act::Announce),
        1 => (0u8..4).prop_map(Act::AnnounceFlawed),
        1 => any::<bool>().prop_map(|blank| Act::Cancel { blank }),
        8 => (0usize..15, reg()).prop_map(|(i, r)| Act::Register(i, r)),
        3 => (0usize..15).prop_map(Act::Withdraw),
        2 => attend().prop_map(Act::Hold),
        2 => report_kind().prop_map(Act::Report),
        3 => (responder_strategy(), rev()).prop_map(|(r, v)| Act::ValidateReport(r, v)),
        1 => (responder_strategy(), rev(), any::<bool>()).prop_map(|(r, v, b)| Act::ObjectToReport(r, v, b)),
        1 => report_kind().prop_map(Act::Revise),
        2 => Just(Act::Approve),
        1 => any::<bool>().prop_map(|blank| Act::RequestSupport { blank }),
    ]
}

fn random_op() -> impl Strategy<Value = Op> {
    (act(), who(), when()).prop_map(|(act, who, when)| Op { act, who, when })
}

/// Flawed commands tried along a plausible lifecycle, before the right ones.
#[derive(Clone, Debug)]
struct Flaws {
    announce: Option<u8>,
    registrations: Vec<(usize, Reg)>,
    hold: Option<Attend>,
    report: Option<ReportKind>,
}

fn flaws() -> impl Strategy<Value = Flaws> {
    (
        prop::option::weighted(0.2, 0u8..4),
        prop::collection::vec((0usize..15, reg()), 0..3),
        prop::option::weighted(0.2, attend()),
        prop::option::weighted(0.2, report_kind()),
    )
        .prop_map(|(announce, registrations, hold, report)| Flaws {
            announce,
            registrations,
            hold,
            report,
        })
}

/// A plausible lifecycle, ending in one of several ways.
fn script() -> impl Strategy<Value = Vec<Op>> {
    (
        prop::option::weighted(0.6, 1u32..6),
        prop::collection::btree_set(0usize..15, 0..9),
        prop::collection::vec(any::<Index>(), 0..4),
        0u8..10,
        flaws(),
    )
        .prop_map(
            |(cap, regs, withdrawals, ending, flaws): (Option<u32>, BTreeSet<usize>, Vec<Index>, u8, Flaws)| {
                let mut ops = Vec::new();
                if ending == 0 {
                    ops.push(op(Act::Decline { blank: false }));
                    return ops;
                }
                ops.push(op(Act::Validate { meeting_after: false }));
                if ending == 1 {
                    ops.push(op(Act::Cancel { blank: false }));
                    return ops;
                }
                if let Some(k) = flaws.announce {
                    ops.push(op(Act::AnnounceFlawed(k)));
                }
                ops.push(op(Act::Announce(cap)));
                ops.extend(regs.iter().map(|&i| op(Act::Register(i, Reg::Plain))));
                // Flawed registrations, a little later than the plain ones.
                ops.extend(
                    flaws
                        .registrations
                        .into_iter()
                        .map(|(i, r)| op_at(Act::Register(i, r), When::Later(1))),
                );
                // Withdrawals of registered people, so that seats are freed.
                let registered: Vec<usize> = regs.iter().copied().collect();
                if !registered.is_empty() {
                    ops.extend(
                        withdrawals
                            .iter()
                            .map(|w| op(Act::Withdraw(registered[w.index(registered.len())]))),
                    );
                }
                if ending == 2 {
                    ops.push(op_at(Act::Cancel { blank: false }, When::Later(60)));
                    return ops;
                }
                if let Some(attend) = flaws.hold {
                    ops.push(op(Act::Hold(attend)));
                }
                ops.push(op(Act::Hold(Attend::Admitted)));
                if let Some(kind) = flaws.report {
                    ops.push(op(Act::Report(kind)));
                }
                ops.push(op(Act::Report(ReportKind::Sample)));
                let answers = 3 + regs.len();
                match ending {
                    3 | 4 => {
                        // Tacit approval, after the deadline, with some answers.
                        let some = if ending == 3 { 0 } else { answers / 2 };
                        ops.extend((0..some).map(|_| op(Act::ValidateReport(Responder::FirstPending, Rev::Current))));
                        ops.push(op_at(Act::Approve, When::Later(40 * 24 * 60)));
                    }
                    5 | 6 => {
                        ops.push(op(Act::ObjectToReport(
                            Responder::Attendee(ending as usize),
                            Rev::Current,
                            false,
                        )));
                        ops.push(op_at(Act::Revise(ReportKind::Sample), When::Later(60)));
                        ops.extend((0..answers).map(|_| {
                            op_at(
                                Act::ValidateReport(Responder::FirstPending, Rev::Current),
                                When::Later(1),
                            )
                        }));
                        ops.push(op_at(Act::Approve, When::Later(10)));
                    }
                    _ => {
                        ops.extend(
                            (0..answers).map(|_| op(Act::ValidateReport(Responder::FirstPending, Rev::Current))),
                        );
                        ops.push(op(Act::Approve));
                    }
                }
                ops
            },
        )
}

/// A plausible lifecycle with random commands inserted and some deleted.
fn noisy_script() -> impl Strategy<Value = Vec<Op>> {
    (
        script(),
        prop::collection::vec(any::<Index>(), 0..3),
        prop::collection::vec((any::<Index>(), random_op()), 0..5),
    )
        .prop_map(|(mut ops, deletions, insertions)| {
            for d in deletions {
                if !ops.is_empty() {
                    ops.remove(d.index(ops.len()));
                }
            }
            for (at, extra) in insertions {
                let at = at.index(ops.len() + 1);
                ops.insert(at, extra);
            }
            ops
        })
}

fn start() -> impl Strategy<Value = Start> {
    prop_oneof![
        30 => Just(Start::Sample),
        1 => Just(Start::TrainerInTeam),
        1 => Just(Start::ObserverInTeam),
        1 => Just(Start::CharterNotAccepted),
        1 => Just(Start::NoQuestions),
        1 => Just(Start::BlankTheme),
        1 => Just(Start::BySympathiser),
        1 => Just(Start::ByStranger),
        1 => Just(Start::TooLong),
        1 => random_op().prop_map(|op| Start::Other(Box::new(op))),
        1 => (1i64..60 * 24).prop_map(Start::Earlier),
    ]
}

fn sequence() -> impl Strategy<Value = (Start, Vec<Op>)> {
    (
        start(),
        prop_oneof![4 => noisy_script(), 1 => prop::collection::vec(random_op(), 0..30)],
    )
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

fn check_violation(v: &Violation) {
    assert!(!v.code.as_str().is_empty(), "empty code: {v:?}");
    assert!(!v.message_fr.trim().is_empty(), "empty French message: {v:?}");
    assert!(!v.message_en.trim().is_empty(), "empty English message: {v:?}");
    let path = serde_json::to_value(&v.path).unwrap();
    assert!(path.is_array(), "path is not a list: {path}");
}

/// A refusal holds at least one error, and every violation has its messages.
fn check_violations(vs: &Violations) {
    assert!(!vs.as_slice().is_empty(), "no violation in a refusal");
    assert!(vs.errors().next().is_some(), "a refusal without an error: {vs:?}");
    vs.as_slice().iter().for_each(check_violation);
}

/// The invariants every reachable GEP satisfies.
fn check_invariants(gep: &AnyGep) {
    let snapshot = gep.snapshot();
    assert_eq!(snapshot.state, gep.state());
    assert_eq!(snapshot.events, gep.log().len());
    assert_eq!(snapshot.last_event_at, gep.last_at());
    assert_eq!(snapshot.gep_id, gep.id());

    // The log starts with the proposal; timestamps never go backwards.
    let log = gep.log();
    assert!(!log.is_empty());
    assert_eq!(log[0].event.name(), "proposed");
    for pair in log.windows(2) {
        assert!(
            pair[0].at <= pair[1].at,
            "timestamps go backwards: {} then {}",
            pair[0].at,
            pair[1].at
        );
    }
    for w in gep.warnings() {
        assert!(w.is_warning(), "an error kept as a warning: {w:?}");
        check_violation(w);
    }

    // Registrations.
    let regs = registrations(gep);
    assert_eq!(regs.is_some(), snapshot.registrations.is_some());
    if let (Some(regs), Some(view)) = (regs, &snapshot.registrations) {
        let admitted = regs.admitted().count();
        assert_eq!(admitted, regs.admitted_count());
        assert_eq!(admitted, view.admitted.len());
        assert_eq!(view.cap, regs.cap());
        match regs.cap() {
            Some(cap) => {
                assert!(admitted <= cap as usize, "{admitted} admitted for a cap of {cap}");
                if !view.waiting.is_empty() {
                    assert_eq!(admitted, cap as usize, "people wait while a seat is free");
                }
            }
            None => assert!(view.waiting.is_empty(), "a waiting list without a cap"),
        }
        let waiting: Vec<_> = regs.waiting().collect();
        assert!(waiting.iter().all(|e| e.status == RegistrationStatus::Waiting));
        assert!(
            waiting.windows(2).all(|w| w[0].at <= w[1].at),
            "waiting list out of order"
        );
        // The participants are the first registered: every admitted
        // registration came before every waiting one.
        let entries = regs.entries();
        let last_admitted = entries.iter().rposition(|e| e.status == RegistrationStatus::Admitted);
        let first_waiting = entries.iter().position(|e| e.status == RegistrationStatus::Waiting);
        if let (Some(a), Some(w)) = (last_admitted, first_waiting) {
            assert!(a < w, "registration {w} waits while the later {a} has a seat");
        }
        let people: HashMap<PersonId, &Person> = gep.people().into_iter().map(|p| (p.id, p)).collect();
        let mut persons = HashSet::new();
        let mut emails = HashSet::new();
        for entry in regs
            .entries()
            .iter()
            .filter(|e| e.status != RegistrationStatus::Withdrawn)
        {
            assert!(
                persons.insert(entry.person),
                "{} has two active registrations",
                entry.person
            );
            let person = people.get(&entry.person).expect("a registrant is known");
            let email = person.folded_email();
            assert!(
                emails.insert(email.clone()),
                "two active registrations share the e-mail {email}"
            );
            let active = regs.active(entry.person).expect("an active entry is found");
            assert_eq!(active, entry);
        }
    }

    // Attendees and the report.
    if let Some(report) = &snapshot.report {
        let attendees = snapshot.attendees.as_ref().expect("a report comes with attendees");
        let answered = report.validated_by.len() + report.objections.len() + report.pending.len();
        assert_eq!(answered, attendees.len());
        assert!(report.revision >= 1);
    }
    // With a cap, attendees are the team and the admitted registrants.
    if let (Some(attendees), Some(regs)) = (&snapshot.attendees, regs)
        && regs.cap().is_some()
    {
        for seat in attendees {
            let on_team = gep.team().contains_key(&seat.person);
            let admitted = regs.admitted().any(|e| e.person == seat.person);
            assert!(
                on_team || admitted,
                "{} attends a capped GEP without a seat",
                seat.person
            );
        }
    }
}

/// Saving then loading is the identity, and saving again gives the same bytes.
fn check_round_trip(gep: &AnyGep) {
    let saved = gep.to_json();
    let loaded = match AnyGep::from_json(&saved) {
        Ok(loaded) => loaded,
        Err(v) => panic!("a saved GEP does not load: {v}\n{saved}"),
    };
    assert_eq!(&loaded, gep);
    assert_eq!(loaded.to_json(), saved);
    let pretty = gep.to_json_pretty();
    assert_eq!(&AnyGep::from_json(&pretty).unwrap(), gep);
    assert_eq!(&AnyGep::from_slice(saved.as_bytes()).unwrap(), gep);
}

/// What happened along a run, for the coverage test.
#[derive(Default)]
struct Seen {
    states: HashSet<State>,
    codes: HashSet<Code>,
    accepted: usize,
    /// Admissions from the waiting list.
    promotions: usize,
    refused: usize,
}

/// Applies a command, checking what a refusal and an acceptance promise.
fn apply(gep: AnyGep, command: Command, seen: &mut Seen) -> (AnyGep, bool) {
    let before = gep.clone();
    let before_json = gep.to_json();
    let action = command.action.clone();
    let (at, actor) = (command.at, command.actor);
    match gep.apply(command) {
        Ok(next) => {
            seen.accepted += 1;
            let n = before.log().len();
            seen.promotions += next.log()[n..]
                .iter()
                .filter(|e| e.event.name() == "admitted_from_waiting_list")
                .count();
            assert!(next.log().len() > n, "an accepted command appends to the log");
            assert_eq!(&next.log()[..n], before.log(), "an accepted command rewrites the log");
            let entry = &next.log()[n];
            assert_eq!(entry.at, at);
            assert_eq!(entry.actor, actor);
            assert_eq!(entry.event.clone().into_action().ok(), Some(action));
            assert_eq!(next.id(), before.id());
            (next, true)
        }
        Err(refused) => {
            seen.refused += 1;
            assert_eq!(refused.gep(), &before, "a refusal changed the GEP");
            assert_eq!(refused.gep().to_json(), before_json, "a refusal changed the document");
            check_violations(refused.violations());
            seen.codes.extend(refused.violations().codes());
            assert!(!refused.to_string().is_empty());
            (refused.into_parts().0, false)
        }
    }
}

/// Runs a sequence; `visit` sees the first GEP and every GEP a command
/// produced.
fn run(start: &Start, ops: &[Op], seen: &mut Seen, mut visit: impl FnMut(&AnyGep)) {
    let first = start_command(start);
    let mut gep = match AnyGep::start(sample::GEP, first) {
        Ok(gep) => gep,
        Err(violations) => {
            check_violations(&violations);
            seen.codes.extend(violations.codes());
            return;
        }
    };
    seen.states.insert(gep.state());
    visit(&gep);
    for op in ops {
        let command = command(op, Some(&gep));
        let (next, accepted) = apply(gep, command, seen);
        gep = next;
        if accepted {
            seen.states.insert(gep.state());
            visit(&gep);
        }
    }
}

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

fn build(commands: Vec<Command>) -> AnyGep {
    let mut commands = commands.into_iter();
    let mut gep = AnyGep::start(sample::GEP, commands.next().unwrap()).unwrap();
    for command in commands {
        let name = command.action.name();
        gep = gep
            .apply(command)
            .unwrap_or_else(|r| panic!("sample `{name}` refused: {r}"));
    }
    gep
}

/// Valid documents to mutate: approved, capped with a waiting list and
/// admissions from it, reported with an objection, cancelled, declined, and
/// the benchmark document.
fn base_documents() -> &'static [String] {
    static DOCS: OnceLock<Vec<String>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let mut capped = vec![sample::propose(), sample::validate(), sample::announce(Some(3))];
        capped.extend((0..6).map(sample::register));
        capped.extend([1, 4].map(sample::withdraw));
        let capped_gep = build(capped.clone());
        let present = admitted(&capped_gep);
        capped.push(sample::hold_with(&present, 3));
        capped.push(sample::report());
        let mut objection = sample::validate_report(FACILITATOR);
        objection.action = Action::ObjectToReport(ReportObjection {
            revision: 1,
            comment: "Trop long.".to_owned(),
        });
        capped.push(objection);
        let cancel = Command::new(
            sample::at("2026-02-05T10:00:00+01:00"),
            ORGANISER,
            Action::Cancel(Decision {
                reason: "salle indisponible".to_owned(),
            }),
        );
        let decline = Command::new(
            sample::at("2026-01-20T10:00:00+01:00"),
            COORDINATOR,
            Action::Decline(Decision {
                reason: "thème déjà traité".to_owned(),
            }),
        );
        vec![
            sample::approved_gep().unwrap().to_json(),
            build(capped).to_json(),
            build(vec![
                sample::propose(),
                sample::validate(),
                sample::announce(None),
                sample::register(0),
                cancel,
            ])
            .to_json(),
            build(vec![sample::propose(), decline]).to_json(),
            sample::benchmark_gep().unwrap().to_json(),
        ]
    })
}

fn base(i: Index) -> &'static str {
    let docs = base_documents();
    &docs[i.index(docs.len())]
}

/// A document mutated by any means loads, or is refused with violations.
fn check_load(result: Result<AnyGep, Violations>) {
    match result {
        Ok(gep) => {
            check_invariants(&gep);
            check_round_trip(&gep);
        }
        Err(violations) => check_violations(&violations),
    }
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The JSON pointers of every node, and of every object key as (parent, key).
fn nodes(value: &Value, pointer: &str, all: &mut Vec<String>, keys: &mut Vec<(String, String)>) {
    all.push(pointer.to_owned());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                keys.push((pointer.to_owned(), k.clone()));
                nodes(v, &format!("{pointer}/{}", escape(k)), all, keys);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                nodes(v, &format!("{pointer}/{i}"), all, keys);
            }
        }
        _ => {}
    }
}

fn pointers(value: &Value) -> (Vec<String>, Vec<(String, String)>) {
    let mut all = Vec::new();
    let mut keys = Vec::new();
    nodes(value, "", &mut all, &mut keys);
    (all, keys)
}

fn replacement() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        Value::Null,
        json!(0),
        json!(-1),
        json!(1.5),
        json!(u64::MAX),
        json!(""),
        json!("x"),
        json!(true),
        json!([]),
        json!({}),
        json!({"type": "approved"}),
        json!("2026-02-30T10:00:00+01:00"),
        json!("2026-04-16T10:00:00"),
        json!("9999-12-31T23:59:59+23:59"),
        json!("0000-01-01T00:00:00-23:59"),
        json!("00000000-0000-0000-0000-000000000001"),
        json!("observer"),
    ])
}

/// An operation on the events of a document.
#[derive(Clone, Debug)]
enum EventEdit {
    Remove(Index),
    Duplicate(Index),
    Swap(Index),
}

fn event_edit() -> impl Strategy<Value = EventEdit> {
    prop_oneof![
        any::<Index>().prop_map(EventEdit::Remove),
        any::<Index>().prop_map(EventEdit::Duplicate),
        any::<Index>().prop_map(EventEdit::Swap),
    ]
}

const JSON_CHARS: &[char] = &[
    '"', '{', '}', '[', ']', ',', ':', '0', '9', '-', 'a', 'n', 'é', ' ', '\\', '\n', '\u{0}', '😀', 'T', '+',
];

// ---------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// Properties 1 and 2: no panic, and the invariants hold in every state
    /// reached, after acceptances and refusals alike.
    #[test]
    fn random_commands_keep_the_invariants((start, ops) in sequence()) {
        let mut seen = Seen::default();
        run(&start, &ops, &mut seen, check_invariants);
    }

    /// Property 3: save → load is the identity for every state reached.
    #[test]
    fn save_load_is_the_identity((start, ops) in sequence()) {
        let mut seen = Seen::default();
        run(&start, &ops, &mut seen, check_round_trip);
    }

    /// Property 4a: a document truncated at any byte.
    #[test]
    fn truncated_documents_are_refused_cleanly(doc in any::<Index>(), cut in any::<Index>()) {
        let text = base(doc);
        let cut = cut.index(text.len());
        check_load(AnyGep::from_slice(&text.as_bytes()[..cut]));
    }

    /// Property 4b: a document with random bytes replaced (maybe not UTF-8).
    #[test]
    fn documents_with_bytes_replaced_load_or_are_refused(
        doc in any::<Index>(),
        edits in prop::collection::vec((any::<Index>(), any::<u8>()), 1..4),
    ) {
        let mut bytes = base(doc).as_bytes().to_vec();
        for (at, byte) in edits {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        check_load(AnyGep::from_slice(&bytes));
    }

    /// Property 4c: a document with random characters replaced by characters
    /// that matter to JSON, or deleted.
    #[test]
    fn documents_with_characters_replaced_load_or_are_refused(
        doc in any::<Index>(),
        edits in prop::collection::vec((any::<Index>(), prop::option::weighted(0.8, prop::sample::select(JSON_CHARS))), 1..4),
    ) {
        let mut chars: Vec<char> = base(doc).chars().collect();
        for (at, c) in edits {
            if chars.is_empty() {
                break;
            }
            let at = at.index(chars.len());
            match c {
                Some(c) => chars[at] = c,
                None => {
                    chars.remove(at);
                }
            }
        }
        let text: String = chars.into_iter().collect();
        check_load(AnyGep::from_json(&text));
    }

    /// Property 4d: a document with random keys deleted.
    #[test]
    fn documents_with_keys_deleted_load_or_are_refused(
        doc in any::<Index>(),
        deletions in prop::collection::vec(any::<Index>(), 1..4),
    ) {
        let mut value: Value = serde_json::from_str(base(doc)).unwrap();
        for d in deletions {
            let (_, keys) = pointers(&value);
            if keys.is_empty() {
                break;
            }
            let (parent, key) = &keys[d.index(keys.len())];
            let object = value.pointer_mut(parent).and_then(Value::as_object_mut).unwrap();
            object.remove(key);
        }
        check_load(AnyGep::from_json(&value.to_string()));
    }

    /// Property 4e: a document with random values replaced, and events
    /// removed, duplicated or swapped.
    #[test]
    fn documents_with_values_or_events_changed_load_or_are_refused(
        doc in any::<Index>(),
        replacements in prop::collection::vec((any::<Index>(), replacement()), 0..3),
        edits in prop::collection::vec(event_edit(), 0..3),
    ) {
        let mut value: Value = serde_json::from_str(base(doc)).unwrap();
        for (at, new) in replacements {
            let (all, _) = pointers(&value);
            let pointer = &all[at.index(all.len())];
            *value.pointer_mut(pointer).unwrap() = new;
        }
        for edit in edits {
            let Some(events) = value.get_mut("events").and_then(Value::as_array_mut) else { break };
            if events.is_empty() {
                break;
            }
            match edit {
                EventEdit::Remove(i) => {
                    events.remove(i.index(events.len()));
                }
                EventEdit::Duplicate(i) => {
                    let i = i.index(events.len());
                    let copy = events[i].clone();
                    events.insert(i, copy);
                }
                EventEdit::Swap(i) => {
                    let i = i.index(events.len());
                    let j = (i + 1) % events.len();
                    events.swap(i, j);
                }
            }
        }
        check_load(AnyGep::from_json(&value.to_string()));
    }
}

/// The generator is meaningful: over a fixed set of sequences, every state is
/// reached, commands are both accepted and refused, and the mutated commands
/// meet the codes they aim at.
#[test]
fn the_generator_reaches_every_state_and_the_codes_it_aims_at() {
    let mut runner = TestRunner::deterministic();
    let strategy = sequence();
    let mut seen = Seen::default();
    for _ in 0..256 {
        let (start, ops) = strategy.new_tree(&mut runner).unwrap().current();
        run(&start, &ops, &mut seen, |_| {});
    }
    let all = [
        State::Proposed,
        State::Validated,
        State::Announced,
        State::Held,
        State::Reported,
        State::Approved,
        State::Declined,
        State::Cancelled,
    ];
    for state in all {
        assert!(seen.states.contains(&state), "state {state} never reached");
    }
    assert!(
        seen.accepted > 1000 && seen.refused > 100,
        "{} accepted, {} refused",
        seen.accepted,
        seen.refused
    );
    assert!(
        seen.promotions >= 10,
        "only {} admissions from the waiting list",
        seen.promotions
    );
    for code in [
        Code::LC01,
        Code::LC02,
        Code::LC03,
        Code::LC04,
        Code::LC05,
        Code::PR01,
        Code::PR04,
        Code::PR05,
        Code::PR07,
        Code::OR05,
        Code::OR06,
        Code::OR07,
        Code::DE05,
        Code::DE08,
        Code::DE09,
        Code::IN07,
    ] {
        assert!(
            seen.codes.contains(&code),
            "code {code} never met; met: {:?}",
            seen.codes
        );
    }
}

//! `commands`: sequences of commands applied to a GEP.
//!
//! Two encodings of the input:
//! - bytes starting with `[`: a JSON list of commands (the fixtures' format;
//!   the seed corpus holds every fixture and every vector's fixture plus
//!   commands), applied in order; the first starts the GEP;
//! - anything else: a structured [`Input`] read with `arbitrary`: a start
//!   (the sample proposal, mutated or not, or one of the conformance
//!   fixtures, so that `held`, `reported` and `approved` are one step away)
//!   then steps on a small pool of known people, with timestamps that
//!   mostly go forward (sometimes backwards, or in another offset), texts
//!   from the fuzz bytes and the roster's names, roles that the charter does
//!   not know, and sample payloads with fuzz-chosen mutations. Two steps out
//!   of three take the next step of the sample lifecycle from whatever state
//!   the GEP is in ([`Advance`]: register, hold, report, validate, object,
//!   revise, approve, purge), mutated; the others are any command.
//!
//! `GEP_FUZZ_STATES=1` prints the state each execution ends in, and
//! `GEP_FUZZ_DEBUG=1` every command with its outcome (run the target over
//! its corpus with `-runs=0` to measure how deep the corpus goes).
//!
//! Properties, for every command:
//! - `apply` never panics; a command survives a JSON round trip;
//! - a refused command carries at least one error and gives back the GEP
//!   unchanged: equal, and its `to_json()` byte-identical to before;
//! - an accepted command appends to the log: the old log is a prefix of
//!   the new one (but for the purge, which rewrites it), and the first new
//!   entry has the command's time and actor;
//!
//! and at the end, the document reloads to an equal GEP, saving it again
//! gives the same bytes, and the snapshot and the exports do not panic.

#![no_main]

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use chrono::{FixedOffset, TimeDelta};
use gep_core::model::{
    Attestation, CaseStudy, Document as SessionDocument, IcStatus, Outcome, Person, QuestionOutcome, Round, TeamMember,
    Waiver, WalkIn,
};
use gep_core::planner::{self, Attendee, Method, PlanRequest};
use gep_core::{
    Action, AnyGep, Approval, Command, Consent, Decision, Path, PersonId, Purge, ReportObjection, ReportResponse,
    State, SupportRequest, Timestamp, Withdrawal, sample,
};
use libfuzzer_sys::fuzz_target;

/// The fixtures of the conformance vectors, in lifecycle order.
const FIXTURES: [&str; 7] = [
    include_str!("../../tests/fixtures/proposed.json"),
    include_str!("../../tests/fixtures/validated.json"),
    include_str!("../../tests/fixtures/announced.json"),
    include_str!("../../tests/fixtures/announced_capped.json"),
    include_str!("../../tests/fixtures/held.json"),
    include_str!("../../tests/fixtures/reported.json"),
    include_str!("../../tests/fixtures/approved.json"),
];

/// The GEPs the fixtures reach, built once.
fn fixtures() -> &'static [AnyGep] {
    static GEPS: OnceLock<Vec<AnyGep>> = OnceLock::new();
    GEPS.get_or_init(|| {
        FIXTURES
            .iter()
            .map(|text| {
                let commands: Vec<Command> = serde_json::from_str(text).expect("a fixture parses");
                let mut commands = commands.into_iter();
                let first = commands.next().expect("a fixture starts with propose");
                let mut gep = AnyGep::start(sample::GEP, first).expect("a fixture's proposal is accepted");
                for command in commands {
                    gep = gep.apply(command).expect("a fixture's command is accepted");
                }
                gep
            })
            .collect()
    })
}

/// How many sample registrants the operations pick from.
const POOL: u8 = 24;
/// At most this many operations run.
const MAX_OPS: usize = 48;

// ---------------------------------------------------------------------------
// The language of operations
// ---------------------------------------------------------------------------

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Who {
    Organiser,
    Facilitator,
    Guest,
    Coordinator,
    Registrant(u8),
    Stranger,
}

impl Who {
    fn id(self) -> PersonId {
        match self {
            Who::Organiser => sample::ORGANISER,
            Who::Facilitator => sample::FACILITATOR,
            Who::Guest => sample::GUEST,
            Who::Coordinator => sample::COORDINATOR,
            Who::Registrant(i) => sample::registrant_id(usize::from(i % POOL)),
            Who::Stranger => PersonId::from_u128(999),
        }
    }

    fn person(self) -> Person {
        match self {
            Who::Registrant(i) => sample::registrant(usize::from(i % POOL)),
            Who::Stranger => Person {
                id: self.id(),
                given_name: "Zoé".to_owned(),
                family_name: "Inconnue".to_owned(),
                email: "zoe.inconnue@exemple.fr".to_owned(),
                phone: None,
                organisation: None,
                ic_status: IcStatus::NonMember,
                coordination_team: false,
            },
            team => sample::team_people()
                .into_iter()
                .find(|p| p.id == team.id())
                .expect("a team member of the sample"),
        }
    }
}

/// When a command happens, relative to the sample's time or to the GEP's
/// last event.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum When {
    Sample,
    Same,
    Minutes(u16),
    Days(u8),
    Earlier(u16),
    /// The sample's time, written with another offset (hours).
    Offset(i8),
}

impl When {
    fn resolve(self, sample_at: Timestamp, last: Timestamp) -> Timestamp {
        let shift = |base: Timestamp, delta: TimeDelta| {
            base.as_datetime()
                .checked_add_signed(delta)
                .map_or(base, Timestamp::from_datetime)
        };
        match self {
            When::Sample => sample_at,
            When::Same => last,
            When::Minutes(m) => shift(last, TimeDelta::minutes(i64::from(m))),
            When::Days(d) => shift(last, TimeDelta::days(i64::from(d))),
            When::Earlier(m) => shift(last, TimeDelta::minutes(-i64::from(m) - 1)),
            When::Offset(h) => match FixedOffset::east_opt(i32::from(h % 15) * 3600) {
                Some(offset) => Timestamp::from_datetime(sample_at.as_datetime().with_timezone(&offset)),
                None => sample_at,
            },
        }
    }
}

/// A piece of text.
#[derive(Arbitrary, Debug, Clone)]
enum Piece {
    Fuzz(String),
    Given(Who),
    Family(Who),
    Full(Who),
    FullUpper(Who),
    Email(Who),
    Phone(u32),
    Organisation(Who),
    Sample,
    BestPractice,
}

impl Piece {
    fn render(&self) -> String {
        match self {
            Piece::Fuzz(s) => s.clone(),
            Piece::Given(w) => w.person().given_name,
            Piece::Family(w) => w.person().family_name,
            Piece::Full(w) => w.person().full_name(),
            Piece::FullUpper(w) => w.person().full_name().to_uppercase(),
            Piece::Email(w) => w.person().email,
            Piece::Phone(n) => format!(
                "06 {:02} {:02} {:02} {:02}",
                n % 100,
                n / 100 % 100,
                n / 10_000 % 100,
                n / 1_000_000 % 100
            ),
            Piece::Organisation(w) => w
                .person()
                .organisation
                .unwrap_or_else(|| "Métropole de Lyon".to_owned()),
            Piece::Sample => "Les habitants ont décrit des démarches d'« aller vers ».".to_owned(),
            Piece::BestPractice => "un recueil de bonnes pratiques".to_owned(),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
struct Text(Vec<Piece>);

impl Text {
    fn render(&self) -> String {
        self.0.iter().map(Piece::render).collect::<Vec<_>>().join(" ")
    }
}

#[derive(Arbitrary, Debug, Clone)]
enum RoleGen {
    Participant,
    Facilitator,
    Guest,
    Observer,
    Trainer,
    Chercheuse,
    Other(String),
}

impl RoleGen {
    fn wire(&self) -> String {
        match self {
            RoleGen::Participant => "participant".to_owned(),
            RoleGen::Facilitator => "facilitator".to_owned(),
            RoleGen::Guest => "guest".to_owned(),
            RoleGen::Observer => "observer".to_owned(),
            RoleGen::Trainer => "trainer".to_owned(),
            RoleGen::Chercheuse => "Chercheuse".to_owned(),
            RoleGen::Other(s) => s.clone(),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
enum ProposeTweak {
    Questions(u8),
    Title(Text),
    Theme(Text),
    TeamRole(u8, RoleGen),
    TeamMember(Who, RoleGen),
    DropPerson(u8),
    OrganiserStatus(u8),
    CharterRefused,
    CharterVersion(String),
    StartShift(i16),
    EndShift(i16),
    Kind(u8),
    Venue(Text),
}

#[derive(Arbitrary, Debug, Clone)]
enum Start {
    Sample,
    Mutated(Vec<ProposeTweak>),
    Fixture(u8),
}

#[derive(Arbitrary, Debug, Clone)]
enum RegTweak {
    NoConfidentiality,
    Role(RoleGen),
    OnBehalf(Text),
    Purpose(String),
    PurposeObservation,
    EmailOf(Who),
    EmailText(String),
    Given(String),
    Family(String),
    Status(u8),
    Phone(Piece),
    Organisation(Text),
    Coordination,
    Id(Who),
}

#[derive(Arbitrary, Debug, Clone)]
enum HoldTweak {
    Attend(Who),
    Absent(Who),
    WalkIn {
        who: Who,
        role: Option<RoleGen>,
        confidentiality: bool,
    },
    DropQuestion(u8),
    ExtraQuestion(u8),
    Outcome {
        question: u8,
        outcome: u8,
        wording: Option<Text>,
    },
    AddedQuestion(Text),
    Plenary(Text),
    NoPlenary,
    CaseStudy {
        presenter: Who,
        title: Text,
    },
    Document {
        kind: u8,
        other: String,
        title: Text,
        description: Option<Text>,
    },
    NoPromotion,
    NoRecording,
    AttestedBy(Who),
    AttestedAt(When),
    Rounds {
        method: Option<RoleGen>,
        rounds: Vec<Vec<Vec<Who>>>,
    },
    Planned {
        seed: u8,
        method: u8,
        rounds: u8,
    },
}

#[derive(Arbitrary, Debug, Clone)]
enum Field {
    Discussion,
    Evaluation,
    Expectations,
    Question(u8),
    Resource(u8),
    FollowUp(u8),
    Other(String),
}

impl Field {
    fn path(&self) -> Path {
        let root = Path::root();
        match self {
            Field::Discussion => root.key("discussion"),
            Field::Evaluation => root.key("evaluation"),
            Field::Expectations => root.key("expectations"),
            Field::Question(i) => root.key("synthesis").key("questions").index(usize::from(*i % 4)),
            Field::Resource(i) => root.key("synthesis").key("resources").index(usize::from(*i % 4)),
            Field::FollowUp(i) => root.key("synthesis").key("follow_ups").index(usize::from(*i % 4)),
            Field::Other(s) => root.key(s.clone()),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
enum ReportTweak {
    Discussion(Text),
    AppendDiscussion(Text),
    Truncate(u16),
    Evaluation(Option<Text>),
    Expectations(Option<Text>),
    Questions(Option<Vec<Text>>),
    Resources(Option<Vec<Text>>),
    FollowUps(Option<Vec<Text>>),
    Deadline(Option<When>),
    Author(Who),
    Waiver {
        field: Field,
        text: Piece,
        occurrence: u8,
        reason: Text,
    },
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Rev {
    Current,
    Exact(u8),
}

/// The next step of the sample lifecycle from the GEP's state, with
/// mutations for the command that step takes (each applies only where it
/// fits: registration tweaks to a registration, and so on).
#[derive(Arbitrary, Debug, Clone)]
struct Advance {
    when: When,
    actor: Option<Who>,
    registration: Vec<RegTweak>,
    hold: Vec<HoldTweak>,
    report: Vec<ReportTweak>,
    /// In `reported`: object rather than validate, with this comment.
    object: Option<Text>,
    /// In `reported`: revise the report rather than respond to it.
    revise: bool,
}

/// Two steps out of three advance the lifecycle, so that `held`,
/// `reported` and `approved` are reached often; the others are any
/// operation, mostly refused with LC01 in a state that does not take it.
#[derive(Arbitrary, Debug, Clone)]
enum Step {
    Next(Advance),
    Then(Advance),
    Other(Op),
}

#[derive(Arbitrary, Debug, Clone)]
enum Op {
    /// The next step of the sample lifecycle.
    Advance {
        when: When,
    },
    Validate {
        when: When,
        who: Option<Who>,
        theme: Option<Text>,
        members: Vec<Who>,
        meeting: When,
    },
    Decline {
        when: When,
        who: Option<Who>,
        reason: Text,
    },
    Cancel {
        when: When,
        who: Option<Who>,
        reason: Text,
    },
    Announce {
        when: When,
        who: Option<Who>,
        ic_site: bool,
        mailing_list: bool,
        members_only: bool,
        cap: Option<u8>,
        form: Option<Text>,
    },
    Register {
        when: When,
        who: Option<Who>,
        registrant: u8,
        tweaks: Vec<RegTweak>,
    },
    /// `n` sample registrants register, in order.
    RegisterMany {
        n: u8,
    },
    Withdraw {
        when: When,
        who: Option<Who>,
        person: Who,
    },
    Hold {
        when: When,
        who: Option<Who>,
        tweaks: Vec<HoldTweak>,
    },
    Report {
        when: When,
        who: Option<Who>,
        tweaks: Vec<ReportTweak>,
    },
    Revise {
        when: When,
        who: Option<Who>,
        tweaks: Vec<ReportTweak>,
    },
    ValidateReport {
        when: When,
        who: Who,
        revision: Rev,
    },
    /// Every attendee validates the current revision.
    ValidateAll {
        when: When,
    },
    Object {
        when: When,
        who: Who,
        revision: Rev,
        comment: Text,
    },
    Approve {
        when: When,
        who: Option<Who>,
    },
    Support {
        when: When,
        who: Option<Who>,
        topic: Text,
    },
    GiveConsent {
        when: When,
        who: Who,
    },
    WithdrawConsent {
        when: When,
        who: Who,
    },
    Purge {
        when: When,
        who: Option<Who>,
    },
}

#[derive(Arbitrary, Debug)]
struct Input {
    start: Start,
    steps: Vec<Step>,
}

// ---------------------------------------------------------------------------
// Building commands
// ---------------------------------------------------------------------------

fn at(s: &str) -> Timestamp {
    sample::at(s)
}

fn shifted(t: Timestamp, minutes: i16) -> Timestamp {
    t.as_datetime()
        .checked_add_signed(TimeDelta::minutes(i64::from(minutes) * 15))
        .map_or(t, Timestamp::from_datetime)
}

fn propose(tweaks: &[ProposeTweak]) -> Command {
    let mut proposal = sample::proposal_with(3);
    for tweak in tweaks {
        match tweak {
            ProposeTweak::Questions(n) => proposal.questions = sample::proposal_with(usize::from(*n % 14)).questions,
            ProposeTweak::Title(t) => proposal.title = t.render(),
            ProposeTweak::Theme(t) => proposal.theme = t.render(),
            ProposeTweak::TeamRole(i, role) => {
                let len = proposal.team.len();
                if let Some(member) = proposal.team.get_mut(usize::from(*i) % len.max(1)) {
                    member.role = role.wire();
                }
            }
            ProposeTweak::TeamMember(who, role) => proposal.team.push(TeamMember {
                person: who.id(),
                role: role.wire(),
            }),
            ProposeTweak::DropPerson(i) => {
                let len = proposal.people.len();
                if len > 0 {
                    proposal.people.remove(usize::from(*i) % len);
                }
            }
            ProposeTweak::OrganiserStatus(s) => {
                if let Some(p) = proposal.people.first_mut() {
                    p.ic_status = status(*s);
                }
            }
            ProposeTweak::CharterRefused => proposal.charter.accepted = false,
            ProposeTweak::CharterVersion(v) => proposal.charter.version = v.clone(),
            ProposeTweak::StartShift(m) => proposal.format.start = shifted(proposal.format.start, *m),
            ProposeTweak::EndShift(m) => proposal.format.end = shifted(proposal.format.end, *m),
            ProposeTweak::Kind(k) => {
                proposal.format.kind = match k % 3 {
                    0 => gep_core::model::FormatKind::HalfDay,
                    1 => gep_core::model::FormatKind::FullDay,
                    _ => gep_core::model::FormatKind::Evening,
                }
            }
            ProposeTweak::Venue(t) => proposal.venue.city = t.render(),
        }
    }
    let mut command = sample::propose();
    command.action = Action::Propose(Box::new(proposal));
    command
}

fn status(s: u8) -> IcStatus {
    match s % 3 {
        0 => IcStatus::Member,
        1 => IcStatus::Sympathiser,
        _ => IcStatus::NonMember,
    }
}

fn registration(registrant: u8, tweaks: &[RegTweak]) -> Command {
    let mut command = sample::register(usize::from(registrant % POOL));
    if let Action::Register(reg) = &mut command.action {
        for tweak in tweaks {
            match tweak {
                RegTweak::NoConfidentiality => reg.accepted_confidentiality = false,
                RegTweak::Role(r) => reg.role = r.wire(),
                RegTweak::OnBehalf(t) => reg.on_behalf_of = Some(t.render()),
                RegTweak::Purpose(p) => reg.purpose = Some(p.clone()),
                RegTweak::PurposeObservation => reg.purpose = Some("observation".to_owned()),
                RegTweak::EmailOf(w) => {
                    std::sync::Arc::make_mut(&mut reg.person).email = w.person().email.to_uppercase()
                }
                RegTweak::EmailText(e) => std::sync::Arc::make_mut(&mut reg.person).email = e.clone(),
                RegTweak::Given(g) => std::sync::Arc::make_mut(&mut reg.person).given_name = g.clone(),
                RegTweak::Family(f) => std::sync::Arc::make_mut(&mut reg.person).family_name = f.clone(),
                RegTweak::Status(s) => std::sync::Arc::make_mut(&mut reg.person).ic_status = status(*s),
                RegTweak::Phone(p) => std::sync::Arc::make_mut(&mut reg.person).phone = Some(p.render()),
                RegTweak::Organisation(t) => std::sync::Arc::make_mut(&mut reg.person).organisation = Some(t.render()),
                RegTweak::Coordination => std::sync::Arc::make_mut(&mut reg.person).coordination_team = true,
                RegTweak::Id(w) => {
                    std::sync::Arc::make_mut(&mut reg.person).id = w.id();
                    command.actor = w.id();
                }
            }
        }
    }
    command
}

/// The GEP's proposal's question count.
fn question_count(gep: &AnyGep) -> usize {
    gep.proposal().questions.len()
}

/// Who is admitted, in an announced GEP.
fn admitted(gep: &AnyGep) -> Vec<PersonId> {
    match gep {
        AnyGep::Announced(g) => g.registrations().admitted().map(|e| e.person).collect(),
        _ => (0..8).map(sample::registrant_id).collect(),
    }
}

/// The attendees, once held.
fn attendees(gep: &AnyGep) -> Vec<PersonId> {
    match gep {
        AnyGep::Held(g) => g.attendees().keys().copied().collect(),
        AnyGep::Reported(g) => g.attendees().keys().copied().collect(),
        AnyGep::Approved(g) => g.attendees().keys().copied().collect(),
        _ => Vec::new(),
    }
}

fn revision(gep: &AnyGep, rev: Rev) -> u32 {
    match (gep, rev) {
        (_, Rev::Exact(n)) => u32::from(n),
        (AnyGep::Reported(g), Rev::Current) => g.report().revision(),
        (AnyGep::Approved(g), Rev::Current) => g.report().revision(),
        _ => 1,
    }
}

fn hold(gep: &AnyGep, tweaks: &[HoldTweak], last: Timestamp) -> Command {
    let mut command = sample::hold_with(&admitted(gep), question_count(gep));
    let Action::Hold(record) = &mut command.action else {
        return command;
    };
    for tweak in tweaks {
        match tweak {
            HoldTweak::Attend(w) => record.attendance.push(w.id()),
            HoldTweak::Absent(w) => record.attendance.retain(|p| *p != w.id()),
            HoldTweak::WalkIn {
                who,
                role,
                confidentiality,
            } => record.walk_ins.push(WalkIn {
                person: who.person(),
                role: role.as_ref().map_or_else(|| "participant".to_owned(), RoleGen::wire),
                accepted_confidentiality: *confidentiality,
            }),
            HoldTweak::DropQuestion(i) => {
                let len = record.questions.len();
                if len > 0 {
                    record.questions.remove(usize::from(*i) % len);
                }
            }
            HoldTweak::ExtraQuestion(i) => record.questions.push(QuestionOutcome {
                question: usize::from(*i),
                outcome: Outcome::Adopted,
                wording: None,
            }),
            HoldTweak::Outcome {
                question,
                outcome,
                wording,
            } => {
                let len = record.questions.len();
                if let Some(q) = record.questions.get_mut(usize::from(*question) % len.max(1)) {
                    q.outcome = match outcome % 3 {
                        0 => Outcome::Adopted,
                        1 => Outcome::Reformulated,
                        _ => Outcome::SetAside,
                    };
                    q.wording = wording.as_ref().map(Text::render);
                }
            }
            HoldTweak::AddedQuestion(t) => record.added_questions.push(t.render()),
            HoldTweak::Plenary(t) => record.plenary.push(t.render()),
            HoldTweak::NoPlenary => record.plenary.clear(),
            HoldTweak::CaseStudy { presenter, title } => record.case_studies.push(CaseStudy {
                presenter: presenter.id(),
                title: title.render(),
            }),
            HoldTweak::Document {
                kind,
                other,
                title,
                description,
            } => record.documents.push(SessionDocument {
                kind: match kind % 9 {
                    0 => "article",
                    1 => "experience_account",
                    2 => "research_work",
                    3 => "organisation_list",
                    4 => "resource_sites",
                    5 => "other",
                    6 => "promotional",
                    7 => "recording",
                    _ => other.as_str(),
                }
                .to_owned(),
                title: title.render(),
                description: description.as_ref().map(Text::render),
            }),
            HoldTweak::NoPromotion => record.no_promotion.attested = false,
            HoldTweak::NoRecording => record.no_recording.attested = false,
            HoldTweak::AttestedBy(w) => {
                record.no_promotion.by = w.id();
                record.no_recording.by = w.id();
            }
            HoldTweak::AttestedAt(when) => {
                let t = when.resolve(record.no_promotion.at, last);
                record.no_promotion = Attestation {
                    at: t,
                    ..record.no_promotion.clone()
                };
            }
            HoldTweak::Rounds { method, rounds } => {
                record.rounds = rounds
                    .iter()
                    .take(6)
                    .map(|round| Round {
                        method: method.as_ref().map(RoleGen::wire),
                        subgroups: round
                            .iter()
                            .take(12)
                            .map(|g| g.iter().take(12).map(|w| w.id()).collect())
                            .collect(),
                    })
                    .collect();
            }
            HoldTweak::Planned { seed, method, rounds } => {
                let method = Method::ALL[usize::from(*method) % Method::ALL.len()];
                let request = PlanRequest::new(
                    record.attendance.iter().map(|p| Attendee::new(*p)).collect(),
                    u32::from(rounds % 4) + 1,
                    method,
                )
                .with_seed(u64::from(*seed))
                .with_options(planner::PlanOptions {
                    effort: 0,
                    ..planner::PlanOptions::default()
                });
                if let Ok(plan) = planner::plan(&request) {
                    record.rounds = plan.to_rounds(&request);
                }
            }
        }
    }
    command
}

fn report_payload(tweaks: &[ReportTweak], last: Timestamp) -> gep_core::model::Report {
    let mut report = sample::report_of(600);
    let list = |items: &Option<Vec<Text>>| items.as_ref().map(|v| v.iter().take(6).map(Text::render).collect());
    for tweak in tweaks {
        match tweak {
            ReportTweak::Discussion(t) => report.discussion = t.render(),
            ReportTweak::AppendDiscussion(t) => {
                report.discussion.push(' ');
                report.discussion.push_str(&t.render());
            }
            ReportTweak::Truncate(n) => {
                let cut = report
                    .discussion
                    .char_indices()
                    .nth(usize::from(*n))
                    .map_or(report.discussion.len(), |(i, _)| i);
                report.discussion.truncate(cut);
            }
            ReportTweak::Evaluation(t) => report.evaluation = t.as_ref().map(Text::render),
            ReportTweak::Expectations(t) => report.expectations = t.as_ref().map(Text::render),
            ReportTweak::Questions(items) => report.synthesis.questions = list(items),
            ReportTweak::Resources(items) => report.synthesis.resources = list(items),
            ReportTweak::FollowUps(items) => report.synthesis.follow_ups = list(items),
            ReportTweak::Deadline(when) => {
                report.validation_deadline = when.map(|w| w.resolve(sample::at("2026-05-15T18:00:00+02:00"), last));
            }
            ReportTweak::Author(w) => report.author = w.id(),
            ReportTweak::Waiver {
                field,
                text,
                occurrence,
                reason,
            } => report.waivers.push(Waiver {
                field: field.path(),
                text: text.render(),
                occurrence: usize::from(*occurrence % 4),
                reason: reason.render(),
            }),
        }
    }
    report
}

/// The command an operation stands for, given the GEP it applies to.
/// The next step of the sample lifecycle, mutated.
fn advance(gep: &AnyGep, a: &Advance) -> Command {
    let last = gep.last_at();
    let mut c = match gep {
        AnyGep::Proposed(_) => sample::validate(),
        AnyGep::Validated(_) => sample::announce(None),
        AnyGep::Announced(g) => {
            let n = g.registrations().entries().len();
            if n < 8 {
                registration(u8::try_from(n).unwrap_or(0), &a.registration)
            } else {
                hold(gep, &a.hold, last)
            }
        }
        AnyGep::Held(_) => {
            let mut c = sample::report();
            c.action = Action::Report(Box::new(report_payload(&a.report, last)));
            c
        }
        AnyGep::Reported(g) => {
            let revision = g.report().revision();
            let pending = g
                .attendees()
                .keys()
                .find(|p| !g.report().responses().contains_key(p))
                .copied();
            match (pending, &a.object) {
                _ if a.revise => {
                    let mut c = sample::report();
                    c.at = at("2026-04-22T12:00:00+02:00");
                    c.action = Action::Revise(Box::new(report_payload(&a.report, last)));
                    c
                }
                (Some(p), Some(comment)) => Command::new(
                    at("2026-04-22T09:00:00+02:00"),
                    p,
                    Action::ObjectToReport(ReportObjection {
                        revision,
                        comment: comment.render(),
                    }),
                ),
                (Some(p), None) => {
                    let mut c = sample::validate_report(p);
                    c.action = Action::ValidateReport(ReportResponse { revision });
                    c
                }
                (None, _) => sample::approve(),
            }
        }
        AnyGep::Approved(_) => sample::purge(),
        AnyGep::Declined(_) | AnyGep::Cancelled(_) => sample::approve(),
    };
    c.at = a.when.resolve(c.at, last);
    if let Some(who) = a.actor {
        c.actor = who.id();
    }
    c
}

fn command(gep: &AnyGep, op: &Op) -> Vec<Command> {
    let last = gep.last_at();
    let who_or = |who: &Option<Who>, default: PersonId| who.map_or(default, Who::id);
    let one = |mut c: Command, when: &When| {
        c.at = when.resolve(c.at, last);
        vec![c]
    };
    match op {
        Op::Advance { when } => {
            let c = match gep {
                AnyGep::Proposed(_) => sample::validate(),
                AnyGep::Validated(_) => sample::announce(None),
                AnyGep::Announced(g) => {
                    let n = g.registrations().entries().len();
                    if n < 8 {
                        sample::register(n)
                    } else {
                        sample::hold_with(&admitted(gep), question_count(gep))
                    }
                }
                AnyGep::Held(_) => sample::report(),
                AnyGep::Reported(g) => {
                    let pending = g
                        .attendees()
                        .keys()
                        .find(|p| !g.report().responses().contains_key(p))
                        .copied();
                    match pending {
                        Some(p) => {
                            let mut c = sample::validate_report(p);
                            c.action = Action::ValidateReport(ReportResponse {
                                revision: g.report().revision(),
                            });
                            c
                        }
                        None => sample::approve(),
                    }
                }
                AnyGep::Approved(_) => sample::purge(),
                AnyGep::Declined(_) | AnyGep::Cancelled(_) => sample::approve(),
            };
            one(c, when)
        }
        Op::Validate {
            when,
            who,
            theme,
            members,
            meeting,
        } => {
            let mut c = sample::validate();
            c.actor = who_or(who, c.actor);
            if let Action::Validate(v) = &mut c.action {
                if let Some(t) = theme {
                    v.theme = t.render();
                }
                if !members.is_empty() {
                    v.meeting.coordination_members = members.iter().take(4).map(|w| w.id()).collect();
                }
                v.meeting.at = meeting.resolve(v.meeting.at, last);
            }
            one(c, when)
        }
        Op::Decline { when, who, reason } | Op::Cancel { when, who, reason } => {
            let decision = Decision {
                reason: reason.render(),
            };
            let action = match op {
                Op::Decline { .. } => Action::Decline(decision),
                _ => Action::Cancel(decision),
            };
            let c = Command::new(
                at("2026-01-25T10:00:00+01:00"),
                who_or(who, sample::COORDINATOR),
                action,
            );
            one(c, when)
        }
        Op::Announce {
            when,
            who,
            ic_site,
            mailing_list,
            members_only,
            cap,
            form,
        } => {
            let mut c = sample::announce(cap.map(u32::from));
            c.actor = who_or(who, c.actor);
            if let Action::Announce(a) = &mut c.action {
                a.ic_site = *ic_site;
                a.mailing_list = *mailing_list;
                a.members_only = *members_only;
                if let Some(f) = form {
                    a.registration_form = Some(f.render());
                }
            }
            one(c, when)
        }
        Op::Register {
            when,
            who,
            registrant,
            tweaks,
        } => {
            let mut c = registration(*registrant, tweaks);
            c.actor = who_or(who, c.actor);
            one(c, when)
        }
        Op::RegisterMany { n } => {
            let start = match gep {
                AnyGep::Announced(g) => g.registrations().entries().len(),
                _ => 0,
            };
            (start..start + usize::from(n % 12)).map(sample::register).collect()
        }
        Op::Withdraw { when, who, person } => {
            let mut c = sample::withdraw(0);
            c.actor = who_or(who, person.id());
            c.action = Action::Withdraw(Withdrawal { person: person.id() });
            one(c, when)
        }
        Op::Hold { when, who, tweaks } => {
            let mut c = hold(gep, tweaks, last);
            c.actor = who_or(who, c.actor);
            one(c, when)
        }
        Op::Report { when, who, tweaks } | Op::Revise { when, who, tweaks } => {
            let mut c = sample::report();
            c.actor = who_or(who, c.actor);
            let payload = Box::new(report_payload(tweaks, last));
            c.action = match op {
                Op::Report { .. } => Action::Report(payload),
                _ => Action::Revise(payload),
            };
            one(c, when)
        }
        Op::ValidateReport {
            when,
            who,
            revision: rev,
        } => {
            let mut c = sample::validate_report(who.id());
            c.action = Action::ValidateReport(ReportResponse {
                revision: revision(gep, *rev),
            });
            one(c, when)
        }
        Op::ValidateAll { when } => {
            let revision = revision(gep, Rev::Current);
            attendees(gep)
                .into_iter()
                .map(|p| {
                    let mut c = sample::validate_report(p);
                    c.at = when.resolve(c.at, last);
                    c.action = Action::ValidateReport(ReportResponse { revision });
                    c
                })
                .collect()
        }
        Op::Object {
            when,
            who,
            revision: rev,
            comment,
        } => {
            let c = Command::new(
                at("2026-04-22T10:00:00+02:00"),
                who.id(),
                Action::ObjectToReport(ReportObjection {
                    revision: revision(gep, *rev),
                    comment: comment.render(),
                }),
            );
            one(c, when)
        }
        Op::Approve { when, who } => {
            let mut c = sample::approve();
            c.actor = who_or(who, c.actor);
            c.action = Action::Approve(Approval {});
            one(c, when)
        }
        Op::Support { when, who, topic } => {
            let c = Command::new(
                at("2026-03-01T10:00:00+01:00"),
                who_or(who, sample::ORGANISER),
                Action::RequestSupport(SupportRequest { topic: topic.render() }),
            );
            one(c, when)
        }
        Op::GiveConsent { when, who } | Op::WithdrawConsent { when, who } => {
            let action = match op {
                Op::GiveConsent { .. } => Action::GiveConsent(Consent {}),
                _ => Action::WithdrawConsent(Consent {}),
            };
            one(Command::new(at("2026-04-24T09:00:00+02:00"), who.id(), action), when)
        }
        Op::Purge { when, who } => {
            let mut c = sample::purge();
            c.actor = who_or(who, c.actor);
            c.action = Action::PurgePersonalData(Purge {});
            one(c, when)
        }
    }
}

// ---------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------

/// The event name an accepted command appends first.
fn past(action: &str) -> &'static str {
    match action {
        "propose" => "proposed",
        "validate" => "validated",
        "decline" => "declined",
        "announce" => "announced",
        "cancel" => "cancelled",
        "register" => "registered",
        "withdraw" => "withdrew",
        "hold" => "held",
        "report" => "reported",
        "validate_report" => "report_validated",
        "object_to_report" => "report_objected",
        "revise" => "revised",
        "approve" => "approved",
        "request_support" => "support_requested",
        "give_consent" => "consent_given",
        "withdraw_consent" => "consent_withdrawn",
        "purge_personal_data" => "personal_data_purged",
        _ => "?",
    }
}

/// Applies one command, checking the properties of a step.
fn step(gep: AnyGep, command: Command) -> AnyGep {
    // A command survives its JSON form.
    let json = serde_json::to_string(&command).expect("a command serialises");
    let parsed: Command = gep_core::document::parse(&json).expect("a serialised command parses");
    assert_eq!(parsed, command, "a command changed through JSON: {json}");

    let before = gep.to_json();
    let old = gep.clone();
    let (at, actor, name, purge) = (
        command.at,
        command.actor,
        command.action.name(),
        matches!(command.action, Action::PurgePersonalData(_)),
    );
    let result = gep.apply(command);
    if debug() {
        match &result {
            Ok(g) => eprintln!("gep-fuzz-step: {json}\n  -> accepted, {}", g.state()),
            Err(r) => eprintln!("gep-fuzz-step: {json}\n  -> refused: {}", r.violations()),
        }
    }
    match result {
        Ok(new) => {
            let (old_log, new_log) = (old.log(), new.log());
            assert!(new_log.len() > old_log.len(), "an accepted `{name}` appended nothing");
            if !purge {
                assert_eq!(
                    &new_log[..old_log.len()],
                    old_log,
                    "an accepted `{name}` changed the log"
                );
            }
            let first = &new_log[old_log.len()];
            assert_eq!(
                (first.at, first.actor),
                (at, actor),
                "`{name}`: the new entry's time or actor"
            );
            assert_eq!(first.event.name(), past(name));
            new
        }
        Err(refused) => {
            assert!(
                refused.violations().errors().next().is_some(),
                "`{name}` refused without an error: {:?}",
                refused.violations()
            );
            let (back, _) = refused.into_parts();
            assert_eq!(back, old, "a refused `{name}` changed the GEP");
            assert_eq!(back.to_json(), before, "a refused `{name}` changed the document");
            back
        }
    }
}

/// With `GEP_FUZZ_DEBUG` set, each command is printed with its outcome.
fn debug() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("GEP_FUZZ_DEBUG").is_some())
}

/// With `GEP_FUZZ_STATES` set, each execution prints the state it ends
/// in, to measure how deep the generator goes: run the target over its
/// corpus with `-runs=0` and count the lines.
fn report_state(gep: &AnyGep) {
    static ON: OnceLock<bool> = OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("GEP_FUZZ_STATES").is_some()) {
        eprintln!("gep-fuzz-state: {} ({} events)", gep.state(), gep.log().len());
    }
}

fn finish(gep: &AnyGep) {
    report_state(gep);
    let saved = gep.to_json();
    let reloaded = match AnyGep::from_json(&saved) {
        Ok(g) => g,
        Err(v) => panic!("the document does not reload: {v:?}\n{saved}"),
    };
    assert_eq!(&reloaded, gep, "save then load is not the identity");
    assert_eq!(reloaded.to_json(), saved, "saving again gives other bytes");
    let snapshot = gep.snapshot();
    assert_eq!(snapshot.state, gep.state());
    assert_eq!(snapshot.events, gep.log().len());
    if gep.state() == State::Approved {
        assert!(gep.ic_record().is_ok());
    }
    for p in [sample::ORGANISER, sample::registrant_id(0)] {
        let _ = gep.contact_list(p);
    }
}

fn run_json(data: &[u8]) {
    let Ok(values) = serde_json::from_slice::<Vec<serde_json::Value>>(data) else {
        return;
    };
    let mut commands = values
        .into_iter()
        .take(200)
        .filter_map(|v| serde_json::from_value::<Command>(v).ok());
    let Some(first) = commands.next() else {
        return;
    };
    let Ok(mut gep) = AnyGep::start(sample::GEP, first) else {
        return;
    };
    for command in commands {
        gep = step(gep, command);
    }
    finish(&gep);
}

fn run_ops(data: &[u8]) {
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let start = match &input.start {
        Start::Sample => AnyGep::start(sample::GEP, sample::propose()),
        Start::Mutated(tweaks) => AnyGep::start(sample::GEP, propose(tweaks)),
        Start::Fixture(k) => Ok(fixtures()[usize::from(*k) % FIXTURES.len()].clone()),
    };
    let Ok(mut gep) = start else {
        return;
    };
    for s in input.steps.iter().take(MAX_OPS) {
        let commands = match s {
            Step::Next(a) | Step::Then(a) => vec![advance(&gep, a)],
            Step::Other(op) => command(&gep, op),
        };
        for command in commands {
            gep = step(gep, command);
        }
    }
    finish(&gep);
}

fuzz_target!(|data: &[u8]| {
    if data.first() == Some(&b'[') {
        run_json(data);
    } else {
        run_ops(data);
    }
});

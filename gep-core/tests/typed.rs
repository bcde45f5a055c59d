//! Integration tests of the typed state machine ([`Gep<S>`]).
//!
//! Every test goes through the typed transitions (`Gep::<Proposed>::propose`,
//! `validate`, `announce`, `register`, `withdraw`, `hold`, `report`,
//! `validate_report`, `object_to_report`, `revise`, `approve`, `decline`,
//! `cancel`, `request_support`) with the data of [`gep_core::sample`], not
//! through [`AnyGep::apply`]. They cover:
//!
//! - the happy path to `Approved`, with the accessors of each state and the
//!   event log in order;
//! - the waiting list (OR07): arrival order, admission of the first waiting
//!   on a withdrawal, and no admission when a waiting person withdraws;
//! - one registration per folded e-mail (OR07), and registration closing at
//!   the start, for `register` and `withdraw` alike;
//! - refusals: the GEP comes back unchanged (byte for byte, and equal) and
//!   every violation comes at once;
//! - the report's validation (DE09): an objection blocks its author's
//!   validation until a revision, a revision resets the responses, tacit
//!   approval once the deadline has passed;
//! - warnings that let the transition through and are kept (DE06);
//! - timestamps that go backwards (LC02), compared as instants;
//! - `request_support` in an early and in a late state (OR09).
//!
//! Assertions are on codes and paths, never on message text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fmt::Debug;

use gep_core::lifecycle::{
    Announced, Approved, GepState, Held, Proposed, RegistrationStatus, Reported, Response, Validated,
};
use gep_core::model::{Person, Report, Role, SessionRecord};
use gep_core::{
    Action, Admission, Announcement, AnyGep, Approval, Code, Command, Decision, Event, Gep, KeptWarning, Path,
    PathSegment, PersonId, Refused, Registration, ReportObjection, ReportResponse, Severity, State, SupportRequest,
    Timestamp, Validation, Violations, Withdrawal, sample,
};

// ---------------------------------------------------------------------------
// Helpers: the sample's payloads, and the sample GEP brought to each state
// through the typed API.
// ---------------------------------------------------------------------------

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn path(keys: &[&str]) -> Path {
    keys.iter().fold(Path::root(), |p, k| p.key(*k))
}

/// The sorted codes of the errors.
fn error_codes(vs: &Violations) -> Vec<Code> {
    let mut codes: Vec<Code> = vs.errors().map(|v| v.code).collect();
    codes.sort();
    codes
}

fn event_names<S: GepState>(gep: &Gep<S>) -> Vec<&'static str> {
    gep.log().iter().map(|e| e.event.name()).collect()
}

fn last_event<S: GepState>(gep: &Gep<S>) -> &Event {
    &gep.log().last().unwrap().event
}

fn validation() -> Validation {
    match sample::validate().action {
        Action::Validate(v) => *v,
        other => panic!("unexpected {}", other.name()),
    }
}

fn announcement(cap: Option<u32>) -> Announcement {
    match sample::announce(cap).action {
        Action::Announce(a) => a,
        other => panic!("unexpected {}", other.name()),
    }
}

fn registration(i: usize) -> Box<Registration> {
    match sample::register(i).action {
        Action::Register(r) => r,
        other => panic!("unexpected {}", other.name()),
    }
}

fn session(registrants: &[PersonId]) -> Box<SessionRecord> {
    match sample::hold_with(registrants, 3).action {
        Action::Hold(s) => s,
        other => panic!("unexpected {}", other.name()),
    }
}

fn registrants(n: usize) -> Vec<PersonId> {
    (0..n).map(sample::registrant_id).collect()
}

/// The organising team, then `n` registrants: the attendees of [`held`].
fn attendees(n: usize) -> Vec<PersonId> {
    let mut all = vec![sample::ORGANISER, sample::FACILITATOR, sample::GUEST];
    all.extend(registrants(n));
    all
}

fn proposed() -> Gep<Proposed> {
    sample::proposed_gep().unwrap()
}

fn validated() -> Gep<Validated> {
    let c = sample::validate();
    proposed().validate(c.at, c.actor, validation()).unwrap()
}

/// Registers registrant `i` as the sample does (at 8:00 + `i` minutes on 2 February).
fn register(gep: Gep<Announced>, i: usize) -> Result<Gep<Announced>, Refused<Announced>> {
    let c = sample::register(i);
    gep.register(c.at, c.actor, registration(i))
}

/// Registrant `i` withdraws, on 1 March.
fn withdraw(gep: Gep<Announced>, i: usize) -> Result<Gep<Announced>, Refused<Announced>> {
    let c = sample::withdraw(i);
    gep.withdraw(
        c.at,
        c.actor,
        Withdrawal {
            person: sample::registrant_id(i),
        },
    )
}

/// Announced with `cap`, and registrants `0..n` registered.
fn announced(cap: Option<u32>, n: usize) -> Gep<Announced> {
    let c = sample::announce(cap);
    let mut gep = validated().announce(c.at, c.actor, announcement(cap)).unwrap();
    for i in 0..n {
        gep = register(gep, i).unwrap();
    }
    gep
}

/// Held with the team and `n` uncapped registrants present.
fn held(n: usize) -> Gep<Held> {
    let c = sample::hold_with(&registrants(n), 3);
    announced(None, n)
        .hold(c.at, c.actor, session(&registrants(n)))
        .unwrap()
}

/// Reported (revision 1, deadline 15 May 18:00) after [`held`].
fn reported(n: usize) -> Gep<Reported> {
    let c = sample::report();
    held(n).report(c.at, c.actor, sample::report_of(1200)).unwrap()
}

fn validate_report(gep: Gep<Reported>, when: &str, person: PersonId, revision: u32) -> Gep<Reported> {
    gep.validate_report(at(when), person, ReportResponse { revision })
        .unwrap()
}

fn objection(revision: u32) -> ReportObjection {
    ReportObjection {
        revision,
        comment: "Le compte-rendu cite une situation reconnaissable.".to_owned(),
    }
}

/// Runs a transition that must be refused, checks that the GEP comes back
/// unchanged (same saved document, byte for byte, and an equal value), and
/// returns the violations.
fn refused<S, T: Debug>(gep: Gep<S>, transition: impl FnOnce(Gep<S>) -> Result<T, Refused<S>>) -> Violations
where
    S: GepState,
    Gep<S>: Clone + PartialEq + Debug,
    AnyGep: From<Gep<S>>,
{
    let original = gep.clone();
    let before = AnyGep::from(gep.clone()).to_json();
    let refused = transition(gep).unwrap_err();
    assert_eq!(AnyGep::from(refused.gep().clone()).to_json(), before);
    let violations = refused.violations().clone();
    assert!(violations.errors().next().is_some(), "a refusal carries an error");
    assert!(
        refused.into_gep() == original,
        "the refused GEP differs from the original"
    );
    violations
}

// ---------------------------------------------------------------------------
// The happy path.
// ---------------------------------------------------------------------------

#[test]
fn happy_path_to_approved() {
    let proposed = proposed();
    assert_eq!(proposed.state(), State::Proposed);
    assert_eq!(proposed.id(), sample::GEP);
    assert_eq!(proposed.organiser(), sample::ORGANISER);
    assert_eq!(proposed.team().get(&sample::FACILITATOR), Some(&Role::Facilitator));
    assert_eq!(proposed.team().get(&sample::GUEST), Some(&Role::Guest));

    let c = sample::validate();
    let validated = proposed.validate(c.at, c.actor, validation()).unwrap();
    assert_eq!(validated.validated(), (c.at, sample::COORDINATOR));

    let c = sample::announce(None);
    let mut gep = validated.announce(c.at, c.actor, announcement(None)).unwrap();
    assert_eq!(gep.announcement(), &announcement(None));
    assert_eq!(gep.registrations().cap(), None);
    for i in 0..8 {
        gep = register(gep, i).unwrap();
    }
    let regs = gep.registrations();
    assert_eq!(regs.admitted_count(), 8);
    assert_eq!(regs.waiting().count(), 0);
    let order: Vec<PersonId> = regs.entries().iter().map(|e| e.person).collect();
    assert_eq!(order, registrants(8));
    assert!(
        regs.entries()
            .iter()
            .all(|e| e.status == RegistrationStatus::Admitted && e.role == Role::Participant)
    );
    assert_eq!(regs.entries()[3].at, sample::register(3).at);

    let c = sample::hold_with(&registrants(8), 3);
    let held = gep.hold(c.at, c.actor, session(&registrants(8))).unwrap();
    assert_eq!(held.attendees().len(), 11);
    assert_eq!(held.registrations().admitted_count(), 8);
    assert_eq!(held.session().attendance, attendees(8));

    let c = sample::report();
    let mut gep = held.report(c.at, c.actor, sample::report_of(1200)).unwrap();
    assert_eq!(gep.report().revision(), 1);
    assert_eq!(gep.report().report(), &sample::report_of(1200));
    assert!(gep.report().responses().is_empty());
    for person in attendees(8) {
        gep = validate_report(gep, "2026-04-22T09:00:00+02:00", person, 1);
    }
    assert_eq!(gep.report().responses().len(), 11);
    assert!(
        gep.report()
            .responses()
            .values()
            .all(|r| matches!(r, Response::Validated { .. }))
    );

    let c = sample::approve();
    let approved: Gep<Approved> = gep.approve(c.at, c.actor, Approval {}).unwrap();
    assert_eq!(approved.state(), State::Approved);
    assert_eq!(approved.approved_at(), c.at);
    assert_eq!(approved.last_at(), c.at);
    assert_eq!(approved.report().revision(), 1);
    assert_eq!(approved.registrations().admitted_count(), 8);
    assert_eq!(approved.session().attendance, attendees(8));
    assert!(approved.warnings().is_empty());

    // The attendees and their roles.
    let roles = approved.attendees();
    assert_eq!(roles.len(), 11);
    assert_eq!(roles.get(&sample::ORGANISER), Some(&Role::Facilitator));
    assert_eq!(roles.get(&sample::FACILITATOR), Some(&Role::Facilitator));
    assert_eq!(roles.get(&sample::GUEST), Some(&Role::Guest));
    for id in registrants(8) {
        assert_eq!(roles.get(&id), Some(&Role::Participant));
        assert!(approved.person(id).is_some());
    }

    // The log, in order, with names and actors.
    let mut expected = vec!["proposed", "validated", "announced"];
    expected.extend(["registered"; 8]);
    expected.extend(["held", "reported"]);
    expected.extend(["report_validated"; 11]);
    expected.push("approved");
    assert_eq!(event_names(&approved), expected);
    let log = approved.log();
    assert_eq!(log[0].actor, sample::ORGANISER);
    assert_eq!(log[1].actor, sample::COORDINATOR);
    assert_eq!(log[3].actor, sample::registrant_id(0));
    assert!(log.windows(2).all(|w| w[0].at <= w[1].at));
    assert!(log.iter().all(|e| e.warnings.is_empty()));

    // The typed path and the dynamic one give the same GEP, and it round-trips.
    let any = AnyGep::from(approved);
    assert_eq!(any, sample::approved_gep().unwrap());
    assert_eq!(AnyGep::from_json(&any.to_json()).unwrap(), any);
}

#[test]
fn decline_and_cancel_are_ends() {
    let decision = Decision {
        reason: "doublon avec un GEP déjà programmé".to_owned(),
    };
    let declined = proposed()
        .decline(at("2026-01-12T10:00:00+01:00"), sample::COORDINATOR, decision.clone())
        .unwrap();
    assert_eq!(declined.state(), State::Declined);
    assert_eq!(declined.reason(), decision.reason);
    assert_eq!(event_names(&declined), ["proposed", "declined"]);

    let cancelled = validated()
        .cancel(at("2026-01-25T10:00:00+01:00"), sample::ORGANISER, decision.clone())
        .unwrap();
    assert_eq!(cancelled.state(), State::Cancelled);
    assert_eq!(cancelled.reason(), decision.reason);

    let cancelled = announced(Some(3), 5)
        .cancel(at("2026-03-02T10:00:00+01:00"), sample::COORDINATOR, decision)
        .unwrap();
    assert_eq!(cancelled.state(), State::Cancelled);
    assert_eq!(cancelled.log().last().unwrap().event.name(), "cancelled");
}

// ---------------------------------------------------------------------------
// Registrations (OR07).
// ---------------------------------------------------------------------------

#[test]
fn waiting_list_in_order_of_arrival() {
    let gep = announced(Some(3), 5);
    let regs = gep.registrations();
    assert_eq!(regs.cap(), Some(3));
    assert_eq!(regs.admitted_count(), 3);
    let admitted: Vec<PersonId> = regs.admitted().map(|e| e.person).collect();
    let waiting: Vec<PersonId> = regs.waiting().map(|e| e.person).collect();
    assert_eq!(admitted, registrants(3));
    assert_eq!(waiting, [sample::registrant_id(3), sample::registrant_id(4)]);
    assert_eq!(
        regs.active(sample::registrant_id(4)).map(|e| e.status),
        Some(RegistrationStatus::Waiting)
    );
}

#[test]
fn withdrawal_of_an_admitted_registrant_admits_the_first_waiting() {
    let gep = announced(Some(3), 5);
    let before = gep.log().len();
    let gep = withdraw(gep, 1).unwrap();

    // `withdrew`, then the derived `admitted_from_waiting_list`.
    assert_eq!(gep.log().len(), before + 2);
    let tail: Vec<&Event> = gep.log()[before..].iter().map(|e| &e.event).collect();
    assert_eq!(
        tail,
        [
            &Event::Withdrew(Withdrawal {
                person: sample::registrant_id(1)
            }),
            &Event::AdmittedFromWaitingList(Admission {
                person: sample::registrant_id(3)
            }),
        ]
    );
    assert_eq!(tail[1].name(), "admitted_from_waiting_list");

    let regs = gep.registrations();
    assert_eq!(regs.admitted_count(), 3);
    let admitted: Vec<PersonId> = regs.admitted().map(|e| e.person).collect();
    assert_eq!(
        admitted,
        [0, 2, 3].map(sample::registrant_id),
        "the first waiting takes the seat"
    );
    let waiting: Vec<PersonId> = regs.waiting().map(|e| e.person).collect();
    assert_eq!(waiting, [sample::registrant_id(4)]);
    assert_eq!(regs.entries()[1].status, RegistrationStatus::Withdrawn);
    assert!(regs.active(sample::registrant_id(1)).is_none());

    // The dynamic layer reloads the derived event identically.
    let any = AnyGep::from(gep);
    assert_eq!(AnyGep::from_json(&any.to_json()).unwrap(), any);
}

#[test]
fn withdrawal_of_a_waiting_registrant_admits_nobody() {
    let gep = announced(Some(3), 5);
    let before = gep.log().len();
    let gep = withdraw(gep, 3).unwrap();
    assert_eq!(gep.log().len(), before + 1);
    assert_eq!(last_event(&gep).name(), "withdrew");
    let regs = gep.registrations();
    assert_eq!(regs.admitted_count(), 3);
    let admitted: Vec<PersonId> = regs.admitted().map(|e| e.person).collect();
    assert_eq!(admitted, registrants(3));
    let waiting: Vec<PersonId> = regs.waiting().map(|e| e.person).collect();
    assert_eq!(waiting, [sample::registrant_id(4)]);

    // With the waiting list empty, an admitted registrant's withdrawal admits
    // nobody either: the seat stays free for the next registrant.
    let gep = withdraw(gep, 4).unwrap();
    assert_eq!(gep.registrations().waiting().count(), 0);
    let before = gep.log().len();
    let gep = withdraw(gep, 0).unwrap();
    assert_eq!(gep.log().len(), before + 1);
    assert_eq!(gep.registrations().admitted_count(), 2);
    let gep = gep
        .register(
            at("2026-03-02T10:00:00+01:00"),
            sample::registrant_id(5),
            registration(5),
        )
        .unwrap();
    assert_eq!(
        gep.registrations().active(sample::registrant_id(5)).map(|e| e.status),
        Some(RegistrationStatus::Admitted)
    );
}

#[test]
fn duplicate_email_differing_in_case_is_refused() {
    let gep = announced(None, 2);
    let mut twin: Person = sample::registrant(0);
    twin.id = PersonId::from_u128(900);
    twin.email = twin.email.to_uppercase();
    assert_ne!(twin.email, sample::registrant(0).email);
    let mut reg = registration(0);
    reg.person = twin.into();
    let when = at("2026-02-03T10:00:00+01:00");
    let vs = refused(gep, |g| g.register(when, PersonId::from_u128(900), reg));
    assert_eq!(error_codes(&vs), [Code::OR07]);
    let v = vs.errors().next().unwrap();
    assert_eq!(v.path, path(&["action", "person", "email"]));
    assert_eq!(
        v.path.segments(),
        [
            PathSegment::Key("action".into()),
            PathSegment::Key("person".into()),
            PathSegment::Key("email".into())
        ]
    );

    // The same person again is refused the same way.
    let gep = announced(None, 2);
    let c = sample::register(1);
    let vs = refused(gep, |g| {
        g.register(at("2026-02-03T10:00:00+01:00"), c.actor, registration(1))
    });
    assert_eq!(error_codes(&vs), [Code::OR07]);
    assert_eq!(vs.as_slice()[0].path, path(&["action", "person", "email"]));
}

#[test]
fn registration_and_withdrawal_close_at_the_start() {
    let start = sample::format().start;
    assert_eq!(start, at("2026-04-16T09:00:00+02:00"));

    // Register: refused at the start, accepted a minute before.
    let vs = refused(announced(None, 2), |g| {
        g.register(start, sample::registrant_id(2), registration(2))
    });
    assert_eq!(error_codes(&vs), [Code::OR07]);
    assert_eq!(vs.as_slice()[0].path, Path(vec![PathSegment::Key("at".into())]));
    let gep = announced(None, 2)
        .register(
            at("2026-04-16T08:59:00+02:00"),
            sample::registrant_id(2),
            registration(2),
        )
        .unwrap();
    assert_eq!(gep.registrations().admitted_count(), 3);

    // Withdraw: refused at the start and after it, accepted just before.
    for when in [start, at("2026-04-16T09:30:00+02:00"), at("2026-04-16T07:30:00Z")] {
        let vs = refused(announced(None, 2), |g| {
            g.withdraw(
                when,
                sample::registrant_id(0),
                Withdrawal {
                    person: sample::registrant_id(0),
                },
            )
        });
        assert_eq!(error_codes(&vs), [Code::OR07], "withdraw at {when}");
        assert_eq!(vs.as_slice()[0].path, path(&["at"]));
    }
    let gep = announced(None, 2)
        .withdraw(
            at("2026-04-16T08:59:59+02:00"),
            sample::registrant_id(0),
            Withdrawal {
                person: sample::registrant_id(0),
            },
        )
        .unwrap();
    assert_eq!(gep.registrations().admitted_count(), 1);
}

// ---------------------------------------------------------------------------
// Refusals: unchanged GEP, every violation at once.
// ---------------------------------------------------------------------------

#[test]
fn a_refusal_carries_every_violation() {
    let mut reg = registration(0);
    reg.role = "observer".to_owned();
    reg.accepted_confidentiality = false;
    reg.on_behalf_of = Some("Agence de concertation n° 0".to_owned());
    let c = sample::register(0);
    let vs = refused(announced(None, 0), |g| g.register(c.at, c.actor, reg));
    assert_eq!(error_codes(&vs), [Code::PR04, Code::PR05, Code::PR07]);
    let mut paths: Vec<&Path> = vs.errors().map(|v| &v.path).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            &path(&["action", "accepted_confidentiality"]),
            &path(&["action", "on_behalf_of"]),
            &path(&["action", "role"]),
        ]
    );

    // Warnings found on the way come with the errors: a report by a
    // non-facilitator without evaluation nor expectations.
    let mut report = sample::report_of(1200);
    report.author = sample::GUEST;
    report.evaluation = None;
    report.expectations = None;
    let c = sample::report();
    let vs = refused(held(2), |g| g.report(c.at, c.actor, report));
    assert_eq!(error_codes(&vs), [Code::DE05]);
    let warnings: Vec<Code> = vs
        .as_slice()
        .iter()
        .filter(|v| v.severity == Severity::Warning)
        .map(|v| v.code)
        .collect();
    assert_eq!(warnings, [Code::DE06, Code::DE06]);
}

#[test]
fn every_refusal_returns_the_gep_unchanged() {
    let early = at("2026-01-12T10:00:00+01:00");

    // Proposed: the organiser may not decline, nor validate.
    let decision = Decision {
        reason: "doublon".into(),
    };
    let vs = refused(proposed(), |g| g.decline(early, sample::ORGANISER, decision));
    assert_eq!(error_codes(&vs), [Code::OR03]);
    let vs = refused(proposed(), |g| {
        g.validate(sample::validate().at, sample::ORGANISER, validation())
    });
    assert_eq!(error_codes(&vs), [Code::OR03]);

    // Validated: an announcement on neither channel, restricted to members,
    // capped without a form: every violation at once.
    let mut a = announcement(Some(20));
    a.ic_site = false;
    a.mailing_list = false;
    a.members_only = true;
    a.registration_form = None;
    let vs = refused(validated(), |g| {
        g.announce(sample::announce(None).at, sample::ORGANISER, a)
    });
    assert_eq!(error_codes(&vs), [Code::OR05, Code::OR05, Code::OR06, Code::OR07]);
    let vs = refused(validated(), |g| {
        g.cancel(early, sample::FACILITATOR, Decision { reason: " ".into() })
    });
    assert_eq!(error_codes(&vs), [Code::IN07, Code::LC02, Code::LC04]);

    // Announced: a withdrawal without a registration, a hold before the start.
    let vs = refused(announced(Some(3), 5), |g| {
        g.withdraw(
            sample::withdraw(7).at,
            sample::ORGANISER,
            Withdrawal {
                person: sample::registrant_id(7),
            },
        )
    });
    assert_eq!(error_codes(&vs), [Code::LC05]);
    assert_eq!(vs.as_slice()[0].path, path(&["action", "person"]));
    let vs = refused(announced(None, 2), |g| {
        g.hold(
            at("2026-04-16T08:00:00+02:00"),
            sample::ORGANISER,
            session(&registrants(2)),
        )
    });
    // The attestations, dated 12:25, come after this recording too.
    assert_eq!(error_codes(&vs), [Code::PR03, Code::PR06, Code::LC06]);
    // With a cap, a waiting registrant is not an attendee.
    let vs = refused(announced(Some(3), 5), |g| {
        g.hold(sample::hold().at, sample::ORGANISER, session(&registrants(4)))
    });
    assert_eq!(error_codes(&vs), [Code::OR07]);
    assert_eq!(
        vs.as_slice()[0].path,
        Path::root().key("action").key("attendance").index(6)
    );

    // Reported: an attendee may not approve; a registrant who was absent may
    // not validate.
    let vs = refused(reported(2), |g| {
        g.approve(sample::approve().at, sample::registrant_id(0), Approval {})
    });
    assert!(vs.contains(Code::LC04));
    assert!(vs.contains(Code::DE09));
    let vs = refused(reported(2), |g| {
        g.validate_report(
            at("2026-04-22T09:00:00+02:00"),
            sample::registrant_id(1),
            ReportResponse { revision: 2 },
        )
    });
    assert_eq!(error_codes(&vs), [Code::LC05]);
    assert_eq!(vs.as_slice()[0].path, path(&["action", "revision"]));
}

// ---------------------------------------------------------------------------
// The report's validation (DE09).
// ---------------------------------------------------------------------------

#[test]
fn an_objection_blocks_its_author_until_a_revision() {
    let objector = sample::registrant_id(1);
    let gep = reported(2);
    let gep = gep
        .object_to_report(at("2026-04-22T10:00:00+02:00"), objector, objection(1))
        .unwrap();
    assert_eq!(last_event(&gep), &Event::ReportObjected(objection(1)));
    assert!(matches!(
        gep.report().responses().get(&objector),
        Some(Response::Objected { .. })
    ));

    // The objector may not validate the same revision.
    let vs = refused(gep.clone(), |g| {
        g.validate_report(
            at("2026-04-23T09:00:00+02:00"),
            objector,
            ReportResponse { revision: 1 },
        )
    });
    assert_eq!(error_codes(&vs), [Code::DE09]);
    assert_eq!(vs.as_slice()[0].path, path(&["action"]));

    // Approval is blocked even once everyone else validated, and even after
    // the deadline.
    let mut gep = gep;
    for person in attendees(2).into_iter().filter(|p| *p != objector) {
        gep = validate_report(gep, "2026-04-23T09:00:00+02:00", person, 1);
    }
    for when in ["2026-04-24T09:00:00+02:00", "2026-05-20T09:00:00+02:00"] {
        let vs = refused(gep.clone(), |g| g.approve(at(when), sample::ORGANISER, Approval {}));
        assert_eq!(error_codes(&vs), [Code::DE09], "approve at {when}");
    }

    // A revision: revision 2, every response reset.
    let mut revised = sample::report_of(1300);
    revised.validation_deadline = Some(at("2026-05-30T18:00:00+02:00"));
    let gep = gep
        .revise(at("2026-04-24T10:00:00+02:00"), sample::FACILITATOR, revised.clone())
        .unwrap();
    assert_eq!(gep.report().revision(), 2);
    assert_eq!(gep.report().report(), &revised);
    assert!(gep.report().responses().is_empty());
    assert_eq!(last_event(&gep).name(), "revised");

    // The objector may now validate revision 2, but not revision 1.
    let vs = refused(gep.clone(), |g| {
        g.validate_report(
            at("2026-04-25T09:00:00+02:00"),
            objector,
            ReportResponse { revision: 1 },
        )
    });
    assert_eq!(error_codes(&vs), [Code::LC05]);
    let mut gep = validate_report(gep, "2026-04-25T09:00:00+02:00", objector, 2);
    assert!(matches!(
        gep.report().responses().get(&objector),
        Some(Response::Validated { .. })
    ));

    // Earlier validations were reset: approval waits for everyone again.
    let vs = refused(gep.clone(), |g| {
        g.approve(at("2026-04-26T09:00:00+02:00"), sample::ORGANISER, Approval {})
    });
    assert_eq!(error_codes(&vs), vec![Code::DE09; 4]);
    for person in attendees(2).into_iter().filter(|p| *p != objector) {
        gep = validate_report(gep, "2026-04-26T09:00:00+02:00", person, 2);
    }
    let approved = gep
        .approve(at("2026-04-27T09:00:00+02:00"), sample::ORGANISER, Approval {})
        .unwrap();
    assert_eq!(approved.report().revision(), 2);
}

#[test]
fn tacit_approval_after_the_validation_deadline() {
    let deadline = sample::report_of(1200).validation_deadline.unwrap();
    assert_eq!(deadline, at("2026-05-15T18:00:00+02:00"));
    let mut gep = reported(4);
    // Only the team validates; four registrants stay silent.
    for person in [sample::ORGANISER, sample::FACILITATOR, sample::GUEST] {
        gep = validate_report(gep, "2026-04-22T09:00:00+02:00", person, 1);
    }

    // Before the deadline, and at it: one DE09 per silent attendee.
    for when in ["2026-05-01T09:00:00+02:00", "2026-05-15T18:00:00+02:00"] {
        let vs = refused(gep.clone(), |g| g.approve(at(when), sample::ORGANISER, Approval {}));
        assert_eq!(error_codes(&vs), vec![Code::DE09; 4], "approve at {when}");
        let mut people: Vec<String> = vs.errors().map(|v| v.context["person"].clone()).collect();
        people.sort();
        let expected: Vec<String> = registrants(4).iter().map(ToString::to_string).collect();
        assert_eq!(people, expected);
        assert!(vs.errors().all(|v| v.path == path(&["action"])));
    }

    // After it, silence is approval.
    let approved = gep
        .approve(at("2026-05-16T09:00:00+02:00"), sample::ORGANISER, Approval {})
        .unwrap();
    assert_eq!(approved.approved_at(), at("2026-05-16T09:00:00+02:00"));
    assert_eq!(approved.report().responses().len(), 3);

    // Without a deadline there is no tacit approval.
    let c = sample::report();
    let mut report = sample::report_of(1200);
    report.validation_deadline = None;
    let gep = held(1).report(c.at, c.actor, report).unwrap();
    let vs = refused(gep, |g| {
        g.approve(at("2026-12-01T09:00:00+01:00"), sample::ORGANISER, Approval {})
    });
    assert_eq!(error_codes(&vs), vec![Code::DE09; 4]);
}

// ---------------------------------------------------------------------------
// Warnings, time, support.
// ---------------------------------------------------------------------------

#[test]
fn warnings_are_kept_and_the_transition_goes_through() {
    let mut report: Report = sample::report_of(1200);
    report.evaluation = None;
    report.expectations = Some("   ".to_owned());
    let c = sample::report();
    let gep = held(2).report(c.at, c.actor, report).unwrap();
    assert_eq!(gep.state(), State::Reported);

    let warnings = gep.warnings();
    assert_eq!(warnings.len(), 2);
    assert!(
        warnings
            .iter()
            .all(|w| w.code == Code::DE06 && w.severity == Severity::Warning)
    );
    let mut paths: Vec<&Path> = warnings.iter().map(|w| &w.path).collect();
    paths.sort();
    assert_eq!(
        paths,
        [&path(&["action", "evaluation"]), &path(&["action", "expectations"])]
    );

    let entry = gep.log().last().unwrap();
    assert_eq!(entry.event.name(), "reported");
    assert_eq!(
        entry.warnings,
        [
            KeptWarning {
                code: Code::DE06,
                path: path(&["action", "evaluation"]),
            },
            KeptWarning {
                code: Code::DE06,
                path: path(&["action", "expectations"]),
            },
        ]
    );
    // Earlier entries carry none.
    assert!(gep.log().iter().rev().skip(1).all(|e| e.warnings.is_empty()));

    // The warnings stay with the GEP through later transitions and a reload.
    let mut gep = gep;
    for person in attendees(2) {
        gep = validate_report(gep, "2026-04-22T09:00:00+02:00", person, 1);
    }
    let approved = gep
        .approve(sample::approve().at, sample::ORGANISER, Approval {})
        .unwrap();
    assert_eq!(approved.warnings().len(), 2);
    let any = AnyGep::from(approved);
    let reloaded = AnyGep::from_json(&any.to_json()).unwrap();
    assert_eq!(reloaded, any);
    assert_eq!(reloaded.warnings().len(), 2);
}

#[test]
fn timestamps_going_backwards_are_refused() {
    // Registrant 7 registered at 8:07 (+01:00); 9:06 at +02:00 is 8:06 at
    // +01:00: earlier as an instant, although later on the wall clock.
    let gep = announced(None, 8);
    let vs = refused(gep, |g| {
        g.register(
            at("2026-02-02T09:06:00+02:00"),
            sample::registrant_id(8),
            registration(8),
        )
    });
    assert_eq!(error_codes(&vs), [Code::LC02]);
    assert_eq!(vs.as_slice()[0].path, path(&["at"]));

    // The same instant as the last event is not going backwards.
    let gep = announced(None, 8)
        .register(at("2026-02-02T07:07:00Z"), sample::registrant_id(8), registration(8))
        .unwrap();
    assert_eq!(gep.registrations().admitted_count(), 9);

    // Other transitions alike.
    let vs = refused(reported(1), |g| {
        g.validate_report(
            at("2026-04-19T09:00:00+02:00"),
            sample::ORGANISER,
            ReportResponse { revision: 1 },
        )
    });
    assert_eq!(error_codes(&vs), [Code::LC02]);
    assert_eq!(vs.as_slice()[0].path, Path(vec![PathSegment::Key("at".into())]));
    let vs = refused(proposed(), |g| {
        g.request_support(
            at("2026-01-10T09:59:00+01:00"),
            sample::ORGANISER,
            SupportRequest {
                topic: "animation".into(),
            },
        )
    });
    assert_eq!(error_codes(&vs), [Code::LC02]);
}

#[test]
fn support_may_be_requested_early_and_late() {
    let request = SupportRequest {
        topic: "Aide à la rédaction de la synthèse".to_owned(),
    };

    let gep = proposed()
        .request_support(at("2026-01-11T10:00:00+01:00"), sample::FACILITATOR, request.clone())
        .unwrap();
    assert_eq!(gep.state(), State::Proposed);
    assert_eq!(event_names(&gep), ["proposed", "support_requested"]);
    assert_eq!(last_event(&gep), &Event::SupportRequested(request.clone()));
    // It blocks nothing: the GEP goes on.
    let c = sample::validate();
    let gep = gep.validate(c.at, c.actor, validation()).unwrap();
    assert_eq!(gep.state(), State::Validated);

    let approved = match sample::approved_gep().unwrap() {
        AnyGep::Approved(g) => g,
        other => panic!("unexpected {}", other.state()),
    };
    let len = approved.log().len();
    let approved = approved
        .request_support(at("2026-05-01T10:00:00+02:00"), sample::ORGANISER, request.clone())
        .unwrap();
    assert_eq!(approved.state(), State::Approved);
    assert_eq!(approved.log().len(), len + 1);
    assert_eq!(last_event(&approved).name(), "support_requested");

    // Only a facilitator or the organiser asks, about something.
    let vs = refused(approved.clone(), |g| {
        g.request_support(at("2026-05-02T10:00:00+02:00"), sample::GUEST, request)
    });
    assert_eq!(error_codes(&vs), [Code::LC04]);
    let vs = refused(approved, |g| {
        g.request_support(
            at("2026-05-02T10:00:00+02:00"),
            sample::ORGANISER,
            SupportRequest { topic: " ".into() },
        )
    });
    assert_eq!(error_codes(&vs), [Code::IN07]);
    assert_eq!(vs.as_slice()[0].path, path(&["action", "topic"]));
}

#[test]
fn propose_refuses_with_every_violation() {
    let mut proposal = sample::proposal_with(3);
    proposal.theme = " ".into();
    proposal.questions.clear();
    proposal.charter.accepted = false;
    let vs = Gep::<Proposed>::propose(sample::GEP, sample::propose().at, sample::ORGANISER, proposal).unwrap_err();
    assert_eq!(error_codes(&vs), [Code::DE01, Code::DE01, Code::OR02]);

    // A command built by hand from the sample is the same as the typed call.
    let Command { at, actor, action } = sample::propose();
    let Action::Propose(proposal) = action else {
        panic!("not a proposal")
    };
    let gep = Gep::<Proposed>::propose(sample::GEP, at, actor, proposal).unwrap();
    assert_eq!(gep, proposed());
}

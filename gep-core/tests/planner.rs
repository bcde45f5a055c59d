//! Tests of the table planner (DE03), through its public API.
//!
//! - determinism: the same request and seed give the same plan;
//! - everyone is seated exactly once per round, for every method;
//! - the methods' rules: world-café hosts stay at their tables; each
//!   ambassadors group sends one member and receives exactly one per round,
//!   never twice from the same group, a different member each round;
//! - table sizes follow DE03 (30 people: 6 tables of 5), with warnings for
//!   tables of 4 or 7 and for fewer than 5 people;
//! - no repeat on the reference cases (25 people at 5×5 up to 6
//!   rounds, 30 in 3 rounds, 60 and 120 in 4 rounds), and never fewer
//!   repeats than the lower bound;
//! - pairs to keep apart never share a table, or the plan is refused with
//!   DE03; facilitators are left out when asked; colleagues sit apart when
//!   they can;
//! - the exports, the JSON-in/JSON-out entry of the bindings, the example's
//!   JSON contract, and recording the plan at `hold` through the lifecycle,
//!   where the DE03 checks pass;
//! - a property test over random sizes, rounds, methods and seeds.
//!
//! Assertions are on codes, paths and numbers, never on message text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![allow(missing_docs)]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command as Process;

use gep_core::planner::{self, Attendee, Language, MAX_PEOPLE, MAX_ROUNDS, Method, Plan, PlanOptions, PlanRequest};
use gep_core::sample::{self, FACILITATOR, GUEST, ORGANISER};
use gep_core::{Action, AnyGep, Code, Path, PersonId, Severity};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn id(i: usize) -> PersonId {
    PersonId::from_u128(1000 + i as u128)
}

fn people(n: usize) -> Vec<Attendee> {
    (0..n).map(|i| Attendee::new(id(i))).collect()
}

fn request(n: usize, rounds: u32, method: Method) -> PlanRequest {
    PlanRequest::new(people(n), rounds, method).with_seed(7)
}

fn with_effort(mut request: PlanRequest, effort: u32) -> PlanRequest {
    request.options.effort = effort;
    request
}

fn plan(request: &PlanRequest) -> Plan {
    planner::plan(request).unwrap_or_else(|v| panic!("refused: {v}"))
}

/// Everyone seated (not left out) sits exactly once in every round, at a
/// table of the plan's sizes; nobody else sits.
fn assert_seated_once(request: &PlanRequest, plan: &Plan) {
    let left_out: BTreeSet<usize> = plan.left_out.iter().copied().collect();
    let seated: BTreeSet<usize> = (0..request.attendees.len()).filter(|p| !left_out.contains(p)).collect();
    assert_eq!(plan.rounds.len(), request.rounds as usize);
    let mut sizes = plan.table_sizes.clone();
    sizes.sort_unstable();
    for (r, round) in plan.rounds.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for table in round {
            for &p in table {
                assert!(seen.insert(p), "round {r}: {p} sits twice");
            }
        }
        assert_eq!(seen, seated, "round {r}: not everyone is seated");
        let mut round_sizes: Vec<usize> = round.iter().map(Vec::len).collect();
        round_sizes.sort_unstable();
        assert_eq!(round_sizes, sizes, "round {r}");
    }
}

/// The plan's own measures, recomputed from its rounds.
fn assert_measures_agree(request: &PlanRequest, plan: &Plan) {
    let m = planner::measure(request, &plan.rounds).unwrap();
    assert_eq!(m.repeats, plan.measures.repeats);
    assert_eq!(m.max_meetings, plan.measures.max_meetings);
    assert_eq!(m.org_clashes, plan.measures.org_clashes);
    assert_eq!(m.apart_violations, 0);
    assert!(plan.measures.repeats >= plan.measures.lower_bound);
}

fn warnings_of(plan: &Plan) -> Vec<(Code, Severity)> {
    plan.warnings.iter().map(|w| (w.code, w.severity)).collect()
}

/// DE03: the attendances that allow subgroups of 5 to 6 only.
fn allows_five_or_six(n: usize) -> bool {
    matches!(n, 5..=6 | 10..=12 | 15..=18) || n >= 20
}

fn together(plan: &Plan, a: usize, b: usize) -> usize {
    plan.rounds
        .iter()
        .filter(|round| round.iter().any(|t| t.contains(&a) && t.contains(&b)))
        .count()
}

// ---------------------------------------------------------------------------
// Determinism and seating
// ---------------------------------------------------------------------------

#[test]
fn the_same_seed_gives_the_same_plan() {
    for method in Method::ALL {
        for (n, rounds) in [(37, 3), (11, 3), (34, 4)] {
            let mut req = with_effort(request(n, rounds, method), 1);
            req.attendees[3] = req.attendees[3].clone().with_organisation("Ville de Lyon");
            req.attendees[9] = req.attendees[9].clone().with_organisation(" ville de  LYON ");
            let a = plan(&req);
            let b = plan(&req);
            assert_eq!(a, b, "{n} {method}");
            assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
            assert_eq!(a.seed, 7);
        }
    }
}

#[test]
fn seeds_go_up_to_the_largest_integer_every_language_reads() {
    let req = request(12, 2, Method::Rotation);
    let top = plan(&req.clone().with_seed(planner::MAX_SEED));
    assert_eq!(top.seed, planner::MAX_SEED);
    assert_eq!(planner::MAX_SEED, (1 << 53) - 1);
    for seed in [planner::MAX_SEED + 1, u64::MAX] {
        let refused = planner::plan(&req.clone().with_seed(seed)).unwrap_err();
        assert_eq!(refused.codes(), vec![Code::IN07]);
        assert_eq!(refused.0[0].path, Path::root().key("seed"));
    }
}

#[test]
fn everyone_is_seated_once_per_round() {
    for method in Method::ALL {
        for n in [1, 2, 4, 5, 6, 7, 9, 12, 13, 19, 20, 37, 61] {
            for rounds in [1, 2, 4] {
                let req = with_effort(request(n, rounds, method), 1);
                let p = plan(&req);
                assert_seated_once(&req, &p);
                assert_measures_agree(&req, &p);
                assert_eq!(p.itineraries().len(), n);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The methods
// ---------------------------------------------------------------------------

#[test]
fn world_cafe_hosts_stay_at_their_tables() {
    for (n, rounds) in [(37, 4), (12, 3), (30, 3), (120, 4)] {
        let req = request(n, rounds, Method::WorldCafe);
        let p = plan(&req);
        assert_eq!(p.hosts.len(), p.table_sizes.len());
        for round in &p.rounds {
            for (t, table) in round.iter().enumerate() {
                assert_eq!(table.first(), Some(&p.hosts[t]), "{n}: the host comes first");
            }
        }
        // Everyone else moves: nobody but the hosts sits twice at one table in a row.
        for (t, host) in p.hosts.iter().enumerate() {
            assert_eq!(p.itinerary(*host), Some(vec![t; rounds as usize]));
        }
    }
}

/// Checks the ambassadors' structure from the rounds themselves.
fn assert_ambassadors(req: &PlanRequest, p: &Plan) {
    let home = &p.rounds[0];
    let g = home.len();
    let group_of = |person: usize| home.iter().position(|t| t.contains(&person)).unwrap();
    let mut received_from = BTreeSet::new();
    let mut sent = BTreeSet::new();
    for (r, round) in p.rounds.iter().enumerate().skip(1) {
        let trips: Vec<_> = p.ambassadors.iter().filter(|t| t.round == r).collect();
        assert_eq!(trips.len(), g, "round {r}: one ambassador a group");
        for (t, table) in round.iter().enumerate() {
            let visitors: Vec<usize> = table.iter().copied().filter(|&x| group_of(x) != t).collect();
            assert_eq!(
                visitors.len(),
                1,
                "round {r}, table {t}: exactly one ambassador received"
            );
            let visitor = visitors[0];
            assert_eq!(table.last(), Some(&visitor), "the visitor comes last");
            let from = group_of(visitor);
            assert!(
                trips
                    .iter()
                    .any(|trip| trip.person == visitor && trip.from == from && trip.to == t)
            );
            assert!(
                received_from.insert((from, t)),
                "round {r}: {t} receives from {from} again"
            );
            assert!(sent.insert(visitor), "round {r}: {visitor} goes twice");
            // The others of the group stay at home.
            assert_eq!(table.len() - 1, home[t].len() - 1);
        }
    }
    assert!(warnings_of(p).is_empty(), "{}", req.attendees.len());
}

#[test]
fn ambassadors_one_sent_and_one_received_per_group_never_twice_from_the_same() {
    for (n, rounds) in [(37, 4), (30, 3), (20, 4), (60, 4), (120, 4), (25, 4), (15, 3)] {
        let req = request(n, rounds, Method::Ambassadors);
        let p = plan(&req);
        assert_seated_once(&req, &p);
        assert_ambassadors(&req, &p);
        assert_eq!(
            p.measures.repeats, p.measures.lower_bound,
            "{n} people, {rounds} rounds"
        );
    }
}

#[test]
fn ambassadors_warn_when_the_numbers_do_not_allow_the_rules() {
    // Two groups, three rounds: the second ambassador round comes from the same group again.
    let p = plan(&request(11, 3, Method::Ambassadors));
    assert!(
        p.warnings
            .iter()
            .any(|w| w.code == Code::DE03 && w.path == Path::root().key("rounds"))
    );
    // One group: nobody can be sent.
    let p = plan(&request(6, 2, Method::Ambassadors));
    assert_eq!(warnings_of(&p), vec![(Code::DE03, Severity::Warning)]);
    assert!(p.ambassadors.is_empty());
}

// ---------------------------------------------------------------------------
// Table sizes (DE03)
// ---------------------------------------------------------------------------

#[test]
fn thirty_people_sit_at_six_tables_of_five() {
    for method in Method::ALL {
        for rounds in [1, 3] {
            assert_eq!(plan(&request(30, rounds, method)).table_sizes, vec![5; 6]);
        }
    }
}

#[test]
fn tables_of_five_to_six_whenever_the_attendance_allows() {
    for n in (5..=6).chain(10..=12).chain(15..=18).chain(20..=130) {
        let p = plan(&with_effort(request(n, 2, Method::Rotation), 0));
        assert!(
            p.table_sizes.iter().all(|s| (5..=6).contains(s)),
            "{n}: {:?}",
            p.table_sizes
        );
        assert!(p.warnings.is_empty(), "{n}");
        assert!(allows_five_or_six(n));
    }
}

#[test]
fn tables_of_four_or_seven_otherwise_with_a_warning() {
    for (n, sizes) in [
        (7, vec![7]),
        (8, vec![4, 4]),
        (9, vec![5, 4]),
        (13, vec![7, 6]),
        (14, vec![5, 5, 4]),
        (19, vec![5, 5, 5, 4]),
    ] {
        let p = plan(&request(n, 2, Method::Rotation));
        assert_eq!(p.table_sizes, sizes, "{n}");
        assert_eq!(warnings_of(&p), vec![(Code::DE03, Severity::Warning)], "{n}");
        assert_eq!(p.warnings[0].path, Path::root().key("attendees"));
        assert!(!allows_five_or_six(n));
    }
}

#[test]
fn fewer_than_five_make_one_group_with_a_warning() {
    for n in 1..5 {
        let p = plan(&request(n, 3, Method::WorldCafe));
        assert_eq!(p.table_sizes, vec![n]);
        assert_eq!(warnings_of(&p), vec![(Code::DE03, Severity::Warning)]);
        assert_eq!(p.warnings[0].context.get("people"), Some(&n.to_string()));
    }
}

// ---------------------------------------------------------------------------
// Quality
// ---------------------------------------------------------------------------

#[test]
fn no_repeat_on_the_reference_cases() {
    // 25 people at 5 tables of 5: up to 6 rounds (an affine plane of order 5).
    for rounds in 1..=6 {
        let p = plan(&request(25, rounds, Method::Rotation));
        assert_eq!(p.table_sizes, vec![5; 5]);
        assert_eq!(p.measures.repeats, 0, "25 people, {rounds} rounds");
        assert_eq!(p.measures.distinct_pairs, 50 * u64::from(rounds));
    }
    // A seventh round must repeat, and the bound says by how much.
    let p = plan(&request(25, 7, Method::Rotation));
    assert_eq!((p.measures.repeats, p.measures.lower_bound), (50, 50));
    // 30 people in 3 rounds; 60 and 120 in 4.
    for (n, rounds, methods) in [
        (30, 3, vec![Method::Rotation, Method::WorldCafe]),
        (60, 4, vec![Method::Rotation, Method::WorldCafe]),
        (120, 4, vec![Method::Rotation, Method::WorldCafe]),
        (37, 3, vec![Method::Rotation, Method::WorldCafe]),
    ] {
        for method in methods {
            let p = plan(&request(n, rounds, method));
            assert_eq!(p.measures.repeats, 0, "{n} people, {rounds} rounds, {method}");
            assert_eq!(p.measures.max_meetings, 1);
        }
    }
}

#[test]
fn thirty_people_at_five_tables_of_six_would_repeat() {
    // The bound the size rule relies on: measured on a hand-made plan.
    let req = request(30, 2, Method::Rotation);
    let rows: Vec<Vec<usize>> = (0..5).map(|t| (0..6).map(|k| t * 6 + k).collect()).collect();
    let cols: Vec<Vec<usize>> = (0..5).map(|t| (0..6).map(|k| (t + 5 * k) % 30).collect()).collect();
    let m = planner::measure(&req, &[rows, cols]).unwrap();
    assert_eq!(m.lower_bound, 5);
    assert!(m.repeats >= m.lower_bound);
}

// ---------------------------------------------------------------------------
// Hard constraints and organisations
// ---------------------------------------------------------------------------

#[test]
fn pairs_to_keep_apart_never_share_a_table() {
    let pairs = [(0, 1), (0, 2), (1, 2), (3, 4), (10, 36), (5, 6)];
    for method in Method::ALL {
        let mut req = request(37, 3, method);
        req.options.apart = pairs.iter().map(|&(a, b)| [id(a), id(b)]).collect();
        let p = plan(&req);
        for &(a, b) in &pairs {
            assert_eq!(together(&p, a, b), 0, "{method}: {a} and {b}");
        }
        assert_seated_once(&req, &p);
        assert_eq!(p.measures.apart_violations, 0);
        if method != Method::Ambassadors {
            assert_eq!(p.measures.repeats, 0, "{method}");
        }
    }
}

#[test]
fn pairs_that_cannot_be_kept_apart_are_refused_with_de03() {
    let mut req = request(4, 2, Method::Rotation);
    req.options.apart = vec![[id(0), id(1)], [id(2), id(3)]];
    let v = planner::plan(&req).unwrap_err();
    let errors: Vec<_> = v.errors().map(|e| (e.code, e.path.clone())).collect();
    assert_eq!(
        errors,
        vec![
            (Code::DE03, Path::root().key("options").key("apart").index(0)),
            (Code::DE03, Path::root().key("options").key("apart").index(1)),
        ]
    );
    // The size warning comes along.
    assert!(v.as_slice().iter().any(|w| w.is_warning()));
}

#[test]
fn facilitators_are_left_out_when_asked() {
    let mut req = request(32, 3, Method::WorldCafe);
    req.attendees[0] = req.attendees[0].clone().as_facilitator();
    req.attendees[31] = req.attendees[31].clone().as_facilitator();
    let seated = plan(&req);
    assert!(seated.left_out.is_empty());
    assert_eq!(seated.itineraries().len(), 32);
    req.options.leave_out_facilitators = true;
    let p = plan(&req);
    assert_eq!(p.left_out, vec![0, 31]);
    assert_eq!(p.table_sizes, vec![5; 6]);
    assert!(p.rounds.iter().flatten().flatten().all(|&x| x != 0 && x != 31));
    assert_eq!(p.itinerary(0), None);
    assert_eq!(p.itineraries().len(), 30);
    assert_seated_once(&req, &p);
    // Everyone left out: nobody to seat.
    let mut all = request(3, 1, Method::Rotation);
    all.options.leave_out_facilitators = true;
    all.attendees = all.attendees.into_iter().map(Attendee::as_facilitator).collect();
    let v = planner::plan(&all).unwrap_err();
    assert_eq!(v.codes(), vec![Code::IN07]);
}

#[test]
fn colleagues_sit_apart_when_they_can() {
    for method in Method::ALL {
        let mut req = request(37, 3, method);
        // Three organisations of five, one of seven: seven tables hold them all apart.
        for (i, a) in req.attendees.iter_mut().enumerate().take(22) {
            let org = match i {
                0..5 => "Métropole de Lyon",
                5..10 => "Agence Concerto",
                10..15 => "Ville de Villeurbanne",
                _ => "Association Habitat et Humanisme",
            };
            *a = a.clone().with_organisation(org);
        }
        let p = plan(&req);
        assert_eq!(p.measures.org_clashes, 0, "{method}");
        // Measured against the same people without organisations, a plan
        // that ignores them has clashes.
        let mut blind = req.clone();
        for a in &mut blind.attendees {
            a.organisation = None;
        }
        blind.seed = 3;
        let ignoring = plan(&blind);
        let clashes = planner::measure(&req, &ignoring.rounds).unwrap().org_clashes;
        assert!(clashes > 0, "{method}");
        if method != Method::Ambassadors {
            assert_eq!(p.measures.repeats, 0);
        }
        // An eighth colleague: one clash a round is unavoidable, and no more.
        req.attendees[22] = req.attendees[22]
            .clone()
            .with_organisation("association habitat et humanisme");
        assert_eq!(plan(&req).measures.org_clashes, 3, "{method}");
    }
}

// ---------------------------------------------------------------------------
// Input errors and limits
// ---------------------------------------------------------------------------

#[test]
fn bad_requests_get_input_codes() {
    let v = planner::plan(&request(10, 0, Method::Rotation)).unwrap_err();
    assert_eq!(v.codes(), vec![Code::IN07]);
    assert_eq!(v.as_slice()[0].path, Path::root().key("rounds"));
    let v = planner::plan(&request(0, 2, Method::Rotation)).unwrap_err();
    assert_eq!(v.codes(), vec![Code::IN07]);
    let mut dup = request(10, 2, Method::Rotation);
    dup.attendees[7] = Attendee::new(id(2));
    let v = planner::plan(&dup).unwrap_err();
    assert_eq!(v.as_slice()[0].path, Path::root().key("attendees").index(7).key("id"));
    let mut apart = request(10, 2, Method::Rotation);
    apart.options.apart = vec![[id(1), id(1)], [id(1), PersonId::from_u128(9)]];
    let v = planner::plan(&apart).unwrap_err();
    assert_eq!(v.codes(), vec![Code::IN07, Code::IN07]);
    let v = planner::plan(&request(MAX_PEOPLE + 1, MAX_ROUNDS + 1, Method::Rotation)).unwrap_err();
    assert_eq!(v.codes(), vec![Code::IN09, Code::IN09]);
    let v = planner::plan(&with_effort(request(10, 2, Method::Rotation), planner::MAX_EFFORT + 1)).unwrap_err();
    assert_eq!(v.codes(), vec![Code::IN09]);
}

#[test]
fn the_json_entry_of_the_bindings() {
    use gep_core::ffi::{PlanAnswer, plan_tables};
    let req = request(37, 3, Method::WorldCafe);
    let json = serde_json::to_string(&req).unwrap();
    match plan_tables(&json) {
        PlanAnswer::Ok { plan: p } => assert_eq!(*p, plan(&req)),
        other => panic!("{other:?}"),
    }
    let answer: serde_json::Value = serde_json::from_str(&plan_tables(&json).to_json()).unwrap();
    assert_eq!(answer["status"], "ok");
    assert_eq!(answer["plan"]["method"], "world_cafe");
    assert_eq!(answer["plan"]["rounds"].as_array().unwrap().len(), 3);
    // Unknown fields, malformed JSON: failure with a path.
    match plan_tables(r#"{"attendees": [], "rounds": 1, "method": "rotation", "colour": 1}"#) {
        PlanAnswer::Failure { violations } => assert_eq!(violations[0].code, Code::IN02),
        other => panic!("{other:?}"),
    }
    match plan_tables(r#"{"attendees": [], "rounds": 1, "method": "fishbowl"}"#) {
        PlanAnswer::Failure { violations } => assert_eq!(violations[0].path, Path::root().key("method")),
        other => panic!("{other:?}"),
    }
    // Pairs that cannot be kept apart: refused.
    let mut apart = request(3, 1, Method::Rotation);
    apart.options.apart = vec![[id(0), id(1)]];
    match plan_tables(&serde_json::to_string(&apart).unwrap()) {
        PlanAnswer::Refused { violations } => assert_eq!(violations[0].code, Code::DE03),
        other => panic!("{other:?}"),
    }
    // The request round-trips, with its defaults.
    let minimal: PlanRequest = serde_json::from_str(
        r#"{"attendees": [{"id": "00000000-0000-0000-0000-000000000001", "organisation": "IC"}], "rounds": 1, "method": "ambassadors"}"#,
    )
    .unwrap();
    assert_eq!(minimal.options, PlanOptions::default());
    assert_eq!(minimal.seed, 0);
}

// ---------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------

#[test]
fn itineraries_and_table_lists_in_markdown_and_csv() {
    let mut req = request(12, 2, Method::WorldCafe);
    req.attendees[0] = req.attendees[0]
        .clone()
        .with_name("Léa \"Lou\" Martin, Lyon")
        .as_facilitator();
    req.attendees[1] = req.attendees[1].clone().with_name("Karim | Benali");
    req.options.leave_out_facilitators = true;
    let p = plan(&req);
    let csv = p.itineraries_csv(&req);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "person_id,name,round_1,round_2");
    assert_eq!(lines.len(), 13);
    assert!(lines[1].ends_with("\"Léa \"\"Lou\"\" Martin, Lyon\",,"), "{}", lines[1]);
    let it = p.itinerary(5).unwrap();
    assert!(lines[6].ends_with(&format!(",{},{}", it[0] + 1, it[1] + 1)));
    let tables = p.tables_csv(&req);
    assert_eq!(tables.lines().count(), 1 + 2 * 11);
    assert_eq!(
        tables.lines().filter(|l| l.ends_with(",host")).count(),
        2 * p.hosts.len()
    );
    let md = p.to_markdown(&req, Language::En);
    assert!(md.contains("Karim \\| Benali"));
    assert!(md.contains("| Person | Round 1 | Round 2 |"));
    assert!(md.contains("(host)"));
    let fr = p.itineraries_markdown(&req, Language::Fr);
    assert!(fr.starts_with("| Personne | Tour 1 | Tour 2 |"));
    assert!(fr.contains("| — | — |"));
    let amb = plan(&request(20, 3, Method::Ambassadors));
    let amb_req = request(20, 3, Method::Ambassadors);
    assert_eq!(
        amb.tables_csv(&amb_req)
            .lines()
            .filter(|l| l.ends_with(",ambassador"))
            .count(),
        2 * 4
    );
    assert!(amb.tables_markdown(&amb_req, Language::Fr).contains("(ambassadeur)"));
}

// ---------------------------------------------------------------------------
// At `hold`: the plan recorded as the session's subgroups
// ---------------------------------------------------------------------------

fn announced_with(registrants: usize) -> (AnyGep, Vec<PersonId>) {
    let mut gep = AnyGep::start(sample::GEP, sample::propose()).unwrap();
    for c in [sample::validate(), sample::announce(None)] {
        gep = gep.apply(c).unwrap();
    }
    for i in 0..registrants {
        gep = gep.apply(sample::register(i)).unwrap();
    }
    (gep, (0..registrants).map(sample::registrant_id).collect())
}

#[test]
fn a_plan_recorded_at_hold_passes_the_de03_checks() {
    for (registrants, leave_out) in [(27, false), (27, true), (34, false), (57, true)] {
        for method in Method::ALL {
            let (gep, regs) = announced_with(registrants);
            let mut attendees = vec![
                Attendee::new(ORGANISER)
                    .with_name("Hélène Dubois-Martin")
                    .as_facilitator(),
                Attendee::new(FACILITATOR).with_name("Karim Benali").as_facilitator(),
                Attendee::new(GUEST),
            ];
            attendees.extend(regs.iter().enumerate().map(|(i, &r)| {
                let a = Attendee::new(r);
                match sample::registrant(i).organisation {
                    Some(org) => a.with_organisation(org),
                    None => a,
                }
            }));
            let mut req = PlanRequest::new(attendees, 3, method).with_seed(11);
            req.options.leave_out_facilitators = leave_out;
            let p = plan(&req);
            let mut hold = sample::hold_with(&regs, 3);
            if let Action::Hold(record) = &mut hold.action {
                record.rounds = p.to_rounds(&req);
            }
            let warnings_before = gep.warnings().len();
            let held = gep
                .apply(hold)
                .unwrap_or_else(|r| panic!("{method}: {}", r.into_parts().1));
            let new: Vec<_> = held.warnings()[warnings_before..].iter().map(|w| w.code).collect();
            assert!(!new.contains(&Code::DE03), "{method}: {new:?}");
            if let AnyGep::Held(h) = &held {
                assert_eq!(h.session().rounds.len(), 3);
                assert_eq!(h.session().rounds[0].method.as_deref(), Some(method.as_str()));
            } else {
                panic!("not held");
            }
        }
    }
}

#[test]
fn a_plan_with_someone_seated_twice_is_refused_at_hold() {
    let (gep, regs) = announced_with(22);
    let mut attendees = vec![
        Attendee::new(ORGANISER),
        Attendee::new(FACILITATOR),
        Attendee::new(GUEST),
    ];
    attendees.extend(regs.iter().map(|&r| Attendee::new(r)));
    let req = PlanRequest::new(attendees, 2, Method::Rotation);
    let p = plan(&req);
    let mut rounds = p.to_rounds(&req);
    let someone = rounds[1].subgroups[0][0];
    rounds[1].subgroups[1].push(someone);
    let mut hold = sample::hold_with(&regs, 3);
    if let Action::Hold(record) = &mut hold.action {
        record.rounds = rounds;
    }
    let refused = gep.apply(hold).unwrap_err();
    assert!(refused.violations().errors().any(|v| v.code == Code::DE03));
}

// ---------------------------------------------------------------------------
// The example's JSON contract
// ---------------------------------------------------------------------------

/// The `plan_tables` example, built (or found up to date) for the profile
/// of this test.
fn example_binary() -> PathBuf {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            let exe = std::env::current_exe().unwrap();
            let profile_dir = exe.parent().unwrap().parent().unwrap();
            let mut cargo = Process::new(env!("CARGO"));
            cargo.args(["build", "-q", "-p", "gep-core", "--example", "plan_tables"]);
            if profile_dir.file_name().is_some_and(|d| d == "release") {
                cargo.arg("--release");
            }
            assert!(cargo.status().unwrap().success());
            profile_dir
                .join("examples")
                .join(format!("plan_tables{}", std::env::consts::EXE_SUFFIX))
        })
        .clone()
}

fn run_example(args: &[&str]) -> serde_json::Value {
    let out = Process::new(example_binary()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_example_prints_one_json_object_for_any_people_and_rounds() {
    for (n, r, method) in [
        (1, 1, "rotation"),
        (7, 2, "world-cafe"),
        (30, 3, "rotation"),
        (37, 3, "ambassadors"),
    ] {
        let v = run_example(&[
            "--people",
            &n.to_string(),
            "--rounds",
            &r.to_string(),
            "--method",
            method,
            "--json",
        ]);
        let rounds = v["rounds"].as_array().unwrap();
        assert_eq!(rounds.len(), r, "{n} {r}");
        for round in rounds {
            let mut seen: Vec<u64> = round
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|t| t.as_array().unwrap().iter().map(|p| p.as_u64().unwrap()))
                .collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..n as u64).collect::<Vec<_>>());
        }
        assert!(v["repeats"].is_u64());
        assert!(v["warnings"].is_array());
    }
    let v = run_example(&[
        "--people", "30", "--rounds", "3", "--method", "rotation", "--json", "--seed", "5",
    ]);
    assert_eq!(v["repeats"], 0);
    // Past the limits: empty rounds, the violations, exit 0.
    let v = run_example(&[
        "--people",
        "123456789012345678901234567890",
        "--rounds",
        "2",
        "--method",
        "rotation",
        "--json",
    ]);
    assert_eq!(v["rounds"], serde_json::json!([]));
    assert_eq!(v["violations"][0]["code"], "IN09");
    assert_eq!(v["warnings"][0]["code"], "IN09");
    // A malformed command line: exit 2.
    let out = Process::new(example_binary()).args(["--people", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

// ---------------------------------------------------------------------------
// Property: any size, rounds, method and seed
// ---------------------------------------------------------------------------

fn method_strategy() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::Rotation),
        Just(Method::WorldCafe),
        Just(Method::Ambassadors)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_request_gives_a_plan_with_everyone_seated_once_per_round(
        n in 1usize..150,
        rounds in 1u32..6,
        method in method_strategy(),
        seed in 0..=planner::MAX_SEED,
        orgs in 0usize..5,
        effort in 0u32..2,
    ) {
        let mut req = with_effort(request(n, rounds, method), effort).with_seed(seed);
        if orgs > 0 {
            for (i, a) in req.attendees.iter_mut().enumerate().filter(|(i, _)| i % 3 == 0) {
                *a = a.clone().with_organisation(format!("org {}", i % orgs));
            }
        }
        let p = planner::plan(&req).unwrap();
        assert_seated_once(&req, &p);
        assert_measures_agree(&req, &p);
        prop_assert!(p.warnings.iter().all(|w| w.code == Code::DE03 && w.is_warning()));
        prop_assert_eq!(p.warnings.iter().any(|w| w.path == Path::root().key("attendees")),
            !allows_five_or_six(n));
    }
}

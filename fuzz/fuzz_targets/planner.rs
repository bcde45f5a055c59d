//! `planner`: table plans (DE03) for arbitrary sizes.
//!
//! The input picks the number of people (mostly small, sometimes up to and
//! past `MAX_PEOPLE`), rounds (0 to 15: past `MAX_ROUNDS` too), the method,
//! facilitators (left out or not), organisations, pairs to keep apart
//! (sometimes with strangers, the same person twice, or more than
//! `MAX_APART`), a duplicated attendee, the effort (0 to 2, or past
//! `MAX_EFFORT`) and the seed (one time in sixteen past `MAX_SEED`); the request goes through `planner::plan` or
//! the JSON entry `ffi::plan_tables`, and both for small requests.
//!
//! Properties:
//! - no panic; the two entries give the same answer;
//! - past a documented limit, only IN09 violations (and libFuzzer's
//!   `-timeout` catches a long run);
//! - otherwise a refusal is IN07 or DE03, never for a request that the
//!   planner must accept; a seed past `MAX_SEED` is always refused;
//! - a plan has the rounds asked for; every seated person (everyone but the
//!   facilitators left out) sits exactly once per round, the facilitators
//!   left out never; the tables of every round have the plan's sizes; no
//!   pair to keep apart shares a table; the exports do not panic.

#![no_main]

use std::collections::BTreeSet;

use arbitrary::{Arbitrary, Unstructured};
use gep_core::ffi::{self, PlanAnswer};
use gep_core::planner::{
    self, Attendee, Language, MAX_APART, MAX_EFFORT, MAX_PEOPLE, MAX_ROUNDS, MAX_SEED, Method, Plan, PlanOptions,
    PlanRequest,
};
use gep_core::{Code, PersonId, Violations};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum People {
    Small(u8),
    Medium(u16),
    NearLimit(u8),
    PastLimit(u16),
}

impl People {
    fn count(&self) -> usize {
        match self {
            People::Small(n) => usize::from(*n % 64),
            People::Medium(n) => usize::from(*n % 400),
            People::NearLimit(k) => MAX_PEOPLE - usize::from(*k % 4),
            People::PastLimit(k) => MAX_PEOPLE + 1 + usize::from(*k),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    people: People,
    rounds: u8,
    method: u8,
    seed: u64,
    effort: u8,
    leave_out_facilitators: bool,
    facilitators: Vec<u16>,
    organisations: Vec<(u16, u8)>,
    apart: Vec<(u16, u16)>,
    too_many_apart: bool,
    duplicate: Option<(u16, u16)>,
    via_json: bool,
}

fn via_json(request: &PlanRequest) -> Result<Plan, Violations> {
    let json = serde_json::to_string(request).expect("a request serialises");
    match ffi::plan_tables(&json) {
        PlanAnswer::Ok { plan } => Ok(*plan),
        PlanAnswer::Refused { violations } | PlanAnswer::Failure { violations } => Err(Violations(violations)),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let n = input.people.count();
    let small = n <= 60;
    let rounds = u32::from(input.rounds % 16);
    let method = Method::ALL[usize::from(input.method) % Method::ALL.len()];
    // Small efforts only, so that an execution stays fast; sometimes past
    // the limit.
    let effort = match input.effort {
        250.. => MAX_EFFORT + 1 + u32::from(input.effort - 250),
        e if small => u32::from(e % 3),
        _ => 0,
    };
    let id = |i: usize| PersonId::from_u128(1000 + i as u128);
    let mut attendees: Vec<Attendee> = (0..n).map(|i| Attendee::new(id(i))).collect();
    for &f in input.facilitators.iter().take(8) {
        if let Some(a) = attendees.get_mut(usize::from(f) % n.max(1)) {
            a.facilitator = true;
        }
    }
    for &(who, org) in input.organisations.iter().take(64) {
        if let Some(a) = attendees.get_mut(usize::from(who) % n.max(1)) {
            a.organisation = Some(format!(" Organisme {}", org % 6));
        }
    }
    let duplicated = match input.duplicate {
        Some((i, j)) if n >= 2 && usize::from(i) % n != usize::from(j) % n => {
            let original = attendees[usize::from(i) % n].id;
            attendees[usize::from(j) % n].id = original;
            true
        }
        _ => false,
    };
    // An index of `n` stands for someone who is not an attendee.
    let mut apart: Vec<[PersonId; 2]> = input
        .apart
        .iter()
        .take(32)
        .map(|&(a, b)| [id(usize::from(a) % (n + 1)), id(usize::from(b) % (n + 1))])
        .collect();
    if input.too_many_apart {
        apart.extend((0..=MAX_APART).map(|k| [id(k % n.max(1)), id((k + 1) % n.max(1))]));
    }
    let seed = if input.seed >> 60 == 0xF {
        input.seed
    } else {
        input.seed & MAX_SEED
    };
    let request = PlanRequest::new(attendees, rounds, method)
        .with_seed(seed)
        .with_options(PlanOptions {
            apart,
            leave_out_facilitators: input.leave_out_facilitators,
            effort,
        });

    // With `GEP_FUZZ_DEBUG` set, say what is planned (to find slow inputs).
    if std::env::var_os("GEP_FUZZ_DEBUG").is_some() {
        eprintln!(
            "gep-fuzz-plan: people {n}, rounds {rounds}, {method}, effort {effort}, apart {}, seed {}",
            request.options.apart.len(),
            request.seed
        );
    }
    let result = if small {
        let direct = planner::plan(&request);
        assert_eq!(via_json(&request), direct, "plan_tables and plan disagree");
        direct
    } else if input.via_json {
        via_json(&request)
    } else {
        planner::plan(&request)
    };

    let past_limits =
        n > MAX_PEOPLE || rounds > MAX_ROUNDS || request.options.apart.len() > MAX_APART || effort > MAX_EFFORT;
    if past_limits {
        let violations = result.expect_err("a request past the limits was planned");
        assert!(!violations.0.is_empty());
        assert!(
            violations.0.iter().all(|v| v.code == Code::IN09),
            "past the limits, not only IN09: {:?}",
            violations.codes()
        );
        return;
    }
    let plan = match result {
        Ok(plan) => plan,
        Err(violations) => {
            assert!(violations.errors().next().is_some(), "a refusal without an error");
            assert!(
                violations.errors().all(|v| matches!(v.code, Code::IN07 | Code::DE03)),
                "unexpected codes: {:?}",
                violations.codes()
            );
            let apart_pairs = !request.options.apart.is_empty();
            let everyone_left_out = input.leave_out_facilitators && request.attendees.iter().all(|a| a.facilitator);
            assert!(
                n == 0 || rounds == 0 || duplicated || apart_pairs || everyone_left_out || request.seed > MAX_SEED,
                "a plain request was refused: {:?}",
                violations.codes()
            );
            return;
        }
    };

    assert!(request.seed <= MAX_SEED, "a seed past MAX_SEED was planned");

    // The plan seats everyone once per round.
    assert_eq!(plan.rounds.len(), rounds as usize, "not the rounds asked for");
    let left_out: BTreeSet<usize> = plan.left_out.iter().copied().collect();
    let expected_left_out: BTreeSet<usize> = if input.leave_out_facilitators {
        (0..n).filter(|&i| request.attendees[i].facilitator).collect()
    } else {
        BTreeSet::new()
    };
    assert_eq!(left_out, expected_left_out, "the facilitators left out");
    let mut sizes = plan.table_sizes.clone();
    sizes.sort_unstable();
    for (r, round) in plan.rounds.iter().enumerate() {
        let mut seen = vec![0u32; n];
        for table in round {
            for &p in table {
                assert!(p < n, "round {r}: person {p} is not an attendee");
                seen[p] += 1;
            }
        }
        for (p, &count) in seen.iter().enumerate() {
            let expected = u32::from(!left_out.contains(&p));
            assert_eq!(count, expected, "round {r}: person {p} is seated {count} times");
        }
        let mut round_sizes: Vec<usize> = round.iter().map(Vec::len).collect();
        round_sizes.sort_unstable();
        assert_eq!(round_sizes, sizes, "round {r}: the tables are not of the plan's sizes");
        for [a, b] in &request.options.apart {
            let (Some(ia), Some(ib)) = (
                request.attendees.iter().position(|x| x.id == *a),
                request.attendees.iter().position(|x| x.id == *b),
            ) else {
                continue;
            };
            assert!(
                !round.iter().any(|t| t.contains(&ia) && t.contains(&ib)),
                "round {r}: a pair to keep apart shares a table"
            );
        }
    }
    assert_eq!(plan.measures.apart_violations, 0);
    if small {
        let _ = plan.to_markdown(&request, Language::Fr);
        let _ = plan.tables_csv(&request);
        let _ = plan.itineraries_csv(&request);
        assert_eq!(plan.to_rounds(&request).len(), rounds as usize);
        assert_eq!(plan.itineraries().len(), n - left_out.len());
    }
});

//! The table planner at its reference size: 120 people, 4 rounds,
//! each method, with colleagues (every fourth person belongs to one of seven
//! organisations) — and the facilitator's case of 37 registrants in 3 rounds.
//! Last, a worst case: 120 people in five organisations of 25 over 12
//! rounds, where the organisations cannot all be kept apart and the search
//! runs its whole budget (the default effort).
//!
//! `cargo bench -p gep-core --bench planner`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gep_core::PersonId;
use gep_core::planner::{self, Attendee, Method, PlanRequest};

fn request(n: u32, rounds: u32, method: Method) -> PlanRequest {
    let attendees = (0..n)
        .map(|i| {
            let a = Attendee::new(PersonId::from_u128(u128::from(i) + 100));
            if i % 4 == 0 {
                a.with_organisation(format!("Agence de concertation n° {}", i % 7))
            } else {
                a
            }
        })
        .collect();
    PlanRequest::new(attendees, rounds, method).with_seed(2026)
}

fn plan(c: &mut Criterion) {
    let mut group = c.benchmark_group("planner");
    for (n, rounds) in [(120, 4), (37, 3)] {
        for method in Method::ALL {
            let req = request(n, rounds, method);
            group.bench_function(format!("{n} people, {rounds} rounds, {method}"), |b| {
                b.iter(|| planner::plan(black_box(&req)))
            });
        }
    }
    group.finish();
    let mut worst = c.benchmark_group("planner, whole budget");
    worst.sample_size(10);
    for method in Method::ALL {
        let attendees = (0..120u32)
            .map(|i| Attendee::new(PersonId::from_u128(u128::from(i) + 1)).with_organisation(format!("org {}", i / 25)))
            .collect();
        let req = PlanRequest::new(attendees, 12, method);
        worst.bench_function(format!("120 people, 12 rounds, 5 organisations of 25, {method}"), |b| {
            b.iter(|| planner::plan(black_box(&req)))
        });
    }
    worst.finish();
}

criterion_group!(benches, plan);
criterion_main!(benches);

//! Loading the benchmark document (60 registrations for a cap of 40, 10
//! questions, a held session, a 5 KB report with every validation) with the
//! full replay through the state machine, side by side with parsing the same
//! bytes into a `serde_json::Value`.
//!
//! `cargo bench -p gep-core --bench load`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gep_core::{AnyGep, sample};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let document = match sample::benchmark_gep() {
        Ok(gep) => gep.to_json(),
        Err(violations) => {
            eprintln!("the benchmark document was refused: {violations}");
            return;
        }
    };
    let mut group = c.benchmark_group("load benchmark document");
    group.throughput(Throughput::Bytes(document.len() as u64));
    group.bench_function("gep_core::AnyGep::from_json (parse + replay)", |b| {
        b.iter(|| AnyGep::from_json(black_box(&document)))
    });
    group.bench_function("gep_core::Document (typed parse, no replay)", |b| {
        b.iter(|| serde_json::from_str::<gep_core::Document>(black_box(&document)))
    });
    group.bench_function("serde_json::Value (parse only)", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&document)))
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);

//! The load benchmark's ratio, measured interleaved: batches of
//! `AnyGep::from_json` and of the plain `serde_json::Value` parse of the
//! same bytes alternate, and each batch pair gives one ratio, so that both
//! sides see the same moments of a shared, noisy machine. Prints the median
//! ratio with its quartiles and the median times.
//!
//! `cargo bench -p gep-core --bench load_interleaved [-- ROUNDS]`

use gep_core::{AnyGep, sample};
use std::hint::black_box;
use std::time::Instant;

const BATCH: u32 = 10;

fn main() {
    let document = match sample::benchmark_gep() {
        Ok(gep) => gep.to_json(),
        Err(violations) => {
            eprintln!("the benchmark document was refused: {violations}");
            std::process::exit(1);
        }
    };
    // `cargo bench` passes `--bench`; a number among the arguments is the
    // count of rounds.
    let rounds = std::env::args().find_map(|a| a.parse::<usize>().ok()).unwrap_or(500);
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..BATCH {
            f();
        }
        start.elapsed().as_secs_f64() / f64::from(BATCH)
    };
    let load = || {
        black_box(AnyGep::from_json(black_box(&document)).is_ok());
    };
    let value = || {
        black_box(serde_json::from_str::<serde_json::Value>(black_box(&document)).is_ok());
    };
    // Warm-up.
    for _ in 0..20 {
        time(&load);
        time(&value);
    }
    let mut ratios = Vec::with_capacity(rounds);
    let mut loads = Vec::with_capacity(rounds);
    let mut values = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let l = time(&load);
        let v = time(&value);
        ratios.push(l / v);
        loads.push(l);
        values.push(v);
    }
    let quantile = |v: &mut Vec<f64>, q: f64| {
        v.sort_by(f64::total_cmp);
        let i = ((v.len().saturating_sub(1)) as f64 * q).round() as usize;
        v.get(i).copied().unwrap_or(f64::NAN)
    };
    println!(
        "load benchmark document ({} bytes), {rounds} interleaved rounds of {BATCH}:",
        document.len()
    );
    println!("  AnyGep::from_json  median {:7.1} µs", quantile(&mut loads, 0.5) * 1e6);
    println!(
        "  serde_json::Value  median {:7.1} µs",
        quantile(&mut values, 0.5) * 1e6
    );
    println!(
        "  ratio              median {:.3} (quartiles {:.3}–{:.3})",
        quantile(&mut ratios, 0.5),
        quantile(&mut ratios, 0.25),
        quantile(&mut ratios, 0.75)
    );
}

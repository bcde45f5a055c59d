//! The native side of `gep-wasm/js/speed.mjs`: how long loading a document
//! takes in native code, measured as the WebAssembly side measures it.
//!
//! ```text
//! cargo run --release -p gep-wasm --example native_load -- tests/documents/benchmark.json
//! ```
//!
//! Prints one JSON object: the median time of one load, in microseconds,
//! for `AnyGep::from_json` (what `Gep.load` runs on a string: parse and
//! replay), for `AnyGep::from_slice` (what it runs on UTF-8 bytes: the same
//! after checking the bytes) and for `ffi::load` then its answer as JSON
//! text (what `loadDocument` runs before `JSON.parse`: the document written
//! again and the snapshot besides).

use std::time::{Duration, Instant};

use gep_core::{AnyGep, ffi};

/// The median time of one call of `f`, over batches run for about `budget`.
fn median(budget: Duration, mut f: impl FnMut()) -> f64 {
    for _ in 0..20 {
        f();
    }
    let mut batches = Vec::new();
    let started = Instant::now();
    while started.elapsed() < budget || batches.len() < 5 {
        let t = Instant::now();
        for _ in 0..10 {
            f();
        }
        batches.push(t.elapsed().as_secs_f64() * 1e6 / 10.0);
    }
    batches.sort_by(f64::total_cmp);
    batches.get(batches.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/documents/benchmark.json".to_owned());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    assert_load_ok(&text);
    let budget = Duration::from_secs(2);
    let load = median(budget, || {
        let _ = std::hint::black_box(AnyGep::from_json(std::hint::black_box(&text)));
    });
    let load_bytes = median(budget, || {
        let _ = std::hint::black_box(AnyGep::from_slice(std::hint::black_box(text.as_bytes())));
    });
    let load_json = median(budget, || {
        std::hint::black_box(ffi::load(std::hint::black_box(&text)).to_json());
    });
    println!(
        "{{\"bytes\": {}, \"load_us\": {load:.1}, \"load_bytes_us\": {load_bytes:.1}, \"load_json_us\": {load_json:.1}}}",
        text.len()
    );
}

fn assert_load_ok(text: &str) {
    if !matches!(ffi::load(text), ffi::Answer::Ok { .. }) {
        eprintln!("the document does not load");
        std::process::exit(1);
    }
}

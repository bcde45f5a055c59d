//! The benchmark document, checked in at `tests/documents/benchmark.json`
//! for the Python benchmarks (`gep-py/bench/`), must be the one
//! `gep_core::sample::benchmark_gep()` writes. `UPDATE_DOCUMENTS=1 cargo
//! test -p gep-py --test benchmark_document` writes it anew.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

#[test]
fn benchmark_document_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/documents/benchmark.json");
    let document = gep_core::sample::benchmark_gep()
        .expect("the benchmark GEP follows the charter")
        .to_json();
    if std::env::var_os("UPDATE_DOCUMENTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &document).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == document,
        "{} is stale: run `UPDATE_DOCUMENTS=1 cargo test -p gep-py --test benchmark_document`",
        path.display()
    );
}

//! Lists the conformance vectors and fixtures of `tests/` for the
//! wasm-bindgen-test suites, which cannot read files: every JSON file there
//! is embedded with `include_str!`, so that a new file is run without
//! editing the suites.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    files
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let tests = manifest.join("..").join("tests");
    let mut out = String::new();
    for (name, dir) in [("VECTORS", "vectors"), ("FIXTURES", "fixtures")] {
        let dir = tests.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        let _ = writeln!(out, "pub const {name}: &[(&str, &str)] = &[");
        for file in json_files(&dir) {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let _ = writeln!(out, "    ({stem:?}, include_str!({:?})),", file.display().to_string());
        }
        let _ = writeln!(out, "];");
    }
    let target = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("test_data.rs");
    if let Err(e) = std::fs::write(&target, out) {
        println!("cargo:warning=cannot write {}: {e}", target.display());
    }
}

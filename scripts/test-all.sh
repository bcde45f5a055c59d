#!/usr/bin/env bash
# The single test command: installs what is missing (rustfmt, clippy, the
# wasm32 target, the wasm-bindgen CLI at the pinned version, npm packages,
# Chromium and its driver, a Python venv with maturin, pytest and mypy,
# cargo-deny, and cargo-fuzz when a nightly toolchain is present), then runs
# every check.
#
#   bash scripts/test-all.sh
#
# Safe to run again: each install step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

step "toolchain"
if have rustup; then
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
fi
cargo --version

step "format"
cargo fmt --all --check

step "clippy (all targets, warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "tests: unit, conformance vectors, schemas, properties, doc tests"
cargo test --workspace --locked

step "docs (warnings denied)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "gep-wasm builds for wasm32"
cargo build --locked --target wasm32-unknown-unknown -p gep-wasm

step "example: lifecycle"
cargo run --locked --quiet --example lifecycle > /dev/null

step "example: plan_tables (JSON contract)"
cargo run --locked --quiet --release --example plan_tables -- --people 37 --rounds 3 --method world-cafe --json > /dev/null

# The grid of docs/planner.md on its small sizes (a few seconds): it exits 1
# if the planner ever has more repeats than its random-restart baseline or
# fewer than its lower bound.
step "example: planner_grid (10 to 40 people, a check)"
cargo run --locked --quiet --release --example planner_grid -- --from 10 --to 40 --restarts 10 > /dev/null

step "dependencies: licences, bans, sources (cargo deny, offline)"
have cargo-deny || cargo install --locked cargo-deny
cargo deny --offline check licenses bans sources

step "benchmarks compile"
cargo bench --locked -p gep-core --no-run

step "python: the gep module (pytest, mypy --strict, stubtest)"
bash scripts/test-python.sh

step "gep-wasm: npm packages, size, types, Node and Chromium suites, conformance, e2e, speed"
bash scripts/test-wasm.sh

step "fuzzing: cargo-fuzz targets, bounded (skipped without a nightly toolchain)"
bash scripts/fuzz.sh "${GEP_FUZZ_SECONDS:-20}"

printf '\nall checks passed\n'

#!/usr/bin/env bash
# The WebAssembly checks: installs what is missing, builds the npm packages
# (gep-wasm/build.sh), then checks their size, type-checks their
# declarations, runs the wasm-bindgen-test suites in Node and in headless
# Chromium, every conformance vector through the Node package, the
# end-to-end test of examples/web/, and prints the speed figures.
#
#   bash scripts/test-wasm.sh
#
# Safe to run again: each install step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

step() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
export PATH="$HOME/.cargo/bin:$PATH"

step "toolchain: wasm32 target, wasm-bindgen CLI, npm tools, Chromium"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# The CLI must be exactly the version of the crate in Cargo.lock.
want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if ! have wasm-bindgen || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$want" ]; then
  # Not --locked: the CLI's lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "=$want"
fi
wasm-bindgen --version
if [ ! -d gep-wasm/node_modules ] || ! (cd gep-wasm && npm ls --depth=0 >/dev/null 2>&1); then
  (cd gep-wasm && npm ci --no-audit --no-fund)
fi
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium chromium-driver
fi

step "build: gep-wasm/pkg (web) and gep-wasm/pkg-node (Node)"
bash gep-wasm/build.sh

step "size of the release .wasm"
bash gep-wasm/size.sh

step "types: tsc --noEmit --strict on both .d.ts and a usage file"
gep-wasm/node_modules/.bin/tsc --noEmit --strict -p gep-wasm/tsconfig.json
echo "types check"

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
step "wasm-bindgen-test in Node"
cargo test --locked --target wasm32-unknown-unknown -p gep-wasm

step "wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown -p gep-wasm --features browser

step "conformance vectors, adversarial cases and nothing-lost checks through the Node package"
node --test gep-wasm/js/

step "end to end: examples/web in headless Chromium (screenshots in artifacts/screenshots/)"
node gep-wasm/e2e/run.mjs

step "speed: loading the benchmark document, WebAssembly in Node vs native (figures only)"
node gep-wasm/js/speed.mjs || echo "(speed figures unavailable)"

printf '\nwasm checks passed\n'

#!/usr/bin/env bash
# Builds the npm packages of gep-wasm from the release profile for wasm:
#   pkg/       the web build (ES module; call its default export `init` once)
#   pkg-node/  the Node build (CommonJS; ready on require)
# each with package.json, the optimised .wasm, the JS glue and the .d.ts,
# whose data types are generated from the Rust types (see
# examples/api_schema.rs) by json-schema-to-typescript.
#
#   bash gep-wasm/build.sh
#
# Needs: the wasm32-unknown-unknown target, wasm-bindgen at the version of
# Cargo.lock, and the npm tools of package.json (scripts/test-wasm.sh
# installs them all).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

bin="$here/node_modules/.bin"
work="$root/target/gep-wasm"
mkdir -p "$work"
if [ ! -x "$bin/json2ts" ] || [ ! -x "$bin/wasm-opt" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

echo "gep-wasm: compiling (profile wasm-release)"
# opt-level "z" also caps LLVM's inliner at its smallest threshold, even for
# the functions marked #[inline]. A threshold given explicitly lifts that
# cap; at 100, serde_json's small reader functions (parse_whitespace, whose
# cost is 50, and the like) are inlined into the deserialisers: Gep.load
# about 18% faster than at 25, for 17.5 KB more gzipped (docs/benchmarks.md,
# "WASM speed"). WebAssembly SIMD (+simd128) lets LLVM move the larger
# values in 16-byte steps and memchr search 16 bytes at a time: 1.9 KB
# smaller and a load about 6% faster; it needs Chrome 91, Firefox 89,
# Safari 16.4 or Node 16.4 and later (gep-wasm/README.md). Set for the wasm
# target only, after any flags of the caller.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} -C llvm-args=-inline-threshold=100 -C target-feature=+simd128"
cargo build --locked --profile wasm-release --target wasm32-unknown-unknown -p gep-wasm
wasm="$root/target/wasm32-unknown-unknown/wasm-release/gep_wasm.wasm"

echo "gep-wasm: generating the TypeScript types from the Rust types"
cargo run --locked --quiet -p gep-wasm --example api_schema > "$work/api.schema.json"
"$bin/json2ts" --input "$work/api.schema.json" --output "$work/api.d.ts" \
  --no-additionalProperties --bannerComment "/* The data types below are generated from the Rust types (gep-wasm/examples/api_schema.rs) by json-schema-to-typescript: do not edit. */"

version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)"

package() { # target out-dir package.json-extra
  local target="$1" out="$2"
  rm -rf "$out"
  wasm-bindgen --target "$target" --out-dir "$out" --remove-name-section --remove-producers-section "$wasm"
  # --low-memory-unused lets wasm-opt fold a small constant added to an
  # address into the load's offset, which differs only for an address that
  # wraps past 4 GiB into the first KiB: safe Rust computes none.
  # --converge repeats -Oz while it still shrinks. Together: -3 KB gzipped.
  "$bin/wasm-opt" -Oz --low-memory-unused --converge --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-multivalue --enable-reference-types --enable-simd \
    "$out/gep_wasm_bg.wasm" -o "$out/gep_wasm_bg.wasm"
  cat "$work/api.d.ts" >> "$out/gep_wasm.d.ts"
  cat > "$out/package.json" <<JSON
{
  "name": "gep-wasm",
  "version": "$version",
  "description": "The GEP charter in the browser and in Node: forms, report anonymisation, table plans ($target build)",
  "license": "MIT OR Apache-2.0",
  $3
  "types": "gep_wasm.d.ts",
  "files": ["gep_wasm_bg.wasm", "gep_wasm.js", "gep_wasm.d.ts", "gep_wasm_bg.wasm.d.ts"]
}
JSON
  echo "gep-wasm: $out ($(wc -c < "$out/gep_wasm_bg.wasm") bytes of wasm)"
}

package web "$here/pkg" '"type": "module", "main": "gep_wasm.js", "module": "gep_wasm.js", "sideEffects": ["./snippets/*"],'
package nodejs "$here/pkg-node" '"main": "gep_wasm.js",'

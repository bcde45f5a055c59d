// Loading the benchmark document (tests/documents/benchmark.json) in Node
// through the WebAssembly build, side by side with native code: prints a
// table for docs/benchmarks.md. Needs pkg-node (gep-wasm/build.sh).
//
//   node gep-wasm/js/speed.mjs
//
// Figures only: it fails when something does not load, never on a ratio.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, "..", "..");
const gep = require("../pkg-node/gep_wasm.js");
const file = join(root, "tests", "documents", "benchmark.json");
const text = readFileSync(file, "utf8");

/** The median time of one call of `f`, in µs, over batches run for about `ms`. */
function median(f, ms = 2000) {
  for (let i = 0; i < 20; i++) f();
  const batches = [];
  const started = performance.now();
  while (performance.now() - started < ms || batches.length < 5) {
    const t = performance.now();
    for (let i = 0; i < 10; i++) f();
    batches.push(((performance.now() - t) * 1000) / 10);
  }
  batches.sort((a, b) => a - b);
  return batches[Math.floor(batches.length / 2)];
}

if (gep.loadDocument(text).status !== "ok") throw new Error("the benchmark document does not load");

const native = JSON.parse(
  execFileSync("cargo", ["run", "--locked", "--quiet", "--release", "-p", "gep-wasm", "--example", "native_load", "--", file], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }),
);
const handle = median(() => gep.Gep.load(text).free());
const answer = median(() => gep.loadDocument(text));

const row = (what, wasm, nat) => `| ${what} | ${wasm.toFixed(1)} µs | ${nat.toFixed(1)} µs | **${(wasm / nat).toFixed(2)}×** |`;
console.log(`Benchmark document: ${text.length} bytes (${JSON.parse(text).events.length} events); Node ${process.version}.\n`);
console.log("| what | WebAssembly in Node (median) | native (median) | ratio |");
console.log("|---|---|---|---|");
console.log(row("`Gep.load(text)` vs `AnyGep::from_json`: parse, replay every event", handle, native.load_us));
console.log(row("`loadDocument(text)` (answer as a JS object) vs `ffi::load(..).to_json()`", answer, native.load_json_us));

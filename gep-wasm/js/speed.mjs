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
const bytes = readFileSync(file);

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

// The machine may be shared: native and WebAssembly run in turn, round
// after round, and each ratio is taken within its round.
const rounds = Math.max(1, Number(process.env.GEP_SPEED_ROUNDS ?? 3));
const measures = [
  ["`Gep.load(text)` vs `AnyGep::from_json`: parse, replay every event", () => gep.Gep.load(text).free(), "load_us"],
  ["`Gep.load(bytes)` (a `Buffer`) vs `AnyGep::from_slice`: the same from UTF-8 bytes", () => gep.Gep.load(bytes).free(), "load_bytes_us"],
  ["`loadDocument(text)` (answer as a JS object) vs `ffi::load(..).to_json()`", () => gep.loadDocument(text), "load_json_us"],
];
const results = measures.map(() => []);
for (let r = 0; r < rounds; r++) {
  const native = JSON.parse(
    execFileSync("cargo", ["run", "--locked", "--quiet", "--release", "-p", "gep-wasm", "--example", "native_load", "--", file], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  measures.forEach(([, f, key], i) => {
    const wasm = median(f);
    results[i].push({ wasm, native: native[key], ratio: wasm / native[key] });
  });
}

const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Benchmark document: ${text.length} bytes (${JSON.parse(text).events.length} events); Node ${process.version}; ${rounds} rounds.\n`);
console.log("| what | WebAssembly in Node (median) | native (median) | ratio (median of the rounds) | ratios of the rounds |");
console.log("|---|---|---|---|---|");
measures.forEach(([what], i) => {
  const rs = results[i];
  const wasm = mid(rs.map((x) => x.wasm));
  const nat = mid(rs.map((x) => x.native));
  const ratio = mid(rs.map((x) => x.ratio));
  const each = rs.map((x) => x.ratio.toFixed(2)).join(", ");
  console.log(`| ${what} | ${wasm.toFixed(1)} µs | ${nat.toFixed(1)} µs | **${ratio.toFixed(2)}×** | ${each} |`);
});

// What each part of the API costs in the release .wasm: removes a group of
// exports from pkg/gep_wasm_bg.wasm with binaryen's wasm-metadce, runs the
// build's wasm-opt again, and prints raw and gzipped sizes as a table for
// docs/benchmarks.md. Needs pkg/ (gep-wasm/build.sh).
//
//   node gep-wasm/js/size_by_export.mjs
//
// Running wasm-opt again changes the full module's size too, so every line
// compares with the first one ("all"), not with the shipped size.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const here = join(import.meta.dirname, "..");
const bin = join(here, "node_modules", ".bin");
const wasm = join(here, "pkg", "gep_wasm_bg.wasm");
const features = [
  "--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int", "--enable-multivalue", "--enable-reference-types", "--enable-simd",
];
const module = new WebAssembly.Module(readFileSync(wasm));
const exports = WebAssembly.Module.exports(module).map((e) => e.name);
const imports = WebAssembly.Module.imports(module).map((i) => [i.module, i.name]);
// The API's own exports: camelCase functions and the Gep handle's methods;
// the rest (memory, allocator, wasm-bindgen's runtime) always stays.
const api = exports.filter((e) => /^[a-z]+[A-Z]|^gep_|^rules$/.test(e) && e !== "__wbg_gep_free");
const work = mkdtempSync(join(tmpdir(), "gep-size-"));

function measure(drop) {
  const keep = exports.filter((e) => !drop.includes(e));
  const graph = [
    { name: "root", root: true, reaches: keep.map((e) => `export:${e}`) },
    ...exports.map((e) => ({ name: `export:${e}`, export: e })),
    ...imports.map(([m, n], i) => ({ name: `import:${i}`, import: [m, n] })),
  ];
  writeFileSync(join(work, "graph.json"), JSON.stringify(graph));
  execFileSync(join(bin, "wasm-metadce"), [wasm, "--graph-file", join(work, "graph.json"), "-o", join(work, "dce.wasm"), ...features], { stdio: ["ignore", "ignore", "inherit"] });
  execFileSync(join(bin, "wasm-opt"), ["-Oz", "--low-memory-unused", "--converge", ...features, join(work, "dce.wasm"), "-o", join(work, "out.wasm")]);
  // As size.sh counts: `gzip -9`.
  const gz = execFileSync("gzip", ["-9", "-c", join(work, "out.wasm")], { maxBuffer: 1 << 26 }).length;
  return { raw: statSync(join(work, "out.wasm")).size, gz };
}

const groups = [
  ["all", []],
  ["all but `planTables`", ["planTables"]],
  ["all but the forms", ["validateProposalForm", "validateRegistrationForm", "gep_validateRegistrationForm"]],
  ["all but `scanText`, `redactText`", ["scanText", "redactText"]],
  ["all but the contact list and the IC record", ["contactList", "icRecord", "gep_contactList", "gep_icRecord"]],
  ["all but `rules`", ["rules"]],
  ["the `Gep` handle only", api.filter((e) => !e.startsWith("gep_"))],
  ["`Gep.load`, `save`, `state` only", api.filter((e) => !["gep_load", "gep_save", "gep_state"].includes(e))],
];
const all = measure([]);
console.log("| exports kept | raw | gzipped | the part's cost (gzipped) |");
console.log("|---|---|---|---|");
for (const [what, drop] of groups) {
  const { raw, gz } = drop.length ? measure(drop) : all;
  const cost = drop.length && what.startsWith("all but") ? `${((all.gz - gz) / 1000).toFixed(1)} KB` : "";
  console.log(`| ${what} | ${raw} | ${(gz / 1000).toFixed(1)} KB | ${cost} |`);
}
rmSync(work, { recursive: true, force: true });

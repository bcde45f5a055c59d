// Every conformance vector of tests/ through the public JavaScript API of
// the Node build (pkg-node), with the same semantics as the Rust runner
// (gep-core/tests/conformance.rs, tests/README.md): one test per vector.
//
//   node --test gep-wasm/js/

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const gep = require("../pkg-node/gep_wasm.js");
const root = join(import.meta.dirname, "..", "..", "tests");
const DEFAULT_ID = "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11";

const jsonFiles = (dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(root, dir, f), "utf8"))]);

const fixtures = Object.fromEntries(jsonFiles("fixtures"));
// Rust's serde_json sorts paths by their compact JSON text; so does this.
const byText = (a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);
const codes = (violations, severity) =>
  violations.filter((v) => v.severity === severity).map((v) => v.code).sort();
const errorPaths = (violations) =>
  violations.filter((v) => v.severity === "error").map((v) => v.path).sort(byText);

function exported(document, exp) {
  if (!exp) return { violations: [], paths: [], export: null };
  const reply = exp.type === "contact_list" ? gep.contactList(document, exp.requester) : gep.icRecord(document);
  if (reply.status === "ok") return { violations: [], paths: [], export: reply.value };
  return { violations: codes(reply.violations, "error"), paths: errorPaths(reply.violations), export: null };
}

function accepted(answer, exp) {
  const again = gep.loadDocument(answer.document);
  assert.equal(again.status, "ok", "the saved document loads back");
  assert.equal(again.document, answer.document, "saving again gives the same bytes");
  const warnings = codes(answer.snapshot.warnings, "warning");
  return { state: answer.state, warnings, ...exported(answer.document, exp) };
}

function run(vector) {
  const exp = vector.export;
  const text = vector.document_text ?? (vector.document === undefined ? undefined : JSON.stringify(vector.document));
  if (text !== undefined) {
    const answer = gep.loadDocument(text);
    if (answer.status === "ok") return accepted(answer, exp);
    assert.ok(!exp, "the document of an export vector loads");
    const vs = answer.violations;
    return { state: null, violations: codes(vs, "error"), warnings: codes(vs, "warning"), paths: errorPaths(vs), export: null };
  }
  const commands = [
    ...(vector.given ? fixtures[vector.given].map((c) => [true, c]) : []),
    ...(vector.commands ?? []).map((c) => [false, c]),
  ];
  let current = null;
  for (const [i, [fromFixture, command]] of commands.entries()) {
    const json = JSON.stringify(command);
    const answer = current ? gep.applyCommand(current.document, json) : gep.startGep(vector.gep_id ?? DEFAULT_ID, json);
    if (answer.status === "ok") {
      current = answer;
      continue;
    }
    assert.ok(i + 1 === commands.length && !fromFixture && !exp, `command ${i} refused before the end`);
    const vs = answer.violations;
    const warnings = [...(current ? codes(current.snapshot.warnings, "warning") : []), ...codes(vs, "warning")].sort();
    return { state: current?.state ?? null, violations: codes(vs, "error"), warnings, paths: errorPaths(vs), export: null };
  }
  assert.ok(current, "some command ran");
  return accepted(current, exp);
}

const names = new Set();
for (const [file, vectors] of jsonFiles("vectors")) {
  for (const vector of vectors) {
    test(`${file}: ${vector.name}`, () => {
      assert.ok(!names.has(vector.name), "names are unique");
      names.add(vector.name);
      const got = { violations: [], paths: [], ...run(vector) };
      const want = {
        state: vector.expect.state,
        violations: [...vector.expect.violations].sort(),
        warnings: [...vector.expect.warnings].sort(),
        paths: vector.expect.paths ? [...vector.expect.paths].sort(byText) : got.paths,
        export: "export" in vector.expect ? vector.expect.export : got.export,
      };
      assert.deepEqual(got, want);
    });
  }
}

// The adversarial cases of tests/adversarial/ (tests/README.md, "Adversarial
// cases") as the JavaScript runners read them: the generator that expands an
// input, the GEP a case starts from, and the check that a GEP still works
// after a refusal. Not a test file itself (node --test runs *.test.mjs).

import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
export const gep = require("../pkg-node/gep_wasm.js");
export const root = join(import.meta.dirname, "..", "..", "tests");
export const DEFAULT_ID = "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11";

export const jsonFiles = (dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(root, dir, f), "utf8"))]);

export const fixtures = Object.fromEntries(jsonFiles("fixtures").map(([f, v]) => [f.replace(/\.json$/, ""), v]));

/** An input: inline text, or `{parts: [...]}` whose parts are texts or
 * repetitions (`{n}` becomes the index from `start`, as 12 digits). */
export function expand(spec) {
  if (typeof spec === "string") return spec;
  const out = [];
  for (const part of spec.parts) {
    if (typeof part === "string") {
      out.push(part);
      continue;
    }
    const { repeat, count, start = 0, separator = "" } = part;
    if (repeat.includes("{n}")) {
      const items = [];
      for (let k = 0; k < count; k++) items.push(repeat.replaceAll("{n}", String(start + k).padStart(12, "0")));
      out.push(items.join(separator));
    } else if (separator) {
      out.push(Array(count).fill(repeat).join(separator));
    } else {
      out.push(repeat.repeat(count));
    }
  }
  return out.join("");
}

export const cases = () => jsonFiles("adversarial").flatMap(([file, list]) => list.map((c) => [file, c]));

const documents = new Map();
/** The document of a conformance fixture. */
export function fixtureDocument(name) {
  if (!documents.has(name)) {
    const commands = fixtures[name];
    const g = gep.Gep.start(DEFAULT_ID, JSON.stringify(commands[0]));
    for (const c of commands.slice(1)) assert.equal(g.apply(JSON.stringify(c)).status, "ok");
    documents.set(name, g.save());
    g.free();
  }
  return documents.get(name);
}

/** The document an `apply` case's command is applied to. */
export const givenDocument = (c) => (c.given_document ? expand(c.given_document) : fixtureDocument(c.given));

/** A command every open state takes: the organiser asks for support, dated
 * after anything the fixtures and vectors hold. */
export const followUp = (g) => ({
  at: "2099-01-01T00:00:00+00:00",
  actor: g.snapshot().organiser,
  action: { type: "request_support", topic: "un lieu pour la prochaine séance" },
});

/** After a refusal the handle still works: its document loads back the
 * same, and a valid command is accepted (a closed GEP refuses it with LC01,
 * as any command). */
export function stillWorks(g) {
  const saved = g.save();
  const again = gep.loadDocument(saved);
  assert.equal(again.status, "ok", "the saved document loads");
  assert.equal(again.document, saved, "and saves to the same bytes");
  const events = JSON.parse(saved).events.length;
  const answer = g.apply(followUp(g));
  if (g.state === "declined" || g.state === "cancelled") {
    assert.equal(answer.status, "refused");
    assert.deepEqual(answer.violations.map((v) => v.code), ["LC01"]);
    assert.equal(g.save(), saved);
    return;
  }
  assert.equal(answer.status, "ok", JSON.stringify(answer.violations));
  const log = JSON.parse(g.save()).events;
  assert.equal(log.length, events + 1);
  assert.equal(log.at(-1).event.type, "support_requested");
}

// Nothing is lost by a refusal: for every conformance vector whose last step
// is refused (tests/vectors/), and for every adversarial case that applies a
// command (tests/adversarial/), the Gep handle saved after the refusal is
// byte-identical to its save before the attempt, and the same handle then
// takes a valid command. Vector commands are applied as JSON text and as
// objects; refused exports (contact list, IC record) through their methods.
//
//   node --test gep-wasm/js/

import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_ID, cases, expand, fixtures, gep, givenDocument, jsonFiles, stillWorks } from "./cases.mjs";

const refused = jsonFiles("vectors")
  .flatMap(([file, vectors]) => vectors.map((v) => [file, v]))
  .filter(([, v]) => !("document" in v) && !("document_text" in v) && v.expect.violations.length > 0)
  .map(([file, v]) => [file, v, [...(v.given ? fixtures[v.given] : []), ...(v.commands ?? [])]])
  .filter(([, v, commands]) => v.export || commands.length >= 2); // a refused `propose` leaves no GEP
const commands = refused.filter(([, v]) => !v.export);
const exports = refused.filter(([, v]) => v.export);
const adversarial = cases().filter(([, c]) => c.entry === "apply" && c.expect.status !== "ok");

/** A handle on the GEP before the refused step, and the refused command. */
function upToRefusal(vector, all) {
  const steps = vector.export ? all : all.slice(0, -1);
  const g = gep.Gep.start(vector.gep_id ?? DEFAULT_ID, JSON.stringify(steps[0]));
  for (const c of steps.slice(1)) assert.equal(g.apply(JSON.stringify(c)).status, "ok");
  return [g, vector.export ? null : all.at(-1)];
}

const errorCodes = (answer) => answer.violations.filter((v) => v.severity === "error").map((v) => v.code).sort();

test("the refusals are found", () => {
  // At least as many as today, so that these tests cannot pass on nothing.
  assert.ok(commands.length >= 80, String(commands.length));
  assert.ok(exports.length >= 4, String(exports.length));
  assert.ok(adversarial.length >= 50, String(adversarial.length));
});

for (const [file, vector, all] of commands) {
  for (const form of ["text", "object"]) {
    test(`${file}: ${vector.name} (${form})`, () => {
      const [g, command] = upToRefusal(vector, all);
      const before = g.save();
      const answer = g.apply(form === "text" ? JSON.stringify(command) : command);
      assert.notEqual(answer.status, "ok");
      assert.deepEqual(errorCodes(answer), [...vector.expect.violations].sort());
      assert.equal(g.save(), before, "a refused command changed the GEP");
      stillWorks(g);
      g.free();
    });
  }
}

for (const [file, vector, all] of exports) {
  test(`${file}: ${vector.name} (export)`, () => {
    const [g] = upToRefusal(vector, all);
    const before = g.save();
    const reply = vector.export.type === "contact_list" ? g.contactList(vector.export.requester) : g.icRecord();
    assert.equal(reply.status, "refused");
    assert.equal(g.save(), before);
    stillWorks(g);
    g.free();
  });
}

for (const [file, c] of adversarial) {
  test(`${file}: ${c.name} (adversarial)`, () => {
    const g = gep.Gep.load(givenDocument(c));
    const before = g.save();
    const answer = g.apply(expand(c.input));
    assert.notEqual(answer.status, "ok", c.awaits ? `accepted; awaits: ${c.awaits}` : "accepted");
    assert.equal(g.save(), before, "a refused command changed the GEP");
    stillWorks(g);
    g.free();
  });
}

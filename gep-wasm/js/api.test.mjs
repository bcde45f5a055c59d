// The public JavaScript surface of the Node build (pkg-node): what a build
// script sees.
//
//   node --test gep-wasm/js/

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const gep = require("../pkg-node/gep_wasm.js");
const roster = [{ id: "00000000-0000-0000-0000-000000000002", given_name: "Hélène", family_name: "Dubois-Martin" }];

test("a call that cannot run throws an Error with a code and the violations", () => {
  assert.throws(() => gep.loadDocument(undefined), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.name, "GepError");
    assert.equal(e.code, "IN04");
    assert.deepEqual(e.violations[0].path, ["document"]);
    return true;
  });
  assert.throws(() => gep.Gep.load("{"), (e) => e instanceof Error && e.code === "IN01" && e.violations.length === 1);
});

test("a refusal is an answer with every violation, never a string", () => {
  const answer = gep.loadDocument('{"version": 1}');
  assert.equal(answer.status, "failure");
  for (const v of answer.violations) {
    assert.equal(typeof v.code, "string");
    assert.ok(Array.isArray(v.path));
    assert.ok(v.message_fr && v.message_en);
  }
});

test("spans index JavaScript strings: accents, NFD and emoji", () => {
  for (const text of ["Merci Hélène Dubois-Martin.", "🙂🙂 He\u0301le\u0300ne 👋🏽 hd@exemple.fr", "Hélène".normalize("NFD") + " 🎉"]) {
    const reply = gep.scanText(text, roster);
    assert.equal(reply.status, "ok");
    assert.ok(reply.value.length > 0, text);
    for (const f of reply.value) assert.equal(text.slice(f.start, f.end), f.text);
  }
});

test("a partial proposal form gives its violations by field, in French", () => {
  const reply = gep.validateProposalForm({ theme: "", questions: [] });
  assert.equal(reply.status, "ok");
  const at = (field) => reply.value.violations.find((v) => v.path.join(".") === field);
  assert.equal(at("theme")?.message_fr, "le thème général est vide");
  assert.equal(at("questions")?.code, "DE01");
  assert.equal(reply.value.accepted, false);
});

test("the rules catalogue", () => {
  const rules = gep.rules();
  assert.ok(rules.some((r) => r.code === "DE08" && r.title_fr && r.title_en));
});

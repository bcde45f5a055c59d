// Every adversarial case of tests/adversarial/ through the public JavaScript
// API of the Node build (pkg-node), with the semantics of the Rust runner
// (gep-core/tests/adversarial.rs; tests/README.md, "Adversarial cases"):
// each gets its coded answer, never a trap, a hang or an uncaught exception.
// Then the cases only JavaScript can write: lone surrogates in strings,
// NaN and Infinity in objects, values JSON.stringify cannot write.
//
//   node --test gep-wasm/js/

import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_ID, cases, expand, fixtureDocument, fixtures, gep, givenDocument, stillWorks } from "./cases.mjs";

// No case may take longer (two shared cores).
const SLOW_MS = 20_000;
const ORGANISER = "00000000-0000-0000-0000-000000000001";
const NEWCOMER = "00000000-0000-0000-0000-0000000000c8";
const KNOWN_KEYS = new Set(["name", "about", "entry", "given", "given_document", "gep_id", "roster", "placeholders", "awaits", "input", "expect"]);
const EXPECT_KEYS = new Set(["status", "violations", "paths", "state", "findings"]);

const byText = (a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);
const errors = (violations) => violations.filter((v) => v.severity === "error");

function outcome(answer, extra = {}) {
  const vs = answer.status === "ok" ? [] : errors(answer.violations);
  return {
    status: answer.status,
    violations: vs.map((v) => v.code).sort(),
    paths: vs.map((v) => v.path).sort(byText),
    ...extra,
  };
}

/** A thrown GepError, in the shape of an answer. */
function caught(f) {
  try {
    return { status: "ok", value: f() };
  } catch (e) {
    assert.equal(e.name, "GepError", `not a GepError: ${e}`);
    assert.ok(Array.isArray(e.violations) && e.violations.length > 0);
    return { status: "failure", violations: e.violations };
  }
}

function run(c) {
  const input = expand(c.input);
  switch (c.entry) {
    case "load": {
      const answer = gep.loadDocument(input);
      const got = outcome(answer, answer.status === "ok" ? { state: answer.state } : {});
      // Gep.load throws what loadDocument answers.
      const handle = caught(() => gep.Gep.load(input));
      assert.equal(handle.status === "ok", answer.status === "ok");
      if (handle.status !== "ok") assert.deepEqual(outcome(handle).violations, got.violations);
      else handle.value.free();
      return got;
    }
    case "start": {
      const answer = gep.startGep(c.gep_id ?? DEFAULT_ID, input);
      return outcome(answer, answer.status === "ok" ? { state: answer.state } : {});
    }
    case "apply": {
      const document = givenDocument(c);
      const g = gep.Gep.load(document);
      const before = g.save();
      const answer = g.apply(input);
      // The stateless function answers the same.
      assert.deepEqual(outcome(gep.applyCommand(document, input)), outcome(answer));
      if (answer.status !== "ok") {
        assert.equal(g.save(), before, "a refused command changed the GEP");
        stillWorks(g);
      }
      const got = outcome(answer, answer.status === "ok" ? { state: answer.state } : {});
      g.free();
      return got;
    }
    case "scan": {
      const reply = gep.scanText(input, c.roster);
      return outcome(reply, reply.status === "ok" ? { findings: reply.value.length } : {});
    }
    case "redact":
      return outcome(gep.redactText(input, c.roster, c.placeholders));
    case "plan":
      return outcome(gep.planTables(input));
    default:
      throw new Error(`unknown entry ${c.entry}`);
  }
}

const all = cases();

test("the adversarial cases are found", () => {
  assert.ok(all.length >= 80);
  const names = all.map(([, c]) => c.name);
  assert.equal(new Set(names).size, names.length, "names are unique");
});

for (const [file, c] of all) {
  test(`${file}: ${c.name}`, () => {
    const unknown = [...Object.keys(c).filter((k) => !KNOWN_KEYS.has(k)), ...Object.keys(c.expect).filter((k) => !EXPECT_KEYS.has(k))];
    assert.deepEqual(unknown, [], "keys this runner does not know");
    const started = performance.now();
    const got = run(c);
    const took = performance.now() - started;
    const want = { ...c.expect, violations: [...c.expect.violations].sort() };
    if (want.paths) want.paths = [...want.paths].sort(byText);
    const shown = Object.fromEntries(Object.entries(got).filter(([k]) => k in want));
    assert.deepEqual(shown, want, c.awaits ? `awaits: ${c.awaits}` : undefined);
    assert.ok(took < SLOW_MS, `took ${took} ms`);
  });
}

// ---------------------------------------------------------------------------
// Cases only JavaScript can write.
// ---------------------------------------------------------------------------

const cancel = (reason) => ({ at: "2026-03-01T10:00:00+01:00", actor: ORGANISER, action: { type: "cancel", reason } });
const roster = [{ id: NEWCOMER, given_name: "Zoé", family_name: "Perrin" }];

/** The only error of an answer, as [code, path, context]. */
function only(answer) {
  assert.notEqual(answer.status, "ok");
  assert.equal(answer.violations.length, 1, JSON.stringify(answer.violations));
  const [v] = answer.violations;
  return [v.code, v.path, v.context ?? {}];
}

test("a string with a lone surrogate is IN01 with its offset in UTF-16 code units, never U+FFFD", () => {
  const document = fixtureDocument("announced");
  const broken = document.replace("Lyon", "Ly\uD800on");
  const at = broken.indexOf("\uD800");
  assert.deepEqual(only(gep.loadDocument(broken)), ["IN01", [], { argument: "document", offset: String(at) }]);
  assert.throws(() => gep.Gep.load(broken), (e) => e.name === "GepError" && e.code === "IN01");
  // A trailing surrogate alone, and one at the very end.
  assert.deepEqual(only(gep.loadDocument("\uDC00" + document))[2].offset, "0");
  assert.deepEqual(only(gep.loadDocument(document + "\uD83D"))[2].offset, String(document.length));
  // Commands, plan requests, ids.
  const g = gep.Gep.load(document);
  const before = g.save();
  const text = JSON.stringify(cancel("salle")).replace("salle", "salle \uDFFF");
  assert.deepEqual(only(g.apply(text)).slice(0, 2), ["IN01", []]);
  assert.deepEqual(only(gep.applyCommand(document, text)).slice(0, 2), ["IN01", []]);
  assert.deepEqual(only(gep.startGep(DEFAULT_ID + "\uD800", JSON.stringify(fixtures.proposed[0])))[2].argument, "gepId");
  assert.deepEqual(only(gep.planTables('{"attendees": [], "rounds": 2, "method": "\uD800"}')).slice(0, 2), ["IN01", []]);
  assert.deepEqual(only(g.contactList("\uD800")).slice(0, 2), ["IN01", []]);
  assert.throws(() => gep.Gep.start(DEFAULT_ID, "\uD800"), (e) => e.code === "IN01");
  // Inside objects, JSON.stringify escapes it and the core finds its path.
  assert.deepEqual(only(g.apply(cancel("salle \uD800"))).slice(0, 2), ["IN01", ["action", "reason"]]);
  assert.equal(g.save(), before);
  stillWorks(g);
  g.free();
  // The scanner: the text and the roster.
  assert.deepEqual(only(gep.scanText("🙂 Zoé \uD800 Perrin", roster)), ["IN01", [], { argument: "text", offset: "7" }]);
  assert.deepEqual(only(gep.redactText("Zoé \uDC00", roster)).slice(0, 2), ["IN01", []]);
  assert.deepEqual(only(gep.scanText("Zoé", [{ ...roster[0], family_name: "\uD800" }])).slice(0, 2), ["IN01", [0, "family_name"]]);
  assert.deepEqual(only(gep.redactText("Zoé", roster, { person: "\uDC00" })).slice(0, 2), ["IN01", ["person"]]);
  // Forms.
  assert.deepEqual(only(gep.validateProposalForm('{"theme": "\uD800"}')).slice(0, 2), ["IN01", []]);
});

test("U+FFFD itself and surrogate pairs are text: no false alarm, spans stay UTF-16", () => {
  for (const text of ["Merci \uFFFD Zoé Perrin", "🙂🙂 Zoé Perrin 👋🏽", "\uFFFD🙂\uFFFD Zoé"]) {
    const reply = gep.scanText(text, roster);
    assert.equal(reply.status, "ok", text);
    assert.ok(reply.value.length > 0);
    for (const f of reply.value) assert.equal(text.slice(f.start, f.end), f.text);
  }
  const answer = gep.applyCommand(fixtureDocument("announced"), cancel("salle \uFFFD indisponible"));
  assert.equal(answer.status, "ok");
  assert.ok(answer.document.includes("salle \uFFFD indisponible"));
});

test("UTF-8 bytes (Uint8Array, Buffer, ArrayBuffer) are the text they encode; other bytes are IN01 at their byte", () => {
  const document = fixtureDocument("announced");
  const utf8 = new TextEncoder().encode(document);
  const expected = gep.loadDocument(document);
  assert.equal(expected.status, "ok");
  for (const bytes of [utf8, Buffer.from(document), utf8.buffer.slice(utf8.byteOffset, utf8.byteOffset + utf8.byteLength)]) {
    assert.deepEqual(gep.loadDocument(bytes), expected);
    const g = gep.Gep.load(bytes);
    assert.equal(g.save(), gep.Gep.load(document).save());
    g.free();
  }
  // A command and a plan request as bytes.
  const command = JSON.stringify(cancel("salle indisponible"));
  const applied = gep.applyCommand(document, command);
  assert.equal(applied.status, "ok");
  assert.deepEqual(gep.applyCommand(utf8, new TextEncoder().encode(command)), applied);
  const request = '{"attendees": [], "rounds": 2, "method": "world_cafe"}';
  assert.deepEqual(gep.planTables(Buffer.from(request)), gep.planTables(request));
  // Not UTF-8: IN01 at the root, at the byte where it stops being UTF-8.
  const at = utf8.indexOf(0x4c); // the first "L"
  const broken = Uint8Array.from(utf8);
  broken[at] = 0xff;
  assert.deepEqual(only(gep.loadDocument(broken)), ["IN01", [], { argument: "document", offset: String(at) }]);
  assert.throws(() => gep.Gep.load(broken), (e) => e.name === "GepError" && e.code === "IN01" && e.violations[0].context.offset === String(at));
  // A truncated character at the very end.
  const truncated = new TextEncoder().encode(document + "é").slice(0, utf8.length + 1);
  assert.deepEqual(only(gep.loadDocument(truncated))[2].offset, String(utf8.length));
  // Past the size limit: refused before the bytes are read.
  const big = new Uint8Array(16 * 1024 * 1024 + 1);
  assert.deepEqual(only(gep.loadDocument(big)).slice(0, 2), ["IN09", []]);
  assert.throws(() => gep.Gep.load(big), (e) => e.code === "IN09");
});

test("bytes that cannot be read (a detached buffer, a hostile length) are a GepError; the handle stays usable", () => {
  const g = gep.Gep.load(fixtureDocument("announced"));
  const before = g.save();
  const detachedBuffer = new TextEncoder().encode(JSON.stringify(cancel("salle"))).buffer;
  structuredClone(detachedBuffer, { transfer: [detachedBuffer] });
  const source = new TextEncoder().encode(JSON.stringify(cancel("salle")));
  const detachedView = new Uint8Array(source.buffer);
  structuredClone(source.buffer, { transfer: [source.buffer] });
  const lying = new TextEncoder().encode(JSON.stringify(cancel("salle")));
  Object.defineProperty(lying, "length", { get() { throw new Error("hostile getter"); } });
  for (const [value, code] of [[detachedBuffer, "IN04"], [detachedView, "IN04"]]) {
    assert.throws(() => g.apply(value), (e) => e.name === "GepError" && e.code === code && e.violations[0].path[0] === "command");
    assert.throws(() => gep.Gep.load(value), (e) => e.name === "GepError" && e.code === code);
    assert.throws(() => gep.applyCommand(before, value), (e) => e.name === "GepError" && e.code === code);
    assert.equal(g.save(), before);
  }
  // The engine copies the bytes from its internal slots: the getter never runs.
  assert.equal(g.apply(lying).status, "ok");
  stillWorks(g);
  g.free();
});

test("inputs past the size limit are IN09 before they are copied: long strings, huge or lying buffers", () => {
  const g = gep.Gep.load(fixtureDocument("announced"));
  const before = g.save();
  const limit = 16 * 1024 * 1024;
  // More UTF-16 code units than a document may have bytes: as text and as
  // an object.
  assert.deepEqual(only(g.apply(JSON.stringify(cancel("x".repeat(limit))))).slice(0, 2), ["IN09", []]);
  assert.deepEqual(only(g.apply(cancel("x".repeat(limit)))).slice(0, 2), ["IN09", []]);
  // Fewer units than that, but more UTF-8 bytes ("é" takes two).
  assert.deepEqual(only(g.apply(JSON.stringify(cancel("é".repeat(limit / 2 + 1))))).slice(0, 2), ["IN09", []]);
  assert.deepEqual(only(gep.scanText("é".repeat(limit / 2 + 1), roster)).slice(0, 2), ["IN09", []]);
  // A view whose byteLength is redefined on it: the copy is measured too.
  const lying = new Uint8Array(limit + 1);
  Object.defineProperty(lying, "byteLength", { value: 10 });
  assert.deepEqual(only(g.apply(lying)).slice(0, 2), ["IN09", []]);
  // An object that only has the prototype of Uint8Array, with a length of
  // 10^8: refused at once, nothing copied element by element.
  const fake = Object.setPrototypeOf({ length: 1e8 }, Uint8Array.prototype);
  assert.throws(() => g.apply(fake), (e) => e.name === "GepError" && e.code === "IN04");
  // A buffer of 4 GiB, whose length a u32 wraps to 0 (the engine maps it
  // without touching it).
  assert.deepEqual(only(g.apply(new ArrayBuffer(2 ** 32))).slice(0, 2), ["IN09", []]);
  assert.equal(g.save(), before);
  stillWorks(g);
  g.free();
});

test("a message does not repeat a long value it could not read", () => {
  const command = { ...fixtures.proposed[0], action: "x".repeat(1 << 20) };
  const [v] = gep.startGep(DEFAULT_ID, command).violations;
  assert.deepEqual([v.code, v.path], ["IN04", ["action"]]);
  assert.ok(v.message_en.length <= 203 && v.message_fr.length <= 203, `${v.message_en.length} units`);
  assert.ok(v.message_en.includes(" … "));
});

test("NaN and Infinity in an object are IN04 at their path, not a silent null", () => {
  const document = fixtureDocument("validated");
  const announce = { ...fixtures.announced[2], action: { ...fixtures.announced[2].action } };
  for (const number of [NaN, Infinity, -Infinity]) {
    const g = gep.Gep.load(document);
    const before = g.save();
    announce.action.cap = number;
    assert.deepEqual(only(g.apply(announce)).slice(0, 2), ["IN04", ["action", "cap"]]);
    assert.deepEqual(only(gep.applyCommand(document, announce)).slice(0, 2), ["IN04", ["action", "cap"]]);
    assert.equal(g.save(), before, "the GEP is unchanged: no announcement without a cap");
    stillWorks(g);
    g.free();
    const request = { attendees: [{ id: NEWCOMER }], rounds: number, method: "rotation" };
    assert.deepEqual(only(gep.planTables(request)).slice(0, 2), ["IN04", ["rounds"]]);
    assert.deepEqual(only(gep.scanText("x", [{ ...roster[0], phone: number }])).slice(0, 2), ["IN04", [0, "phone"]]);
    assert.deepEqual(only(gep.validateProposalForm({ theme: number })).slice(0, 2), ["IN04", ["theme"]]);
    assert.deepEqual(only(gep.loadDocument(number)).slice(0, 2), ["IN04", []]);
  }
  // undefined is a field left out, as JSON.stringify writes it.
  announce.action.cap = undefined;
  assert.equal(gep.applyCommand(document, announce).status, "ok");
});

test("values JSON.stringify cannot write are a thrown IN04, never a RangeError or TypeError", () => {
  const document = fixtureDocument("announced");
  let deep = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const cycle = {};
  cycle.self = cycle;
  for (const value of [deep, cycle, { n: 10n }, cancel(deep), cancel(10n)]) {
    for (const call of [() => gep.applyCommand(document, value), () => gep.loadDocument(value), () => gep.planTables(value)]) {
      assert.throws(call, (e) => e.name === "GepError" && e.code === "IN04" && e.violations.length === 1);
    }
  }
  const g = gep.Gep.load(document);
  const before = g.save();
  assert.throws(() => g.apply(cancel(deep)), (e) => e.code === "IN04");
  assert.equal(g.save(), before);
  stillWorks(g);
  g.free();
});

test("JSON text nested 100,000 deep is IN01 or IN04, never a stack overflow", () => {
  const g = gep.Gep.load(fixtureDocument("announced"));
  const before = g.save();
  const text = `{"at": "2026-03-01T10:00:00+01:00", "actor": "${ORGANISER}", "action": {"reason": ${"[".repeat(100_000)}`;
  assert.equal(only(g.apply(text))[0], "IN01");
  assert.equal(only(gep.loadDocument("[".repeat(100_000)))[0], "IN04");
  assert.equal(only(gep.scanText("x", `[{"id": "${NEWCOMER}", "given_name": "Zoé", "family_name": "Perrin", "x": ${"[".repeat(100_000)}`))[0], "IN01");
  assert.equal(g.save(), before);
  stillWorks(g);
  g.free();
});

test("registrations one by one through the handle stop at 2,000 (MAX_REGISTRATIONS)", () => {
  // The handle replays its document at each command: start from 1,990 and
  // register the last ten one at a time, then one more.
  const c = cases().find(([, c]) => c.name === "registration past 2,000 on a document of 2,000")[1];
  const spec = structuredClone(c.given_document);
  const repeat = spec.parts.find((p) => typeof p !== "string");
  repeat.count = 1_990;
  const g = gep.Gep.load(expand(spec));
  const register = (k) => {
    const id = `00000000-0000-0000-0000-${String(200_000 + k).padStart(12, "0")}`;
    return g.apply({
      at: "2026-03-01T10:00:00+01:00",
      actor: id,
      action: {
        type: "register",
        person: { id, given_name: "Léa", family_name: "Martin", email: `q${k}@exemple.fr`, ic_status: "member" },
        role: "participant",
        accepted_confidentiality: true,
      },
    });
  };
  for (let k = 0; k < 10; k++) assert.equal(register(k).status, "ok");
  const before = g.save();
  assert.deepEqual(only(register(10)).slice(0, 1), ["IN09"]);
  assert.equal(g.save(), before);
  stillWorks(g);
  g.free();
});

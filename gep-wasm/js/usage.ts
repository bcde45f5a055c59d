// How a TypeScript page uses the web build; `tsc --noEmit --strict`
// checks it against the generated declarations (scripts/test-wasm.sh).

import init, {
  Gep,
  applyCommand,
  loadDocument,
  planTables,
  redactText,
  rules,
  scanText,
  startGep,
  validateProposalForm,
  validateRegistrationForm,
  type Answer,
  type Command,
  type Finding,
  type GepError,
  type ProposalForm,
  type Violation,
} from "../pkg/gep_wasm.js";

/** The French message of each field, by the field's path. */
export function messagesByField(violations: Violation[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of violations) {
    const key = v.path.join(".");
    out.set(key, [...(out.get(key) ?? []), `${v.code} : ${v.message_fr}`]);
  }
  return out;
}

function isGepError(e: unknown): e is GepError {
  return e instanceof Error && e.name === "GepError" && "code" in e;
}

export async function main(documentText: string, command: Command): Promise<void> {
  await init();

  const form: ProposalForm = { theme: " ", questions: ["Comment ?"], format: { kind: "half_day" } };
  const reply = validateProposalForm(form);
  if (reply.status === "ok") {
    const accepted: boolean = reply.value.accepted;
    console.log(accepted, messagesByField(reply.value.violations));
  } else {
    console.log(reply.violations.map((v) => v.code));
  }

  const answer: Answer = applyCommand(documentText, command);
  switch (answer.status) {
    case "ok":
      console.log(answer.state, answer.snapshot.title, answer.warnings.length, answer.document.length);
      break;
    case "refused":
    case "failure":
      console.log(answer.violations.map((v) => [v.code, v.severity, v.path, v.message_en]));
  }
  console.log(loadDocument(documentText).status, startGep("6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11", command).status);
  // A document read as bytes (a file, a fetch): UTF-8 in a Uint8Array or an ArrayBuffer.
  const bytes = new TextEncoder().encode(documentText);
  console.log(loadDocument(bytes).status, loadDocument(bytes.buffer).status, Gep.load(bytes).state);

  try {
    const gep = Gep.load(documentText);
    const next = gep.apply(command);
    if (next.status !== "ok") console.log(next.violations[0]?.message_fr);
    const people = gep.snapshot().people;
    const roster = people.map((p) => ({ id: p.id, given_name: p.given_name, family_name: p.family_name }));
    const found = scanText("Hélène 🙂", roster);
    if (found.status === "ok") {
      const spans: Finding[] = found.value;
      for (const f of spans) console.log(f.kind, "Hélène 🙂".slice(f.start, f.end));
    }
    const redacted = redactText("Hélène 🙂", roster, { person: "[P{}]" });
    if (redacted.status === "ok") console.log(redacted.value.toUpperCase());
    const registration = gep.validateRegistrationForm({ role: "participant", person: { given_name: "Zoé" } });
    console.log(registration.status, validateRegistrationForm(gep.save(), "{}").status);
    const record = gep.icRecord();
    if (record.status === "ok") console.log(record.value);
    const contacts = gep.contactList("00000000-0000-0000-0000-000000000001");
    if (contacts.status === "ok") console.log(contacts.value.map((c) => c.email));
    gep.free();
  } catch (e) {
    if (isGepError(e)) console.log(e.code, e.violations.length);
    else throw e;
  }

  const plan = planTables({ attendees: [{ id: "00000000-0000-0000-0000-000000000001" }], rounds: 2, method: "rotation" });
  if (plan.status === "ok") console.log(plan.plan.rounds.length);
  for (const r of rules()) console.log(r.code, r.severity, r.title_fr, r.title_en);
}

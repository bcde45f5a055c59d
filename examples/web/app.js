// The IC website's GEP pages, on the web build of gep-wasm: every check is
// gep-core's, run in the browser; this file only reads the forms and shows
// the answers.

import init, {
  Gep,
  planTables,
  redactText,
  scanText,
  validateProposalForm,
} from "../../gep-wasm/pkg/gep_wasm.js";

const GEP_ID = "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11";
const ORGANISER = "00000000-0000-0000-0000-0000000000f1";
const REGISTRANT = "00000000-0000-0000-0000-0000000000f2";
const KINDS = { name: "nom", email: "courriel", phone: "téléphone", organisation: "organisme", best_practice: "« bonnes pratiques »" };

/** RFC 3339 with the browser's UTC offset for that day. */
function timestamp(date, time) {
  const local = new Date(`${date}T${time}:00`);
  const minutes = -local.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  return `${date}T${time}:00${sign}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

const value = (form, name) => form.elements[name].value;
const optional = (text) => (text.trim() === "" ? undefined : text);

/** Shows each violation next to its field: the longest prefix of its path
 * that names a message slot, else the form's general list. */
function show(form, violations, verdict) {
  for (const slot of form.querySelectorAll("[data-error]")) slot.replaceChildren();
  for (const field of form.querySelectorAll(".invalid")) field.classList.remove("invalid");
  for (const v of violations) {
    const path = v.path.map(String);
    let slot = null;
    for (let n = path.length; n >= 0 && !slot; n--) {
      slot = form.querySelector(`[data-error="${CSS.escape(path.slice(0, n).join("."))}"]`);
    }
    const line = document.createElement(slot.tagName === "UL" ? "li" : "span");
    line.className = `violation ${v.severity}`;
    line.dataset.code = v.code;
    line.textContent = (v.severity === "warning" ? "Attention : " : "") + v.message_fr + " ";
    slot.append(line);
    slot.previousElementSibling?.querySelector("input, select, textarea")?.classList.add("invalid");
  }
  const errors = violations.filter((v) => v.severity === "error").length;
  verdict.textContent = errors === 0 ? "Le formulaire respecte la charte." : `${errors} point(s) à corriger.`;
  verdict.classList.toggle("ok", errors === 0);
}

function proposalForm(form) {
  const at = new Date().toISOString();
  const date = value(form, "date");
  const format = { kind: value(form, "kind") };
  if (date && value(form, "start")) format.start = timestamp(date, value(form, "start"));
  if (date && value(form, "end")) format.end = timestamp(date, value(form, "end"));
  return {
    at,
    actor: ORGANISER,
    title: value(form, "title"),
    theme: value(form, "theme"),
    questions: value(form, "questions").split("\n").filter((q) => q.trim() !== ""),
    format,
    venue: { name: value(form, "venue_name"), address: optional(value(form, "venue_address")), city: value(form, "venue_city") },
    team: [{ person: ORGANISER, role: "facilitator" }],
    charter: { accepted: form.elements.charter.checked, version: "2019", accepted_at: at },
    people: [{
      id: ORGANISER,
      given_name: value(form, "given_name"),
      family_name: value(form, "family_name"),
      email: value(form, "email"),
      ic_status: value(form, "ic_status"),
    }],
  };
}

function registrationForm(form, gep) {
  // The demo GEP's log is dated: register just after its last event.
  const at = new Date(Date.parse(gep.snapshot().last_event_at) + 60_000).toISOString();
  return {
    at,
    actor: REGISTRANT,
    person: {
      id: REGISTRANT,
      given_name: value(form, "given_name"),
      family_name: value(form, "family_name"),
      email: value(form, "email"),
      ic_status: "non_member",
    },
    role: value(form, "role"),
    accepted_confidentiality: form.elements.confidentiality.checked,
    on_behalf_of: optional(value(form, "on_behalf_of")),
    purpose: optional(value(form, "purpose")),
  };
}

function checkReport(text, roster) {
  const found = scanText(text, roster);
  const findings = found.status === "ok" ? [...found.value].sort((a, b) => a.start - b.start) : [];
  const view = document.getElementById("report-highlight");
  const parts = [];
  let at = 0;
  for (const f of findings) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start));
    const mark = document.createElement("mark");
    mark.className = f.kind;
    mark.dataset.kind = f.kind;
    mark.title = KINDS[f.kind] ?? f.kind;
    mark.textContent = text.slice(f.start, f.end);
    parts.push(mark);
    at = f.end;
  }
  parts.push(text.slice(at));
  view.replaceChildren(...parts);
  document.getElementById("report-findings").replaceChildren(
    ...findings.map((f) => {
      const li = document.createElement("li");
      li.textContent = `${KINDS[f.kind] ?? f.kind} : « ${f.text} »${f.severity === "error" ? " — à retirer" : ""}`;
      return li;
    }),
  );
  const redacted = redactText(text, roster, null);
  document.getElementById("report-redacted").textContent = redacted.status === "ok" ? redacted.value : "";
}

function showPlan(gep) {
  const snapshot = gep.snapshot();
  const names = new Map(snapshot.people.map((p) => [p.id, `${p.given_name} ${p.family_name}`]));
  const ids = snapshot.registrations?.admitted ?? [];
  const answer = planTables({ attendees: ids.map((id) => ({ id })), rounds: 3, method: "world_cafe", seed: 1 });
  const out = document.getElementById("plan-output");
  if (answer.status !== "ok") {
    out.textContent = answer.violations.map((v) => v.message_fr).join(" ; ");
    return;
  }
  out.replaceChildren(...answer.plan.rounds.map((round, r) => {
    const table = document.createElement("table");
    table.innerHTML = `<caption>Tour ${r + 1}</caption>`;
    round.forEach((seats, t) => {
      const row = table.insertRow();
      row.insertCell().textContent = `Table ${t + 1}`;
      row.insertCell().textContent = seats.map((i) => names.get(ids[i]) ?? ids[i]).join(", ");
    });
    return table;
  }));
}

async function main() {
  await init();
  const fixture = await (await fetch("../../tests/fixtures/announced.json")).json();
  const gep = Gep.start(GEP_ID, fixture[0]);
  for (const command of fixture.slice(1)) gep.apply(command);
  document.getElementById("gep-title").textContent = `« ${gep.snapshot().title} »`;

  const proposal = document.getElementById("proposal-form");
  const day = new Date(Date.now() + 60 * 86_400_000);
  proposal.elements.date.value = day.toISOString().slice(0, 10);
  const checkProposal = () => {
    const reply = validateProposalForm(proposalForm(proposal));
    show(proposal, reply.status === "ok" ? reply.value.violations : reply.violations, document.getElementById("proposal-verdict"));
  };
  proposal.addEventListener("input", checkProposal);
  checkProposal();

  const registration = document.getElementById("registration-form");
  const checkRegistration = () => {
    const reply = gep.validateRegistrationForm(registrationForm(registration, gep));
    show(registration, reply.status === "ok" ? reply.value.violations : reply.violations, document.getElementById("registration-verdict"));
  };
  registration.addEventListener("input", checkRegistration);
  checkRegistration();

  const roster = gep.snapshot().people.map((p) => ({ id: p.id, given_name: p.given_name, family_name: p.family_name }));
  const report = document.getElementById("report-text");
  report.addEventListener("input", () => checkReport(report.value, roster));

  document.getElementById("plan-button").addEventListener("click", () => showPlan(gep));
  document.getElementById("status").textContent = "prêt.";
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  document.getElementById("status").textContent = `erreur : ${e.code ?? ""} ${e.message}`;
  throw e;
});

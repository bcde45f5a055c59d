// End-to-end test of examples/web/ in headless Chromium: serves the
// repository on 127.0.0.1, types into the forms as a person would, and
// checks that the French messages appear next to their fields and go once
// corrected, and that a participant's name in a report is highlighted.
// Screenshots of each state go to artifacts/screenshots/ (git-ignored).
//
//   node gep-wasm/e2e/run.mjs        (after gep-wasm/build.sh)

import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium } from "playwright-core";

const root = join(import.meta.dirname, "..", "..");
const shots = join(root, "artifacts", "screenshots");
mkdirSync(shots, { recursive: true });

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });

async function serve() {
  const port = await freePort();
  const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/examples/web/`)).ok) return { server, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error("the static server did not start");
}

let passed = 0;
let failed = 0;
async function step(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e.stack ?? e).split("\n").join("\n  ")}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const { server, url } = await serve();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  timeout: 60_000,
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}/examples/web/`);
  await page.waitForSelector('body[data-ready="true"]');

  const proposal = page.locator("#proposal");
  const themeMessage = page.locator('#proposal-form [data-error="theme"]');

  await step("the proposal form starts valid", async () => {
    const verdict = await page.locator("#proposal-verdict").textContent();
    const all = await page.locator("#proposal-form .violation").allTextContents();
    expect(verdict.includes("respecte la charte"), `verdict: ${verdict}; ${all.join(" | ")}`);
    await proposal.screenshot({ path: join(shots, "1-proposal-valid.png") });
  });

  await step("typing a blank theme shows the French message next to the field", async () => {
    await page.locator('[name="theme"]').fill("");
    await page.locator('[name="theme"]').pressSequentially("   ");
    await themeMessage.locator('[data-code="DE01"]').waitFor();
    const text = await themeMessage.textContent();
    expect(text.includes("le thème général est vide"), `message: ${text}`);
    expect(await page.locator('[name="theme"].invalid').count() === 1, "the field is marked");
    await proposal.screenshot({ path: join(shots, "2-proposal-theme-invalid.png") });
  });

  await step("correcting the theme makes the message go", async () => {
    await page.locator('[name="theme"]').pressSequentially("Associer les habitants éloignés");
    await themeMessage.locator(".violation").waitFor({ state: "detached" });
    expect((await themeMessage.textContent()) === "", "no message left");
    expect((await page.locator("#proposal-verdict").textContent()).includes("respecte la charte"), "valid again");
    await proposal.screenshot({ path: join(shots, "3-proposal-theme-corrected.png") });
  });

  await step("the registration form refuses an observer, in French, next to the role", async () => {
    const registration = page.locator("#registration");
    const roleMessage = page.locator('#registration-form [data-error="role"]');
    expect((await page.locator("#registration-verdict").textContent()).includes("respecte"), "starts valid");
    await page.locator('#registration-form [name="role"]').selectOption("observer");
    await roleMessage.locator('[data-code="PR07"]').waitFor();
    await registration.screenshot({ path: join(shots, "4-registration-observer.png") });
    await page.locator('#registration-form [name="role"]').selectOption("participant");
    await roleMessage.locator(".violation").waitFor({ state: "detached" });
  });

  await step("a report naming a participant is highlighted and redacted", async () => {
    const report = "Merci à Karim Benali 🙂 et à Hélène pour l'accueil. Contact : karim.benali@exemple.fr";
    await page.locator("#report-text").fill(report);
    const mark = page.locator('#report-highlight mark[data-kind="name"]').first();
    await mark.waitFor();
    const marked = await page.locator('#report-highlight mark[data-kind="name"]').allTextContents();
    expect(marked.includes("Karim Benali"), `marked: ${marked.join(" | ")}`);
    expect((await page.locator('#report-highlight mark[data-kind="email"]').count()) === 1, "the e-mail is marked");
    const redacted = await page.locator("#report-redacted").textContent();
    expect(!redacted.includes("Karim") && !redacted.includes("@") && redacted.includes("🙂"), `redacted: ${redacted}`);
    await page.locator("#report").screenshot({ path: join(shots, "5-report-highlighted.png") });
  });

  await step("the table plan of the day", async () => {
    await page.locator("#plan-button").click();
    await page.locator("#plan-output table").first().waitFor();
    expect((await page.locator("#plan-output table").count()) === 3, "three rounds");
    await page.locator("#plan").screenshot({ path: join(shots, "6-table-plan.png") });
  });

  await step("no error in the page", async () => {
    expect(errors.length === 0, errors.join("\n"));
    await page.screenshot({ path: join(shots, "0-page.png"), fullPage: true });
  });
} finally {
  await browser.close();
  server.kill();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

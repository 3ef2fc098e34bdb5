// "Envoyer par courriel" end to end: the pane built with a Microsoft 365 client id, in
// Chromium, signing in through the stub's nested app authentication bridge (the token
// provider replaced in tests only) and sending through Graph, whose address Playwright routes
// to the local HTTPS fake. Every recipient exactly once, 429 honoured, the example to self,
// cancel and resume from the downloaded journal; and the pane built without a client id.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { launchChromium, OFFICE_JS, PANE, seriousViolations, STUB } from "./browser";
import { serve } from "./server";
import { FakeGraph, startFakeGraph } from "../helpers/fake-graph";
import { CSV, PEOPLE, WITH_ADDRESS } from "../helpers/mail-people";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const M365 = path.join(ROOT, "test", "out", "dist-m365");
const OUT = path.join(ROOT, "test", "out", "e2e");
const CLIENT_ID = "3f5d2c1a-8b7e-4d6f-9a0b-1c2d3e4f5a6b";
const ME = "secretariat@college.example";
const ADDRESSES = WITH_ADDRESS.map((p) => p[7]);

let browser: Browser;
let graph: FakeGraph;
let plain: { url: string; close: () => Promise<void> };
let m365: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run npm run build first");
  fs.mkdirSync(OUT, { recursive: true });
  // The same sources built as a school's administrator would: ADDIN_CLIENT_ID=… ADDIN_TENANT_ID=… npm run build.
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ADDIN_CLIENT_ID: CLIENT_ID,
      ADDIN_TENANT_ID: "college-exemple.fr",
      ADDIN_OUTPUT_DIR: path.relative(ROOT, M365),
    },
    stdio: "pipe",
  });
  [plain, m365, graph, browser] = await Promise.all([serve(DIST), serve(M365), startFakeGraph(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([plain?.close(), m365?.close(), graph?.close()]);
});

beforeEach(() => {
  graph.sent.length = 0;
  graph.script.length = 0;
  graph.requests = 0;
  graph.delayMs = 0;
});

interface Pane {
  page: Page;
  requests: string[];
  problems: string[];
}

/** The pane in the stub of Word; Graph's address answered by the local fake. */
async function openPane(site: { url: string }): Promise<Pane> {
  const context = await browser.newContext({ viewport: PANE, ignoreHTTPSErrors: true, acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: STUB }));
  await page.route("https://graph.microsoft.com/**", async (route) => {
    const cors = {
      "access-control-allow-origin": site.url,
      "access-control-allow-headers": "authorization, content-type",
      "access-control-allow-methods": "POST",
    };
    if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    try {
      const response = await route.fetch({
        url: route.request().url().replace("https://graph.microsoft.com/v1.0", graph.url),
      });
      await route.fulfill({ response, headers: { ...response.headers(), ...cors } });
    } catch {
      // The page aborted the request (« Annuler ») or went away: nobody waits for this answer.
    }
  });
  await page.goto(`${site.url}/taskpane.html`);
  await page.getByText("Word prêt (PC).").waitFor();
  return { page, requests, problems };
}

/** The parents export with addresses, the parents letter, and step 5 open. */
async function readyToSend(site: { url: string }): Promise<Pane> {
  const pane = await openPane(site);
  const { page } = pane;
  await page.setInputFiles("#file-input", { name: "parents.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.click("button[data-letter=parents]");
  await page.locator("#letter-outline").filter({ hasText: "Courrier parents" }).waitFor();
  await page.click("#mail-toggle");
  await page.locator("#mail-recipients").filter({ hasText: "à envoyer" }).waitFor();
  return pane;
}

/** Clicks a sending button and accepts the pink passages left as the model wrote them. */
async function start(page: Page, button: string): Promise<void> {
  await page.click(button);
  await page.locator("#confirm-replace-text").filter({ hasText: "Envoyer quand même ?" }).waitFor();
  await page.click("#confirm-replace-yes");
}

async function downloadJournal(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#mail-journal-link")]);
  const file = path.join(OUT, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

describe("the pane built without a client id", () => {
  it("explains that sending needs Microsoft 365, who to ask and the paper way, and connects nowhere", async () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toContain("connect-src 'none';");
    const { page, requests } = await openPane(plain);
    await page.click("#mail-toggle");
    const text = await page.textContent("#mail-unavailable");
    expect(text).toContain("passe par la messagerie Microsoft 365");
    expect(text).toContain("imprimez-les");
    expect(text).not.toContain("courriers-ent");
    expect(await page.isHidden("#mail-ready")).toBe(true);
    // The sender and MSAL are never loaded.
    expect(requests.filter((r) => /\/(mail|\d+)\.js$/.test(r))).toEqual([]);
    await page.context().close();
  });
});

describe("the pane built with a client id (ADDIN_CLIENT_ID)", () => {
  it("opens connect-src to Microsoft's sign-in and Graph only, and loads the sender when step 5 opens", async () => {
    const html = fs.readFileSync(path.join(M365, "taskpane.html"), "utf8");
    expect(html).toContain("connect-src https://graph.microsoft.com https://login.microsoftonline.com;");
    const { page, requests } = await openPane(m365);
    expect(requests.filter((r) => r.endsWith("/mail.js"))).toEqual([]);
    // Any other address is refused by the page itself.
    const blocked = await page.evaluate("fetch('https://example.org/').then(() => 'passé', (e) => 'refusé')");
    expect(blocked).toBe("refusé");
    await page.click("#mail-toggle");
    await page.locator("#mail-unavailable").filter({ hasText: "Choisissez d'abord" }).waitFor();
    expect(requests.some((r) => r.endsWith("/mail.js"))).toBe(true);
    await page.context().close();
  });

  it("sends an example to the signed-in user, then each recipient exactly once, honouring 429", async () => {
    const { page, requests, problems } = await readyToSend(m365);
    expect(await page.textContent("#mail-recipients")).toBe(
      "4 messages à envoyer ; 3 personnes sans adresse : courrier papier.",
    );
    await page.click("#mail-paper summary");
    const paper = await page.textContent("#mail-paper-list");
    expect(paper).toContain("Jean DUPONT (jean.dupont) : pas d'adresse électronique");
    expect(paper).toContain("il manque @");
    expect(await page.isHidden("#mail-limits")).toBe(true);
    // The subject is styled like every input and as wide as the pane: the default subject shows whole.
    const subject = await page.locator("#mail-subject").evaluate((el) => {
      const style = getComputedStyle(el);
      return { width: el.getBoundingClientRect().width, radius: style.borderTopLeftRadius };
    });
    expect(subject.width).toBeGreaterThan(290);
    expect(subject.radius).not.toBe("0px");
    expect(await seriousViolations(page)).toEqual([]);
    const shot = path.join(OUT, "5-courriel.png");
    await page.screenshot({ path: shot, fullPage: true });
    // `npm run screenshots`: the README shows the step as it is.
    if (process.env.README_SCREENSHOTS) fs.copyFileSync(shot, path.join(ROOT, "docs", "images", "volet-courriel.png"));

    await page.fill("#mail-subject", "Identifiants ENT de {Prénom} {Nom}");
    await start(page, "#mail-sample");
    await page.locator("#mail-status").filter({ hasText: "Exemple accepté" }).waitFor();
    // The answer is on screen at Word's pane size, without scrolling (issue 32), once the
    // list of paper letters read above is folded again.
    await page.click("#mail-paper summary");
    await page.evaluate("window.scrollTo(0, 0)");
    const said = await page.locator("#mail-status").evaluate((el) => el.getBoundingClientRect().bottom);
    expect(said).toBeLessThanOrEqual(PANE.height);
    expect(graph.sent.map((m) => [m.to, m.subject])).toEqual([[ME, "[Exemple] Identifiants ENT de Zoé LÉGER"]]);
    // The first person (by class) who will get a message: the secretary reads their letter.
    expect(graph.sent[0].html).toContain("Kp9qW2zz");
    expect(await page.textContent("#mail-status")).toContain(
      `Exemple accepté pour ${ME} (le courrier de Zoé LÉGER) : vérifiez-le avant d'envoyer à tous.`,
    );

    graph.sent.length = 0;
    graph.script.push([429, "1"]);
    await start(page, "#mail-send");
    await page.locator("#mail-status").filter({ hasText: "4 messages acceptés par Microsoft 365" }).waitFor();
    expect(graph.sent.map((m) => m.to).sort()).toEqual([...ADDRESSES].sort());
    for (const person of WITH_ADDRESS) {
      const m = graph.sent.find((x) => x.to === person[7])!;
      expect(m.subject).toBe(`Identifiants ENT de ${person[1]} ${person[0]}`);
      expect(m.html).toContain(person[3]); // their own password
      for (const other of PEOPLE.filter((p) => p !== person)) expect(m.html).not.toContain(other[3]);
    }
    // The 429 was answered after its Retry-After, then the message went once.
    expect(graph.requests).toBe(1 + 1 + 4);
    expect(requests.filter((r) => r.startsWith("POST https://graph.microsoft.com/v1.0/me/sendMail"))).toHaveLength(6);
    expect(await page.textContent("#mail-outline")).toBe("");
    expect(await page.textContent("#mail-recipients")).toContain("0 message à envoyer ; 4 déjà envoyés (journal)");
    expect(await page.isDisabled("#mail-send")).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // The journal: one line per message, no password, no body.
    const journal = fs.readFileSync(await downloadJournal(page), "utf8");
    expect(journal.trim().split("\n")).toHaveLength(4);
    for (const p of PEOPLE) expect(journal).not.toContain(p[3]);
    expect(journal).not.toContain("<p");
    // Nothing stored by the pane or by MSAL.
    expect(await page.evaluate("localStorage.length + sessionStorage.length")).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("cancels mid-run (the request in flight too), and resumes from the downloaded journal without sending anyone twice", async () => {
    graph.delayMs = 700;
    const first = await readyToSend(m365);
    await start(first.page, "#mail-send");
    await first.page.locator("#mail-counts").filter({ hasText: "Acceptés : 2" }).waitFor();
    await first.page.click("#mail-cancel");
    await first.page.locator("#mail-status").filter({ hasText: "Envoi annulé" }).waitFor();
    const sentFirst = graph.sent.map((m) => m.to);
    expect(sentFirst.length).toBeGreaterThanOrEqual(2);
    expect(sentFirst.length).toBeLessThan(4);
    const journal = await downloadJournal(first.page);
    expect(path.basename(journal)).toBe("envoi-parents.jsonl");
    // « Annuler » aborts the request in flight: that message is « incertain », never resent unasked.
    const lines = fs
      .readFileSync(journal, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.to)).toEqual(sentFirst);
    const uncertain = lines.filter((l) => l.uncertain).length;
    expect(uncertain).toBeLessThanOrEqual(1);
    await first.page.context().close();

    // A new pane (Word closed and opened again): the same export, the journal loaded back.
    graph.delayMs = 0;
    const second = await readyToSend(m365);
    await second.page.setInputFiles("#mail-journal", journal);
    await second.page.locator("#mail-status").filter({ hasText: "chargé" }).waitFor();
    const accepted = sentFirst.length - uncertain;
    expect(await second.page.textContent("#mail-recipients")).toContain(
      `${4 - sentFirst.length} message${4 - sentFirst.length > 1 ? "s" : ""} à envoyer ; ${accepted} déjà envoyé${accepted > 1 ? "s" : ""} (journal)${uncertain ? " ; 1 incertain (voir ci-dessous)" : ""}`,
    );
    await start(second.page, "#mail-send");
    await second.page.locator("#mail-status").filter({ hasText: "accepté" }).waitFor();
    const all = graph.sent.map((m) => m.to);
    expect(all.sort()).toEqual([...ADDRESSES].sort());
    await second.page.context().close();
  });
});

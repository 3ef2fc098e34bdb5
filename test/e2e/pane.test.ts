// The task pane as a user drives it, in Chromium, against a stub of Office and Word:
// load an export, insert a letter and fields, preview, merge; then the letters Word
// received are rendered by LibreOffice. Also: no request leaves the machine, nothing is
// stored, no serious accessibility violation, and the pane copes without Office.
import * as fs from "fs";
import { strToU8, zipSync } from "fflate";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { launchChromium, OFFICE_JS, PANE, seriousViolations, STUB } from "./browser";
import { pdfPages, toPdf } from "../render/libreoffice";
import { serve } from "./server";
import { exportPath } from "../fixtures";
import { assertValidDocx } from "../helpers/check-docx";
import { describeErrors, ooxmlErrors } from "../render/ooxml-validator";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test", "out", "e2e");
const SAMPLE = exportPath("moncollege-parents.csv");

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run npm run build first");
  fs.mkdirSync(OUT, { recursive: true });
  server = await serve(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watch {
  page: Page;
  requests: string[];
  problems: string[];
}

async function openPane(
  office: "stub" | "offline",
  media: { colorScheme?: "dark" | "light"; forcedColors?: "active" | "none" } = {},
): Promise<Watch> {
  const context = await browser.newContext({ viewport: PANE, ...media });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !(office === "offline" && /Failed to load resource|ERR_/.test(m.text())))
      problems.push(`console: ${m.text()}`);
  });
  await page.route(OFFICE_JS, (route) =>
    office === "stub"
      ? route.fulfill({ contentType: "text/javascript", body: STUB })
      : route.abort("internetdisconnected"),
  );
  await page.goto(`${server.url}/taskpane.html`);
  return { page, requests, problems };
}

const README_IMAGES = path.join(ROOT, "docs", "images");

/**
 * The next action is on screen as the pane opens it: not scrolled to, inside 350 × 700, and
 * the page itself needs no vertical scroll to get there.
 */
async function onScreen(page: Page, selector: string): Promise<void> {
  const el = page.locator(selector).first();
  await el.waitFor();
  // From the top of the pane, where the user reads the step that just opened.
  await page.evaluate("window.scrollTo(0, 0)");
  const where = await el.evaluate((node) => {
    const box = node.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, scrolled: window.scrollY };
  });
  expect(where.scrolled).toBe(0);
  expect(where.top).toBeGreaterThanOrEqual(0);
  expect(where.bottom).toBeLessThanOrEqual(PANE.height);
}

/**
 * A screenshot of the pane for the test report; `readme` names the README image it also
 * becomes when run with README_SCREENSHOTS=1 (`npm run screenshots`), so the README shows
 * the pane as it is.
 */
async function shot(page: Page, name: string, readme?: string): Promise<void> {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (readme && process.env.README_SCREENSHOTS) fs.copyFileSync(file, path.join(README_IMAGES, readme));
}
/** Polls the stub until `fn` holds (waitForFunction would evaluate a string, which the pane's CSP forbids). */
async function until(page: Page, fn: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await stub<boolean>(page, fn)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`jamais vrai : ${fn}`);
}
/** The pane in Word with the export read and the parents letter inserted. */
async function withParentsLetter(): Promise<Page> {
  const { page } = await openPane("stub");
  await page.getByText("Word prêt (PC).").waitFor();
  await page.setInputFiles("#file-input", SAMPLE);
  await page.click("button[data-letter=parents]");
  await page.locator("#letter-outline").filter({ hasText: "Courrier parents" }).waitFor();
  return page;
}

const stub = <T>(page: Page, fn: string): Promise<T> =>
  page.evaluate(`(() => { const s = window.__wordStub; return ${fn}; })()`) as Promise<T>;

describe("the built add-in (dist/)", () => {
  it("holds the pane, the command page, the manifest and the assets, and no test stub", () => {
    for (const f of [
      "taskpane.html",
      "taskpane.js",
      "taskpane.css",
      "commands.html",
      "commands.js",
      "auth-dialog.html",
      "auth-dialog.js",
      "manifest.xml",
      "help.html",
      "assets/icon-16.png",
      "assets/icon-80.png",
      "assets/templates/parents.docx",
    ]) {
      expect(fs.existsSync(path.join(DIST, f))).toBe(true);
    }
    const shipped = fs.readdirSync(DIST, { recursive: true }).map(String);
    expect(shipped.filter((f) => /stub/i.test(f))).toEqual([]);
    expect(fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8")).not.toContain("__wordStub");
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(
      /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/,
    );
    expect(html).toMatch(/Content-Security-Policy[\s\S]*connect-src 'none'/);
  });
});

describe("task pane in Word (stub host)", () => {
  let w: Watch;
  beforeAll(async () => {
    w = await openPane("stub");
    await w.page.getByText("Word prêt (PC).").waitFor();
  });

  it("1. Données: reads the export and says what it found", async () => {
    const { page } = w;
    await onScreen(page, "label[for=file-input]");
    await page.setInputFiles("#file-input", SAMPLE);
    // The data step closes to one line and the letter step opens, its buttons on screen.
    await page.locator("#data-outline").filter({ hasText: "moncollege-parents.csv — 40 parents" }).waitFor();
    await onScreen(page, "button[data-letter=parents]");
    await page.click("#data-toggle");
    await page.locator("#file-line").filter({ hasText: "40 comptes lus" }).waitFor();
    expect(await page.textContent("#file-line")).toContain("Windows-1252, séparateur point-virgule (;)");
    expect(await page.textContent("#profile-counts")).toContain("Parents : 40");
    expect(await page.textContent("#letter-count")).toBe("40 courriers seront créés.");
    // Choose one level: the letters to make are those parents.
    await page.selectOption("#level-filter", "6EME");
    const count = (await page.textContent("#letter-count"))!;
    expect(count).toMatch(/^\d+ courriers seront créés\.$/);
    await page.click("#columns-details summary");
    await shot(page, "1-donnees", "volet-donnees.png");
  });

  it("2. Courrier: inserts a ready letter and fields, with a space between two fields", async () => {
    const { page } = w;
    await page.click("#letter-toggle");
    await onScreen(page, "button[data-letter=parents]");
    await page.click("button[data-letter=parents]");
    // Done: the preview opens, and the letter step says what is left to do.
    await page.locator("#letter-outline").filter({ hasText: "Courrier parents — " }).waitFor();
    await onScreen(page, "#preview-start");
    const report = (await page.textContent("#document-report"))!;
    expect(report).toContain("Mot de passe");
    expect(report).toContain("Passages en rose à compléter : nom de l'établissement, adresse de l'établissement");
    await page.click("#letter-toggle");
    await page.getByRole("button", { name: "Prénom", exact: true }).click();
    await page.getByRole("button", { name: "Login", exact: true }).click();
    const inserted = await stub<Array<{ tag?: string; space?: boolean }>>(
      page,
      "s.inserted.map((c) => ({ tag: c.tag, space: c.space }))",
    );
    expect(inserted).toEqual([{ tag: "ent:firstName" }, { space: true }, { tag: "ent:login" }]);
    await shot(page, "2-courrier");
  });

  it("3. Aperçu: shows one person in the document, finds another, restores the field names", async () => {
    const { page } = w;
    await page.click("#preview-toggle");
    await onScreen(page, "#preview-start");
    await page.click("#preview-start");
    await page
      .locator("#preview-position")
      .filter({ hasText: /^1 \/ \d+$/ })
      .waitFor();
    const first = (await page.textContent("#preview-person"))!;
    const texts = () => stub<string[]>(page, "s.controls.map((c) => c.text)");
    // The document shows the password masked; the pane shows it in full.
    await until(page, "s.controls.some((c) => /^•{6,8}$/.test(c.text))");
    await page
      .locator("#preview-password")
      .filter({ hasText: /^[A-Za-z0-9]{6,8}$/ })
      .waitFor();
    await page.click("#preview-next");
    await page
      .locator("#preview-position")
      .filter({ hasText: /^2 \/ / })
      .waitFor();
    expect(await page.textContent("#preview-person")).not.toBe(first);
    await page.fill("#preview-query", "Œlise Morel"); // accents and case do not matter
    await page.press("#preview-query", "Enter");
    await page.locator("#preview-person").filter({ hasText: "lise.morel" }).waitFor();
    expect(await page.textContent("#preview-password")).toBe("EGX0HBcr");
    expect(await texts()).not.toContain("EGX0HBcr");
    await shot(page, "3-apercu");
    // By keyboard: the full-page screenshot just taken may leave the layout moving under a click.
    await page.focus("#preview-stop");
    await page.keyboard.press("Enter");
    await until(page, "s.controls.some((c) => c.text === '«Mot de passe»')");
    // Left: the merge step opens, « Créer les courriers » on screen.
    await onScreen(page, "#merge-start");
    expect(await page.textContent("#preview-position")).toMatch(/^– \//);
    const restored = await texts();
    expect(restored).not.toContain("EGX0HBcr");
    expect(restored).toContain("«Mot de passe»");
  });

  it("4. Fusion: Word receives one document with one page per selected person", async () => {
    const { page } = w;
    const expected = Number(/^(\d+)/.exec((await page.textContent("#letter-count"))!)![1]);
    const syncsBefore = await stub<number>(page, "s.syncs");
    await page.click("#merge-start");
    // The ready letter's pink passages are still its model text: the pane asks first.
    await page.locator("#confirm-replace-text").filter({ hasText: "Passages en rose non complétés" }).waitFor();
    await page.click("#confirm-replace-yes");
    // Created; the status also says why no QR code was printed (the ENT address is the model).
    await page.locator("#merge-status").filter({ hasText: "courriers créés" }).waitFor();
    expect(await page.textContent("#merge-status")).toContain("Codes QR non imprimés");
    expect(await page.textContent("#merge-status")).toContain(`${expected} courriers créés`);
    await shot(page, "4-fusion", "volet-fusion.png");
    const created = await stub<string[]>(page, "s.created");
    expect(created).toHaveLength(1);
    expect((await stub<number>(page, "s.syncs")) - syncsBefore).toBeLessThanOrEqual(3);
    const file = path.join(OUT, "courriers.docx");
    fs.writeFileSync(file, Buffer.from(created[0], "base64"));
    assertValidDocx(fs.readFileSync(file));
    expect(describeErrors(ooxmlErrors(file))).toEqual([]);
    const pages = pdfPages(toPdf([file], OUT)[0]);
    expect(pages).toHaveLength(expected);
    for (const p of pages) expect(p).toMatch(/Identifiant\s:\s\S+/);
    // The fields inserted through the pane were merged too: "Prénom Login" on every page.
    expect(pages.every((p) => /\n\s*\S+ \S+\.\S+\s*\n/.test(p))).toBe(true);
  });

  it("requested nothing beyond the local server and the office.js address, and stored nothing", async () => {
    const { page, requests, problems } = w;
    const foreign = requests.filter(
      (u) => !u.startsWith(server.url) && u !== OFFICE_JS && !u.startsWith("blob:") && !u.startsWith("data:"),
    );
    expect(foreign).toEqual([]);
    const storage = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      cookies: document.cookie,
    }));
    expect(storage).toEqual({ local: 0, session: 0, idb: 0, cookies: "" });
    expect(problems).toEqual([]);
  });

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    expect(await seriousViolations(w.page)).toEqual([]);
  });

  it("clears the data on request", async () => {
    const { page } = w;
    await page.click("#data-toggle");
    await page.click("#clear-data");
    expect(await page.isHidden("#data-summary")).toBe(true);
    expect(await page.textContent("#letter-count")).toBe("");
  });
});

describe("task pane where Word cannot open the new document", () => {
  it("offers the letters as a download", async () => {
    const page = await withParentsLetter();
    await page.evaluate("window.__wordStub.failOpen = true");
    await page.click("#merge-toggle");
    await page.click("#merge-start");
    // The ready letter's pink passages are still its model text: the pane asks first.
    await page.locator("#confirm-replace-text").filter({ hasText: "Passages en rose non complétés" }).waitFor();
    await page.click("#confirm-replace-yes");
    await page.locator("#merge-download").waitFor();
    expect(await page.textContent("#merge-status")).toContain("Téléchargez-les");
    const download = page.waitForEvent("download");
    await page.click("#download-link");
    const file = path.join(OUT, "telechargement.docx");
    await (await download).saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    await shot(page, "4-fusion-telechargement");
  });
});

describe("task pane opened outside Office (office.js cannot load)", () => {
  it("says so in the pane instead of throwing, and still reads a file", async () => {
    const { page, problems } = await openPane("offline");
    await page.locator("#host-status").filter({ hasText: "Word n'est pas disponible" }).waitFor();
    await page.setInputFiles("#file-input", SAMPLE);
    await page.locator("#file-line").filter({ hasText: "40 comptes lus" }).waitFor();
    expect(await page.isDisabled("#merge-start")).toBe(true);
    expect(problems).toEqual([]);
    await shot(page, "0-sans-word");
  });

  it("names an unusable file in French", async () => {
    const { page } = await openPane("offline");
    await page.setInputFiles("#file-input", {
      name: "rentree.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("%PDF-1.4 ..."),
    });
    await page.locator("#message").filter({ hasText: "« rentree.csv » est un document PDF" }).waitFor();
    // An error says so by its icon too, not by its colour alone.
    const icon = await page.locator("#message").evaluate((el) => getComputedStyle(el, "::before").content);
    expect(icon).toBe('"!"');
  });
});

describe("reading a file off Word's thread (import-worker.js)", () => {
  /** The longest task the page's own thread ran while `during` did its work (Long Tasks API). */
  async function longestTask(page: Page, during: () => Promise<void>): Promise<number> {
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: "longtask" });
    });
    await during();
    return page.evaluate(() => (window as unknown as { longest: number }).longest);
  }

  it("reads a large export in the worker, the pane never blocked 100 ms, and refuses a hostile workbook there", async () => {
    const { page, requests, problems } = await openPane("stub");
    await page.getByText("Word prêt (PC).").waitFor();
    // 3,000 pupils (a big cité scolaire): a 200 KB file.
    const lines = ["Nom;Prénom;Login;Mot de passe;Classe;Profil"];
    for (let i = 0; i < 3000; i++) lines.push(`NOM${i};Prénom${i};eleve.${i};Pw${100000 + i};${3 + (i % 4)}A;Élève`);
    const longest = await longestTask(page, async () => {
      await page.setInputFiles("#file-input", {
        name: "cite.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(lines.join("\n"), "utf8"),
      });
      await page
        .locator("#file-line")
        .filter({ hasText: /3.000 comptes lus/ })
        .waitFor({ state: "attached" });
    });
    expect(requests.some((r) => r.endsWith("/import-worker.js"))).toBe(true);
    expect(longest).toBeLessThan(100);

    // A workbook whose shared strings never close: refused by the worker, in French.
    const xlsx = zipSync({
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      "xl/workbook.xml": strToU8(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
      ),
      "xl/sharedStrings.xml": strToU8(`<sst>${"<si><t>x</t>".repeat(5000)}</sst>`),
      "xl/worksheets/sheet1.xml": strToU8("<worksheet><sheetData/></worksheet>"),
    });
    await page.setInputFiles("#file-input", {
      name: "piege.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(xlsx),
    });
    await page.locator("#message").filter({ hasText: "« piege.xlsx » n'est pas un classeur Excel lisible" }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe("keyboard", () => {
  it("reaches the file picker and keeps the focus on a filter after it re-renders", async () => {
    const { page } = await openPane("stub");
    await page.getByText("Word prêt (PC).").waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("data-toggle");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("file-input");
    await page.setInputFiles("#file-input", SAMPLE);
    // The letter step opened and took the focus; Enter on the data step's title opens it again.
    await page.locator("#data-outline").filter({ hasText: "40 parents" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("letter-toggle");
    await page.focus("#data-toggle");
    await page.keyboard.press("Enter");
    await page.locator("#file-line").filter({ hasText: "40 comptes lus" }).waitFor();
    await page.focus('input[value="parent"]');
    await page.keyboard.press("Space");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe("parent");
    expect(await page.isChecked('input[value="parent"]')).toBe(true);
  });
});

describe("column mapping", () => {
  it("lets the user change which column fills a field", async () => {
    const { page } = await openPane("stub");
    await page.getByText("Word prêt (PC).").waitFor();
    await page.setInputFiles("#file-input", SAMPLE);
    await page.locator("#data-outline").filter({ hasText: "40 parents" }).waitFor();
    await page.click("#data-toggle");
    await page.click("#columns-details summary");
    await page.getByLabel("Champ rempli par la colonne Élève").selectOption("");
    // The field buttons are in the letter step, closed meanwhile.
    const button = (name: string) => page.getByRole("button", { name, exact: true, includeHidden: true });
    await button("Élève").waitFor({ state: "attached" });
    expect(await button("Enfant(s)").count()).toBe(0);
    await page.getByLabel("Champ rempli par la colonne Élève").selectOption("children");
    await button("Enfant(s)").waitFor({ state: "attached" });
  });
});

describe("at Word's pane size (350 × 700)", () => {
  it("goes from the export to the letters in 4 actions, each on screen without scrolling", async () => {
    const { page } = await openPane("stub");
    await page.getByText("Word prêt (PC).").waitFor();
    const actions: string[] = [];
    const act = async (selector: string, run: () => Promise<void>) => {
      await onScreen(page, selector);
      // axe at every step, as the user reaches it.
      expect(await seriousViolations(page)).toEqual([]);
      actions.push(selector);
      await run();
    };
    await act("label[for=file-input]", () => page.setInputFiles("#file-input", SAMPLE));
    await act("button[data-letter=parents]", () => page.click("button[data-letter=parents]"));
    await page.locator("#letter-outline").filter({ hasText: "passages à compléter" }).waitFor();
    // Meanwhile the secretary completes the pink passages in the document, in Word.
    await page.evaluate(`for (const c of window.__wordStub.controls)
      if (c.tag.startsWith("ent:edit:")) c.text = "Collège Jean Moulin";`);
    await act("#merge-toggle", () => page.click("#merge-toggle"));
    await act("#merge-start", () => page.click("#merge-start"));
    await page.locator("#merge-status").filter({ hasText: "courriers créés" }).waitFor();
    expect(actions).toHaveLength(4);
    expect(await stub<number>(page, "s.created.length")).toBe(1);
    expect(await page.isHidden("#confirm-replace")).toBe(true);
  });

  it.each([
    [
      "mixed profiles, rows set aside",
      "Nom;Prénom;Login;Mot de passe;Profil;Classe\nA;Zoé;zoe.a;PW1;Élève;6A\nB;Léo;leo.b;PW2;Parent;6A\nC;Ali;;PW3;Enseignant;\nD;Noé;noe.d;PW4;Personnel;\n",
    ],
    ["no class column", "Nom;Prénom;Login;Mot de passe\nA;Zoé;zoe.a;PW1\nB;Léo;leo.b;PW2\n"],
  ])("with %s, the next action is on screen at 350 × 700 and the problems one click away", async (_shape, csv) => {
    const { page } = await openPane("stub");
    await page.getByText("Word prêt (PC).").waitFor();
    await page.setInputFiles("#file-input", { name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.locator("#letter-body").waitFor();
    await onScreen(page, "button[data-letter=parents]");
    if (csv.includes(";;PW3")) {
      expect(await page.textContent("#data-outline")).toContain("1 ligne écartée");
      await page.click("#data-toggle");
      await onScreen(page, "#problems-summary");
    }
  });

  it("keeps « Créer » on screen with « Distribution en classe… » open", async () => {
    const page = await withParentsLetter();
    await page.click("#merge-toggle");
    await page.click("#classroom summary");
    await page.check("#by-class");
    await onScreen(page, "#recto-verso");
    await onScreen(page, "#merge-start");
  });

  it("reprints one person's lost letter in at most 3 actions (2 from the preview step)", async () => {
    const page = await withParentsLetter();
    await page.evaluate(`for (const c of window.__wordStub.controls)
      if (c.tag.startsWith("ent:edit:")) c.text = "Collège Jean Moulin";`);
    // 1. find the person (the preview step is open), 2. « Créer le courrier de cette personne seulement ».
    await onScreen(page, "#preview-query");
    await page.fill("#preview-query", "Œlise Morel");
    await page.press("#preview-query", "Enter");
    await page.locator("#preview-person").filter({ hasText: "lise.morel" }).waitFor();
    await onScreen(page, "#preview-only");
    await page.click("#preview-only");
    await until(page, "s.created.length === 1");
    const file = path.join(OUT, "un-courrier.docx");
    fs.writeFileSync(file, Buffer.from((await stub<string[]>(page, "s.created"))[0], "base64"));
    const pages = pdfPages(toPdf([file], OUT)[0]);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("lise.morel");
  });
});

describe("themes", () => {
  it.each([
    ["sombre", { colorScheme: "dark" as const }],
    ["contraste élevé", { forcedColors: "active" as const }],
  ])("reads well in the %s theme (axe-core, contrast included)", async (name, media) => {
    const { page } = await openPane("stub", media);
    await page.getByText("Word prêt (PC).").waitFor();
    await page.setInputFiles("#file-input", SAMPLE);
    await page.locator("#data-outline").filter({ hasText: "40 parents" }).waitFor();
    if ("colorScheme" in media) expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `theme-${name.replace(/\s/g, "-")}`);
  });
});

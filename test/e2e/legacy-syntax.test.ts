// The manifest admits WordApi 1.3, so Word 2016 and 2019 perpetual (volume licence), whose
// task panes run in Internet Explorer 11 or Edge Legacy (EdgeHTML 18). Those parse ES5 only:
// one `?.`, `??`, class, arrow or regex lookbehind in a shipped script and the pane is blank.
// Every script the build ships must parse as ES5 (npm run test:e2e builds dist/ first).
import * as fs from "fs";
import * as path from "path";
import { parse } from "acorn";
import { Browser } from "playwright-core";
import { launchChromium, OFFICE_JS, PANE, STUB } from "./browser";
import { serve } from "./server";
import { exportPath } from "../fixtures";

const DIST = path.join(__dirname, "..", "..", "dist");
const scripts = fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));

describe("every shipped script parses in Internet Explorer 11 and Edge Legacy (ES5)", () => {
  it("ships the pane, its chunks, the command page and the sign-in dialog", () => {
    expect(scripts).toEqual(expect.arrayContaining(["taskpane.js", "commands.js", "auth-dialog.js", "mail.js"]));
  });

  it.each(scripts)("%s", (name) => {
    const source = fs.readFileSync(path.join(DIST, name), "utf8");
    expect(() => parse(source, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  it("loads each page's scripts as classic scripts (no type=module), before the pane starts", () => {
    for (const page of ["taskpane.html", "commands.html", "auth-dialog.html"]) {
      const html = fs.readFileSync(path.join(DIST, page), "utf8");
      expect(html).not.toContain('type="module"');
    }
  });
});

/**
 * What Edge Legacy (EdgeHTML 18) lacks that a modern page takes for granted: the Encoding API,
 * Blob.arrayBuffer(), CSS.escape, replaceChildren, Web Crypto's subtle (MSAL needs it).
 * Removed from Chromium before the pane's scripts run, the pane must still read an export
 * and say what it found.
 */
const EDGE_LEGACY = `
  window.__stubEncoding = { TextEncoder, TextDecoder };
  delete window.TextDecoder; delete window.TextEncoder;
  delete Blob.prototype.arrayBuffer; delete Blob.prototype.text;
  delete CSS.escape;
  delete Element.prototype.replaceChildren; delete Document.prototype.replaceChildren;
  delete DocumentFragment.prototype.replaceChildren;
  Object.defineProperty(window.crypto, "subtle", { value: undefined });
`;

describe("the pane in a webview without the modern APIs (Edge Legacy)", () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    server = await serve(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("reads a Windows-1252 export, lists its people and inserts a ready letter", async () => {
    const page = await (await browser.newContext({ viewport: PANE })).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(EDGE_LEGACY);
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: STUB }));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText("Word prêt (PC).").waitFor();
    expect(await page.evaluate("typeof TextDecoder")).toBe("undefined");
    await page.setInputFiles("#file-input", exportPath("moncollege-parents.csv"));
    // The data step closes by itself once read; its lines stay in the page.
    await page.locator("#file-line").filter({ hasText: "40 comptes lus" }).waitFor({ state: "attached" });
    expect(await page.textContent("#file-line")).toContain("Windows-1252");
    expect(await page.textContent("#profile-counts")).toBe("Parents : 40");
    await page.click("button[data-letter=parents]");
    await page.locator("#letter-outline").filter({ hasText: "Courrier parents" }).waitFor();
    expect(errors).toEqual([]);
  });
});

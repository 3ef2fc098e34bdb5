// What the end-to-end suites share: Debian's Chromium, started as the machine notes ask, and
// the test stub of Office served in place of the Office CDN script.
import * as fs from "fs";
import * as path from "path";
import { Browser, chromium, Page } from "playwright-core";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const STUB = fs.readFileSync(path.join(__dirname, "office-stub.js"), "utf8");
/** Word's task pane on a laptop: 350 px wide, 700 px tall. */
export const PANE = { width: 350, height: 700 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical findings on the page as it is (contrast included). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE};undefined`);
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
    violations: Array<{ id: string; impact: string; nodes: unknown[] }>;
  };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.nodes.length})`);
}

// The pane's page in jsdom, for the view tests: what jsdom lacks (TextDecoder in its realm,
// Web Crypto, CSS.escape, object URLs, recorded here), the page's body, and small DOM helpers.
import * as fs from "fs";
import * as path from "path";
import { TextDecoder, TextEncoder } from "util";
import { webcrypto } from "crypto";

Object.assign(globalThis, { TextDecoder, TextEncoder });
// Web Crypto as the webviews the pane signs in from have it (jsdom has getRandomValues only).
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
Object.assign(globalThis, { CSS: { escape: (s: string) => s.replace(/["\\]/g, "\\$&") } });

/** Every Blob the pane offered through URL.createObjectURL, in order. */
export const objectUrls: Blob[] = [];
Object.assign(URL, {
  createObjectURL: (blob: Blob) => `blob:test/${objectUrls.push(blob)}`,
  revokeObjectURL: () => undefined,
});

const HTML = fs.readFileSync(path.join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");
/** The pane page's body, as the build serves it. */
export const BODY = /<body>([\s\S]*)<\/body>/.exec(HTML)![1];

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
export const text = (id: string) => $(id).textContent ?? "";
/** Lets the pane's pending promises and timers of 0 ms run. */
export const flush = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

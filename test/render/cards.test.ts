// The cards (8 per A4 page) as printed: pages = ⌈people / 8⌉, every login and password
// exactly once, passwords in Consolas, and no word within 5 mm of a cut line.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { mergeLetters } from "../../src/core/merge";
import { readRoster, selectRecords } from "../../src/core/roster";
import { readExport, TEMPLATES_DIR } from "../fixtures";
import { assertValidDocx } from "../helpers/check-docx";
import { outDir, pdfPages, toPdf } from "./libreoffice";
import { describeErrors, ooxmlErrors } from "./ooxml-validator";

const OUT = outDir("cards");
const CARDS = fs.readFileSync(path.join(TEMPLATES_DIR, "cartes.docx"));
const roster = readRoster(readExport("moncollege-parents.csv"), "moncollege-parents.csv");
const records = selectRecords(roster.records, { sort: "class" });
// 105 × 74 mm cards on A4, in points; 5 mm is 14.17 pt.
const CARD_W = 297.65;
const CARD_H = 209.75;
const FIVE_MM = 14.17;

let file: string;
let pdf: string;
beforeAll(() => {
  const { docx, letters } = mergeLetters(CARDS, records, roster);
  expect(letters).toBe(records.length);
  assertValidDocx(docx);
  file = path.join(OUT, "cartes.docx");
  fs.writeFileSync(file, docx);
  pdf = toPdf([file], OUT)[0];
});

it("passes Microsoft's Open XML validator", () => {
  expect(describeErrors(ooxmlErrors(file))).toEqual([]);
  expect(describeErrors(ooxmlErrors(path.join(TEMPLATES_DIR, "cartes.docx")))).toEqual([]);
});

it("prints ⌈n / 8⌉ pages, every login and password exactly once", () => {
  const pages = pdfPages(pdf);
  expect(pages).toHaveLength(Math.ceil(records.length / 8));
  const text = pages.join("\n");
  for (const r of records) {
    expect(text.split(r.values.login).length - 1).toBe(1);
    expect(
      text.match(new RegExp(`(^|\\s)${r.values.password.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s|$)`, "gm")),
    ).toHaveLength(1);
  }
  // The last page holds the rest; its spare cards are blank (no "Identifiant" without a login).
  const last = pages[pages.length - 1];
  expect(last.match(/Identifiant/g)).toHaveLength(records.length % 8 || 8);
});

it("keeps the password in Consolas", () => {
  const xml = new TextDecoder().decode(require("fflate").unzipSync(fs.readFileSync(file))["word/document.xml"]);
  for (const r of records.slice(0, 8)) {
    const at = xml.indexOf(`>${r.values.password}<`);
    const run = xml.slice(xml.lastIndexOf("<w:r>", at), at);
    expect(run).toContain('w:ascii="Consolas"');
  }
});

it("puts no word within 5 mm of a cut line", () => {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) =>
    m.slice(1, 5).map(Number),
  );
  expect(words.length).toBeGreaterThan(records.length * 4);
  const cutsX = [0, CARD_W, 2 * CARD_W];
  const cutsY = [0, 1, 2, 3, 4].map((k) => k * CARD_H);
  // 0.5 pt of rounding in LibreOffice's layout.
  const near = (lo: number, hi: number, cut: number) => lo < cut + FIVE_MM - 0.5 && hi > cut - FIVE_MM + 0.5;
  const crossing = words.filter(
    ([x0, y0, x1, y1]) => cutsX.some((c) => near(x0, x1, c)) || cutsY.some((c) => near(y0, y1, c)),
  );
  expect(crossing).toEqual([]);
});

it("names the child on a parent's card, the class beside each child of a family", () => {
  const text = pdfPages(pdf).join("\n");
  expect(text).not.toMatch(/\) – classe/);
  for (const r of records.slice(0, 8)) {
    const child = r.values.children.split(",")[0].trim().split(" ")[0];
    expect(text).toMatch(new RegExp(`Parent (d’|de\\s)${child}`));
  }
});

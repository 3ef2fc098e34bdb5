// Per-class bundles as a teacher receives them, rendered by LibreOffice: for each class a
// cover, its letters (one page each), then its receipt sheet listing exactly those people,
// in the same order, never a password. Recto-verso starts each piece on an odd page.
import * as fs from "fs";
import { strFromU8, unzipSync } from "fflate";
import * as path from "path";
import { mergeLetters } from "../../src/core/merge";
import { classGroups } from "../../src/core/merge/bundles";
import { readRoster, selectRecords } from "../../src/core/roster";
import { readExport, readyLetter } from "../fixtures";
import { assertValidDocx } from "../helpers/check-docx";
import { outDir, pdfPages, toPdf } from "./libreoffice";
import { describeErrors, ooxmlErrors } from "./ooxml-validator";

const OUT = outDir("bundles");
const roster = readRoster(readExport("moncollege-eleves.csv"), "moncollege-eleves.csv");
const records = selectRecords(roster.records, { sort: "class" });
const groups = classGroups(records);

function render(name: string, options: Parameters<typeof mergeLetters>[3], blankPages = false): string[] {
  const { docx } = mergeLetters(readyLetter("eleves"), records, roster, options);
  const file = path.join(OUT, `${name}.docx`);
  fs.writeFileSync(file, docx);
  assertValidDocx(docx);
  expect(describeErrors(ooxmlErrors(file))).toEqual([]);
  return pdfPages(toPdf([file], OUT, { blankPages })[0]);
}

const isCover = (page: string) => /Élèves — \S+\s+\d+ courriers? d’identifiants ENT/.test(page);
const isReceipt = (page: string) => /liste d’émargement \(\d+ courriers?\)/.test(page);
const logins = (page: string) =>
  records.map((r) => r.values.login).filter((l) => new RegExp(`(^|\\s)${l.replace(/\./g, "\\.")}(\\s|$)`).test(page));

describe("merge by class", () => {
  let pages: string[];
  beforeAll(() => {
    pages = render("liasses", { bundles: { school: "Collège Jean Moulin" } });
  });

  it("gives each class a cover, its letters and a receipt sheet: pages = letters + covers + receipt pages", () => {
    const covers = pages.filter(isCover).length;
    const receipts = pages.filter(isReceipt).length;
    expect(covers).toBe(groups.length);
    expect(receipts).toBeGreaterThanOrEqual(groups.length);
    expect(pages).toHaveLength(records.length + covers + receipts);
  });

  it("lists on each receipt exactly its class's people, in the letters' order, with no password", () => {
    let at = 0;
    for (const group of groups) {
      expect(pages[at]).toContain(`Élèves — ${group.name}`);
      expect(pages[at]).toContain("Collège Jean Moulin");
      expect(pages[at]).toContain(`${group.records.length} courrier`);
      at++;
      const letterLogins = group.records.map(() => logins(pages[at++])[0]);
      expect(letterLogins).toEqual(group.records.map((r) => r.values.login));
      const receipt = pages[at++];
      expect(receipt).toContain(`Collège Jean Moulin — Élèves — ${group.name} — liste d’émargement`);
      expect(receipt).toMatch(/Nom et prénom\s+Identifiant\s+Date\s+Signature/);
      const listed = receipt.split("\n").flatMap((line) => logins(line));
      expect(listed).toEqual(group.records.map((r) => r.values.login));
      for (const r of records) expect(receipt).not.toContain(r.values.password);
    }
    expect(at).toBe(pages.length);
  });
});

describe("receipts only", () => {
  it("prints only the receipt sheets, one per class", () => {
    const pages = render("emargement", { bundles: { receiptsOnly: true } });
    expect(pages).toHaveLength(groups.length);
    expect(pages.every(isReceipt)).toBe(true);
    expect(pages.flatMap((p) => p.split("\n").flatMap(logins))).toEqual(records.map((r) => r.values.login));
  });
});

describe("recto-verso", () => {
  it("starts each cover, letter and receipt on an odd page (a blank back after each one-page piece)", () => {
    const pages = render("liasses-recto-verso", { bundles: { rectoVerso: true } }, true);
    const pieces = records.length + 2 * groups.length;
    // Nothing follows the last receipt: no blank page after it.
    expect(pages).toHaveLength(2 * pieces - 1);
    pages.forEach((page, i) => expect(page.trim() === "").toBe(i % 2 === 1));
  });
});

describe("no hidden blank page, no page-number restart (duplex in Word: [MS-OI29500] 2.1.293)", () => {
  it("without recto-verso, prints every piece on its own page with no blank page between, even where blank pages are exported", () => {
    const pages = render("liasses-sans-blanc", { bundles: {} }, true);
    expect(pages).toHaveLength(records.length + 2 * groups.length);
    expect(pages.filter((p) => p.trim() === "")).toEqual([]);
  });

  it("never restarts page numbers: Word decides a recto from the page number, so a restart at 1 would put the next letter on the back", () => {
    for (const rectoVerso of [false, true]) {
      const { docx } = mergeLetters(readyLetter("eleves"), records, roster, { bundles: { rectoVerso } });
      const xml = strFromU8(unzipSync(docx)["word/document.xml"]);
      expect(xml).not.toMatch(/<w:pgNumType\b[^>]*w:start=/);
      const sections = xml.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)!;
      expect(sections).toHaveLength(records.length + 2 * groups.length);
      for (const s of sections) expect(/<w:type w:val="oddPage"\/>/.test(s)).toBe(rectoVerso);
    }
  });
});

describe("a parents' receipt", () => {
  it("names the parent and the child", () => {
    const parents = readRoster(readExport("moncollege-parents.csv"), "moncollege-parents.csv");
    const sorted = selectRecords(parents.records, { sort: "class" });
    const { docx } = mergeLetters(readyLetter("parents"), sorted, parents, { bundles: { receiptsOnly: true } });
    const file = path.join(OUT, "emargement-parents.docx");
    fs.writeFileSync(file, docx);
    const pages = pdfPages(toPdf([file], OUT)[0]);
    expect(pages[0]).toMatch(/Parent et enfant\(s\)\s+Identifiant\s+Date\s+Signature/);
    const first = classGroups(sorted)[0].records[0];
    expect(pages[0]).toContain(first.values.children.split(" ")[0]);
  });
});

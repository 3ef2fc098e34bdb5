import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { createLetters, insertLetterFile } from "../../src/word";
import { readRoster, RosterRecord } from "../../src/core/roster";
import { readExport } from "../fixtures";
import { installWordMock } from "./word-mock";

const TEMPLATE = fs.readFileSync(path.join(__dirname, "..", "..", "assets", "templates", "parents.docx"));
const roster = readRoster(
  readExport("moncollege-parents.csv"),
  "parents.csv",
);

function many(n: number): RosterRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const r = roster.records[i % roster.records.length];
    return { ...r, row: i + 2, values: { ...r.values, login: `${r.values.login}${i}` } };
  });
}

function createdDocument(base64: string): string {
  return strFromU8(unzipSync(Buffer.from(base64, "base64"))["word/document.xml"]);
}

describe("createLetters", () => {
  it("reads the letter, merges in JavaScript and opens one new document", async () => {
    const { log } = installWordMock({ file: TEMPLATE });
    const phases: string[] = [];
    const outcome = await createLetters(roster.records, roster, { onPhase: (p) => phases.push(p) });
    expect(outcome).toMatchObject({ letters: 40, opened: true });
    expect(phases).toEqual(["lecture", "fusion", "ouverture"]);
    expect(log.created).toHaveLength(1);
    expect(log.opened).toBe(1);
    const doc = createdDocument(log.created[0]);
    expect(doc.match(/<w:sectPr>/g)).toHaveLength(40);
    expect(doc).toContain(">noemie.bensaid<");
  });

  it("makes the same number of Word round trips for 10 and 1,141 letters", async () => {
    const counts: number[] = [];
    for (const n of [10, 1141]) {
      const { log } = installWordMock({ file: TEMPLATE });
      const outcome = await createLetters(many(n), roster);
      expect(outcome.letters).toBe(n);
      expect(createdDocument(log.created[0]).match(/<w:sectPr>/g)).toHaveLength(n);
      counts.push(log.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(2);
  });

  it("falls back to the body's OOXML where getFileAsync fails", async () => {
    const files = unzipSync(TEMPLATE);
    const part = (name: string, type: string) =>
      `<pkg:part pkg:name="/${name}" pkg:contentType="${type}"><pkg:xmlData>${strFromU8(files[name]).replace(/^<\?xml[^>]*\?>\s*/, "")}</pkg:xmlData></pkg:part>`;
    const ooxml = `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${part("_rels/.rels", "application/vnd.openxmlformats-package.relationships+xml")}${part("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")}${part("word/_rels/document.xml.rels", "application/vnd.openxmlformats-package.relationships+xml")}${part("word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")}</pkg:package>`;
    const { log } = installWordMock({ file: null, ooxml });
    const outcome = await createLetters(roster.records.slice(0, 3), roster);
    expect(outcome).toMatchObject({ letters: 3, opened: true });
    expect(createdDocument(log.created[0])).toContain(">aicha.moreau<");
  });

  it("reports that Word could not open the document, keeping the letters for a download", async () => {
    installWordMock({ file: TEMPLATE, openFails: true });
    const outcome = await createLetters(roster.records.slice(0, 2), roster);
    expect(outcome.opened).toBe(false);
    expect(outcome.openError).toMatch(/Word n'a pas pu ouvrir le nouveau document/);
    expect(outcome.docx.length).toBeGreaterThan(1000);
  });
});

describe("insertLetterFile", () => {
  it("uses Document.insertFileFromBase64 (headers kept) on WordApi 1.5, the body's otherwise", async () => {
    const { log } = installWordMock({ apiVersion: "1.5" });
    await insertLetterFile(TEMPLATE);
    expect(Buffer.from(log.insertedFiles[0], "base64")).toEqual(TEMPLATE);
    const old = installWordMock({ apiVersion: "1.3" });
    await insertLetterFile(TEMPLATE);
    expect(old.log.insertedFiles).toHaveLength(1);
  });
});

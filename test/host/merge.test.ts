import { strFromU8, unzipSync } from "fflate";
import { footerText } from "../../src/core/merge";
import { createLetters, insertLetterFile } from "../../src/word";
import { readRoster, RosterRecord, Roster } from "../../src/core/roster";
import { readExport, readyLetter } from "../fixtures";
import { bodyOoxmlOf } from "../helpers/body-ooxml";
import { installWordMock } from "./word-mock";

const TEMPLATE = readyLetter("parents");
let roster: Roster;
// Per test, not at load: see 'Static mutants' in docs/testing.md.
beforeEach(() => {
  roster = readRoster(readExport("moncollege-parents.csv"), "parents.csv");
});

function many(n: number): RosterRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const r = roster.records[i % roster.records.length];
    return { ...r, row: i + 2, values: { ...r.values, login: `${r.values.login}${i}` } };
  });
}

function createdDocument(base64: string): string {
  return strFromU8(unzipSync(Buffer.from(base64, "base64"))["word/document.xml"]);
}

const OFFICE_OPS = (apis: string[]) => apis.filter((a) => a !== "Word.run" && a !== "Requirements.isSetSupported");

describe("createLetters", () => {
  it("reads the letter by 64 KiB slices (iPad's largest), merges in JavaScript and opens one new document", async () => {
    const { log, doc } = installWordMock({ file: TEMPLATE });
    const phases: string[] = [];
    const outcome = await createLetters(roster.records, roster, { onPhase: (p) => phases.push(p) });
    expect(outcome).toMatchObject({ letters: 40, opened: true });
    expect(phases).toEqual(["lecture", "fusion", "ouverture"]);
    const slices = Math.ceil(TEMPLATE.length / (64 * 1024));
    expect(OFFICE_OPS(log.apis())).toEqual([
      "Document.getFileAsync",
      ...Array<string>(slices).fill("File.getSliceAsync"),
      "File.closeAsync",
      "Application.createDocument",
      "DocumentCreated.open",
      "RequestContext.sync",
    ]);
    expect(log.of("Document.getFileAsync")[0].args).toEqual(["compressed", { sliceSize: 64 * 1024 }]);
    expect(log.of("Requirements.isSetSupported")[0].args).toEqual(["WordApi", "1.3"]);
    expect(log.syncs).toBe(1);
    expect(doc.created).toHaveLength(1);
    expect(doc.opened).toBe(1);
    expect(log.of("Application.createDocument")[0].args[0]).toBe(doc.created[0]);
    const xml = createdDocument(doc.created[0]);
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(40);
    expect(xml).toContain(">noemie.bensaid<");
  });

  it("makes the same number of Word round trips for 10 and 1,141 letters", async () => {
    const counts: number[] = [];
    for (const n of [10, 1141]) {
      const { log, doc } = installWordMock({ file: TEMPLATE });
      const outcome = await createLetters(many(n), roster);
      expect(outcome.letters).toBe(n);
      expect(createdDocument(doc.created[0]).match(/<w:sectPr>/g)).toHaveLength(n);
      counts.push(log.syncs);
    }
    expect(counts).toEqual([1, 1]);
  });

  it("falls back to the body's OOXML where getFileAsync fails", async () => {
    const ooxml = bodyOoxmlOf(TEMPLATE);
    const footer = "Courrier personnel et confidentiel – à conserver en lieu sûr";
    const { log, doc } = installWordMock({ file: null, ooxml, headerFooter: { "footer:Primary": footer } });
    const outcome = await createLetters(roster.records.slice(0, 3), roster);
    expect(outcome).toMatchObject({ letters: 3, opened: true });
    // The footer getOoxml left out is named, so the pane can say the letters lack it.
    expect(outcome.lostParts).toEqual([`pied de page « ${footer} »`]);
    expect(OFFICE_OPS(log.apis())).toEqual([
      "Document.getFileAsync",
      "Body.getOoxml",
      "RequestContext.sync",
      "SectionCollection.load",
      "RequestContext.sync",
      ...["Primary", "FirstPage", "EvenPages"].flatMap(() => ["Section.getHeader", "Section.getFooter"]),
      ...Array<string>(6).fill("Body.load"),
      "RequestContext.sync",
      "Application.createDocument",
      "DocumentCreated.open",
      "RequestContext.sync",
    ]);
    expect(createdDocument(doc.created[0])).toContain(">aicha.moreau<");
  });

  it("says in French that Word gave nothing when both ways of reading fail", async () => {
    installWordMock({ file: null, fail: { "Body.getOoxml": { code: "GeneralException", message: "Erreur interne" } } });
    await expect(createLetters(roster.records.slice(0, 2), roster)).rejects.toThrow(
      "Word n'a pas pu fournir le courrier (Opération non prise en charge ; Erreur interne). Enregistrez le document puis réessayez.",
    );
  });

  it.each([
    ["PC", true],
    ["Mac", true],
    ["OfficeOnline", false],
    ["iOS", false],
    ["", false],
  ])(
    "on %j, counts the new document as shown: %s (else the pane offers the download too)",
    async (platform, confirmed) => {
      installWordMock({ file: TEMPLATE });
      const outcome = await createLetters(roster.records.slice(0, 2), roster, { platform });
      expect(outcome).toMatchObject({ opened: true, confirmed, lostParts: [] });
    },
  );

  it("reports progress every 50 letters and stops, creating nothing, when cancelled", async () => {
    const seen: number[] = [];
    installWordMock({ file: TEMPLATE });
    await createLetters(many(120), roster, { onProgress: (done, total) => seen.push(done, total) });
    expect(seen).toEqual([50, 120, 100, 120, 120, 120]);

    const { doc } = installWordMock({ file: TEMPLATE });
    const controller = new AbortController();
    const merging = createLetters(many(400), roster, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 100) controller.abort();
      },
    });
    await expect(merging).rejects.toMatchObject({
      code: "cancelled",
      message: "Création des courriers annulée après 100 sur 400 : aucun document n'a été créé.",
    });
    expect(doc.created).toEqual([]);
  });

  it("reports that Word could not open the document, keeping the letters for a download", async () => {
    const { doc } = installWordMock({
      file: TEMPLATE,
      fail: { "DocumentCreated.open": { code: "GeneralException", message: "OpenDocumentFailed" } },
    });
    const outcome = await createLetters(roster.records.slice(0, 2), roster);
    expect(outcome.opened).toBe(false);
    expect(outcome.openError).toBe("Word n'a pas pu ouvrir le nouveau document (OpenDocumentFailed).");
    expect(doc.opened).toBe(0);
    expect(unzipSync(outcome.docx)["word/document.xml"]).toBeDefined();
  });

  it("does not call createDocument below WordApi 1.3 and offers the download", async () => {
    const { log } = installWordMock({ file: TEMPLATE, apiVersion: "1.2" });
    const outcome = await createLetters(roster.records.slice(0, 2), roster);
    expect(outcome.opened).toBe(false);
    expect(outcome.openError).toMatch(/ne sait pas ouvrir un nouveau document/);
    expect(log.of("Application.createDocument")).toEqual([]);
  });
});

describe("insertLetterFile", () => {
  it("uses Document.insertFileFromBase64 (headers and footers kept) on WordApi 1.5", async () => {
    const { log, doc } = installWordMock({ apiVersion: "1.5" });
    await insertLetterFile(TEMPLATE);
    // WordApi 1.4 and up: Word is asked first whether it tracks changes.
    expect(OFFICE_OPS(log.apis())).toEqual([
      "Document.load",
      "RequestContext.sync",
      "Document.insertFileFromBase64",
      "RequestContext.sync",
    ]);
    const [base64, location, options] = log.of("Document.insertFileFromBase64")[0].args;
    expect(Buffer.from(base64 as string, "base64")).toEqual(TEMPLATE);
    expect(location).toBe("Replace");
    expect(options).toEqual({ importStyles: true, importPageColor: false, importTheme: false });
    expect(log.of("Requirements.isSetSupported").map((c) => c.args)).toEqual([
      ["WordApi", "1.4"],
      ["WordApi", "1.5"],
    ]);
    expect(doc.controls.map((c) => c.tag)).toContain("ent:password");
  });

  it("uses the body's insertFileFromBase64 below WordApi 1.5", async () => {
    const { log } = installWordMock({ apiVersion: "1.3" });
    await insertLetterFile(TEMPLATE);
    expect(OFFICE_OPS(log.apis())).toEqual(["Body.insertFileFromBase64", "RequestContext.sync"]);
    expect(log.of("Body.insertFileFromBase64")[0].args[1]).toBe("Replace");
  });

  it("writes the letter's footer into the first section's footer below WordApi 1.5, which drops it", async () => {
    const { log, doc } = installWordMock({ apiVersion: "1.3" });
    const text = footerText(TEMPLATE);
    expect(text).toBe("Courrier personnel et confidentiel – à conserver en lieu sûr");
    await insertLetterFile(TEMPLATE, text);
    expect(OFFICE_OPS(log.apis())).toEqual([
      "Body.insertFileFromBase64",
      "SectionCollection.getFirst",
      "Section.getFooter",
      "Body.clear",
      "Body.insertParagraph",
      "Paragraph.alignment=",
      "Font.size=",
      "RequestContext.sync",
    ]);
    expect(log.of("Section.getFooter")[0].args).toEqual(["Primary"]);
    expect(doc.footer).toEqual([{ text, alignment: "Centered", size: 8 }]);
    const modern = installWordMock({ apiVersion: "1.5" });
    await insertLetterFile(TEMPLATE, text);
    expect(modern.log.of("Section.getFooter")).toEqual([]);
  });

  it("says in French that Word refused the letter", async () => {
    installWordMock({ fail: { "Body.insertFileFromBase64": { code: "AccessDenied", message: "Accès refusé" } } });
    await expect(insertLetterFile(TEMPLATE)).rejects.toThrow(
      "Word n'a pas pu insérer le courrier (Accès refusé). Ouvrez un document vide puis réessayez.",
    );
  });
});

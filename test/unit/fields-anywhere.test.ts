// Fields anywhere a user can put them, written as valid OOXML: controls around a run, a
// paragraph, a cell or a row; fields in footnotes and endnotes.
import { strToU8, zipSync } from "fflate";
import { mergeLetters } from "../../src/core/merge";
import { readRoster, Roster } from "../../src/core/roster";
import { assertValidDocx } from "../helpers/check-docx";
import { makeDocx, p, paragraphsText, r, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";

let roster: Roster;
// Per test, not at load: see 'Static mutants' in docs/testing.md.
beforeEach(() => {
  roster = readRoster(utf8("Nom;Prénom;Login;Mot de passe\nA;Léa;l.a;PW1\nB;Tom;t.b;PW2\n"), "t.csv");
});
const control = (id: string, inner: string) =>
  `<w:sdt><w:sdtPr><w:tag w:val="ent:${id}"/><w:id w:val="5"/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
const cell = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${inner}</w:tc>`;
const table = (rows: string) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>${rows}</w:tbl><w:p/>`;

function merged(body: string): { xml: string; texts: string[] } {
  const { docx } = mergeLetters(makeDocx({ body }), roster.records, roster);
  assertValidDocx(docx);
  const xml = unzipText(docx)["word/document.xml"];
  return { xml, texts: paragraphsText(xml).filter((t) => t) };
}

describe("content controls around table parts", () => {
  it.each([
    ["a row", table(control("login", `<w:tr>${cell(p(r("«Login»")))}${cell(p(r("x")))}</w:tr>`)), ["l.a", "t.b"]],
    [
      "a cell",
      table(`<w:tr>${control("password", cell(p(r("«Mot de passe»"))))}${cell(p(r("y")))}</w:tr>`),
      ["PW1", "y", "PW2", "y"],
    ],
    [
      "a cell with an empty paragraph",
      table(`<w:tr>${control("login", cell("<w:p/>"))}${cell(p(r("y")))}</w:tr>`),
      ["l.a", "y", "t.b", "y"],
    ],
  ])("around %s: the row or cell stays, the value in its first paragraph", (_name, body, texts) => {
    const { xml, texts: got } = merged(body);
    expect(got).toEqual(texts);
    expect(xml).not.toMatch(/<w:tbl>(?:(?!<w:tr)[\s\S])*?<w:p>|<w:tr>(?:(?!<w:tc)[\s\S])*?<w:p>/);
    expect(xml).not.toContain("«");
  });
});

/** The template with footnotes and endnotes parts holding `note` (id 1) after Word's separators. */
function withNotes(docx: Uint8Array, note: string): Uint8Array {
  const files = unzipText(docx);
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  for (const kind of ["footnote", "endnote"]) {
    files[`word/${kind}s.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${kind}s ${W}>` +
      `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>` +
      `<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>` +
      `<w:${kind} w:id="1">${note}</w:${kind}></w:${kind}s>`;
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
      "</Relationships>",
      `<Relationship Id="rId${kind}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}s" Target="${kind}s.xml"/></Relationships>`,
    );
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
      "</Types>",
      `<Override PartName="/word/${kind}s.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}s+xml"/></Types>`,
    );
  }
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe("footnotes and endnotes", () => {
  it("give each letter its own copy of each note, with the person's values and new ids", () => {
    const mergefield = `<w:fldSimple w:instr=" MERGEFIELD Prénom "><w:r><w:t>«Prénom»</w:t></w:r></w:fldSimple>`;
    const body =
      p(control("login", r("«Login»")) + `<w:r><w:footnoteReference w:id="1"/></w:r>`) +
      p(r("fin") + `<w:r><w:endnoteReference w:id="1"/></w:r>`);
    const { docx } = mergeLetters(withNotes(makeDocx({ body }), p(r("Pour ") + mergefield)), roster.records, roster);
    assertValidDocx(docx);
    const parts = unzipText(docx);
    for (const kind of ["footnote", "endnote"]) {
      const xml = parts[`word/${kind}s.xml`];
      expect([...xml.matchAll(new RegExp(`<w:${kind}\\b[^>]*w:id="(-?\\d+)"`, "g"))].map((m) => m[1])).toEqual([
        "-1",
        "0",
        "2",
        "3",
      ]);
      expect(paragraphsText(xml).filter((t) => t.startsWith("Pour"))).toEqual(["Pour Léa", "Pour Tom"]);
      expect(
        [...parts["word/document.xml"].matchAll(new RegExp(`<w:${kind}Reference w:id="(\\d+)"`, "g"))].map((m) => m[1]),
      ).toEqual(["2", "3"]);
    }
  });
});

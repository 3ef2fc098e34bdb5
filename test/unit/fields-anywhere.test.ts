// Fields anywhere a user can put them, written as valid OOXML: controls around a run, a
// paragraph, a cell or a row; fields in footnotes and endnotes.
import { mergeLetters } from "../../src/core/merge";
import { readRoster } from "../../src/core/roster";
import { assertValidDocx } from "../helpers/check-docx";
import { makeDocx, p, paragraphsText, r, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";

const roster = readRoster(utf8("Nom;Prénom;Login;Mot de passe\nA;Léa;l.a;PW1\nB;Tom;t.b;PW2\n"), "t.csv");
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

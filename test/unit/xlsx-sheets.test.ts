// Workbooks as other tools write them: rows and cells without references, ragged rows, several
// sheets (the first ones empty or missing), no package relationships, a prefixed namespace,
// styles whose formats have children, the 1904 date system, and which columns hold numbers
// Excel may have stripped of their leading zeros.
import { strToU8, zipSync } from "fflate";
import { readWorkbook } from "../../src/core/roster/xlsx";
import { refusal } from "./helpers/refusal";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS = `xmlns="${MAIN}"`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const rels = (items: Array<[string, string, string]>) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join("")}</Relationships>`;
const sheetXml = (rows: string) => `<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;
const text = (ref: string, t: string) => `<c${ref ? ` r="${ref}"` : ""} t="inlineStr"><is><t>${t}</t></is></c>`;

interface Book {
  sheets?: Array<[name: string, xml: string | null]>;
  workbookPr?: string;
  rootRels?: boolean;
  styles?: string;
  shared?: string;
  sharedRel?: boolean;
}

/** A workbook whose sheets are listed in order; a null sheet is listed but has no part. */
function book({ sheets = [], workbookPr = "", rootRels = true, styles, shared, sharedRel = true }: Book): Uint8Array {
  const parts: Record<string, Uint8Array> = {};
  const list = sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`).join("");
  parts["xl/workbook.xml"] = strToU8(
    `<workbook ${NS} xmlns:r="${REL}">${workbookPr}${list ? `<sheets>${list}</sheets>` : ""}</workbook>`,
  );
  const items: Array<[string, string, string]> = sheets.map((_, i) => [
    `rIdS${i + 1}`,
    "worksheet",
    `worksheets/sheet${i + 1}.xml`,
  ]);
  if (styles !== undefined) items.push(["rIdStyles", "styles", "styles.xml"]);
  if (shared !== undefined && sharedRel) items.push(["rIdShared", "sharedStrings", "sharedStrings.xml"]);
  parts["xl/_rels/workbook.xml.rels"] = strToU8(rels(items));
  sheets.forEach(([, xml], i) => {
    if (xml !== null) parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
  });
  if (styles !== undefined) parts["xl/styles.xml"] = strToU8(`<styleSheet ${NS}>${styles}</styleSheet>`);
  if (shared !== undefined) parts["xl/sharedStrings.xml"] = strToU8(`<sst ${NS}>${shared}</sst>`);
  if (rootRels) parts["_rels/.rels"] = strToU8(rels([["rId1", "officeDocument", "xl/workbook.xml"]]));
  return zipSync(parts);
}

const HEADER = `<row r="1">${text("A1", "Nom")}${text("B1", "Login")}</row>`;
const read = (bytes: Uint8Array) => readWorkbook(bytes, "comptes.xlsx");

describe("rows and cells", () => {
  it("numbers rows and columns in order where the references are left out, and by reference where given", () => {
    const rows = `<row>${text("", "Nom")}${text("", "Login")}</row><row>${text("", "Durand")}${text("", "d.d")}</row><row r="5">${text("A5", "Martin")}</row><row>${text("A6", "Petit")}${text("", "p.p")}</row>`;
    const table = read(book({ sheets: [["Comptes", sheetXml(rows)]] }));
    expect(table.rows).toEqual([
      { line: 1, cells: ["Nom", "Login"] },
      { line: 2, cells: ["Durand", "d.d"] },
      { line: 5, cells: ["Martin", ""] },
      { line: 6, cells: ["Petit", "p.p"] },
    ]);
  });

  it("drops rows that show nothing and reads the last column, Z", () => {
    const rows = `${HEADER}<row r="2">${text("A2", " ")}</row><row r="3">${text("Z3", "z")}</row>`;
    const table = read(book({ sheets: [["Comptes", sheetXml(rows)]] }));
    expect(table.rows.map((r) => r.line)).toEqual([1, 3]);
    expect(table.rows[1].cells[25]).toBe("z");
    expect(table.rows[1].cells).toHaveLength(26);
  });

  it("shows nothing for a shared string the workbook lacks, or an inline string without text", () => {
    const rows = `${HEADER}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"/><c r="C2">x</c>${text("D2", "d")}</row>`;
    const table = read(book({ sheets: [["Comptes", sheetXml(rows)]] }));
    expect(table.rows[1].cells).toEqual(["", "", "", "d"]);
    expect(table.delimiter).toBe("");
  });

  it("keeps a formula's text as written", () => {
    const rows = `${HEADER}<row r="2"><c r="A2" t="str"><f>A1</f><v>001</v></c></row>`;
    expect(read(book({ sheets: [["Comptes", sheetXml(rows)]] })).rows[1].cells).toEqual(["001", ""]);
  });
});

describe("columns of numbers", () => {
  it("are the columns where a person's row holds a number shown without zero padding, never the header's", () => {
    const styles =
      '<numFmts><numFmt numFmtId="164" formatCode="000000"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>';
    const header = `<row r="1">${text("A1", "Code")}${text("B1", "Login")}<c r="C1"><v>3</v></c>${text("D1", "Zéros")}${text("E1", "Formule")}${text("F1", "Vide")}${text("G1", "Texte")}</row>`;
    const row =
      '<row r="2"><c r="A2"><v>1000</v></c><c r="B2" t="n"><v>7</v></c><c r="C2" t="inlineStr"><is><t>x</t></is></c>' +
      '<c r="D2" s="1"><v>1000</v></c><c r="E2" t="str"><v>12</v></c><c r="F2"/><c r="G2" t="s"><v>0</v></c></row>';
    const table = read(book({ sheets: [["Comptes", sheetXml(header + row)]], styles, shared: "<si><t>a</t></si>" }));
    expect(table.numericColumns).toEqual([0, 1]);
    expect(table.rows[1].cells).toEqual(["1000", "7", "x", "001000", "12", "", "a"]);
  });
});

describe("sheets", () => {
  const accounts = sheetXml(`${HEADER}<row r="2">${text("A2", "Durand")}${text("B2", "d.d")}</row>`);
  const empty = sheetXml("");

  it("reads the first sheet holding anything, and says so when it is not the first", () => {
    expect(read(book({ sheets: [["Comptes", accounts]] })).notes).toEqual([]);
    expect(
      read(
        book({
          sheets: [
            ["Accueil", empty],
            ["Comptes", accounts],
          ],
        }),
      ).notes,
    ).toEqual(["Les comptes ont été lus sur la feuille « Comptes » : la feuille « Accueil » est vide."]);
    expect(
      read(
        book({
          sheets: [
            ["A", empty],
            ["B", empty],
            ["Comptes", accounts],
          ],
        }),
      ).notes,
    ).toEqual(["Les comptes ont été lus sur la feuille « Comptes » : les feuilles précédentes sont vides."]);
  });

  it("skips a sheet the workbook lists but the file lacks", () => {
    const table = read(
      book({
        sheets: [
          ["Perdue", null],
          ["Comptes", accounts],
        ],
      }),
    );
    expect(table.rows).toHaveLength(2);
    expect(table.notes).toEqual([]);
  });

  it("refuses a workbook none of whose sheets is in the file, naming the file", () => {
    expect(refusal(() => read(book({ sheets: [["Perdue", null]] })))).toMatchObject({
      code: "bad-workbook",
      message: expect.stringMatching(
        /^« comptes\.xlsx » ne contient aucune feuille de calcul lisible \(\.xlsx attendu\)\. /,
      ),
    });
  });

  it("gives no rows for a workbook whose sheets are all empty", () => {
    expect(read(book({ sheets: [["A", empty]] }))).toEqual({ rows: [], delimiter: "", notes: [] });
  });

  it("finds the workbook and its first sheet where the package says nothing", () => {
    const bytes = book({ sheets: [["Comptes", accounts]], rootRels: false });
    expect(read(bytes).rows).toHaveLength(2);
    const unlisted = zipSync({
      "xl/workbook.xml": strToU8(`<workbook ${NS}/>`),
      "xl/worksheets/sheet1.xml": strToU8(accounts),
    });
    expect(read(unlisted).rows.map((r) => r.cells)).toEqual([
      ["Nom", "Login"],
      ["Durand", "d.d"],
    ]);
  });

  it("finds the shared strings where the workbook does not point to them", () => {
    const rows = `${HEADER}<row r="2"><c r="A2" t="s"><v>0</v></c>${text("B2", "d.d")}</row>`;
    const bytes = book({ sheets: [["Comptes", sheetXml(rows)]], shared: "<si><t>Durand</t></si>", sharedRel: false });
    expect(read(bytes).rows[1].cells).toEqual(["Durand", "d.d"]);
  });

  it("reads a sheet written with a namespace prefix of several letters", () => {
    const prefixed = `<ss:worksheet xmlns:ss="${MAIN}"><ss:sheetData><ss:row r="1"><ss:c r="A1" t="inlineStr"><ss:is><ss:t>Nom</ss:t></ss:is></ss:c></ss:row></ss:sheetData></ss:worksheet>`;
    expect(read(book({ sheets: [["Comptes", prefixed]] })).rows).toEqual([{ line: 1, cells: ["Nom"] }]);
  });
});

describe("styles and dates", () => {
  it("counts formats that hold children, and falls back to General for an unknown or missing one", () => {
    const styles =
      '<numFmts><numFmt numFmtId="164" formatCode="000000"/></numFmts><cellXfs><xf numFmtId="0"><alignment horizontal="left"/></xf><xf numFmtId="164"/><xf numFmtId="300"/></cellXfs>';
    const rows = `<row r="1"><c r="A1" s="1"><v>42</v></c><c r="B1" s="2"><v>42</v></c><c r="C1" s="9"><v>42</v></c></row>`;
    expect(read(book({ sheets: [["Comptes", sheetXml(rows)]], styles })).rows[0].cells).toEqual(["000042", "42", "42"]);
  });

  it("reads dates of the 1904 system whatever the other workbook properties", () => {
    const styles = '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
    const rows = `<row r="1"><c r="A1" s="1"><v>0</v></c></row>`;
    const workbookPr = '<workbookPr defaultThemeVersion="166925" date1904="1"/>';
    expect(read(book({ sheets: [["Comptes", sheetXml(rows)]], styles, workbookPr })).rows[0].cells).toEqual([
      "01/01/1904",
    ]);
  });
});

// Workbooks cell by cell: every built-in number format shown as French Excel shows it, and
// each cell type (shared, inline, formula string, error, boolean, rich text with phonetic
// runs, _xHHHH_ escapes), read from parts written as Excel writes them.
import { strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbook } from "../../src/core/roster/xlsx";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function workbook(sheetData: string, { xfs = "", sst = "" } = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Comptes" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`,
    ),
    "xl/styles.xml": strToU8(`<?xml version="1.0"?><styleSheet ${NS}><cellXfs>${xfs}</cellXfs></styleSheet>`),
    "xl/sharedStrings.xml": strToU8(`<?xml version="1.0"?><sst ${NS}>${sst}</sst>`),
  });
}

const cells = (bytes: Uint8Array) => readWorkbook(bytes, "t.xlsx").rows.map((r) => r.cells);

describe("built-in number formats, as French Excel displays them", () => {
  const table: Array<[number, string, string]> = [
    [0, "45123,5625", "-1234,5"],
    [1, "45124", "-1235"],
    [2, "45123,56", "-1234,50"],
    [3, "45\u202f124", "-1\u202f235"],
    [4, "45\u202f123,56", "-1\u202f234,50"],
    [9, "4512356%", "-123450%"],
    [10, "4512356,25%", "-123450,00%"],
    [11, "4,51E+04", "-1,23E+03"],
    [12, "45123 4/7", "-1234 1/2"],
    [13, "45123  9/16", "-1234  1/2 "],
    [14, "16/07/2023", "12/08/1896"],
    [15, "16-juil.-23", "12-août-96"],
    [16, "16-juil.", "12-août"],
    [17, "juil.-23", "août-96"],
    [18, "1:30 PM", "12:00 PM"],
    [19, "1:30:00 PM", "12:00:00 PM"],
    [20, "13:30", "12:00"],
    [21, "13:30:00", "12:00:00"],
    [22, "16/07/2023 13:30", "12/08/1896 12:00"],
    [37, "45\u202f124 ", "(1\u202f235)"],
    [38, "45\u202f124 ", "(1\u202f235)"],
    [39, "45\u202f123,56", "(1\u202f234,50)"],
    [40, "45\u202f123,56", "(1\u202f234,50)"],
    [45, "30:00", "00:00"],
    [46, "1082965:30:00", "-29604:00:00"],
    [47, "3000,0", "0000,0"],
    [48, "45,1E+3", "-1,2E+3"],
    [49, "45123,5625", "-1234,5"],
  ];
  const xfs = table.map(([id]) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join("");
  const data = table
    .map(
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" s="${i}"><v>45123.5625</v></c><c r="B${i + 1}" s="${i}"><v>-1234.5</v></c></row>`,
    )
    .join("");
  // Read in each test, not at load: see 'Static mutants' in docs/testing.md.
  it.each(table.map((row, i) => [...row, i] as const))("format %i → %j and %j", (_id, positive, negative, i) => {
    expect(cells(workbook(data, { xfs }))[i]).toEqual([positive, negative]);
  });
});

describe("cell types", () => {
  it("reads shared, inline, formula, error and boolean cells, rich text without its phonetic runs, and _xHHHH_", () => {
    const sst =
      "<si><t>simple</t></si>" +
      '<si><r><t>ri</t></r><r><rPr><b/></rPr><t xml:space="preserve">che </t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh><t/></si>' +
      "<si/>" +
      "<si><t>tab_x0009_ici &amp; là</t></si>";
    const data =
      '<row r="1">' +
      '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>' +
      '<c r="E1" t="inlineStr"><is><t>en ligne</t></is></c>' +
      '<c r="F1" t="str"><f>A1</f><v>calcul_x000A_é</v></c>' +
      '<c r="G1" t="e"><v>#N/A</v></c>' +
      '<c r="H1" t="b"><v>1</v></c><c r="I1" t="b"><v>0</v></c>' +
      '<c r="J1"><v></v></c><c r="K1"><v>abc</v></c><c r="L1" t="s"><v>9</v></c>' +
      "</row>";
    expect(cells(workbook(data, { sst }))).toEqual([
      ["simple", "riche ", "", "tab\tici & là", "en ligne", "calcul\né", "#N/A", "VRAI", "FAUX", "", "abc", ""],
    ]);
  });

  it("places cells by their reference, leaving the skipped columns empty, and counts past Z", () => {
    const data =
      '<row r="1"><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="AB1" t="inlineStr"><is><t>ab</t></is></c></row>';
    const row = cells(workbook(data))[0];
    expect(row[0]).toBe("");
    expect(row[1]).toBe("b");
    expect(row[27]).toBe("ab");
    expect(row).toHaveLength(28);
  });

  it("uses General for a style without a known format, and a custom format over a built-in id", () => {
    const xfs = '<xf numFmtId="999"/><xf/>';
    const data =
      '<row r="1"><c r="A1" s="0"><v>0.5</v></c><c r="B1" s="1"><v>7</v></c><c r="C1" s="5"><v>2</v></c></row>';
    expect(cells(workbook(data, { xfs }))).toEqual([["0,5", "7", "2"]]);
  });
});

describe("dates whose format the number formatter cannot print as French Excel does", () => {
  /** A workbook whose one cell (40000: 6 July 2009) has the custom format `code`. */
  function dated(code: string): string {
    const bytes = workbook('<row r="1"><c r="A1" s="0"><v>40000</v></c></row>', {
      xfs: '<xf numFmtId="170" applyNumberFormat="1"/>',
    });
    const files = unzipSync(bytes);
    files["xl/styles.xml"] = strToU8(
      `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="170" formatCode="${code}"/></numFmts><cellXfs><xf numFmtId="170" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    );
    return readWorkbook(zipSync(files), "t.xlsx").rows[0].cells[0];
  }

  it.each([
    // « Date complète » and « Heure » of a French Excel: the machine's long date and time.
    ["[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "lundi 6 juillet 2009"],
    ["[$-x-sysdate]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "lundi 6 juillet 2009"],
    ["[$-F400]h:mm:ss\\ AM/PM", "00:00:00"],
    // A date format the formatter refuses: the date still, never the serial 40000.
    ["dd/mm/yyyy&quot;", "06/07/2009"],
  ])("shows %j as %j", (code, shown) => {
    expect(dated(code)).toBe(shown);
  });

  it("keeps a number whose format cannot be read as the number", () => {
    expect(dated("[Bad]0.00")).toBe("40000");
  });
});

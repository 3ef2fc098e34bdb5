// One line for a login or a password: the box it has, the width it takes, the size that fits.
import { boxBefore, fittedSize, readStyleMetrics, textEm, textWidthOf, withHalfPoints } from "../../src/core/merge/fit";
import { mergeLetters } from "../../src/core/merge";
import { readRoster, Roster } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";
import { cc, makeDocx, p, r } from "./helpers/docx";

const CONSOLAS = '<w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/><w:b/><w:sz w:val="30"/></w:rPr>';
const NO_STYLES = readStyleMetrics(undefined);

describe("widths and sizes", () => {
  it("measures monospace text at 0.6 em a character, Arial by its widths, bold 8 % wider", () => {
    expect(textEm("abc-12", CONSOLAS)).toBeCloseTo(3.6);
    expect(textEm("il", "")).toBeCloseTo(0.444);
    expect(textEm("MW", "")).toBeCloseTo(1.777);
    expect(textEm("é", "")).toBeCloseTo(textEm("e", ""));
    expect(textEm("Œ", "")).toBeCloseTo(1);
    expect(textEm("il", "<w:rPr><w:b/></w:rPr>")).toBeCloseTo(0.444 * 1.08);
  });

  it("keeps the size that fits, shrinks to the largest that fits, and stops at 8 pt", () => {
    // 10 characters of Consolas at 15 pt: 10 × 0.6 × 300 = 1,800 twips.
    expect(fittedSize("a".repeat(10), 1800, 30, CONSOLAS)).toEqual({ size: 30, fits: true });
    expect(fittedSize("a".repeat(10), 1799, 30, CONSOLAS)).toEqual({ size: 29, fits: true });
    expect(fittedSize("a".repeat(10), 960, 30, CONSOLAS)).toEqual({ size: 16, fits: true });
    expect(fittedSize("a".repeat(10), 959, 30, CONSOLAS)).toEqual({ size: 16, fits: false });
  });

  it("sets w:sz and w:szCs in their place, replacing the run's own", () => {
    expect(withHalfPoints(CONSOLAS, 22)).toBe(
      '<w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr>',
    );
    expect(withHalfPoints("", 20)).toBe('<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>');
    expect(withHalfPoints('<w:rPr><w:sz w:val="24"/></w:rPr>', 20)).toBe(
      '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
    );
    expect(withHalfPoints('<w:rPr><w:i/><w:u w:val="single"/><w:lang w:val="fr-FR"/></w:rPr>', 18)).toBe(
      '<w:rPr><w:i/><w:sz w:val="18"/><w:szCs w:val="18"/><w:u w:val="single"/><w:lang w:val="fr-FR"/></w:rPr>',
    );
  });

  it("reads the page's text width from the section", () => {
    expect(textWidthOf('<w:sectPr><w:pgSz w:w="12240"/><w:pgMar w:left="1000" w:right="1240"/></w:sectPr>')).toBe(
      10000,
    );
    expect(textWidthOf("<w:sectPr/>")).toBe(9072);
  });
});

describe("the box of a field", () => {
  const styles = readStyleMetrics(
    '<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:styleId="Cadre"><w:pPr><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr></w:style></w:styles>',
  );

  it("is the page's text width less the paragraph style's indents, at the style's size", () => {
    expect(boxBefore('<w:p><w:pPr><w:pStyle w:val="Cadre"/></w:pPr>', 9072, styles)).toEqual({
      width: 7938,
      halfPoints: 22,
    });
    expect(boxBefore("<w:p>", 9072, styles)).toEqual({ width: 9072, halfPoints: 21 });
  });

  it("takes the paragraph's own indents over its style's", () => {
    const before = '<w:p><w:pPr><w:pStyle w:val="Cadre"/><w:ind w:left="1000" w:hanging="300"/></w:pPr>';
    expect(boxBefore(before, 9072, styles).width).toBe(8072);
  });

  it("is the innermost open cell's width less its table's margins (108 twips a side by default)", () => {
    const cell = (w: number) => `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>`;
    expect(boxBefore(`<w:tbl><w:tr>${cell(3000)}<w:p>`, 9072, NO_STYLES).width).toBe(2784);
    const nested = `<w:tbl><w:tr>${cell(5000)}<w:tbl><w:tblPr><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="50" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tr>${cell(2000)}<w:p>`;
    expect(boxBefore(nested, 9072, NO_STYLES).width).toBe(1950);
    // A closed cell is not the box.
    expect(boxBefore(`<w:tbl><w:tr>${cell(3000)}<w:p/></w:tc></w:tr></w:tbl><w:p>`, 9072, NO_STYLES).width).toBe(9072);
  });

  it("leaves out the text before the field on its line, not on the lines before a break", () => {
    const label = '<w:p><w:r><w:t xml:space="preserve">Identifiant : </w:t></w:r>';
    const labelTwips = Math.round(textEm("Identifiant : ", "") * 20 * 10);
    expect(Math.round(9072 - boxBefore(label, 9072, NO_STYLES).width)).toBe(labelTwips);
    expect(boxBefore(`${label}<w:r><w:br/></w:r>`, 9072, NO_STYLES).width).toBe(9072);
  });
});

describe("a login in a merged letter", () => {
  let roster: Roster;
  beforeEach(() => {
    roster = readRoster(
      utf8(
        "Nom;Prénom;Login;Mot de passe\nDE SAINT-EXUPÉRY;Maximilien-Alexandre;maximilien-alexandre.desaint-exupery-lavalette;Zz9-Yy8\n",
      ),
      "test.csv",
    );
  });
  const cell = (w: number, inner: string) =>
    `<w:tbl><w:tblGrid><w:gridCol w:w="${w}"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>${inner}</w:tc></w:tr></w:tbl><w:p/>`;
  const merged = (body: string) => {
    const out = mergeLetters(makeDocx({ body }), roster.records, roster);
    return {
      xml: new TextDecoder().decode(require("fflate").unzipSync(out.docx)["word/document.xml"]),
      warnings: out.warnings,
    };
  };

  it("never breaks after a hyphen, in the login and the password, and keeps other fields' hyphens", () => {
    const { xml } = merged(
      p(cc("login", "Login", CONSOLAS.slice(7, -8))) + p(cc("password", "Mot de passe")) + p(cc("firstName", "Prénom")),
    );
    expect(xml).toContain(
      '<w:t xml:space="preserve">maximilien</w:t><w:noBreakHyphen/><w:t xml:space="preserve">alexandre.desaint</w:t>',
    );
    expect(xml).toContain('<w:t xml:space="preserve">Zz9</w:t><w:noBreakHyphen/><w:t xml:space="preserve">Yy8</w:t>');
    expect(xml).toContain(">Maximilien-Alexandre<");
  });

  it("keeps its size where it fits, shrinks where it does not, and warns below 8 pt", () => {
    const rPr = CONSOLAS.slice(7, -8);
    const sizeIn = (w: number) =>
      /<w:sz w:val="(\d+)"\/>(?:<w:szCs[^>]*>)?<\/w:rPr><w:t xml:space="preserve">maximilien/.exec(
        merged(cell(w, p(cc("login", "Login", rPr)))).xml,
      )?.[1];
    // 46 characters × 0.6 em × 15 pt = 414 pt = 8,280 twips, plus 216 of cell margins.
    expect(sizeIn(8500)).toBe("30");
    expect(sizeIn(5000)).toBe("17");
    const { warnings } = merged(cell(3000, p(cc("login", "Login", rPr))));
    expect(warnings).toEqual([
      expect.objectContaining({
        field: "Login",
        message: expect.stringMatching(
          /^Ligne 2, champ « Login » : « maximilien-alexandre.desaint-exupery-lavalette » \(46 caractères\) ne tient pas sur une ligne de sa case, même en 8 points/,
        ),
      }),
    ]);
  });

  it("counts the label before it on its line", () => {
    const rPr = CONSOLAS.slice(7, -8);
    const { xml } = merged(cell(8500, p(r("Identifiant : ") + cc("login", "Login", rPr))));
    expect(xml).toMatch(
      /<w:sz w:val="2[0-9]"\/><w:szCs w:val="2[0-9]"\/><\/w:rPr><w:t xml:space="preserve">maximilien/,
    );
  });
});

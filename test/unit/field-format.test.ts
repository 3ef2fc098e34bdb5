// MERGEFIELD switches as Word applies them, and Word fields a merge cannot honour.
import { applyFormat, parseMergeField, refuseUnsupportedField } from "../../src/core/merge/field-format";
import { mergeLetters } from "../../src/core/merge";
import { readRoster } from "../../src/core/roster";
import { makeDocx, p, paragraphsText, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";

describe("switches read from the field code", () => {
  it.each([
    [' MERGEFIELD "Nom de famille" \\* Upper ', { name: "Nom de famille", format: { case: "upper" } }],
    [" MERGEFIELD Prénom \\* Caps \\* MERGEFORMAT ", { name: "Prénom", format: { case: "caps" } }],
    [' MERGEFIELD Classe \\b "classe " \\f "." ', { name: "Classe", format: { before: "classe ", after: "." } }],
    [
      ' MERGEFIELD Date_de_naissance \\@ "d MMMM yyyy" ',
      { name: "Date_de_naissance", format: { date: "d MMMM yyyy" } },
    ],
    [" MERGEFIELD Montant \\# 0,00 ", { name: "Montant", format: { number: "0,00" } }],
    [" PAGE ", null],
  ])("%j", (instr, code) => {
    expect(parseMergeField(instr)).toEqual(code);
  });
});

describe("switches applied to a value", () => {
  it.each([
    ["dupont-moreau", { case: "upper" }, "DUPONT-MOREAU"],
    ["ÉLODIE", { case: "lower" }, "élodie"],
    ["jean-paul d'ornano", { case: "caps" }, "Jean-Paul D'Ornano"],
    ["élodie martin", { case: "firstcap" }, "Élodie martin"],
    ["6A", { before: "classe ", after: "." }, "classe 6A."],
    ["", { before: "classe ", after: "." }, ""],
    ["12/03/2011", { date: "d MMMM yyyy" }, "12 mars 2011"],
    ["2011-08-01", { date: "dddd d MMMM yyyy" }, "lundi 1 août 2011"],
    ["05/02/09", { date: "dd/MM/yy" }, "05/02/09"],
    ["pas une date", { date: "d MMMM yyyy" }, "pas une date"],
    ["31/02/2011", { date: "d MMMM" }, "31/02/2011"],
    ["1234.5", { number: "#,##0.00" }, "1\u202f234,50"],
    ["7", { number: "000" }, "007"],
    ["-3,25", { number: "0.0" }, "-3,3"],
    ["abc", { number: "0" }, "abc"],
  ])("%j with %j → %j", (value, format, out) => {
    expect(applyFormat(value, format as never)).toBe(out);
  });
});

describe("fields a merge cannot honour", () => {
  it.each(["GREETINGLINE \\l 1036", "ADDRESSBLOCK", "NEXT", "NEXTIF x = y", "SKIPIF x = y", 'IF x = "" "a" "b"'])(
    "refuses %s by name, in French",
    (instr) => {
      expect(() => refuseUnsupportedField(` ${instr} `)).toThrow(
        expect.objectContaining({ code: "unsupported-field", message: expect.stringContaining(`« ${instr} »`) }),
      );
    },
  );

  it.each([" PAGE ", " MERGEFIELD Nom ", " DATE \\@ dd/MM/yyyy ", ""])("lets %j through", (instr) => {
    expect(() => refuseUnsupportedField(instr)).not.toThrow();
  });

  it("applies switches in a merge and refuses a GREETINGLINE in the template", () => {
    const roster = readRoster(
      utf8("Nom;Prénom;Login;Mot de passe;Classe\ndupont;élodie;e.d;x;6A\nmartin;léo;l.m;y;\n"),
      "t.csv",
    );
    const field = (instr: string) =>
      `<w:fldSimple w:instr="${instr.replace(/"/g, "&quot;")}"><w:r><w:t>x</w:t></w:r></w:fldSimple>`;
    const body = p(field(" MERGEFIELD Nom \\* Upper ") + field(' MERGEFIELD Classe \\b " – classe " '));
    const xml = unzipText(mergeLetters(makeDocx({ body }), roster.records, roster).docx)["word/document.xml"];
    expect(paragraphsText(xml).filter((t) => t)).toEqual(["DUPONT – classe 6A", "MARTIN"]);
    const greeting = makeDocx({ body: body + p(field(" GREETINGLINE ")) });
    expect(() => mergeLetters(greeting, roster.records, roster)).toThrow(
      expect.objectContaining({ code: "unsupported-field" }),
    );
  });
});

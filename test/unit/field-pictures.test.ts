// A field's format lives in the catalog (the birth date is a date printed dd/MM/yyyy) and
// is applied once, when the record is read, so a content control, a MERGEFIELD, a preview
// and an e-mail all print the same; a MERGEFIELD's own \@ picture then applies to it.
import { fieldDef } from "../../src/core/catalog";
import { mergeLetters } from "../../src/core/merge";
import { readRoster } from "../../src/core/roster";
import { cc, makeDocx, p, paragraphsText, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";

const CSV = (birth: string) =>
  `Nom;Prénom;Login;Mot de passe;Date de naissance\nMOREAU;Aïcha;aicha.moreau;k3x9pq7a;${birth}\n`;

const field = (instr: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>«x»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

function printed(birth: string, body: string): string[] {
  const roster = readRoster(utf8(CSV(birth)), "eleves.csv");
  const out = mergeLetters(makeDocx({ body }), roster.records, roster);
  return paragraphsText(unzipText(out.docx)["word/document.xml"]).filter(Boolean);
}

describe("field formats from the catalog", () => {
  it("says the birth date is a date printed dd/MM/yyyy", () => {
    expect(fieldDef("birthDate").format).toEqual({ date: "dd/MM/yyyy" });
  });

  it.each([
    ["2012-03-05", "05/03/2012"],
    ["5/3/2012", "05/03/2012"],
    ["05.03.12", "05/03/2012"],
    ["2012-03-05T00:00:00", "05/03/2012"],
    ["05/03/2012", "05/03/2012"],
    // Two-digit years as Windows reads them: 00–29 are 2000s, 30–99 the 1900s (a parent's 1975).
    ["12/03/75", "12/03/1975"],
    ["12/03/29", "12/03/2029"],
  ])("reads %s as the date %s in the record", (birth, shown) => {
    const roster = readRoster(utf8(CSV(birth)), "eleves.csv");
    expect(roster.records[0].values.birthDate).toBe(shown);
    expect(roster.records[0].raw["Date de naissance"]).toBe(birth);
    expect(roster.problems).toEqual([]);
  });

  it("prints the same date from a content control and from a MERGEFIELD", () => {
    const body = p(cc("birthDate", "Date de naissance")) + p(field(" MERGEFIELD Date_de_naissance "));
    expect(printed("2012-03-05", body)).toEqual(["05/03/2012", "05/03/2012"]);
  });

  it("applies a MERGEFIELD's own date picture to the date read", () => {
    const body = p(field(' MERGEFIELD "Date de naissance" \\@ "d MMMM yyyy" '));
    expect(printed("2012-03-05", body)).toEqual(["5 mars 2012"]);
  });

  it("prints a date it cannot read as written, and says so on the row, never guessing", () => {
    const roster = readRoster(utf8(CSV("31/02/2012")), "eleves.csv");
    expect(roster.records[0].values.birthDate).toBe("31/02/2012");
    expect(roster.problems).toEqual([
      expect.objectContaining({
        row: 2,
        field: "Date de naissance",
        code: "unreadable-format",
        severity: "warning",
        message:
          "Ligne 2 (MOREAU Aïcha, aicha.moreau), colonne « Date de naissance » : « 31/02/2012 » n'est pas une date lisible ; elle est imprimée telle quelle. Corrigez la valeur dans l'ENT si elle doit paraître sur les courriers.",
      }),
    ]);
  });

  it("leaves an empty date empty, with nothing to say", () => {
    const roster = readRoster(utf8(CSV("")), "eleves.csv");
    expect(roster.records[0].values.birthDate).toBe("");
    expect(roster.problems).toEqual([]);
  });
});

// MERGEFIELD switches as Word applies them, and Word fields a merge cannot honour.
import { applyFormat, isNextField, parseMergeField, refuseUnsupportedField } from "../../src/core/merge/field-format";
import { mergeLetters } from "../../src/core/merge";
import { readRoster, Roster } from "../../src/core/roster";
import { makeDocx, p, paragraphsText, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";
import { refusal, thrown } from "./helpers/refusal";

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
    // Switches written tight, a switch without its text, every case, an unknown case, a padded name.
    ["MERGEFIELD Nom \\*Lower", { name: "Nom", format: { case: "lower" } }],
    ["MERGEFIELD Nom \\* FirstCap \\b", { name: "Nom", format: { case: "firstcap", before: "" } }],
    ["MERGEFIELD Nom \\* Upper \\f", { name: "Nom", format: { case: "upper", after: "" } }],
    ["MERGEFIELD Nom \\* Capitalize", { name: "Nom", format: {} }],
    ['MERGEFIELD " Nom " \\@ "d/M"', { name: "Nom", format: { date: "d/M" } }],
    // A picture written without quotes runs to the next switch (issue 31).
    [" MERGEFIELD Date \\@ d MMMM yyyy ", { name: "Date", format: { date: "d MMMM yyyy" } }],
    [" MERGEFIELD Date \\@ dd/MM/yyyy \\* MERGEFORMAT ", { name: "Date", format: { date: "dd/MM/yyyy" } }],
    [' MERGEFIELD Montant \\# "$#,##0.00" ', { name: "Montant", format: { number: "$#,##0.00" } }],
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
    // Issue 31: every date and time code, French abbreviations as Word writes them, literals.
    ["05/03/2024 14:30", { date: "d MMM yyyy HH:mm" }, "5 mars 2024 14:30"],
    ["24/12/2011", { date: "d MMM yyyy" }, "24 déc. 2011"],
    ["01/08/2012", { date: "d MMM" }, "1 août"],
    ["01/02/2012", { date: "d MMM" }, "1 févr."],
    ["07/09/2012", { date: "ddd d MMM" }, "ven. 7 sept."],
    ["2024-03-05T09:05:07", { date: "H:mm:ss" }, "9:05:07"],
    ["05/03/2024 14:05", { date: "h:mm AM/PM" }, "2:05 PM"],
    ["05/03/2024 00:05", { date: "hh:mm am/pm" }, "12:05 am"],
    ["05/03/2024 14:30", { date: "dd/MM/yy 'à' HH'h'mm" }, "05/03/24 à 14h30"],
    ["14:30", { date: "HH:mm" }, "14:30"],
    ["1234.5", { number: "$#,##0.00" }, "$1\u202f234,50"],
    ["15", { number: "0.00%" }, "15,00%"],
    ["-20", { number: "#,##0.00 €;-#,##0.00 €" }, "-20,00 €"],
    ["-20", { number: "#,##0.00 €;(#,##0.00 €)" }, "(20,00 €)"],
    ["0", { number: "0.00;-0.00;'néant'" }, "néant"],
    ["-20", { number: "0.00 €" }, "-20,00 €"],
  ])("%j with %j → %j", (value, format, out) => {
    expect(applyFormat(value, format as never)).toBe(out);
  });
});

describe("fields a merge cannot honour", () => {
  it.each([
    ["NEXTIF x = y", "un champ « Enregistrement suivant si » (NEXTIF) : choisissez les personnes dans le volet"],
    [
      "SKIPIF x y",
      "un champ « Ignorer l'enregistrement si » (SKIPIF) écrit d'une façon que Word lui-même n'évalue pas",
    ],
    ["IF a b c d", "un champ Word « Si… Alors… Sinon » (IF) écrit d'une façon que Word lui-même n'évalue pas"],
  ])("refuses %s by name, in French, saying what to do", (instr, says) => {
    const { code, message } = refusal(() => refuseUnsupportedField(` ${instr} `));
    expect(code).toBe("unsupported-field");
    expect(message.startsWith(`Le courrier contient ${says}`)).toBe(true);
    expect(message.endsWith(` Champ : « ${instr} ».`)).toBe(true);
  });

  it("refuses a field written without spaces, naming its kind", () => {
    expect(thrown(() => refuseUnsupportedField("NEXTIF"))).toMatchObject({
      code: "unsupported-field",
      fields: ["NEXTIF"],
      message:
        "Le courrier contient un champ « Enregistrement suivant si » (NEXTIF) : choisissez les personnes dans le volet ou avec --profile, --class. Champ : « NEXTIF ».",
    });
  });

  it.each([
    ["NEXT", true],
    ["  next  ", true],
    ["NEXTIF x = y", false],
    ["NEXT x", false],
    ["MERGEFIELD NEXT", false],
  ])("reads %j as Word's Next Record: %j", (instr, next) => {
    expect(isNextField(instr)).toBe(next);
  });

  it.each([" PAGE ", " MERGEFIELD Nom ", " DATE \\@ dd/MM/yyyy ", "", "=SUM(A1) IF"])("lets %j through", (instr) => {
    expect(() => refuseUnsupportedField(instr)).not.toThrow();
  });

  it("applies switches in a merge, and writes a GREETINGLINE as French says it", () => {
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
    const letters = unzipText(mergeLetters(greeting, roster.records, roster).docx)["word/document.xml"];
    expect(paragraphsText(letters).filter((t) => t)).toEqual([
      "DUPONT – classe 6A",
      "Madame, Monsieur,",
      "MARTIN",
      "Madame, Monsieur,",
    ]);
  });
});

describe("Word IF fields over a merge field", () => {
  const fc = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
  const instr = (text: string) =>
    `<w:r><w:instrText xml:space="preserve">${text.replace(/"/g, "&quot;")}</w:instrText></w:r>`;
  const ifField = (field: string, rest: string, before = "") =>
    fc("begin") +
    instr(` IF ${before}`) +
    fc("begin") +
    instr(` MERGEFIELD ${field} `) +
    fc("separate") +
    `<w:r><w:t>«${field}»</w:t></w:r>` +
    fc("end") +
    instr(rest) +
    fc("separate") +
    `<w:r><w:rPr><w:b/></w:rPr><w:t>ancien résultat</w:t></w:r>` +
    fc("end");
  let roster: Roster;
  // Per test, not at load: see 'Static mutants' in docs/testing.md.
  beforeEach(() => {
    roster = readRoster(
      utf8("Nom;Prénom;Login;Mot de passe;Classe;Élève;Niveau\nA;Léa;l.a;x;6A;Zoé A;6\nB;Tom;t.b;y;;;3\n"),
      "t.csv",
    );
  });
  const merged = (body: string) =>
    paragraphsText(
      unzipText(mergeLetters(makeDocx({ body }), roster.records, roster).docx)["word/document.xml"],
    ).filter((t) => t);

  it.each([
    [' = "" "Sans enfant" "Parent d\'élève" ', "", ["Parent d'élève", "Sans enfant"]],
    [' <> "" "avec classe" "sans classe" ', "", ["avec classe", "sans classe"]],
    [' = "6A" "en 6A" "ailleurs" ', "", ["en 6A", "ailleurs"]],
    [' >= 5 "collège 6e-5e" "cycle 4" ', "", ["collège 6e-5e", "cycle 4"]],
    [' "égal" "différent" ', '"6A" = ', ["égal", "différent"]],
  ])("IF %s prints the text the value chooses, not the template's old result", (rest, before, texts) => {
    const field = rest.includes(">=") ? "Niveau" : rest.includes("enfant") ? "Élève" : "Classe";
    expect(merged(p(ifField(field, rest, before)))).toEqual(texts);
  });

  it("keeps the run properties of the IF's result", () => {
    const xml = unzipText(
      mergeLetters(makeDocx({ body: p(ifField("Classe", ' = "6A" "oui" "non" ')) }), roster.records, roster).docx,
    )["word/document.xml"];
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">oui</w:t></w:r>');
    expect(xml).not.toContain("ancien résultat");
  });

  it("refuses an IF it cannot evaluate, by name", () => {
    const body = p(fc("begin") + instr(" IF a b c d ") + fc("separate") + "<w:r><w:t>a</w:t></w:r>" + fc("end"));
    expect(() =>
      mergeLetters(makeDocx({ body: p(ifField("Classe", ' = "6A" "x" "y" ')) + body }), roster.records, roster),
    ).toThrow(expect.objectContaining({ code: "unsupported-field" }));
  });
});

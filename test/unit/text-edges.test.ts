// Edges of the text layer, each with what a user would see: the CSV delimiter and line
// numbers (a problem names the right line), Open ENT NG's unescaped quotes, the order and
// filters of the letters (French collation, classless last), and character references.
import { parseCsv } from "../../src/core/roster/csv";
import { selectRecords, RosterRecord } from "../../src/core/roster";
import { decodeEntities, describeChar, escapeXml, invalidXmlChars, stripInvalidXml } from "../../src/core/xml";

describe("parseCsv", () => {
  it.each([
    ["Nom;Prénom,Classe;Login", ";"],
    ["Nom,Prénom,Login", ","],
    ["Nom\tPrénom\tLogin;x", "\t"],
    ['"Nom;Prénom";Login', ";"],
    ['"Nom;Prénom;Classe",Login,Profil', ","],
    ["Login", ";"],
    ["", ";"],
  ])("the header %j says the delimiter %j", (header, delimiter) => {
    expect(parseCsv(`${header}\na;b;c\n`).delimiter).toBe(delimiter);
  });

  it("numbers rows by their line in the file, past blank lines and CR or CRLF ends", () => {
    const table = parseCsv("\n\r\nNom;Login\r\n\r\nA;a\rB;b\n\n\nC;c");
    expect(table.rows.map((r) => [r.line, r.cells.join("|")])).toEqual([
      [3, "Nom|Login"],
      [5, "A|a"],
      [6, "B|b"],
      [9, "C|c"],
    ]);
  });

  it("names the line of a quote nobody closes, after blank lines", () => {
    const table = parseCsv('Nom;Login\nA;a\n\n\n"B;b\nC;c\n');
    expect(table.unclosedQuoteLine).toBe(5);
  });

  it("reads Open ENT NG's unescaped quotes when every line is quoted, and says so", () => {
    const table = parseCsv('"Nom";"Prénom"\n"DUPONT";"Jean "JJ""\n\n"MOREL";"Lise"\n');
    expect(table.rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ["Nom", "Prénom"]],
      [2, ["DUPONT", 'Jean "JJ"']],
      [4, ["MOREL", "Lise"]],
    ]);
    expect(table.notes).toEqual([
      "Guillemets non doublés à l'intérieur des valeurs (export Open ENT NG) : lus tels quels.",
    ]);
  });

  it.each([
    ['"Nom";"Prénom"\nDUPONT;"Jean "JJ""\n'],
    ['"Nom";"Prénom"\n"DUPONT";Jean "JJ"\n'],
    ['"\n"Nom";"Prénom"\n'],
  ])("does not take %j for an Open ENT NG file", (text) => {
    expect(parseCsv(text).notes).toEqual([]);
  });
});

describe("selectRecords", () => {
  let row = 1;
  const rec = (lastName: string, firstName: string, classes: string[], extra: Partial<RosterRecord> = {}) =>
    ({
      row: ++row,
      profile: "élève",
      lists: { class: classes },
      raw: {},
      ...extra,
      values: { lastName, firstName, class: classes.join(", "), level: extra.values?.level ?? "" },
    }) as unknown as RosterRecord;
  const people = [
    rec("Zola", "Émile", ["6B"]),
    rec("élie", "Ana", ["6A"]),
    rec("Abel", "Zoé", []),
    rec("Eliot", "Bob", ["10A"]),
    rec("Élie", "Aaron", ["6A", "5C"]),
    rec("Abel", "Marc", []),
  ];
  const names = (list: RosterRecord[]) => list.map((r) => `${r.values.lastName} ${r.values.firstName}`);

  it("sorts by class (numbers as numbers), then name, the classless last", () => {
    expect(names(selectRecords(people, { sort: "class" }))).toEqual([
      "Élie Aaron",
      "élie Ana",
      "Zola Émile",
      "Eliot Bob",
      "Abel Marc",
      "Abel Zoé",
    ]);
  });

  it("sorts by name with accents and case ignored, then first name, then file order", () => {
    const twins = [rec("Martin", "Léa", ["6A"]), rec("MARTIN", "lea", ["6B"])];
    expect(names(selectRecords([...people, ...twins], { sort: "name" }))).toEqual([
      "Abel Marc",
      "Abel Zoé",
      "Élie Aaron",
      "élie Ana",
      "Eliot Bob",
      "Martin Léa",
      "MARTIN lea",
      "Zola Émile",
    ]);
    expect(names(selectRecords([...twins].reverse(), { sort: "name" }))).toEqual(["Martin Léa", "MARTIN lea"]);
  });

  it("keeps file order when asked", () => {
    expect(names(selectRecords([...people].reverse(), { sort: "file" }))).toEqual(names(people));
  });

  it("filters classes and levels loosely (case, accents, spaces), a parent by any child's class", () => {
    expect(names(selectRecords(people, { classes: [" 5c "], sort: "file" }))).toEqual(["Élie Aaron"]);
    const leveled = [
      rec("A", "a", ["6A"], { values: { level: "6ème" } } as Partial<RosterRecord>),
      rec("B", "b", ["5A"]),
    ];
    expect(selectRecords(leveled, { levels: ["6EME", "4EME"] }).map((r) => r.values.lastName)).toEqual(["A"]);
  });
});

describe("character references", () => {
  it.each([
    ["&amp;&lt;&gt;&quot;&apos;&nbsp;", "&<>\"'\u00a0"],
    ["&#39;&#x27;&#X27;", "'''"],
    ["&#0;", "\u0000"],
    ["&#x10FFFF;", "\u{10ffff}"],
    ["&#x110000;", "&#x110000;"],
    ["&eacute; &unknown; & ;", "&eacute; &unknown; & ;"],
    ["sans référence", "sans référence"],
  ])("decodeEntities(%j)", (text, decoded) => expect(decodeEntities(text)).toBe(decoded));

  it("escapes the five XML characters", () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
  });

  it("finds and strips what XML forbids, keeping tab, line ends and paired surrogates", () => {
    const text = "a\u0000b\u0008c\td\ne\rf\u000bg\u000ch\u000ei\u001fj\ufffek\uffffl😀m\ud800n\udc00o";
    expect(invalidXmlChars(text).map(describeChar)).toEqual([
      "U+0000",
      "U+0008",
      "U+000B",
      "U+000C",
      "U+000E",
      "U+001F",
      "U+FFFE",
      "U+FFFF",
      "U+D800",
      "U+DC00",
    ]);
    expect(stripInvalidXml(text)).toBe("abc\td\ne\rfghijkl😀mno");
  });
});

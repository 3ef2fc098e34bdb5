// The CSV reader on its own: delimiter, line numbers, quotes, Open ENT NG's unescaped quotes.
import { parseCsv } from "../../src/core/roster/csv";
import { readRoster } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";

const rows = (text: string) => parseCsv(text).rows.map((r) => [r.line, ...r.cells]);

describe("delimiter: the one that splits the header into the most cells outside quotes", () => {
  it.each([
    ["Nom;Prénom;Login", ";"],
    ["Nom,Prénom,Login", ","],
    ["Nom\tPrénom\tLogin", "\t"],
    ['"Nom;Prénom",Login,Mot de passe', ","],
    ['"Nom;Prénom;Classe;Élève",Login,Mot de passe', ","],
    ["Nom;Prénom,Login;Mot de passe", ";"],
    ["Login", ";"],
    ["Nom,Prénom;Login;Mot de passe\r\nx", ";"],
  ])("%j → %j", (header, delimiter) => {
    expect(parseCsv(`${header}\n`).delimiter).toBe(delimiter);
  });
});

describe("line numbers", () => {
  it("counts blank lines and line breaks inside quoted values", () => {
    expect(rows('a;b\n\n"x\ny";z\nq;r\n')).toEqual([
      [1, "a", "b"],
      [3, "x\ny", "z"],
      [5, "q", "r"],
    ]);
  });

  it("numbers a row after leading blank lines from its own line", () => {
    expect(rows("\n\nLogin;Mot de passe\r\n\r\na;b")).toEqual([
      [3, "Login", "Mot de passe"],
      [5, "a", "b"],
    ]);
  });

  it("keeps empty cells of a row that is not blank", () => {
    expect(rows("a;b\n;\n;c\n")).toEqual([
      [1, "a", "b"],
      [3, "", "c"],
    ]);
  });
});

describe("quotes", () => {
  it("reads Open ENT NG's unescaped quotes when every line is quoted, and says so", () => {
    const table = parseCsv('"Nom";"Prénom"\n"DUPONT";"Jean "JJ""\n\n"A";"B"\n');
    expect(table.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [1, "Nom", "Prénom"],
      [2, "DUPONT", 'Jean "JJ"'],
      [4, "A", "B"],
    ]);
    expect(table.notes).toEqual([
      "Guillemets non doublés à l'intérieur des valeurs (export Open ENT NG) : lus tels quels.",
    ]);
    expect(table.unclosedQuoteLine).toBeUndefined();
  });

  it("does not take a file for Open ENT NG when only some lines are quoted", () => {
    const table = parseCsv('"Nom";"Prénom"\nDUPONT;"Jean\n"A";"B"\n');
    expect(table.notes).toEqual([]);
    expect(table.rows[0].cells).toEqual(["Nom", "Prénom"]);
  });

  it("reads well-formed quotes with no note", () => {
    const table = parseCsv('Nom;Prénom\n"DU;PONT";"Jean ""JJ"""\n');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ["Nom", "Prénom"],
      ["DU;PONT", 'Jean "JJ"'],
    ]);
    expect(table.notes).toEqual([]);
  });

  it("reads a well-formed file quoted throughout with no note", () => {
    expect(parseCsv('"Nom";"Login"\n"A";"a"\n')).toEqual({
      rows: [
        { line: 1, cells: ["Nom", "Login"] },
        { line: 2, cells: ["A", "a"] },
      ],
      delimiter: ";",
      notes: [],
    });
  });

  it("still reads Open ENT NG's quotes when a line holds only spaces", () => {
    const table = parseCsv('"Nom";"Prénom"\n"DUPONT";"Jean "JJ""\n   \n"A";"B"\n');
    expect(table.rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(table.notes).toHaveLength(1);
  });

  it("names the line of an unclosed quote where every line starts with a quote but one does not end with it", () => {
    const table = parseCsv('"Nom";"Prénom"\n"DUPONT";"Jean "JJ""\n"A";"B\n');
    expect(table.notes).toEqual([]);
    expect(table.unclosedQuoteLine).toBe(2);
    expect(parseCsv('Nom;Login\r\nA;a\r\n\r\nB;"b\n').unclosedQuoteLine).toBe(4);
  });

  it("names the line of an unclosed quote through the importer", () => {
    expect(() => readRoster(utf8('Login;Mot de passe\na;b\n\n"c;d\n'), "q.csv")).toThrow(
      expect.objectContaining({ code: "unclosed-quote", message: expect.stringContaining("ligne 4") }),
    );
  });
});

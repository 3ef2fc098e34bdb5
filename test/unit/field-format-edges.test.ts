// Word's field switches and IF fields at their edges: every comparison, numbers against
// text and wildcards, IF codes read or not, dates in every picture part and every month,
// numbers with groups and signs.
import { applyFormat } from "../../src/core/merge/field-format";
import { compare, CompareOp, evaluateField, FieldText, parseFieldCode } from "../../src/core/merge/field-code";

describe("IF comparisons", () => {
  // value, literal, then = <> < <= > >=
  it.each([
    ["5", "5", "oui non non oui non oui"],
    ["4", "5", "non oui oui oui non non"],
    ["6", "5", "non oui non non oui oui"],
    ["10", "9", "non oui non non oui oui"],
    ["2,5", "2.5", "oui non non oui non oui"],
    ["b", "a", "non oui non non oui oui"],
    ["a", "b", "non oui oui oui non non"],
    ["a", "a", "oui non non oui non oui"],
    ["", "0", "non oui oui oui non non"],
    [" ", "0", "non oui oui oui non non"],
    ["5", "x", "non oui oui oui non non"],
  ])("%j against %j", (value, literal, expected) => {
    const ops: CompareOp[] = ["=", "<>", "<", "<=", ">", ">="];
    expect(ops.map((op) => (compare(value, op, literal) ? "oui" : "non")).join(" ")).toBe(expected);
  });

  it.each([
    ["Dupont", "D*", true],
    ["Dupont", "d?pont", true],
    ["Dupont", "M*", false],
    ["a.b", "a?b", true],
  ])("%j = %j with Word's wildcards: %j", (value, pattern, holds) => {
    expect(compare(value, "=", pattern)).toBe(holds);
    expect(compare(value, "<>", pattern)).toBe(!holds);
  });
});

describe("IF codes", () => {
  const niveau = parseFieldCode([" MERGEFIELD Niveau "]);
  const ifOf = (...code: FieldText) => parseFieldCode(code);
  const value = (node: ReturnType<typeof parseFieldCode>, n: string) =>
    evaluateField(node, { merge: () => n, part: () => "" });

  it.each([
    [["IF ", niveau, ' = "6" "Sixième"'], "6", "Sixième"],
    [[" if ", niveau, " <> 6 oui non"], "6", "non"],
    [['IF "6" = ', niveau, ' "a" "b"'], "6", "a"],
    [["IF ", niveau, '="6" "a" "b"'], "5", "b"],
    [['IF "', niveau, '" = "6" "a" "b" \\* Upper'], "6", "A"],
  ] as Array<[FieldText, string, string]>)("reads %j", (code, n, printed) => {
    expect(value(ifOf(...code), n)).toBe(printed);
  });

  it.each([
    [["XIF ", niveau, ' = "6" "a"']],
    [["IF ", niveau, ' = "6" "a" "b" "c"']],
    [["IF ", niveau, ' "6" "a" "b"']],
  ] as Array<[FieldText]>)("cannot evaluate %j", (code) => {
    expect(ifOf(...code).kind).toBe("other");
  });
});

describe("date pictures", () => {
  const date = (value: string, picture: string) => applyFormat(value, { date: picture });

  // Word's French abbreviations (issue 31: "mars.", "déce." were wrong).
  it("writes every part of a date", () => {
    expect(date("05/03/2011", "dddd d MMMM yyyy")).toBe("samedi 5 mars 2011");
    expect(date("05/03/2011", "ddd dd/MM/yy")).toBe("sam. 05/03/11");
    expect(date("05/03/2011", "d/M/yyyy")).toBe("5/3/2011");
    expect(date("05/03/2011", "'le' d MMM")).toBe("le 5 mars");
  });

  it.each([
    [1, "janvier", "janv."],
    [2, "février", "févr."],
    [3, "mars", "mars"],
    [4, "avril", "avr."],
    [5, "mai", "mai"],
    [6, "juin", "juin"],
    [7, "juillet", "juil."],
    [8, "août", "août"],
    [9, "septembre", "sept."],
    [10, "octobre", "oct."],
    [11, "novembre", "nov."],
    [12, "décembre", "déc."],
  ])("month %i is %s (%s)", (month, long, short) => {
    expect(date(`01/${month}/2024`, "MMMM|MMM|M")).toBe(`${long}|${short}|${month}`);
  });

  it.each([
    ["07/01/2024", "dimanche"],
    ["01/01/2024", "lundi"],
    ["02/01/2024", "mardi"],
    ["03/01/2024", "mercredi"],
    ["04/01/2024", "jeudi"],
    ["05/01/2024", "vendredi"],
    ["06/01/2024", "samedi"],
  ])("%s is a %s", (value, day) => {
    expect(date(value, "dddd")).toBe(day);
  });

  it("reads short years, ISO dates and spaces around; leaves anything else as it is", () => {
    expect(date(" 5.3.11 ", "yyyy-MM-dd")).toBe("2011-03-05");
    expect(date("1999-12-31T10:00", "d/M/yyyy")).toBe("31/12/1999");
    expect(date("05/03/1", "yyyy")).toBe("05/03/1");
    expect(date("05/03/2011x", "yyyy")).toBe("05/03/2011x");
    expect(date("x2011-03-05", "yyyy")).toBe("x2011-03-05");
    expect(date("31/02/2024", "yyyy")).toBe("31/02/2024");
    expect(date("31/04/2024", "yyyy")).toBe("31/04/2024");
    expect(date("00/01/2024", "yyyy")).toBe("00/01/2024");
    expect(date("05/03/0100", "yyyy")).toBe("100");
  });
});

describe("number pictures", () => {
  const number = (value: string, picture: string) => applyFormat(value, { number: picture });

  it.each([
    ["1234567", "#,##0", "1\u202f234\u202f567"],
    ["1234", "0", "1234"],
    ["-1234,5", "#,##0.00", "-1\u202f234,50"],
    ["0", "0.0", "0,0"],
    ["-0", "0", "0"],
    ["7", "000", "007"],
    [" 1 000 ", "0", "1000"],
    ["abc", "0", "abc"],
    ["  ", "0", "  "],
  ])("%j with %j is %j", (value, picture, expected) => {
    expect(number(value, picture)).toBe(expected);
  });
});

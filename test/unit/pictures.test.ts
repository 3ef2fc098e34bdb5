// Core's one date parser and the pictures the catalog's formats use.
import { applyPicture, excelSerialDate, formatDate, formatNumber, parseDate } from "../../src/core/pictures";

describe("excelSerialDate", () => {
  it.each([
    [40000, false, "2009-07-06T00:00:00.000Z"],
    [40000.5625, false, "2009-07-06T13:30:00.000Z"],
    // A Mac workbook counts from 1904: the same serial is 1,462 days later.
    [40000, true, "2013-07-07T00:00:00.000Z"],
    [1, false, "1899-12-31T00:00:00.000Z"],
  ])("reads %d (1904 system: %s) as %s", (serial, date1904, iso) => {
    expect(excelSerialDate(serial, date1904)?.toISOString()).toBe(iso);
  });

  it.each([0, -5, Number.NaN])("has no date for %d", (serial) => {
    expect(excelSerialDate(serial)).toBeNull();
  });
});

describe("parseDate", () => {
  it.each(["31/02/2012", "2012-13-01", "12/03", "demain", "12/03/2012 25:00"])("refuses %s", (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe("applyPicture", () => {
  it.each([
    ["2012-03-05", { date: "d MMMM yyyy" }, "5 mars 2012"],
    ["1234,5", { number: "#,##0.00" }, "1\u202f234,50"],
    ["", { date: "dd/MM/yyyy" }, ""],
    ["  ", { number: "0" }, "  "],
    ["hier", { date: "dd/MM/yyyy" }, null],
    ["douze", { number: "0" }, null],
  ] as const)("prints %j with %j as %j", (value, picture, shown) => {
    expect(applyPicture(value, picture)).toBe(shown);
  });
});

describe("parseDate with a time", () => {
  const iso = (text: string) => parseDate(text)?.toISOString() ?? null;
  it.each([
    ["05/03/2012 14:30", "2012-03-05T14:30:00.000Z"],
    ["2012-03-05T14:30:05", "2012-03-05T14:30:05.000Z"],
    ["2012-03-05  9:05", "2012-03-05T09:05:00.000Z"],
    ["2012-03-05T14:30:05.123Z", "2012-03-05T14:30:05.000Z"],
    ["2012-03-05T14:30:05,5+02:00", "2012-03-05T14:30:05.000Z"],
    ["2012-03-05T14:30:05-0130", "2012-03-05T14:30:05.000Z"],
    ["14:30", "1900-01-01T14:30:00.000Z"],
    ["9:05:07", "1900-01-01T09:05:07.000Z"],
    // Two-digit years: 29 is 2029, 30 is 1930.
    ["12/03/30", "1930-03-12T00:00:00.000Z"],
    ["12/03/00", "2000-03-12T00:00:00.000Z"],
  ])("reads %s", (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    "05/03/2012 24:00",
    "05/03/2012 12:60",
    "05/03/2012 12:00:60",
    "05/03/2012 12:0",
    "05/03/2012 1a:00",
    "05/03/2012 12:00 du matin",
    "2012-03-05 14:30x",
    "2012-03-05x",
    "x2012-03-05",
    "a14:30",
    "1:3",
    "05/03/2012 14:30:05.x",
    "05/03/2012 14:30+2:00",
    "05/03/2012 14:30*02:00",
  ])("refuses %s", (text) => {
    expect(iso(text)).toBeNull();
  });
});

describe("formatDate", () => {
  const at = (iso: string, picture: string) => formatDate(new Date(iso), picture);
  it.each([
    ["2012-03-05T00:05:09Z", "h:mm:ss AM/PM", "12:05:09 AM"],
    ["2012-03-05T12:00:00Z", "hh:mm am/pm", "12:00 pm"],
    ["2012-03-05T13:07:00Z", "h A/P", "1 P"],
    ["2012-03-05T11:07:00Z", "h a/p", "11 a"],
    ["2012-03-05T23:07:00Z", "H HH hh", "23 23 11"],
    ["2012-03-05T08:07:03Z", "H HH m mm s ss", "8 08 7 07 3 03"],
    ["2012-03-05T08:07:03Z", "'le' d 'à' H'h'", "le 5 à 8h"],
    ["2012-03-05T08:07:03Z", "ddd d MMM yy", "lun. 5 mars 12"],
    ["2012-12-25T08:07:03Z", "dddd dd MMMM yyyy M", "mardi 25 décembre 2012 12"],
  ])("prints %s with %j as %j", (iso, picture, shown) => {
    expect(at(iso, picture)).toBe(shown);
  });
});

describe("formatNumber", () => {
  it.each([
    ["5", "0' €'", "5 €"],
    ["-5", "0", "-5"],
    ["-5", "0;(0)", "(5)"],
    ["0", "0;(0);'zéro'", "zéro"],
    ["0", "0;(0)", "0"],
    ["5", "0;(0);'zéro'", "5"],
    ["0,5", "#.00", "0,50"],
    ["0,5", "#", "1"],
    [" 1 234,5 ", "0.0", "1234,5"],
    ["7", "'n° '00", "n° 07"],
    ["7", "'a;b' 0", "a;b 7"],
    ["12", "'total'", "total"],
  ])("prints %j with %j as %j", (value, picture, shown) => {
    expect(formatNumber(value, picture)).toBe(shown);
  });

  it.each(["", "  ", "douze", "1,2,3"])("has no number for %j", (value) => {
    expect(formatNumber(value, "0")).toBeNull();
  });
});

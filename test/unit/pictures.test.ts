// Core's one date parser and the pictures the catalog's formats use.
import { applyPicture, excelSerialDate, parseDate } from "../../src/core/pictures";

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

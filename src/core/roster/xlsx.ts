// .xlsx → rows of the first sheet, each cell as Excel *displays* it: a number formatted
// `000000` reads `001000`, a date reads as a French Excel shows it. The workbook is a zip
// of XML parts (fflate); the parts are read with small scanners, and numfmt applies the
// number formats. (The npm `xlsx` package is avoided: 0.18.5 has unpatched advisories.)
import { format as formatNumber, isDateFormat } from "numfmt";
import { OpcPackage, resolveTarget } from "../opc";
import { attrText, decodeEntities } from "../xml";
import { EXPORT_HINT, RosterError } from "./errors";
import { isBlankRow, Table, TableRow } from "./table";

// Built-in number formats, with the French display of the locale-dependent ones (14, 22).
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "dd/mm/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "dd/mm/yyyy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** OOXML escapes characters XML cannot hold as _xHHHH_. */
function decodeOoxmlText(text: string): string {
  return decodeEntities(text).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** The text of every <t> inside a fragment (rich text runs are concatenated; phonetic runs skipped). */
function textOf(fragment: string): string {
  const withoutPhonetic = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    out += m[1] ? decodeOoxmlText(m[1]) : "";
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => (m[1] ? textOf(m[1]) : ""));
}

function cellFormats(xml: string | undefined): string[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = Number(attrText(m[0], "numFmtId"));
    const code = attrText(m[0], "formatCode");
    if (code !== undefined) custom.set(id, code);
  }
  const xfs = xml.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/);
  if (!xfs) return [];
  return [...xfs[1].matchAll(/<xf\s[^>]*?\/?>/g)].map((m) => {
    const id = Number(attrText(m[0], "numFmtId") ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
  });
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** The workbook part and its sheets in tab order (name, part), by the package's relationships. */
function sheetsOf(pkg: OpcPackage): { workbook: string; sheets: Array<{ name: string; path: string }> } {
  const workbook = pkg.related("", "officeDocument")[0]?.path ?? "xl/workbook.xml";
  const rels = pkg.relationships(workbook);
  const sheets = [...unprefixed(pkg.text(workbook) ?? "").matchAll(/<sheet\s[^>]*>/g)].flatMap((m) => {
    const rid = attrText(m[0], "r:id");
    const rel = rid === undefined ? undefined : rels.byId(rid);
    return rel ? [{ name: attrText(m[0], "name") ?? "", path: resolveTarget(workbook, rel.target) }] : [];
  });
  return { workbook, sheets: sheets.length ? sheets : [{ name: "", path: "xl/worksheets/sheet1.xml" }] };
}

/**
 * SpreadsheetML written with a prefix (`<x:row>`, as the .NET Open XML SDK does) read as
 * the unprefixed XML Excel writes.
 */
function unprefixed(xml: string): string {
  const prefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/.exec(xml)?.[1];
  return prefix ? xml.replace(new RegExp(`<(/?)${prefix}:`, "g"), "<$1") : xml;
}

/** Days between the 1900 and 1904 date systems (Excel for Mac workbooks may use 1904). */
const DATE_1904_OFFSET = 1462;

function displayed(
  value: string,
  type: string | undefined,
  fmt: string,
  inline: string | undefined,
  shared: string[],
  date1904: boolean,
): string {
  switch (type) {
    case "s":
      return shared[Number(value)] ?? "";
    case "inlineStr":
      return inline ?? "";
    case "str":
    case "e":
      return decodeOoxmlText(value);
    case "b":
      return value === "1" ? "VRAI" : "FAUX";
    default: {
      if (value === "") return "";
      const number = Number(value);
      if (!Number.isFinite(number)) return decodeOoxmlText(value);
      try {
        return formatNumber(fmt, date1904 && isDateFormat(fmt) ? number + DATE_1904_OFFSET : number, {
          locale: "fr-FR",
        });
      } catch {
        return value;
      }
    }
  }
}

export function readWorkbook(bytes: Uint8Array, fileName: string): Table {
  const pkg = OpcPackage.unzip(bytes, (err) =>
    err.code === "too-big"
      ? new RosterError(
          "too-big",
          fileName,
          `« ${fileName} » est refusé : ${err.message}, bien plus qu'un export de comptes. ${EXPORT_HINT}`,
          { cause: err },
        )
      : new RosterError(
          "bad-workbook",
          fileName,
          err.code === "doctype"
            ? `« ${fileName} » est refusé : ${err.message}. ${EXPORT_HINT}`
            : `« ${fileName} » n'est pas un classeur Excel lisible (archive endommagée). ${EXPORT_HINT}`,
          { cause: err },
        ),
  );
  const { workbook, sheets } = sheetsOf(pkg);
  const partOf = (kind: string) => pkg.text(pkg.related(workbook, kind)[0]?.path ?? `xl/${kind}.xml`);
  const context: SheetContext = {
    shared: sharedStrings(unprefixed(partOf("sharedStrings") ?? "")),
    formats: cellFormats(unprefixed(partOf("styles") ?? "")),
    date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(unprefixed(pkg.text(workbook) ?? "")),
  };
  const readable = sheets.filter((s) => pkg.has(s.path));
  if (readable.length === 0) {
    throw new RosterError(
      "bad-workbook",
      fileName,
      `« ${fileName} » ne contient aucune feuille de calcul lisible (.xlsx attendu). ${EXPORT_HINT}`,
    );
  }
  // The accounts are on the first sheet that holds anything; the report says which.
  const notes: string[] = [];
  for (const [k, sheet] of readable.entries()) {
    const read = readSheet(unprefixed(pkg.text(sheet.path)!), context);
    if (read.rows.length === 0) continue;
    if (k > 0)
      notes.push(
        `Les comptes ont été lus sur la feuille « ${sheet.name} » : ${k > 1 ? "les feuilles précédentes sont vides" : `la feuille « ${readable[0].name} » est vide`}.`,
      );
    return { rows: read.rows, delimiter: "", notes, numericColumns: read.numericColumns };
  }
  return { rows: [], delimiter: "", notes };
}

interface SheetContext {
  shared: string[];
  formats: string[];
  date1904: boolean;
}

/** A sheet's rows as displayed, and the columns holding numbers Excel may have stripped of leading zeros. */
function readSheet(
  xml: string,
  { shared, formats, date1904 }: SheetContext,
): { rows: TableRow[]; numericColumns: number[] } {
  const rows: TableRow[] = [];
  const numeric = new Set<number>();
  let nextRow = 1;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attrText(rowMatch[0].slice(0, rowMatch[0].indexOf(">") + 1), "r") ?? nextRow);
    nextRow = r + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const c of (rowMatch[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const open = `<c${c[1]}>`;
      const ref = attrText(open, "r");
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const inner = c[2] ?? "";
      const v = inner.match(/<v>([\s\S]*?)<\/v>/);
      const is = inner.match(/<is>([\s\S]*?)<\/is>/);
      const fmt = formats[Number(attrText(open, "s") ?? 0)] ?? "General";
      const type = attrText(open, "t");
      // A number shown without a zero-padding format: "001000" may have become 1000.
      if (v && (type === undefined || type === "n") && !/00/.test(fmt) && rows.length > 0) numeric.add(col);
      while (cells.length < col) cells.push("");
      cells[col] = displayed(v ? v[1] : "", type, fmt, is ? textOf(is[1]) : undefined, shared, date1904);
    }
    if (!isBlankRow(cells)) rows.push({ line: r, cells });
  }
  // Rows of a sheet may be ragged where trailing cells are empty: pad to the header's width.
  const width = rows.length ? rows[0].cells.length : 0;
  for (const row of rows) while (row.cells.length < width) row.cells.push("");
  return { rows, numericColumns: [...numeric] };
}

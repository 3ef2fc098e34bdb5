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

/** The workbook part and its first sheet, by the package's relationships. */
function firstSheet(pkg: OpcPackage): { workbook: string; sheet: string } {
  const workbook = pkg.related("", "officeDocument")[0]?.path ?? "xl/workbook.xml";
  const first = /<sheet\s[^>]*>/.exec(pkg.text(workbook) ?? "");
  const rid = first ? attrText(first[0], "r:id") : undefined;
  const rel = rid === undefined ? undefined : pkg.relationships(workbook).byId(rid);
  return { workbook, sheet: rel ? resolveTarget(workbook, rel.target) : "xl/worksheets/sheet1.xml" };
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
  const { workbook, sheet } = firstSheet(pkg);
  const xml = pkg.text(sheet);
  if (xml === undefined) {
    throw new RosterError(
      "bad-workbook",
      fileName,
      `« ${fileName} » ne contient aucune feuille de calcul lisible (.xlsx attendu). ${EXPORT_HINT}`,
    );
  }
  const partOf = (kind: string) => pkg.text(pkg.related(workbook, kind)[0]?.path ?? `xl/${kind}.xml`);
  const shared = sharedStrings(partOf("sharedStrings"));
  const formats = cellFormats(partOf("styles"));
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(pkg.text(workbook) ?? "");
  const rows: TableRow[] = [];
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
      while (cells.length < col) cells.push("");
      cells[col] = displayed(v ? v[1] : "", attrText(open, "t"), fmt, is ? textOf(is[1]) : undefined, shared, date1904);
    }
    if (!isBlankRow(cells)) rows.push({ line: r, cells });
  }
  // Rows of a sheet may be ragged where trailing cells are empty: pad to the header's width.
  const width = rows.length ? rows[0].cells.length : 0;
  for (const row of rows) while (row.cells.length < width) row.cells.push("");
  return { rows, delimiter: "", notes: [] };
}

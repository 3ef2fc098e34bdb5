// .xlsx → rows of the first sheet, each cell as Excel *displays* it: a number formatted
// `000000` reads `001000`, a date reads as a French Excel shows it. The workbook is a zip
// of XML parts (fflate); the parts are read with small scanners, and numfmt applies the
// number formats. (The npm `xlsx` package is avoided: 0.18.5 has unpatched advisories.)
import { format as formatNumber, isDateFormat } from "numfmt";
import { excelSerialDate, formatDate } from "../pictures";
import { OpcPackage, resolveTarget } from "../opc";
import { attrText, decodeEntities } from "../xml";
import { EXPORT_HINT, RosterError } from "./errors";
import { CellFlag, isBlankRow, Table, TableRow } from "./table";

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

/** A malformed workbook part: the reader refuses it rather than guess (or take quadratic time). */
class Malformed extends Error {}

/**
 * Each `<tag …>…</tag>` or `<tag …/>` of a fragment, in order, found by plain searches that
 * only move forward: linear in the fragment, whatever it holds. An element never closed is
 * refused (with regular expressions, each unclosed one would rescan to the end: quadratic).
 */
function* elements(xml: string, tag: string): Generator<{ open: string; inner: string | null }> {
  const start = `<${tag}`;
  const close = `</${tag}>`;
  for (let at = xml.indexOf(start); at >= 0; at = xml.indexOf(start, at)) {
    const next = xml.charCodeAt(at + start.length);
    // "<t" must not match "<tr…": the name ends at a space, ">" or "/".
    if (!(next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)) {
      at += start.length;
      continue;
    }
    const gt = xml.indexOf(">", at);
    if (gt < 0) throw new Malformed(`<${tag}> sans fin`);
    const open = xml.slice(at, gt + 1);
    if (open.endsWith("/>")) {
      yield { open, inner: null };
      at = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt + 1);
    if (end < 0) throw new Malformed(`<${tag}> jamais fermé`);
    yield { open, inner: xml.slice(gt + 1, end) };
    at = end + close.length;
  }
}

/** The text of every <t> inside a fragment (rich text runs are concatenated; phonetic runs skipped). */
function textOf(fragment: string): string {
  let out = "";
  let from = 0;
  // Phonetic runs (<rPh>) hold readings, not the text: their <t> are skipped.
  const phonetic: Array<[number, number]> = [];
  for (let at = fragment.indexOf("<rPh"); at >= 0; at = fragment.indexOf("<rPh", from)) {
    // "<rPh" only: not the start of a longer name.
    if (!/[\s>/]/.test(fragment.charAt(at + 4))) {
      from = at + 4;
      continue;
    }
    const end = fragment.indexOf("</rPh>", at);
    if (end < 0) throw new Malformed("<rPh> jamais fermé");
    phonetic.push([at, end]);
    from = end + 6;
  }
  const visible = phonetic.length
    ? phonetic.reduceRight((text, [a, b]) => text.slice(0, a) + text.slice(b + 6), fragment)
    : fragment;
  for (const { inner } of elements(visible, "t")) out += inner ? decodeOoxmlText(inner) : "";
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const { inner } of elements(xml, "si")) out.push(inner ? textOf(inner) : "");
  return out;
}

/**
 * Excel's « Date complète » and « Heure » formats say « the machine's long date / time »
 * ([$-F800], [$-F400]); a French Excel shows them as French ones, not as their English
 * fallback pattern.
 */
function withFrenchSystemFormats(fmt: string): string {
  if (/\[\$-(F800|x-sysdate)\]/i.test(fmt)) return "dddd d mmmm yyyy";
  if (/\[\$-(F400|x-systime)\]/i.test(fmt)) return "hh:mm:ss";
  return fmt;
}

/** Each cell style's number format code, read once for the whole sheet. */
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
    return withFrenchSystemFormats(custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
  });
}

/** Excel's limits: columns A to XFD, rows 1 to 1,048,576. */
const MAX_COLUMNS = 16_384;
const MAX_SHEET_ROWS = 1_048_576;
/** Cells a sheet may spread over once padded: far above an export, far below exhausted memory. */
const MAX_CELLS = 5_000_000;

/** "C12" → column 2, row 12; a reference outside Excel's limits is refused (its array would be huge). */
function cellAt(ref: string): { col: number; row: number } {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  let col = 0;
  if (m) for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = m ? Number(m[2]) : 0;
  if (!m || col > MAX_COLUMNS || row < 1 || row > MAX_SHEET_ROWS)
    throw new Malformed(`cellule ${ref} hors des limites d'Excel`);
  return { col: col - 1, row };
}

/** The workbook part and its sheets in tab order (name, part), by the package's relationships. */
function sheetsOf(pkg: OpcPackage): {
  workbook: string;
  sheets: Array<{ name: string; path: string; hidden: boolean }>;
} {
  const workbook = pkg.related("", "officeDocument")[0]?.path ?? "xl/workbook.xml";
  const rels = pkg.relationships(workbook);
  const sheets = [...unprefixed(pkg.text(workbook) ?? "").matchAll(/<sheet\s[^>]*>/g)].flatMap((m) => {
    const rid = attrText(m[0], "r:id");
    const rel = rid === undefined ? undefined : rels.byId(rid);
    const state = attrText(m[0], "state");
    return rel
      ? [
          {
            name: attrText(m[0], "name") ?? "",
            path: resolveTarget(workbook, rel.target),
            hidden: state === "hidden" || state === "veryHidden",
          },
        ]
      : [];
  });
  return {
    workbook,
    sheets: sheets.length ? sheets : [{ name: "", path: "xl/worksheets/sheet1.xml", hidden: false }],
  };
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

/** A format code with day, month or year codes outside quotes, brackets and escapes. */
function hasDateCodes(fmt: string): boolean {
  return /[dmy]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));
}

/** A serial under a date format the formatter cannot read: the date still, never the serial. */
function dateOfSerial(number: number, date1904: boolean, fmt: string): string | null {
  if (!hasDateCodes(fmt)) return null;
  const date = excelSerialDate(number, date1904);
  if (!date) return null;
  return formatDate(date, number % 1 === 0 ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm");
}

/** A cell as Excel displays it, and what kind of value it was when not plain text or number. */
function displayed(
  value: string,
  type: string | undefined,
  fmt: string,
  inline: string | undefined,
  shared: string[],
  date1904: boolean,
): { text: string; kind?: CellFlag["kind"] } {
  switch (type) {
    case "s":
      return { text: shared[Number(value)] ?? "" };
    case "inlineStr":
      return { text: inline ?? "" };
    case "str":
      return { text: decodeOoxmlText(value) };
    case "e":
      return { text: decodeOoxmlText(value), kind: "error" };
    case "b":
      return { text: value === "1" ? "VRAI" : "FAUX", kind: "boolean" };
    default: {
      if (value === "") return { text: "" };
      const number = Number(value);
      if (!Number.isFinite(number)) return { text: decodeOoxmlText(value) };
      try {
        const date = isDateFormat(fmt);
        return {
          text: formatNumber(fmt, date1904 && date ? number + DATE_1904_OFFSET : number, { locale: "fr-FR" }),
          ...(date ? { kind: "date" as const } : {}),
        };
      } catch {
        const date = dateOfSerial(number, date1904, fmt);
        return date === null ? { text: value } : { text: date, kind: "date" };
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
          err.code === "doctype" || err.code === "duplicate-part"
            ? `« ${fileName} » est refusé : ${err.message}. ${EXPORT_HINT}`
            : `« ${fileName} » n'est pas un classeur Excel lisible (archive endommagée). ${EXPORT_HINT}`,
          { cause: err },
        ),
  );
  try {
    return readSheets(pkg);
  } catch (err) {
    if (!(err instanceof Malformed)) throw err;
    throw new RosterError(
      "bad-workbook",
      fileName,
      `« ${fileName} » n'est pas un classeur Excel lisible (${err.message}). ${EXPORT_HINT}`,
      { cause: err },
    );
  }

  function readSheets(pkg: OpcPackage): Table {
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
    // The accounts are on the first visible sheet that holds anything (a hidden sheet may keep
    // last year's accounts); the report says which, and which others hold data too.
    const holdsData = (sheet: (typeof readable)[number]) => /<(?:\w+:)?(?:v|is)>/.test(pkg.text(sheet.path)!);
    const visible = readable.filter((s) => !s.hidden);
    for (const [k, sheet] of visible.entries()) {
      const read = readSheet(unprefixed(pkg.text(sheet.path)!), context);
      if (read.rows.length === 0) continue;
      const others = readable.filter((s) => s !== sheet && holdsData(s));
      const notes: string[] = [];
      if (k > 0)
        notes.push(
          `Les comptes ont été lus sur la feuille « ${sheet.name} » : ${k > 1 ? "les feuilles précédentes sont vides" : `la feuille « ${visible[0].name} » est vide`}.`,
        );
      if (others.length)
        notes.push(
          `Attention : comptes lus sur la feuille « ${sheet.name} » ; ${others.length > 1 ? "les feuilles" : "la feuille"} ${others
            .map((s) => `« ${s.name} »${s.hidden ? " (masquée)" : ""}`)
            .join(", ")} ${others.length > 1 ? "contiennent" : "contient"} aussi des données, qui n'ont pas été lues.`,
        );
      return { rows: read.rows, delimiter: "", notes, numericColumns: read.numericColumns };
    }
    const hidden = readable.filter((s) => s.hidden && holdsData(s));
    if (hidden.length)
      throw new RosterError(
        "no-data",
        fileName,
        `Dans « ${fileName} », seule ${hidden.length > 1 ? "des feuilles masquées contiennent" : `la feuille masquée « ${hidden[0].name} » contient`} des données : si ce sont bien les comptes de cette année, affichez-la dans Excel (clic droit sur un onglet › Afficher), enregistrez, puis rechargez le fichier.`,
      );
    return { rows: [], delimiter: "", notes: [] };
  }
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
  const all: TableRow[] = [];
  const numeric = new Set<number>();
  let nextRow = 1;
  let cellCount = 0;
  for (const rowElement of elements(xml, "row")) {
    const r = rowElement.open.includes(" r=") ? cellAt(`A${attrText(rowElement.open, "r") ?? ""}`).row : nextRow;
    if (r < nextRow) throw new Malformed(`ligne ${r} après la ligne ${nextRow - 1}`);
    nextRow = r + 1;
    const cells: string[] = [];
    const flags: Record<number, CellFlag> = {};
    let nextCol = 0;
    for (const c of elements(rowElement.inner ?? "", "c")) {
      const ref = attrText(c.open, "r");
      const col = ref ? cellAt(ref).col : nextCol;
      if (col >= MAX_COLUMNS) throw new Malformed(`plus de ${MAX_COLUMNS} colonnes`);
      nextCol = col + 1;
      const inner = c.inner ?? "";
      const v = firstText(inner, "v");
      const is = firstText(inner, "is");
      const f = firstText(inner, "f");
      const fmt = formats[Number(attrText(c.open, "s") ?? 0)] ?? "General";
      const type = attrText(c.open, "t");
      // A number shown without a zero-padding format: "001000" may have become 1000.
      if (v !== null && (type === undefined || type === "n") && !/00/.test(fmt) && all.length > 0) numeric.add(col);
      cellCount += col + 1 - cells.length;
      if (cellCount > MAX_CELLS) throw new Malformed(`plus de ${MAX_CELLS.toLocaleString("fr-FR")} cellules`);
      while (cells.length < col) cells.push("");
      const shown = displayed(v ?? "", type, fmt, is === null ? undefined : textOf(is), shared, date1904);
      cells[col] = shown.text;
      if (shown.kind || f !== null)
        flags[col] = {
          ...(shown.kind ? { kind: shown.kind } : {}),
          ...(f !== null ? { formula: decodeEntities(f) } : {}),
        };
    }
    all.push({ line: r, cells, ...(Object.keys(flags).length ? { flags } : {}) });
  }
  mergeCells(xml, all);
  const rows = all.filter((row) => !isBlankRow(row.cells));
  // Rows of a sheet may be ragged where trailing cells are empty: pad to the header's width.
  const width = rows.length ? rows[0].cells.length : 0;
  for (const row of rows) while (row.cells.length < width) row.cells.push("");
  return { rows, numericColumns: [...numeric] };
}

/** The text of a cell's first `<tag>`, or null when it has none (linear: see elements). */
function firstText(xml: string, tag: string): string | null {
  for (const { inner } of elements(xml, tag)) return inner ?? "";
  return null;
}

/** A merged range shows its first cell's value over the whole range: each row of it gets that value. */
function mergeCells(xml: string, rows: TableRow[]): void {
  const byLine = new Map(rows.map((r) => [r.line, r]));
  for (const { open } of elements(xml, "mergeCell")) {
    const [from, to] = (attrText(open, "ref") ?? "").split(":");
    if (!from || !to) continue;
    const a = cellAt(from);
    const b = cellAt(to);
    const first = byLine.get(a.row);
    const value = first?.cells[a.col] ?? "";
    if (value === "") continue;
    for (const row of rows) {
      if (row.line < a.row || row.line > b.row) continue;
      for (let col = a.col; col <= Math.min(b.col, a.col + MAX_COLUMNS); col++) {
        if (row === first && col === a.col) continue;
        // Bounded by the sheet: cells past a row's end are added only up to the merge's width.
        while (row.cells.length < col) row.cells.push("");
        if ((row.cells[col] ?? "") === "") row.cells[col] = value;
        const flag = first?.flags?.[a.col];
        if (flag) row.flags = { ...row.flags, [col]: flag };
      }
    }
  }
}

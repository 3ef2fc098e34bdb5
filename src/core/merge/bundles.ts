// Letters for the classroom: per class, a cover page, the class's letters, then its receipt
// sheet (liste d'émargement) that the pupils or parents sign. Built by the engine in the
// template's page size, with blank headers so that no letter's header shows on them.
import { withoutNumberRestart } from "./sections";
import { RELATIONSHIP_TYPES } from "../opc";
import { classesOf, RosterRecord } from "../roster";
import { PROFILE_LABELS, PROFILES, withPreposition } from "../catalog";
import { escapeXml } from "../xml";
import { fittedSize, MIN_HALF_POINTS, textEm, textWidthOf } from "./fit";
import { textRuns } from "./letter-writer";
import { editPassages, unchangedPassages } from "./inspect";

export interface BundleOptions {
  /** Each cover, letter and receipt starts on an odd page, for duplex printers. */
  rectoVerso?: boolean;
  /** Only the receipt sheets (letters sent by e-mail or already printed). */
  receiptsOnly?: boolean;
  /** The school's name, for the cover and the receipts' heading. */
  school?: string;
}

export interface ClassGroup {
  name: string;
  records: RosterRecord[];
}

/** "Sans classe" for the people the export gives no class. */
export const NO_CLASS = "Sans classe";

/** The class a record's letter goes with: a parent of children in several classes, the first the export gives. */
export function classOf(r: RosterRecord): string {
  return (r.lists.class?.[0] ?? r.values.class).trim() || NO_CLASS;
}

/**
 * The people of `group` whose letter goes with another class (a parent whose children are in
 * several classes), with the title of the bundle it goes with.
 */
export function placedElsewhere(
  group: ClassGroup,
  all: readonly ClassGroup[],
): Array<{ record: RosterRecord; with: string }> {
  return all.flatMap((other) =>
    other === group
      ? []
      : other.records
          .filter((r) =>
            classesOf(r)
              .slice(1)
              .some((c) => c.trim() === group.name),
          )
          .map((record) => ({ record, with: groupTitle(other) })),
  );
}

/** The records by class, in the order they come (the merge sorts them by class, then name). */
export function classGroups(records: readonly RosterRecord[]): ClassGroup[] {
  const groups = new Map<string, RosterRecord[]>();
  for (const r of records) {
    // A parent of children in two classes gets one letter, in the first child's class.
    const name = classOf(r);
    const list = groups.get(name) ?? [];
    list.push(r);
    groups.set(name, list);
  }
  return [...groups].map(([name, list]) => ({ name, records: list }));
}

export const BLANK_HEADER = {
  path: "word/ent-vide-entete.xml",
  rId: "rIdEntVideH",
  kind: "header",
  tag: "w:hdr",
} as const;
export const BLANK_FOOTER = {
  path: "word/ent-vide-pied.xml",
  rId: "rIdEntVidePied",
  kind: "footer",
  tag: "w:ftr",
} as const;

/** The blank header and footer parts the covers and receipts use. */
export function blankPart(part: typeof BLANK_HEADER | typeof BLANK_FOOTER): {
  xml: string;
  type: string;
  contentType: string;
} {
  return {
    xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${part.tag} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></${part.tag}>`,
    type: `${RELATIONSHIP_TYPES}/${part.kind}`,
    contentType: `application/vnd.openxmlformats-officedocument.wordprocessingml.${part.kind}+xml`,
  };
}

/** A section of its own: blank headers and footers, the template's page size and margins. */
export function bundleSection(pageSetup: string, rectoVerso: boolean): string {
  const refs = ["default", "first", "even"]
    .map(
      (t) =>
        `<w:headerReference w:type="${t}" r:id="${BLANK_HEADER.rId}"/><w:footerReference w:type="${t}" r:id="${BLANK_FOOTER.rId}"/>`,
    )
    .join("");
  // No page-number restart: Word would take a verso numbered 1 for a recto (see sections.ts).
  return `<w:sectPr>${refs}${rectoVerso ? '<w:type w:val="oddPage"/>' : ""}${pageSetup}</w:sectPr>`;
}

/** The page size and margins of a rendered sectPr (A4 with 2 cm margins when it has none). */
export function pageSetupOf(sectPr: string): string {
  const size = /<w:pgSz\b[^>]*\/>/.exec(sectPr)?.[0] ?? '<w:pgSz w:w="11906" w:h="16838"/>';
  const margins =
    /<w:pgMar\b[^>]*\/>/.exec(sectPr)?.[0] ??
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>';
  return size + margins;
}

/**
 * A letter's first section starts on an odd page (its sectPr is the first one it holds), its
 * page numbers following on: Word finds the recto by the page number.
 */
export function withOddPage(letterXml: string): string {
  return letterXml.replace(/<w:sectPr\b[^>]*>[\s\S]*?<\/w:sectPr>/, (sect) => {
    const clean = withoutNumberRestart(sect.replace(/<w:type\b[^>]*\/>/g, ""));
    const at = clean.search(/<w:(pgSz|pgMar|paperSrc|pgBorders|lnNumType|pgNumType|cols)\b|<\/w:sectPr>/);
    return `${clean.slice(0, at)}<w:type w:val="oddPage"/>${clean.slice(at)}`;
  });
}

const para = (text: string, { size = 24, bold = false, align = "left", before = 0, after = 120 } = {}) =>
  `<w:p><w:pPr><w:spacing w:before="${before}" w:after="${after}"/><w:jc w:val="${align}"/></w:pPr><w:r><w:rPr>${bold ? "<w:b/>" : ""}<w:sz w:val="${size}"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

const count = (n: number) => `${new Intl.NumberFormat("fr-FR").format(n)} courrier${n > 1 ? "s" : ""}`;

/**
 * Who a bundle is for, as its cover and receipt say it: "Parents — 6A", "Élèves et parents —
 * 6A", and for people without a class their profiles alone ("Personnels").
 */
export function groupTitle(group: ClassGroup): string {
  // "Autres" says nothing: an export without profiles keeps "Classe 6A".
  const profiles = PROFILES.filter((p) => p !== "autre" && group.records.some((r) => r.profile === p));
  const labels = profiles.map((p, i) => (i === 0 ? PROFILE_LABELS[p] : PROFILE_LABELS[p].toLowerCase()));
  const who = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} et ${labels[labels.length - 1]}` : labels[0];
  if (group.name === NO_CLASS) return who ?? NO_CLASS;
  return who ? `${who} — ${group.name}` : `Classe ${group.name}`;
}

/** The cover of a class's bundle: which class, how many letters, who hands them out and when. */
export function coverXml(group: ClassGroup, school: string, section: string): string {
  const lines = [
    school ? para(school, { size: 28, bold: true, align: "center", before: 2400 }) : para("", { before: 2400 }),
    para(groupTitle(group), { size: 56, bold: true, align: "center", before: 480, after: 240 }),
    para(`${count(group.records.length)} d’identifiants ENT`, { size: 32, align: "center", after: 960 }),
    para("À remettre par\u00a0: ______________________________", { size: 26, before: 240, after: 360 }),
    para("Le\u00a0: ____ / ____ / ________", { size: 26, after: 360 }),
    para("La liste d’émargement suit les courriers\u00a0: faites-la signer à chaque remise.", {
      size: 22,
      before: 480,
    }),
  ];
  return `${lines.join("")}<w:p><w:pPr>${section}</w:pPr></w:p>`;
}

/** The receipt's text size: 10 pt. */
const RECEIPT_SIZE = 20;
/** Receipt cells' left and right margins (w:tblCellMar). */
const RECEIPT_MARGIN = 80;

/**
 * One cell of the receipt table, left-aligned. A login prints on one line, its hyphens not
 * breaking; a name's longest word fits the cell (a name may wrap between words, never
 * inside one): the font shrinks for the value that needs it, down to 8 pt.
 */
function cell(text: string, width: number, { bold = false, login = false } = {}): string {
  const box = width - 2 * RECEIPT_MARGIN;
  const rPr = bold ? "<w:b/>" : "";
  // A name may wrap between its words and after its hyphens: its widest piece must fit.
  const pieces = login ? [text] : text.split(/[\s\u00a0-]+/);
  const widest = pieces.reduce((a, b) => (textEm(b, rPr) > textEm(a, rPr) ? b : a), "");
  const { size } = fittedSize(widest, box, RECEIPT_SIZE, rPr);
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/></w:pPr><w:r><w:rPr>${bold ? "<w:b/>" : ""}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>${text ? textRuns(text, login) : '<w:t xml:space="preserve"></w:t>'}</w:r></w:p></w:tc>`;
}

/** A cell over `span` columns, in italics. */
function spanning(text: string, width: number, span: number): string {
  return cell(text, width)
    .replace("</w:tcPr>", `<w:gridSpan w:val="${span}"/></w:tcPr>`)
    .replace("<w:rPr>", "<w:rPr><w:i/>");
}

/** A signature needs at least 4 cm (2,268 twips); a date written by hand, 1.5 cm. */
const SIGNATURE_WIDTH = 2268;
const DATE_WIDTH = 850;

/** A signature needs room: at least 9 mm a row (510 twips); a row never splits across pages. */
const ROW = '<w:trPr><w:cantSplit/><w:trHeight w:val="510" w:hRule="atLeast"/></w:trPr>';
const HEADER_ROW = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";

/**
 * The receipt sheet of a class: the school and the class, then Nom et prénom (Parent and
 * Enfant(s) for parents), Identifiant, Date, Signature, one row per letter in the letters' order; both
 * heading rows repeat on every page. Never a password.
 */
export function receiptXml(
  group: ClassGroup,
  school: string,
  section: string,
  final: boolean,
  elsewhere: ReadonlyArray<{ record: RosterRecord; with: string }> = [],
): string {
  const parents = group.records.some((r) => r.profile === "parent");
  // The names and the login share the page's text width left after the date and signature.
  // The login never wraps: its column takes what the class's longest login needs at 10 pt
  // (at least 8 pt, within what the names must keep); the names wrap between their words.
  const rest = textWidthOf(section) - DATE_WIDTH - SIGNATURE_WIDTH;
  const widest = Math.max(...group.records.map((r) => textEm(r.values.login, "")));
  const needs = (halfPoints: number) => Math.ceil(widest * halfPoints * 10) + 2 * RECEIPT_MARGIN;
  const namesKeep = 1800;
  const loginWidth = Math.min(
    Math.max(needs(RECEIPT_SIZE), Math.floor(rest * 0.35)),
    Math.max(needs(MIN_HALF_POINTS), Math.floor(rest * 0.5)),
    rest - namesKeep,
  );
  type Column = [string, number, (r: RosterRecord) => string, boolean?];
  const fullName = (r: RosterRecord) => `${r.values.lastName} ${r.values.firstName}`.trim();
  // A parent's children go under the parent's name, in the same cell: a column of their own
  // would leave no room for a long name or login.
  const withChildren = (r: RosterRecord) =>
    r.values.children ? `${fullName(r)}\nParent ${withPreposition("de", r.values.children)}` : fullName(r);
  const names: Column[] = [
    parents ? ["Parent et enfant(s)", rest - loginWidth, withChildren] : ["Nom et prénom", rest - loginWidth, fullName],
  ];
  const columns: Column[] = [
    ...names,
    ["Identifiant", loginWidth, (r) => r.values.login, true],
    ["Date", DATE_WIDTH, () => ""],
    ["Signature", SIGNATURE_WIDTH, () => ""],
  ];
  const total = columns.reduce((n, [, w]) => n + w, 0);
  const title = `${school ? `${school} — ` : ""}${groupTitle(group)} — liste d’émargement (${count(group.records.length)})`;
  const titleRow = `<w:tr>${HEADER_ROW}<w:tc><w:tcPr><w:tcW w:w="${total}" w:type="dxa"/><w:gridSpan w:val="${columns.length}"/><w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:right w:val="nil"/></w:tcBorders></w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="120"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">${escapeXml(title)}</w:t></w:r></w:p></w:tc></w:tr>`;
  const headRow = `<w:tr>${HEADER_ROW}${columns.map(([name, w]) => cell(name, w, { bold: true })).join("")}</w:tr>`;
  const rows = group.records
    .map((r) => `<w:tr>${ROW}${columns.map(([, w, value, login]) => cell(value(r), w, { login })).join("")}</w:tr>`)
    .join("");
  // Parents whose letter is in another class's bundle: named here too, with where it is.
  const [nameColumn] = columns;
  const others = elsewhere
    .map(
      ({ record, with: where }) =>
        `<w:tr>${ROW}${cell(nameColumn[2](record), nameColumn[1])}${spanning(`Courrier remis avec les ${where}`, total - nameColumn[1], columns.length - 1)}</w:tr>`,
    )
    .join("");
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const table =
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="${RECEIPT_MARGIN}" w:type="dxa"/><w:right w:w="${RECEIPT_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${columns.map(([, w]) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>${titleRow}${headRow}${rows}${others}</w:tbl>`;
  // The last receipt ends the document: its section properties are the body's own.
  return final ? `${table}<w:p/>${section}` : `${table}<w:p><w:pPr>${section}</w:pPr></w:p>`;
}

/** Pages a receipt takes, about: 2 heading rows then some 24 signature rows on an A4 page. */
export function receiptPages(people: number): number {
  return Math.max(1, Math.ceil(people / 24));
}

/** The school's name: the letter's completed passage, else the export's "Établissement" column. */
export function schoolName(template: Uint8Array, records: readonly RosterRecord[]): string {
  const passage = unchangedPassages(template).includes("etablissement")
    ? undefined
    : editPassages(template).get("etablissement");
  return (passage ?? records.find((r) => r.values.school)?.values.school ?? "").trim();
}

/**
 * The sheets of paper to expect, said before creating (a letter is one page): the letters,
 * and with bundles a cover and a receipt per class (recto-verso: a blank back after each).
 */
export function paperPages(records: readonly RosterRecord[], bundles?: BundleOptions): number {
  if (!bundles) return records.length;
  const groups = classGroups(records);
  const receipts = groups.reduce((n, g) => n + receiptPages(g.records.length), 0);
  if (bundles.receiptsOnly) return receipts;
  const pieces = records.length + groups.length + receipts;
  return bundles.rectoVerso ? 2 * pieces - 1 : pieces;
}

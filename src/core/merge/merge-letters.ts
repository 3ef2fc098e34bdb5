// Template .docx × records → one .docx holding one letter per record, each in its own
// section (next page, the template's page setup and headers, numbering from 1).
import { strToU8, Zip, ZipDeflate } from "fflate";
import { concatBytes } from "../bytes";
import { RosterRecord } from "../roster/types";
import { describeChar, escapeXml, invalidXmlChars, stripInvalidXml } from "../xml/entities";
import { elementEnd, topLevelElements } from "../xml/scan";
import { compilePart, Segment, SECT_MARK, SECT_PARA_MARK, Slot } from "./compile";
import { MergeError } from "./errors";
import { ExtractOptions, FieldSlot } from "./fields";
import {
  addContentTypeOverrides,
  addRelationships,
  asDocumentContentTypes,
  contentTypeOf,
  DocxPackage,
  openDocx,
  parseRelationships,
  Relationship,
  relsPathOf,
  resolveTarget,
  withoutMailMerge,
  withoutMailMergeRelationships,
} from "./package";
import { ListRestarts, readLists } from "./numbering";
import { displayName, MergeSource, resolveField, ValueOf } from "./resolve";

export interface MergeOptions {
  /** Keep fields as content controls in the output (default: plain text, like Word's merge). */
  keepFields?: boolean;
  /** Called now and then with the number of letters written. */
  onProgress?: (done: number, total: number) => void;
}

export interface MergeWarning {
  row: number;
  field: string;
  message: string;
}

export interface MergeResult {
  docx: Uint8Array;
  letters: number;
  warnings: MergeWarning[];
}

const A4_SECTION =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>';

interface HeaderPart {
  rId: string;
  path: string;
  contentType: string;
  rels?: string;
  segments: Segment[];
  /** Holds a field: one copy per letter; otherwise shared by all. */
  perLetter: boolean;
}

export interface CompiledTemplate {
  pkg: DocxPackage;
  prefix: string;
  suffix: string;
  body: Segment[];
  finalSect: Segment[];
  slots: FieldSlot[];
  values: ValueOf[];
  headers: Map<string, HeaderPart>;
  reserved: { docPr: Set<number>; sdt: Set<number>; spid: Set<number> };
  /** The numbering part, whose lists each letter restarts. */
  numberingPath?: string;
}

/** Word numbers VML shapes from 1025 (o:spid="_x0000_s1025"). */
const SPID_BASE = 1024;

/** Section properties for a letter's first section: always a new page, numbering from 1. */
function letterStartSection(sectPr: string): string {
  let s = sectPr.replace(/<w:type\s[^>]*\/>/g, "");
  if (/<w:pgNumType\b[^>]*\/>/.test(s)) {
    s = s.replace(
      /<w:pgNumType\b([^>]*?)\/>/,
      (_m, attrs: string) => `<w:pgNumType${attrs.replace(/\s*w:start="\d+"/, "")} w:start="1"/>`,
    );
  } else {
    const before =
      /<w:(cols|formProt|vAlign|noEndnote|titlePg|textDirection|bidi|rtlGutter|docGrid|printerSettings|sectPrChange)\b/.exec(
        s,
      );
    const at = before ? before.index : s.lastIndexOf("</w:sectPr>");
    s =
      at >= 0
        ? `${s.slice(0, at)}<w:pgNumType w:start="1"/>${s.slice(at)}`
        : s.replace("<w:sectPr/>", '<w:sectPr><w:pgNumType w:start="1"/></w:sectPr>');
  }
  return s;
}

/** Puts the section-break marker in the body's last paragraph (or after its last table). */
function withSectionBreakSlot(bodyInner: string): string {
  const elements = topLevelElements(bodyInner);
  const last = elements[elements.length - 1];
  if (!last || last.name !== "w:p") return bodyInner + SECT_PARA_MARK;
  const para = bodyInner.slice(last.start, last.end);
  let marked: string;
  if (/^<w:p\b[^>]*\/>$/.test(para)) marked = `${para.slice(0, -2)}><w:pPr>${SECT_MARK}</w:pPr></w:p>`;
  else {
    const open = para.indexOf(">") + 1;
    if (!para.startsWith("<w:pPr", open))
      marked = `${para.slice(0, open)}<w:pPr>${SECT_MARK}</w:pPr>${para.slice(open)}`;
    else {
      // sectPr goes at the end of this paragraph's own pPr, before any pPrChange.
      const pPrEnd = elementEnd(para, open, "w:pPr");
      const pPr = para.slice(open, pPrEnd);
      const inside = pPr.endsWith("/>")
        ? `${pPr.slice(0, -2)}>${SECT_MARK}</w:pPr>`
        : pPr.includes("<w:pPrChange")
          ? pPr.replace("<w:pPrChange", `${SECT_MARK}<w:pPrChange`)
          : pPr.replace(/<\/w:pPr>$/, `${SECT_MARK}</w:pPr>`);
      marked = para.slice(0, open) + inside + para.slice(pPrEnd);
    }
  }
  return bodyInner.slice(0, last.start) + marked + bodyInner.slice(last.end);
}

function collectIds(xml: string, re: RegExp, into: Set<number>): void {
  for (const m of xml.matchAll(re)) into.add(Number(m[1]));
}

/** Reads and checks the template once; throws MergeError naming unknown fields, before any work. */
export function compileTemplate(
  template: Uint8Array,
  source: MergeSource,
  options: MergeOptions = {},
): CompiledTemplate {
  const pkg = openDocx(template);
  const xml = pkg.text(pkg.mainPath)!;
  const bodyOpen = xml.search(/<w:body>|<w:body\s[^>]*>/);
  const bodyClose = xml.lastIndexOf("</w:body>");
  if (bodyOpen < 0 || bodyClose < 0)
    throw new MergeError("bad-template", "Le modèle n'a pas de corps de document lisible (w:body).");
  const bodyStart = xml.indexOf(">", bodyOpen) + 1;
  let inner = xml.slice(bodyStart, bodyClose);
  const elements = topLevelElements(inner);
  const last = elements[elements.length - 1];
  let finalSectXml = A4_SECTION;
  if (last && last.name === "w:sectPr") {
    finalSectXml = inner.slice(last.start, last.end);
    inner = inner.slice(0, last.start);
  }
  const hasInnerSections = /<w:sectPr[\s>]/.test(inner);
  if (!hasInnerSections) finalSectXml = letterStartSection(finalSectXml);
  else inner = inner.replace(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/, (first) => letterStartSection(first));

  const extract: ExtractOptions = { keepFields: Boolean(options.keepFields) };
  const slots: FieldSlot[] = [];
  const body = compilePart(withSectionBreakSlot(inner), slots, extract);
  const finalSect = compilePart(finalSectXml, slots, extract);

  const reserved = { docPr: new Set<number>(), sdt: new Set<number>(), spid: new Set<number>() };
  const headers = new Map<string, HeaderPart>();
  const rels = parseRelationships(pkg.text(relsPathOf(pkg.mainPath)) ?? "");
  const numberingRel = rels.find((r) => r.type.endsWith("/numbering"));
  const numberingPath = numberingRel ? resolveTarget(pkg.mainPath, numberingRel.target) : undefined;
  const types = pkg.text("[Content_Types].xml") ?? "";
  for (const rel of rels) {
    if (!/\/(header|footer)$/.test(rel.type)) continue;
    const path = resolveTarget(pkg.mainPath, rel.target);
    const partXml = pkg.text(path);
    if (partXml === undefined) continue;
    const before = slots.length;
    const segments = compilePart(partXml, slots, extract);
    const perLetter = slots.length > before;
    if (!perLetter) {
      collectIds(partXml, /<wp:docPr\s[^>]*?\bid="(\d+)"/g, reserved.docPr);
      collectIds(partXml, /<w:id w:val="(-?\d+)"/g, reserved.sdt);
      collectIds(partXml, /\so:spid="_x0000_s(\d+)"/g, reserved.spid);
    }
    headers.set(rel.id, {
      rId: rel.id,
      path,
      contentType: contentTypeOf(types, path) ?? "",
      rels: pkg.text(relsPathOf(path)),
      segments,
      perLetter,
    });
  }

  if (slots.length === 0) {
    throw new MergeError(
      "no-fields",
      "Le courrier ne contient aucun champ de fusion (Prénom, Login, Mot de passe…) : tous les courriers seraient identiques. Insérez un courrier prêt ou des champs, puis réessayez.",
    );
  }
  const values: ValueOf[] = [];
  const unknown: string[] = [];
  for (const slot of slots) {
    const value = resolveField(slot.name, source);
    if (value) values.push(value);
    else if (!unknown.includes(displayName(slot.name))) unknown.push(displayName(slot.name));
  }
  if (unknown.length) {
    const list = unknown.map((u) => `« ${u} »`).join(", ");
    throw new MergeError(
      "unknown-fields",
      `Le courrier utilise ${unknown.length > 1 ? "des champs" : "un champ"} que le fichier ne contient pas : ${list}. Retirez ${unknown.length > 1 ? "ces champs" : "ce champ"} du courrier ou choisissez un export qui a ${unknown.length > 1 ? "ces colonnes" : "cette colonne"}.`,
      unknown,
    );
  }
  return {
    pkg,
    prefix: xml.slice(0, bodyStart),
    suffix: xml.slice(bodyClose),
    body,
    finalSect,
    slots,
    values,
    headers,
    reserved,
    numberingPath,
  };
}

/** Ids that must be unique in the whole output, skipping those shared parts already use. */
class Counter {
  constructor(
    private readonly reserved: Set<number> = new Set(),
    private n = 0,
  ) {}
  next(): number {
    do this.n++;
    while (this.reserved.has(this.n));
    return this.n;
  }
}

interface LetterContext {
  index: number;
  record: RosterRecord;
  bookmarkIds: Map<string, number>;
  rels: Map<string, string>;
  /** This letter's restarted copy of each list. */
  numIds: Map<string, string>;
}

class LetterWriter {
  private readonly docPr: Counter;
  private readonly sdt: Counter;
  private readonly para = new Counter();
  private readonly bookmark = new Counter();
  private readonly spid: Counter;
  readonly lists: ListRestarts;
  readonly warnings: MergeWarning[] = [];

  constructor(private readonly t: CompiledTemplate) {
    this.docPr = new Counter(t.reserved.docPr);
    this.sdt = new Counter(t.reserved.sdt);
    this.spid = new Counter(t.reserved.spid, SPID_BASE);
    this.lists = new ListRestarts(readLists(t.numberingPath && t.pkg.text(t.numberingPath)));
  }

  render(segments: Segment[], ctx: LetterContext, isLast: boolean): string {
    let out = "";
    for (const s of segments) out += typeof s === "string" ? s : this.slot(s, ctx, isLast);
    return out;
  }

  private hex(n: number): string {
    return n.toString(16).toUpperCase().padStart(8, "0");
  }

  private slot(s: Slot, ctx: LetterContext, isLast: boolean): string {
    switch (s.t) {
      case "field":
        return this.field(s.i, ctx);
      case "docPr":
        return String(this.docPr.next());
      case "sdtId":
        return String(this.sdt.next());
      case "paraId":
      case "textId":
        return this.hex(this.para.next()); // below 0x80000000, as Word requires
      case "bmId": {
        let id = ctx.bookmarkIds.get(s.old);
        if (id === undefined) ctx.bookmarkIds.set(s.old, (id = this.bookmark.next()));
        return String(id);
      }
      case "bmName": {
        if (ctx.index === 0) return s.old;
        const suffix = `_${ctx.index + 1}`;
        return s.old.slice(0, 40 - suffix.length) + suffix; // Word's limit is 40 characters
      }
      case "shapeId":
        return ctx.index === 0 ? s.old : `${s.old}_${ctx.index + 1}`;
      case "spid":
        return `_x0000_s${this.spid.next()}`;
      case "numId":
        return this.lists.numIdFor(s.old, ctx.index, ctx.numIds);
      case "rel":
        return ctx.rels.get(s.rId) ?? s.rId;
      case "sect":
        return isLast ? "" : this.render(this.t.finalSect, ctx, true);
      case "sectPara":
        return isLast ? "" : `<w:p><w:pPr>${this.render(this.t.finalSect, ctx, true)}</w:pPr></w:p>`;
    }
  }

  private field(i: number, ctx: LetterContext): string {
    const slot = this.t.slots[i];
    let value = this.t.values[i](ctx.record);
    const bad = invalidXmlChars(value);
    if (bad.length) {
      value = stripInvalidXml(value);
      this.warnings.push({
        row: ctx.record.row,
        field: displayName(slot.name),
        message: `Ligne ${ctx.record.row}, champ « ${displayName(slot.name)} » : caractère(s) ${[...new Set(bad.map(describeChar))].join(", ")} retiré(s).`,
      });
    }
    let content = value === "" ? "" : `<w:r>${slot.rPr}${textRuns(value)}</w:r>`;
    if (slot.block) content = `<w:p>${slot.block.pPr}${content}</w:p>`;
    if (!slot.sdtPr) return content;
    const sdtPr = slot.sdtPr.replace(/<w:id w:val="-?\d+"\s*\/>/, `<w:id w:val="${this.sdt.next()}"/>`);
    return `<w:sdt>${sdtPr}<w:sdtContent>${content}</w:sdtContent></w:sdt>`;
  }
}

/** A value as run content: tabs and line breaks become w:tab and w:br, spaces are kept. */
export function textRuns(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .split("\t")
        .map((piece) => (piece === "" ? "" : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`))
        .join("<w:tab/>"),
    )
    .join("<w:br/>");
}

const FLUSH_AT = 1 << 20;

/** Merges the records into the template; the output holds one letter per record, in order. */
export function mergeLetters(
  template: Uint8Array,
  records: readonly RosterRecord[],
  source: MergeSource,
  options: MergeOptions = {},
): MergeResult {
  const t = compileTemplate(template, source, options);
  return renderLetters(t, records, options);
}

export function renderLetters(
  t: CompiledTemplate,
  records: readonly RosterRecord[],
  options: MergeOptions = {},
): MergeResult {
  if (records.length === 0)
    throw new MergeError(
      "no-records",
      "Aucune personne sélectionnée : il n'y a aucun courrier à créer. Vérifiez les filtres.",
    );
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const doc = new ZipDeflate(t.pkg.mainPath, { level: 6 });
  zip.add(doc);
  const writer = new LetterWriter(t);
  const newRels: Relationship[] = [];
  const newTypes: Array<{ part: string; type: string }> = [];
  const headerCopies: Array<{ path: string; xml: string; rels?: string }> = [];
  const perLetter = [...t.headers.values()].filter((h) => h.perLetter);

  let pending = t.prefix;
  for (let i = 0; i < records.length; i++) {
    const ctx: LetterContext = {
      index: i,
      record: records[i],
      bookmarkIds: new Map(),
      rels: new Map(),
      numIds: new Map(),
    };
    perLetter.forEach((h, k) => {
      const rId = `rIdEnt${k + 1}L${i + 1}`;
      const path = h.path.replace(/(\.xml)$/, `-ent${i + 1}$1`);
      ctx.rels.set(h.rId, rId);
      headerCopies.push({ path, xml: writer.render(h.segments, ctx, true), rels: h.rels });
      newRels.push({
        id: rId,
        type: `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${/footer/.test(h.contentType) ? "footer" : "header"}`,
        target: path.slice(path.lastIndexOf("/") + 1),
      });
      newTypes.push({ part: path, type: h.contentType });
    });
    const isLast = i === records.length - 1;
    pending += writer.render(t.body, ctx, isLast);
    if (isLast) pending += writer.render(t.finalSect, ctx, true);
    if (pending.length > FLUSH_AT) {
      doc.push(strToU8(pending));
      pending = "";
    }
    if (options.onProgress && (i % 50 === 49 || isLast)) options.onProgress(i + 1, records.length);
  }
  doc.push(strToU8(pending + t.suffix), true);

  const add = (path: string, data: Uint8Array) => {
    const file = new ZipDeflate(path, { level: 6 });
    zip.add(file);
    file.push(data, true);
  };
  const mainRels = relsPathOf(t.pkg.mainPath);
  for (const [path, data] of Object.entries(t.pkg.files)) {
    if (path === t.pkg.mainPath) continue;
    let out = data;
    if (path === "[Content_Types].xml")
      out = strToU8(addContentTypeOverrides(asDocumentContentTypes(t.pkg.text(path)!), newTypes));
    else if (path === mainRels) out = strToU8(addRelationships(t.pkg.text(path)!, newRels));
    else if (path === t.numberingPath) out = strToU8(writer.lists.apply(t.pkg.text(path)!));
    else if (/(^|\/)settings\.xml$/.test(path)) out = strToU8(withoutMailMerge(t.pkg.text(path)!));
    else if (/_rels\/settings\.xml\.rels$/.test(path)) out = strToU8(withoutMailMergeRelationships(t.pkg.text(path)!));
    add(path, out);
  }
  for (const copy of headerCopies) {
    add(copy.path, strToU8(copy.xml));
    if (copy.rels) add(relsPathOf(copy.path), strToU8(copy.rels));
  }
  zip.end();

  return { docx: concatBytes(chunks), letters: records.length, warnings: writer.warnings };
}

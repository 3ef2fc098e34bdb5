// Finds the merge fields of a WordprocessingML part and replaces each with a marker:
// content controls tagged ent:<id> / ent:col:<header>, and classic MERGEFIELDs (simple
// w:fldSimple and complex w:fldChar/w:instrText). What a field needs to be rendered
// later (its run and paragraph properties, its content control) is kept in a FieldSlot.
import type { Box } from "./fit";
import { IF_PREFIX, isConditionTag, isEditTag, isFieldTag, NEXT_TAG, QR_TAG } from "../catalog";
import { attrValue, decodeEntities, elementEnd, findElement, nextStart, previousStart } from "../xml";
import { FieldFormat, isNextField, parseMergeField, refuseUnsupportedField } from "./field-format";
import { FieldNode, FieldText, mergeNames, parseFieldCode, unevaluable } from "./field-code";
import { MergeError } from "./errors";
import { MARK, marker, NEXT_MARK, QR_MARK } from "./markers";

/** A merge field as written in the template: a tag, or a MERGEFIELD name. */
export type FieldName = { kind: "tag"; tag: string } | { kind: "mergefield"; name: string };

export interface FieldSlot {
  name: FieldName;
  /** Run properties the value takes (the field's first run). */
  rPr: string;
  /** Conditions of the passages around the field (`ent:if:` bodies), outermost first. */
  guards: string[];
  /** A MERGEFIELD's switches (case, text before and after, date and number pictures). */
  format?: FieldFormat;
  /**
   * A field Word evaluates from merge fields (IF, COMPARE, GREETINGLINE, ADDRESSBLOCK): its
   * value is the field's, per person. `name` is then the first merge field it reads.
   */
  expr?: FieldNode;
  /** Block-level control: the value goes in a paragraph with these properties. */
  block?: { pPr: string };
  /** When output fields are kept as content controls: the sdtPr to keep. */
  sdtPr?: string;
  /** A login or password: printed on one line of this box, its font shrunk to fit. */
  box?: Box;
}

/** The run properties at the start of the first run in xml, without placeholder styling. */
export function firstRunProps(xml: string): string | null {
  const run = nextStart(xml, "w:r", 0);
  if (run < 0) return null;
  const open = xml.indexOf(">", run) + 1;
  const rest = xml.slice(open).trimStart();
  if (!rest.startsWith("<w:rPr")) return "";
  const start = xml.indexOf("<w:rPr", open);
  return cleanRunProps(xml.slice(start, elementEnd(xml, start, "w:rPr")));
}

function cleanRunProps(rPr: string): string {
  return rPr.replace(/<w:rStyle w:val="PlaceholderText"\/>/g, "").replace(/<w:rPr>\s*<\/w:rPr>/, "");
}

/** `MERGEFIELD "Mot de passe" \* MERGEFORMAT` → `Mot de passe`; null for other fields. */
export function mergeFieldName(instr: string): string | null {
  return parseMergeField(instr)?.name ?? null;
}

/** The w:val of a content control property (w:tag, w:alias), decoded; "" when absent. */
export function sdtValue(sdtPr: string, element: string): string {
  const el = new RegExp(`<${element}\\s[^>]*>`).exec(sdtPr);
  return el ? decodeEntities(attrValue(el[0], "w:val") ?? "") : "";
}

function sdtProps(sdt: string): { sdtPr: string; content: { start: number; end: number } | null } {
  const pr = findElement(sdt, "w:sdtPr");
  const contentStart = nextStart(sdt, "w:sdtContent", pr ? pr.end : 0);
  if (contentStart < 0) return { sdtPr: pr?.text ?? "", content: null };
  const open = sdt.indexOf(">", contentStart) + 1;
  if (sdt[open - 2] === "/") return { sdtPr: pr?.text ?? "", content: { start: open, end: open } };
  const end = elementEnd(sdt, contentStart, "w:sdtContent") - "</w:sdtContent>".length;
  return { sdtPr: pr?.text ?? "", content: { start: open, end } };
}

export interface ExtractOptions {
  /** Keep our content controls (fields and ent:edit passages) in the output. */
  keepFields: boolean;
  /** Conditions of the passages being read (set while descending into ent:if). */
  guards?: string[];
}

/** Replaces every merge field of `xml` with a marker; returns the new text and the slots. */
export function extractFields(xml: string, slots: FieldSlot[], options: ExtractOptions): string {
  const guards = options.guards ?? [];
  return withWholeParagraphPassages(
    extractComplexFields(
      extractSimpleFields(extractContentControls(xml, slots, options), slots, guards),
      slots,
      guards,
    ),
  );
}

/**
 * A conditional passage that is all its paragraph holds takes the paragraph with it, so a
 * false condition leaves no empty line. (Not the paragraph carrying the section break.)
 */
const M = MARK;
// A paragraph's start and properties (none holding a marker), then the start of a passage.
const PASSAGE_AT_PARAGRAPH_START = new RegExp(
  `<w:p\\b[^>]*>(?:<w:pPr\\/>|<w:pPr>(?:(?!<\\/w:pPr>|${M})[\\s\\S])*<\\/w:pPr>)?(?=${M}C)`,
  "g",
);
const PASSAGE_MARK = new RegExp(`${M}([CE])[^${M}]*${M}`, "g");

/** Index just after the E marker closing the passage whose C marker starts at `start`, or -1. */
function passageEnd(xml: string, start: number): number {
  PASSAGE_MARK.lastIndex = start;
  let depth = 0;
  for (let m = PASSAGE_MARK.exec(xml); m; m = PASSAGE_MARK.exec(xml)) {
    depth += m[1] === "C" ? 1 : -1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

function withWholeParagraphPassages(xml: string): string {
  let out = "";
  let i = 0;
  PASSAGE_AT_PARAGRAPH_START.lastIndex = 0;
  for (let m = PASSAGE_AT_PARAGRAPH_START.exec(xml); m; m = PASSAGE_AT_PARAGRAPH_START.exec(xml)) {
    const start = m.index + m[0].length;
    const end = passageEnd(xml, start);
    const inner = end < 0 ? "" : xml.slice(start, end);
    if (end < 0 || !xml.startsWith("</w:p>", end) || inner.includes("</w:p>")) continue;
    // The passage is all the paragraph holds: the paragraph moves inside it.
    const open = inner.slice(0, inner.indexOf(M, 1) + 1);
    const close = marker("E");
    out += xml.slice(i, m.index) + open + m[0] + inner.slice(open.length, -close.length) + "</w:p>" + close;
    i = end + "</w:p>".length;
    PASSAGE_AT_PARAGRAPH_START.lastIndex = i;
  }
  return out + xml.slice(i);
}

function extractContentControls(xml: string, slots: FieldSlot[], options: ExtractOptions): string {
  let out = "";
  let i = 0;
  for (let start = nextStart(xml, "w:sdt", 0); start >= 0; start = nextStart(xml, "w:sdt", i)) {
    const end = elementEnd(xml, start, "w:sdt");
    const sdt = xml.slice(start, end);
    out += xml.slice(i, start);
    i = end;
    const { sdtPr, content } = sdtProps(sdt);
    const tag = sdtValue(sdtPr, "w:tag");
    const inner = content ? sdt.slice(content.start, content.end) : "";
    if (isFieldTag(tag)) {
      const ownRunProps = cleanRunProps(findElement(sdtPr, "w:rPr")?.text ?? "");
      const slot: FieldSlot = {
        name: { kind: "tag", tag },
        rPr: firstRunProps(inner) || ownRunProps,
        guards: options.guards ?? [],
      };
      const structural = /<w:t[rc][\s>]/.test(inner);
      if (!structural && /<w:p[\s>]/.test(inner)) slot.block = { pPr: findElement(inner, "w:pPr")?.text ?? "" };
      if (options.keepFields) slot.sdtPr = keptSdtPr(sdtPr);
      slots.push(slot);
      out += structural ? valueInFirstParagraph(inner, marker("F", slots.length - 1)) : marker("F", slots.length - 1);
      continue;
    }
    if (tag === QR_TAG) {
      // The QR code is drawn here, in a paragraph of its own when the control holds paragraphs.
      out += /<w:p[\s>]/.test(inner) ? `<w:p>${findElement(inner, "w:pPr")?.text ?? ""}${QR_MARK}</w:p>` : QR_MARK;
      continue;
    }
    if (tag === NEXT_TAG) {
      // The next person's part begins here (cards, labels): the control itself goes.
      out += NEXT_MARK;
      continue;
    }
    if (isConditionTag(tag)) {
      // Kept or removed per person: always unwrapped, between markers the writer reads.
      const condition = tag.slice(IF_PREFIX.length);
      const guards = [...(options.guards ?? []), condition];
      out += marker("C", condition) + extractFields(inner, slots, { ...options, guards }) + marker("E");
      continue;
    }
    // Not a field: merge what it holds; our own passages are unwrapped unless kept.
    const merged = extractFields(inner, slots, options);
    const ours = isEditTag(tag);
    if (ours && !options.keepFields) out += merged;
    else if (content) out += sdt.slice(0, content.start) + merged + sdt.slice(content.end);
    else out += sdt;
  }
  return out + xml.slice(i);
}

/**
 * A field wrapped around a table row or cell: the row or cell stays (a paragraph may not
 * sit in w:tbl or w:tr), its text goes, and the value goes in its first paragraph.
 */
function valueInFirstParagraph(inner: string, fieldMarker: string): string {
  const bare = inner.replace(/<w:r\b[^>]*\/>|<w:r\b[^>]*>[\s\S]*?<\/w:r>/g, "");
  const p = findElement(bare, "w:p");
  if (!p) return bare;
  if (p.text.endsWith("/>")) return `${bare.slice(0, p.start)}<w:p>${fieldMarker}</w:p>${bare.slice(p.end)}`;
  const open = bare.indexOf(">", p.start) + 1;
  const pPr = bare.startsWith("<w:pPr", open) ? elementEnd(bare, open, "w:pPr") : open;
  return bare.slice(0, pPr) + fieldMarker + bare.slice(pPr);
}

/** The sdtPr of a kept field: no placeholder state, no binding that would overwrite the value. */
function keptSdtPr(sdtPr: string): string {
  return sdtPr
    .replace(/<w:showingPlcHdr\/>/g, "")
    .replace(/<w:dataBinding\s[^>]*\/>/g, "")
    .replace(/<w:temporary\/>/g, "");
}

function extractSimpleFields(xml: string, slots: FieldSlot[], guards: string[]): string {
  let out = "";
  let i = 0;
  for (let start = nextStart(xml, "w:fldSimple", 0); start >= 0; start = nextStart(xml, "w:fldSimple", i)) {
    const end = elementEnd(xml, start, "w:fldSimple");
    const el = xml.slice(start, end);
    const open = el.slice(0, el.indexOf(">") + 1);
    const instr = decodeEntities(attrValue(open, "w:instr") ?? "");
    const node = parseFieldCode([instr]);
    const evaluated = EVALUATED.has(node.kind);
    if (!evaluated) refuseUnsupportedField(instr);
    const code = evaluated ? { name: mergeNames(node)[0] ?? "", format: {} } : parseMergeField(instr);
    out += xml.slice(i, start);
    i = end;
    if (isNextField(instr)) {
      out += NEXT_MARK;
      continue;
    }
    if (!code) {
      out += el;
      continue;
    }
    slots.push({
      name: { kind: "mergefield", name: code.name },
      rPr: firstRunProps(el) ?? "",
      guards,
      format: code.format,
      ...(evaluated ? { expr: node } : {}),
    });
    out += marker("F", slots.length - 1);
  }
  return out + xml.slice(i);
}

// Field characters and instruction text; each scan makes its own RegExp (lastIndex is state).
const FLD_CHAR =
  /<w:fldChar\s[^>]*w:fldCharType="(begin|separate|end)"[^>]*\/?>|<w:instrText(?:\s[^>]*)?>([\s\S]*?)<\/w:instrText>/g;

/** Fields a merge evaluates from merge fields, beyond MERGEFIELD itself. */
const EVALUATED = new Set(["if", "compare", "greeting", "address", "skipif"]);

/**
 * A field that must be evaluated per person but cannot be: a calculation (=) or an IF or
 * COMPARE written in a way Word's grammar does not allow, over merge fields; or a field a
 * merge cannot evaluate inside an IF. Refused, its code shown as Word shows it (Alt+F9).
 * (Other fields holding a merge field, a HYPERLINK "mailto:{ MERGEFIELD … }", keep Word's
 * behaviour: the nested merge field is filled in place.)
 */
function refuseUnevaluable(node: FieldNode): void {
  const inner = unevaluable(node);
  const reads =
    node.kind === "other" && ["=", "IF", "COMPARE"].includes(node.type) && /\{ MERGEFIELD/i.test(node.source);
  if (!inner && !reads) return;
  throw new MergeError(
    "unsupported-field",
    `Le courrier contient un champ que Courriers ENT ne sait pas évaluer pour chaque personne${inner ? ` (« ${inner.source} » à l'intérieur)` : ""} : remplacez-le par un passage conditionnel (bouton « Passage conditionnel… » du volet) ou par des champs simples. Champ : « ${node.source} ».`,
    [node.source],
  );
}

/**
 * Reads the complex field that begins at `begin`: its code (own instruction text, nested
 * fields as nodes, read recursively), where its result starts and where it ends.
 */
function readField(
  xml: string,
  begin: number,
): { node: FieldNode; code: string; separate: number; end: number } | null {
  const walker = new RegExp(FLD_CHAR.source, "g");
  walker.lastIndex = begin;
  const frames: Array<{ code: FieldText; separated: boolean }> = [];
  let own = "";
  let separate = -1;
  for (let w = walker.exec(xml); w; w = walker.exec(xml)) {
    const top = frames[frames.length - 1];
    if (w[1] === "begin") frames.push({ code: [], separated: false });
    else if (w[1] === "separate") {
      if (top) top.separated = true;
      if (frames.length === 1) separate = w.index;
    } else if (w[1] === "end") {
      const frame = frames.pop()!;
      const node = parseFieldCode(frame.code);
      const parent = frames[frames.length - 1];
      if (!parent) return { node, code: own, separate, end: w.index };
      // A field nested in the code (not in the old result) is part of its parent's code.
      if (!parent.separated) parent.code.push(node);
    } else if (w[2] !== undefined && top && !top.separated) {
      const text = decodeEntities(w[2]);
      top.code.push(text);
      if (frames.length === 1) own += text;
    }
  }
  return null;
}

function extractComplexFields(xml: string, slots: FieldSlot[], guards: string[]): string {
  let out = "";
  let i = 0;
  const scan = new RegExp(FLD_CHAR.source, "g");
  for (let m = scan.exec(xml); m; m = scan.exec(xml)) {
    if (m[1] !== "begin") continue;
    const read = readField(xml, m.index);
    if (!read) continue; // never ends: refused when the template opened (template-cleanup.ts)
    const { node, code: instr, separate, end: endAt } = read;
    refuseUnevaluable(node);
    if (!EVALUATED.has(node.kind)) refuseUnsupportedField(instr);
    if (isNextField(instr)) {
      // Word's «Next Record»: the field goes, a marker for the writer takes its place.
      const runStart = previousStart(xml, "w:r", m.index);
      const runEnd = xml.indexOf("</w:r>", endAt) + "</w:r>".length;
      if (runStart >= i && !xml.slice(runStart, runEnd).includes("</w:p>")) {
        out += xml.slice(i, runStart) + NEXT_MARK;
        i = runEnd;
        scan.lastIndex = runEnd;
      }
      continue;
    }
    const evaluated = EVALUATED.has(node.kind);
    const code = evaluated ? { name: mergeNames(node)[0] ?? "", format: {} } : parseMergeField(instr);
    if (!code) continue; // not a merge field: leave it, inner fields are still visited
    const runStart = previousStart(xml, "w:r", m.index);
    const runEnd = xml.indexOf("</w:r>", endAt) + "</w:r>".length;
    if (runStart < i || xml.slice(runStart, runEnd).includes("</w:p>")) continue;
    // The result stops before the end character's run, whose properties are not the value's.
    const result = separate >= 0 ? xml.slice(separate, previousStart(xml, "w:r", endAt)) : "";
    const resultRun = nextStart(result, "w:r", 0);
    const rPr =
      (resultRun >= 0 ? firstRunProps(result.slice(resultRun)) : null) ?? firstRunProps(xml.slice(runStart)) ?? "";
    const slot: FieldSlot = { name: { kind: "mergefield", name: code.name }, rPr, guards, format: code.format };
    if (evaluated) slot.expr = node;
    slots.push(slot);
    out += xml.slice(i, runStart) + marker("F", slots.length - 1);
    i = runEnd;
    scan.lastIndex = runEnd;
  }
  return out + xml.slice(i);
}

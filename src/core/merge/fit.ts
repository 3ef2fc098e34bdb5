// A login, a password or a name must print on one line of its box: a login broken after a
// hyphen reads as another login, one cut mid-word cannot be typed. Hyphens in such values
// become non-breaking (w:noBreakHyphen), and the font shrinks, per value, until the value
// fits the width of its box (a table cell, or the page's text width less the paragraph's
// indents and the text before it on its line), down to 8 pt; beyond that the merge warns.
// Widths are estimated: 0.6 em a character for a monospace font (Consolas or its substitutes), and
// Arial's widths otherwise (the same as Liberation Sans and Helvetica; wider than Calibri,
// so the estimate errs on the safe side), bold 8 % wider.

import { decodeEntities } from "../xml";

/** 8 pt, in Word's half-points: below it a login is hard to read. */
export const MIN_HALF_POINTS = 16;

/** Word's default cell margins on each side (0.19 cm), where a table sets none. */
const DEFAULT_CELL_MARGIN = 108;

/**
 * A monospace character: Consolas advances 0.55 em; where Consolas is missing (LibreOffice on
 * Linux) its substitutes, Liberation Mono and DejaVu Sans Mono, advance 0.6 em.
 */
const MONOSPACE_EM = 0.6;

const MONOSPACE = /w:ascii="(?:Consolas|Courier New|Courier|Lucida Console|[^"]*Mono[^"]*)"/i;

/** Arial's advance widths in thousandths of an em, for the printable ASCII characters (32–126). */
const ARIAL = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

const LIGATURES: Record<string, number> = { Œ: 1000, œ: 944, Æ: 1000, æ: 889, ß: 611, "’": 222, "«": 556, "»": 556 };

/** One character's width in em in Arial; accented letters as their base letter. */
function arialEm(char: string): number {
  const ligature = LIGATURES[char];
  if (ligature) return ligature / 1000;
  const base = char.normalize("NFD").charCodeAt(0);
  return (base >= 32 && base <= 126 ? ARIAL[base - 32] : 600) / 1000;
}

/** The estimated width of `text` in em, for text in these run properties. */
export function textEm(text: string, rPr: string): number {
  const chars = [...text];
  if (MONOSPACE.test(rPr)) return chars.length * MONOSPACE_EM;
  const em = chars.reduce((n, c) => n + arialEm(c), 0);
  return /<w:b\/>|<w:b w:val="(?:1|true|on)"\/>/.test(rPr) ? em * 1.08 : em;
}

/** The size in half-points of these run properties, or null where they set none. */
export function halfPointsOf(rPr: string): number | null {
  const m = /<w:sz w:val="(\d+)"/.exec(rPr);
  return m ? Number(m[1]) : null;
}

/**
 * The size (half-points) at which `text`, in run properties `rPr`, fits `box` twips on one
 * line: its own size where it fits, else the largest that fits, never below MIN_HALF_POINTS
 * (`fits` is then false). 1 pt = 20 twips, so a text of e em at h half-points is e × h × 10 twips.
 */
export function fittedSize(
  text: string,
  box: number,
  halfPoints: number,
  rPr: string,
): { size: number; fits: boolean } {
  const em = textEm(text, rPr);
  if (em * halfPoints * 10 <= box) return { size: halfPoints, fits: true };
  const size = Math.floor(box / (em * 10));
  return size >= MIN_HALF_POINTS ? { size, fits: true } : { size: MIN_HALF_POINTS, fits: false };
}

/** Run properties at another size (w:sz and w:szCs), added where they set none. */
export function withHalfPoints(rPr: string, halfPoints: number): string {
  const sized = `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
  if (!rPr) return `<w:rPr>${sized}</w:rPr>`;
  const bare = rPr.replace(/<w:sz(?:Cs)? w:val="\d+"\s*\/>/g, "");
  if (bare === "<w:rPr/>") return `<w:rPr>${sized}</w:rPr>`;
  // w:sz and w:szCs come after the other formatting and before highlight, underline and the rest.
  const before =
    /<w:(?:highlight|u|effect|bdr|shd|fitText|vertAlign|rtl|cs|em|lang|eastAsianLayout|specVanish|oMath)\b|<\/w:rPr>/.exec(
      bare,
    )!;
  return bare.slice(0, before.index) + sized + bare.slice(before.index);
}

export interface Box {
  /** The width the value may take on one line, in twips. */
  width: number;
  /** The size the value has there where its own run properties set none, in half-points. */
  halfPoints: number;
}

/** What the template says about paragraph styles: indents and sizes, and the default size. */
export interface StyleMetrics {
  indents: Map<string, number>;
  sizes: Map<string, number>;
  defaultHalfPoints: number;
}

/** Paragraph styles' indents (left + right, twips) and sizes, one level deep, from styles.xml. */
export function readStyleMetrics(stylesXml: string | undefined): StyleMetrics {
  const indents = new Map<string, number>();
  const sizes = new Map<string, number>();
  const xml = stylesXml ?? "";
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const ind = indentOf(m[2]);
    if (ind) indents.set(m[1], ind);
    const size = halfPointsOf(/<w:rPr>[\s\S]*?<\/w:rPr>/.exec(m[2])?.[0] ?? "");
    if (size) sizes.set(m[1], size);
  }
  const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(xml)?.[0] ?? "";
  return { indents, sizes, defaultHalfPoints: halfPointsOf(defaults) ?? 20 };
}

function indentOf(pPr: string): number {
  const ind = /<w:ind\b([^>]*)\/>/.exec(pPr)?.[1] ?? "";
  const side = (name: string) => Number(new RegExp(`w:(?:${name})="(-?\\d+)"`).exec(ind)?.[1] ?? 0);
  return Math.max(0, side("left|start")) + Math.max(0, side("right|end"));
}

/** Where the innermost table, cell and paragraph still open start, in a part's XML so far. */
export interface OpenElements {
  tbl: number;
  tc: number;
  p: number;
}

/**
 * Follows the tables, cells and paragraphs open while a part's XML is read piece by piece:
 * each piece is scanned once, so finding the box of 10,000 fields stays linear.
 */
export class OpenElementTracker {
  private readonly stacks: Record<"tbl" | "tc" | "p", number[]> = { tbl: [], tc: [], p: [] };
  private readonly chunks: Array<{ at: number; text: string }> = [];
  private length = 0;

  feed(text: string): void {
    for (const m of text.matchAll(/<(\/?)w:(tbl|tc|p)[\s>]/g)) {
      const stack = this.stacks[m[2] as "tbl" | "tc" | "p"];
      if (m[1]) stack.pop();
      else stack.push(this.length + m.index!);
    }
    this.chunks.push({ at: this.length, text });
    this.length += text.length;
  }

  /**
   * The XML from the outermost of the open table, cell and paragraph to here (all a box
   * needs), and where each starts in it: one table or paragraph, never the whole part.
   */
  tail(): { xml: string; open: OpenElements } {
    const top = (s: number[]) => (s.length ? s[s.length - 1] : -1);
    const [tbl, tc, p] = [top(this.stacks.tbl), top(this.stacks.tc), top(this.stacks.p)];
    const from = [tbl, tc, p].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), this.length);
    let first = this.chunks.length;
    while (first > 0 && this.chunks[first - 1].at + this.chunks[first - 1].text.length > from) first--;
    const xml = this.chunks
      .slice(first)
      .map((c, i) => (i === 0 ? c.text.slice(from - c.at) : c.text))
      .join("");
    const shift = (i: number) => (i >= 0 ? i - from : -1);
    return { xml, open: { tbl: shift(tbl), tc: shift(tc), p: shift(p) } };
  }
}

/**
 * The box of a field whose XML so far in its part is `before`: the innermost open table
 * cell (its width less its margins) or the page's text width, less the paragraph's indents.
 * `open`: where the open elements start, when the caller follows them (OpenElementTracker);
 * otherwise they are found in `before` the same way.
 */
export function boxBefore(before: string, textWidth: number, styles: StyleMetrics, open?: OpenElements): Box {
  if (!open) {
    const tracker = new OpenElementTracker();
    tracker.feed(before);
    ({ xml: before, open } = tracker.tail());
  }
  let width = textWidth;
  const tc = open.tc;
  if (tc >= 0) {
    const cellWidth = /<w:tcW w:w="(\d+)" w:type="dxa"/.exec(before.slice(tc, before.indexOf("</w:tcPr>", tc)))?.[1];
    const tbl = open.tbl;
    const margins = /<w:tblCellMar>([\s\S]*?)<\/w:tblCellMar>/.exec(before.slice(tbl, tc))?.[1];
    const margin = (side: string) =>
      Number(new RegExp(`<w:(?:${side}) w:w="(\\d+)"`).exec(margins ?? "")?.[1] ?? (margins ? 0 : DEFAULT_CELL_MARGIN));
    if (cellWidth) width = Number(cellWidth) - margin("left|start") - margin("right|end");
  }
  const p = open.p;
  const pPr = p >= 0 ? (/^<w:p\b[^>]*>(<w:pPr>[\s\S]*?<\/w:pPr>)/.exec(before.slice(p))?.[1] ?? "") : "";
  const style = /<w:pStyle w:val="([^"]+)"/.exec(pPr)?.[1];
  const indent = /<w:ind\b/.test(pPr) ? indentOf(pPr) : (styles.indents.get(style ?? "") ?? 0);
  const halfPoints = styles.sizes.get(style ?? "") ?? styles.defaultHalfPoints;
  // The text before the field on its line (a label such as "Identifiant :"), after any break.
  const line =
    p >= 0
      ? before
          .slice(p)
          .split(/<w:br\b[^>]*\/>|<w:cr\/>/)
          .pop()!
      : "";
  const label = [...line.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeEntities(m[1])).join("");
  const labelWidth = textEm(label, "") * halfPoints * 10;
  return { width: Math.max(0, width - indent - labelWidth), halfPoints };
}

/** The page's text width (page width less left and right margins) of a sectPr, in twips. */
export function textWidthOf(sectPr: string): number {
  const page = Number(/<w:pgSz\b[^>]*\bw:w="(\d+)"/.exec(sectPr)?.[1] ?? 11906);
  const left = Number(/<w:pgMar\b[^>]*\bw:left="(\d+)"/.exec(sectPr)?.[1] ?? 1417);
  const right = Number(/<w:pgMar\b[^>]*\bw:right="(\d+)"/.exec(sectPr)?.[1] ?? 1417);
  return page - left - right;
}

// Numbered lists restart in every letter. Paragraphs sharing one w:num continue its count,
// so letter 2 would show steps 6–10. Each letter after the first gets, for each list it
// uses, its own w:num over the same abstract definition with every level's start
// overridden (w:lvlOverride/w:startOverride), which Word and LibreOffice both honour.
import { attrValue } from "../xml";

interface ListDefinition {
  abstractNumId: string;
  /** ilvl → start value of the abstract definition's levels. */
  starts: Map<string, string>;
}

/** Reads which abstract definition each w:num uses, and the start of each of its levels. */
export function readLists(numberingXml: string | undefined): Map<string, ListDefinition> {
  const lists = new Map<string, ListDefinition>();
  if (!numberingXml) return lists;
  const abstractStarts = new Map<string, Map<string, string>>();
  for (const m of numberingXml.matchAll(/<w:abstractNum\s[^>]*>[\s\S]*?<\/w:abstractNum>/g)) {
    const id = attrValue(m[0], "w:abstractNumId") ?? "";
    const starts = new Map<string, string>();
    for (const lvl of m[0].matchAll(/<w:lvl\s[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const start = /<w:start w:val="(\d+)"/.exec(lvl[2]);
      starts.set(lvl[1], start ? start[1] : "0");
    }
    abstractStarts.set(id, starts);
  }
  for (const m of numberingXml.matchAll(/<w:num\s[^>]*?w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractNumId = /<w:abstractNumId w:val="(\d+)"/.exec(m[2])?.[1];
    if (abstractNumId === undefined) continue;
    const starts = new Map(abstractStarts.get(abstractNumId) ?? []);
    // A level the w:num already restarts keeps that start.
    for (const o of m[2].matchAll(/<w:lvlOverride w:ilvl="(\d+)">[\s\S]*?<w:startOverride w:val="(\d+)"/g))
      starts.set(o[1], o[2]);
    if (starts.size === 0) for (let i = 0; i < 9; i++) starts.set(String(i), "1");
    lists.set(m[1], { abstractNumId, starts });
  }
  return lists;
}

/** Hands out, per letter, a restarted copy of each list the letter uses. */
export class ListRestarts {
  private next: number;
  private readonly added: string[] = [];

  constructor(private readonly lists: Map<string, ListDefinition>) {
    this.next = Math.max(0, ...[...lists.keys()].map(Number)) + 1;
  }

  /** The numId a letter uses for the template's list `numId` (the first letter keeps the template's). */
  numIdFor(numId: string, letter: number, seen: Map<string, string>): string {
    const list = this.lists.get(numId);
    if (letter === 0 || !list) return numId;
    let id = seen.get(numId);
    if (id === undefined) {
      id = String(this.next++);
      seen.set(numId, id);
      const overrides = [...list.starts]
        .map(([ilvl, start]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
        .join("");
      this.added.push(`<w:num w:numId="${id}"><w:abstractNumId w:val="${list.abstractNumId}"/>${overrides}</w:num>`);
    }
    return id;
  }

  /** numbering.xml with the letters' lists after the template's (w:num comes after every w:abstractNum). */
  apply(numberingXml: string): string {
    if (this.added.length === 0) return numberingXml;
    const at = numberingXml.search(/<w:numIdMacAtCleanup\b|<\/w:numbering>/);
    return numberingXml.slice(0, at) + this.added.join("") + numberingXml.slice(at);
  }
}

/** Where a numbered paragraph style's list is: its w:numId and level. */
export type StyleLists = Map<string, { numId: string; ilvl: string }>;

/** Paragraph styles that carry a list (w:numPr in the style itself), by style id. */
export function readStyleLists(stylesXml: string | undefined): StyleLists {
  const out: StyleLists = new Map();
  for (const m of (stylesXml ?? "").matchAll(/<w:style\s[^>]*w:type="paragraph"[^>]*>[\s\S]*?<\/w:style>/g)) {
    const id = attrValue(m[0].slice(0, m[0].indexOf(">") + 1), "w:styleId");
    const numId = /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"/.exec(m[0])?.[1];
    if (id && numId && numId !== "0") out.set(id, { numId, ilvl: /<w:ilvl w:val="(\d+)"/.exec(m[0])?.[1] ?? "0" });
  }
  return out;
}

// Elements CT_PPrBase puts before w:numPr.
const BEFORE_NUMPR = /^<w:(?:keepNext|keepLines|pageBreakBefore|framePr|widowControl)\b[^>]*\/>/;

/**
 * A paragraph numbered through its style shares the style's list across letters. It is
 * given that list explicitly, so that each letter can restart it like a direct one.
 */
export function withStyleLists(xml: string, styles: StyleLists): string {
  if (styles.size === 0) return xml;
  return xml.replace(/<w:pPr>((?:(?!<\/w:pPr>)[\s\S])*)<\/w:pPr>/g, (pPr, inner: string) => {
    const style = /^<w:pStyle w:val="([^"]*)"\/>/.exec(inner);
    const list = style && styles.get(style[1]);
    if (!list || inner.includes("<w:numPr")) return pPr;
    let at = style[0].length;
    for (let m = BEFORE_NUMPR.exec(inner.slice(at)); m; m = BEFORE_NUMPR.exec(inner.slice(at))) at += m[0].length;
    const numPr = `<w:numPr><w:ilvl w:val="${list.ilvl}"/><w:numId w:val="${list.numId}"/></w:numPr>`;
    return `<w:pPr>${inner.slice(0, at)}${numPr}${inner.slice(at)}</w:pPr>`;
  });
}

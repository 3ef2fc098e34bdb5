// The formatting a merged letter's paragraphs and runs get from styles.xml (with basedOn)
// and numbering.xml, reduced to what an e-mail can show.
import { child, childElements, childVal, parseXml, XmlElement } from "../xml";

/** Character formatting an e-mail can carry. */
export interface RunLook {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** "#RRGGBB" */
  color?: string;
  /** Points. */
  size?: number;
  font?: string;
  /** A highlight or shading behind the text, "#RRGGBB". */
  background?: string;
}

/** Paragraph formatting an e-mail can carry (lengths in points). */
export interface ParagraphLook {
  align?: "left" | "center" | "right" | "justify";
  indentLeft?: number;
  indentRight?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  background?: string;
  border?: string;
  /** 1–3 for headings and titles. */
  heading?: number;
  numbering?: { numId: string; level: number };
}

interface StyleDef {
  basedOn?: string;
  pPr?: XmlElement;
  rPr?: XmlElement;
  heading?: number;
}

const ON = (el: XmlElement | undefined) =>
  el !== undefined && !["0", "false", "off"].includes(el.attrs["w:val"] ?? "true");

/** "C2185B" → "#C2185B"; "auto" and missing values → undefined. */
export function hexColor(value: string | undefined): string | undefined {
  return value && /^[0-9A-Fa-f]{6}$/.test(value) ? `#${value.toUpperCase()}` : undefined;
}

const HIGHLIGHTS: Record<string, string> = {
  yellow: "#FFFF00",
  green: "#00FF00",
  cyan: "#00FFFF",
  magenta: "#FF00FF",
  blue: "#0000FF",
  red: "#FF0000",
  lightGray: "#D3D3D3",
  darkGray: "#A9A9A9",
};

const twips = (value: string | undefined) =>
  value !== undefined && /^-?\d+$/.test(value) ? Number(value) / 20 : undefined;

/** Applies a w:rPr over a look (later properties win). */
export function runLookOf(rPr: XmlElement | undefined, base: RunLook = {}): RunLook {
  if (!rPr) return base;
  const look = { ...base };
  for (const [name, key] of [
    ["w:b", "bold"],
    ["w:i", "italic"],
  ] as const) {
    const el = child(rPr, name);
    if (el) look[key] = ON(el);
  }
  const u = childVal(rPr, "w:u");
  if (u !== undefined) look.underline = u !== "none";
  const color = childVal(rPr, "w:color");
  if (color !== undefined) look.color = hexColor(color);
  const sz = childVal(rPr, "w:sz");
  if (sz && /^\d+$/.test(sz)) look.size = Number(sz) / 2;
  const font = childVal(rPr, "w:rFonts", "w:ascii") ?? childVal(rPr, "w:rFonts", "w:hAnsi");
  if (font) look.font = font;
  const highlight = childVal(rPr, "w:highlight");
  const fill = hexColor(childVal(rPr, "w:shd", "w:fill"));
  if (highlight && HIGHLIGHTS[highlight]) look.background = HIGHLIGHTS[highlight];
  else if (fill) look.background = fill;
  return look;
}

/** Applies a w:pPr over a paragraph look. */
function paragraphLookOf(pPr: XmlElement | undefined, base: ParagraphLook): ParagraphLook {
  if (!pPr) return base;
  const look = { ...base };
  const jc = childVal(pPr, "w:jc");
  if (jc)
    look.align =
      jc === "center"
        ? "center"
        : jc === "right" || jc === "end"
          ? "right"
          : jc === "both" || jc === "distribute"
            ? "justify"
            : "left";
  const ind = child(pPr, "w:ind");
  if (ind) {
    look.indentLeft = twips(ind.attrs["w:left"] ?? ind.attrs["w:start"]) ?? look.indentLeft;
    look.indentRight = twips(ind.attrs["w:right"] ?? ind.attrs["w:end"]) ?? look.indentRight;
  }
  const spacing = child(pPr, "w:spacing");
  if (spacing) {
    look.spaceBefore = twips(spacing.attrs["w:before"]) ?? look.spaceBefore;
    look.spaceAfter = twips(spacing.attrs["w:after"]) ?? look.spaceAfter;
  }
  const fill = hexColor(childVal(pPr, "w:shd", "w:fill"));
  if (fill) look.background = fill;
  const borders = child(pPr, "w:pBdr");
  if (borders) {
    const side = childElements(borders).find(
      (b) => b.attrs["w:val"] && b.attrs["w:val"] !== "none" && b.attrs["w:val"] !== "nil",
    );
    if (side) look.border = hexColor(side.attrs["w:color"]) ?? "#000000";
  }
  const numPr = child(pPr, "w:numPr");
  const numId = childVal(numPr, "w:numId");
  if (numId !== undefined)
    look.numbering = numId === "0" ? undefined : { numId, level: Number(childVal(numPr, "w:ilvl") ?? "0") || 0 };
  return look;
}

function headingOf(style: XmlElement): number | undefined {
  const name = (childVal(style, "w:name") ?? "").toLowerCase();
  const id = style.attrs["w:styleId"] ?? "";
  if (name === "title" || /^(titre|title)$/i.test(id)) return 1;
  const m = /^heading (\d)$/.exec(name) ?? /^(?:heading|titre)(\d)$/i.exec(id);
  return m ? Math.min(Number(m[1]), 3) : undefined;
}

/** styles.xml and numbering.xml of a letter, read once. */
export class LetterStyles {
  private readonly styles = new Map<string, StyleDef>();
  private readonly defaultParagraph?: string;
  private readonly defaults: { rPr?: XmlElement; pPr?: XmlElement };
  private readonly listFormats = new Map<string, string[]>();

  constructor(stylesXml: string | undefined, numberingXml: string | undefined) {
    const root = stylesXml ? parseXml(stylesXml) : undefined;
    const docDefaults = child(root, "w:docDefaults");
    this.defaults = {
      rPr: child(child(docDefaults, "w:rPrDefault"), "w:rPr"),
      pPr: child(child(docDefaults, "w:pPrDefault"), "w:pPr"),
    };
    for (const style of root ? childElements(root, "w:style") : []) {
      const id = style.attrs["w:styleId"];
      if (!id) continue;
      this.styles.set(id, {
        basedOn: childVal(style, "w:basedOn"),
        pPr: child(style, "w:pPr"),
        rPr: child(style, "w:rPr"),
        heading: headingOf(style),
      });
      const isDefault = ["1", "true", "on"].includes(style.attrs["w:default"] ?? "");
      if (style.attrs["w:type"] === "paragraph" && isDefault) this.defaultParagraph = id;
    }
    if (numberingXml) this.readNumbering(parseXml(numberingXml));
  }

  private readNumbering(root: XmlElement): void {
    const abstract = new Map<string, string[]>();
    for (const a of childElements(root, "w:abstractNum")) {
      const formats: string[] = [];
      for (const lvl of childElements(a, "w:lvl"))
        formats[Number(lvl.attrs["w:ilvl"] ?? 0)] = childVal(lvl, "w:numFmt") ?? "decimal";
      abstract.set(a.attrs["w:abstractNumId"] ?? "", formats);
    }
    for (const num of childElements(root, "w:num"))
      this.listFormats.set(num.attrs["w:numId"] ?? "", abstract.get(childVal(num, "w:abstractNumId") ?? "") ?? []);
  }

  /** The style chain of a style id, base first (cycles cut). */
  private chain(id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    for (let at = id; at && !seen.has(at); at = this.styles.get(at)?.basedOn) {
      seen.add(at);
      const def = this.styles.get(at);
      if (def) out.unshift(def);
    }
    return out;
  }

  /** A paragraph's look and the run look its style gives, from its w:pPr. */
  paragraph(pPr: XmlElement | undefined): { look: ParagraphLook; run: RunLook } {
    const chain = this.chain(childVal(pPr, "w:pStyle") ?? this.defaultParagraph);
    let look = paragraphLookOf(this.defaults.pPr, {});
    let run = runLookOf(this.defaults.rPr);
    for (const def of chain) {
      look = paragraphLookOf(def.pPr, look);
      run = runLookOf(def.rPr, run);
      if (def.heading) look.heading = def.heading;
    }
    return { look: paragraphLookOf(pPr, look), run };
  }

  /** A run's look over its paragraph's, with its character style and direct formatting. */
  run(rPr: XmlElement | undefined, base: RunLook): RunLook {
    let look = base;
    for (const def of this.chain(childVal(rPr, "w:rStyle"))) look = runLookOf(def.rPr, look);
    return runLookOf(rPr, look);
  }

  /** Whether a list level is a bulleted one (else numbered). */
  isBullet(numId: string, level: number): boolean {
    return (this.listFormats.get(numId)?.[level] ?? "bullet") === "bullet";
  }
}

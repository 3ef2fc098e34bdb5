// One merged letter (.docx) read as blocks — paragraphs with their runs, lists, tables —
// that the e-mail renderers turn into HTML and plain text. Fields are already merged:
// content controls are unwrapped, field codes skipped, their results kept.
import { OpcPackage } from "../opc";
import { child, childElements, childVal, parseXml, XmlElement } from "../xml";
import { MergeError } from "../merge";
import { LetterStyles, ParagraphLook, RunLook } from "./styles";

export type Inline = { kind: "text"; text: string; look: RunLook; href?: string } | { kind: "break" };

export interface Paragraph {
  kind: "paragraph";
  look: ParagraphLook;
  inlines: Inline[];
  /** For a list item: bulleted or numbered, its level and its number in its list. */
  list?: { bullet: boolean; level: number; number: number; numId: string };
}

export interface Table {
  kind: "table";
  rows: Block[][][];
  borders: boolean;
}

export type Block = Paragraph | Table;

export interface LetterModel {
  body: Block[];
  /** The letter's footer (the school's address, say), shown under the letter. */
  footer: Block[];
}

const MAIN = "word/document.xml";
const HYPERLINK = "hyperlink";
const FOOTER = "footer";

/** Only links a reader can safely follow from an e-mail. */
const SAFE_LINK = /^(https?:|mailto:)/i;

/** The complex fields open around a run: for each, whether its result has begun. */
interface FieldState {
  open: boolean[];
}

class Reader {
  private readonly counters = new Map<string, number[]>();

  constructor(
    private readonly styles: LetterStyles,
    private readonly links: ReadonlyMap<string, string>,
  ) {}

  blocks(container: XmlElement): Block[] {
    const out: Block[] = [];
    for (const el of childElements(container)) {
      if (el.name === "w:p") out.push(this.paragraph(el));
      else if (el.name === "w:tbl") out.push(this.table(el));
      else if (el.name === "w:sdt") out.push(...this.blocks(child(el, "w:sdtContent") ?? el));
      else if (el.name === "w:customXml" || el.name === "w:ins" || el.name === "w:smartTag")
        out.push(...this.blocks(el));
    }
    return out;
  }

  private paragraph(p: XmlElement): Paragraph {
    const { look, run } = this.styles.paragraph(child(p, "w:pPr"));
    const inlines: Inline[] = [];
    this.inlines(p, run, undefined, inlines, { open: [] });
    const para: Paragraph = { kind: "paragraph", look, inlines };
    const n = look.numbering;
    if (n) {
      const levels = this.counters.get(n.numId) ?? [];
      levels[n.level] = (levels[n.level] ?? 0) + 1;
      levels.length = n.level + 1;
      this.counters.set(n.numId, levels);
      para.list = {
        bullet: this.styles.isBullet(n.numId, n.level),
        level: n.level,
        number: levels[n.level],
        numId: n.numId,
      };
    }
    return para;
  }

  /** The text of runs, hyperlinks and inline content controls, in order; field codes are skipped. */
  private inlines(el: XmlElement, base: RunLook, href: string | undefined, out: Inline[], field: FieldState): void {
    for (const c of childElements(el)) {
      switch (c.name) {
        case "w:r":
          this.run(c, base, href, out, field);
          break;
        case "w:hyperlink": {
          const target = this.links.get(c.attrs["r:id"] ?? "");
          this.inlines(c, base, target && SAFE_LINK.test(target) ? target : href, out, field);
          break;
        }
        case "w:sdt":
          this.inlines(child(c, "w:sdtContent") ?? c, base, href, out, field);
          break;
        case "w:fldSimple":
        case "w:smartTag":
        case "w:customXml":
        case "w:ins":
          this.inlines(c, base, href, out, field);
          break;
      }
    }
  }

  private run(r: XmlElement, base: RunLook, href: string | undefined, out: Inline[], field: FieldState): void {
    const look = this.styles.run(child(r, "w:rPr"), base);
    for (const c of childElements(r)) {
      if (c.name === "w:fldChar") {
        // Between "begin" and "separate" is the field's code; the result follows until "end".
        // Fields nest (an IF over a MERGEFIELD): a nested field's result inside the outer
        // field's code is code too.
        const type = c.attrs["w:fldCharType"];
        if (type === "begin") field.open.push(false);
        else if (type === "separate" && field.open.length) field.open[field.open.length - 1] = true;
        else if (type === "end") field.open.pop();
      } else if (!field.open.every(Boolean)) continue;
      else if (c.name === "w:t")
        out.push({ kind: "text", text: c.children.filter((t) => typeof t === "string").join(""), look, href });
      else if (c.name === "w:tab") out.push({ kind: "text", text: "\t", look, href });
      else if (c.name === "w:noBreakHyphen") out.push({ kind: "text", text: "\u2011", look, href });
      else if (c.name === "w:br" || c.name === "w:cr") {
        // A page break ends the page, not the line: in an e-mail there are no pages.
        if (c.attrs["w:type"] !== "page") out.push({ kind: "break" });
      }
    }
  }

  private table(tbl: XmlElement): Table {
    const tblPr = child(tbl, "w:tblPr");
    const borders = child(tblPr, "w:tblBorders");
    const style = childVal(tblPr, "w:tblStyle") ?? "";
    const bordered =
      /grid|grille|quadrillage/i.test(style) ||
      (borders !== undefined &&
        childElements(borders).some((b) => !["none", "nil"].includes(b.attrs["w:val"] ?? "none")));
    const rows = childElements(tbl, "w:tr").map((tr) => childElements(tr, "w:tc").map((tc) => this.blocks(tc)));
    return { kind: "table", rows, borders: bordered };
  }
}

/** Reads a merged letter (one person's .docx). */
export function readLetter(docx: Uint8Array): LetterModel {
  const pkg = OpcPackage.unzip(docx, (err) => new MergeError("bad-template", err.message, [], { cause: err }));
  const xml = pkg.text(MAIN);
  if (xml === undefined)
    throw new MergeError("bad-template", "Le courrier fusionné n'a pas de corps (word/document.xml).");
  const styles = new LetterStyles(pkg.text("word/styles.xml"), pkg.text("word/numbering.xml"));
  const links = new Map(
    pkg
      .relationships(MAIN)
      .ofKind(HYPERLINK)
      .map((r) => [r.id, r.target] as const),
  );
  const body = child(parseXml(xml), "w:body");
  const reader = new Reader(styles, links);
  const blocks = body ? reader.blocks(body) : [];
  return { body: blocks, footer: footerOf(pkg, body, styles) };
}

/** The default footer of the letter's (last) section, read as blocks. */
function footerOf(pkg: OpcPackage, body: XmlElement | undefined, styles: LetterStyles): Block[] {
  const sections = body ? childElements(body, "w:sectPr") : [];
  const refs = sections.length ? childElements(sections[sections.length - 1], "w:footerReference") : [];
  const ref = refs.find((r) => (r.attrs["w:type"] ?? "default") === "default");
  const path = ref && pkg.related(MAIN, FOOTER).find((f) => f.id === ref.attrs["r:id"])?.path;
  const xml = path ? pkg.text(path) : undefined;
  if (!xml) return [];
  const links = new Map(
    pkg
      .relationships(path!)
      .ofKind(HYPERLINK)
      .map((r) => [r.id, r.target] as const),
  );
  return new Reader(styles, links).blocks(parseXml(xml));
}

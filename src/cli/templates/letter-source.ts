// Reads a letter source (assets/templates/src/*.txt) into paragraphs of known kinds.
// The syntax is described in assets/templates/src/README.md.
import { CourriersError } from "../../core/errors";

export type ParagraphKind =
  | "letterhead"
  | "right"
  | "addressee"
  | "subject"
  | "body"
  | "credentials"
  | "note"
  | "heading"
  | "steps"
  | "signature"
  | "qr";

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "field"; id: string; before?: string }
  | { kind: "edit"; what: string; text: string }
  | { kind: "if"; condition: string; inlines: Inline[] };

export interface Paragraph {
  kind: ParagraphKind;
  /** Index of the line within its block (the letterhead's first line is the school name). */
  line: number;
  inlines: Inline[];
}

const BLOCKS = new Set(["letterhead", "addressee", "credentials", "steps", "signature"]);
const SINGLE = new Set(["right", "subject", "heading", "note", "qr"]);

const TOKEN = /\{(?:(\w+) )?(\w+)\}|\[\[([\w-]+)\|([^\]]*)\]\]|<<([\w:-]+)\||>>/g;

/** Inline text with {fields}, [[passages|text]] and <<condition|conditional text>> (nested). */
function parseInlines(text: string): Inline[] {
  const root: Inline[] = [];
  const stack: Inline[][] = [root];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const here = stack[stack.length - 1];
    if (m.index! > last) here.push({ kind: "text", text: text.slice(last, m.index) });
    last = m.index! + m[0].length;
    if (m[2]) here.push(m[1] ? { kind: "field", id: m[2], before: m[1] } : { kind: "field", id: m[2] });
    else if (m[3]) here.push({ kind: "edit", what: m[3], text: m[4] });
    else if (m[5]) {
      const inlines: Inline[] = [];
      here.push({ kind: "if", condition: m[5], inlines });
      stack.push(inlines);
    } else if (stack.length > 1) stack.pop();
    else throw new CourriersError("bad-letter-source", `« >> » sans « <<condition| » dans : ${text}`);
  }
  if (stack.length > 1) throw new CourriersError("bad-letter-source", `« <<condition| » sans « >> » dans : ${text}`);
  if (last < text.length) root.push({ kind: "text", text: text.slice(last) });
  return root;
}

export function parseLetterSource(source: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let block: ParagraphKind | null = null;
  let line = 0;
  for (const raw of source.split(/\r?\n/)) {
    if (raw.startsWith("#")) continue;
    if (raw.trim() === "") {
      block = null;
      continue;
    }
    const directive = /^@(\w+)\s*(.*)$/.exec(raw);
    if (directive && BLOCKS.has(directive[1])) {
      block = directive[1] as ParagraphKind;
      line = 0;
      continue;
    }
    if (directive && SINGLE.has(directive[1])) {
      paragraphs.push({ kind: directive[1] as ParagraphKind, line: 0, inlines: parseInlines(directive[2]) });
      block = null;
      continue;
    }
    if (directive)
      throw new CourriersError(
        "bad-letter-source",
        `directive inconnue « @${directive[1]} » dans la source du courrier.`,
      );
    paragraphs.push({ kind: block ?? "body", line: line++, inlines: parseInlines(raw) });
  }
  return paragraphs;
}

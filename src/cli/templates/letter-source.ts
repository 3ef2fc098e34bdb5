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
  | "signature";

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "field"; id: string; before?: string }
  | { kind: "edit"; what: string; text: string };

export interface Paragraph {
  kind: ParagraphKind;
  /** Index of the line within its block (the letterhead's first line is the school name). */
  line: number;
  inlines: Inline[];
}

const BLOCKS = new Set(["letterhead", "addressee", "credentials", "steps", "signature"]);
const SINGLE = new Set(["right", "subject", "heading", "note"]);

function parseInlines(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /\{(?:(\w+) )?(\w+)\}|\[\[([\w-]+)\|([^\]]*)\]\]/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > last) out.push({ kind: "text", text: text.slice(last, m.index) });
    if (m[2]) out.push(m[1] ? { kind: "field", id: m[2], before: m[1] } : { kind: "field", id: m[2] });
    else out.push({ kind: "edit", what: m[3], text: m[4] });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
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

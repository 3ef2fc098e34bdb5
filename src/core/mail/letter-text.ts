// The same letter as plain text, the alternative part every message carries (for readers
// and clients that show no HTML).
import { Block, Inline, LetterModel, Paragraph } from "./letter-model";

function inlineText(inlines: readonly Inline[]): string {
  let out = "";
  for (const i of inlines) {
    if (i.kind === "break") out += "\n";
    else if (i.href && !i.href.endsWith(i.text.trim()) && !i.href.replace(/^mailto:/i, "").startsWith(i.text.trim()))
      out += `${i.text} <${i.href}>`;
    else out += i.text;
  }
  return out.replace(/\t/g, "    ").replace(/[ \u00a0]+$/gm, "");
}

function paragraphText(p: Paragraph): string {
  const text = inlineText(p.inlines);
  if (!p.list) return text;
  const indent = "   ".repeat(p.list.level);
  return `${indent}${p.list.bullet ? "-" : `${p.list.number}.`} ${text}`;
}

/** Blocks as text: a blank line between paragraphs, none inside a list or a box. */
function blocksText(blocks: readonly Block[]): string {
  const out: string[] = [];
  let previous: Block | null = null;
  for (const b of blocks) {
    const text =
      b.kind === "table"
        ? b.rows.map((cells) => cells.map((c) => blocksText(c).replace(/\n+/g, " ")).join(" | ")).join("\n")
        : paragraphText(b);
    const together =
      previous?.kind === "paragraph" &&
      b.kind === "paragraph" &&
      ((previous.list && b.list && previous.list.numId === b.list.numId) ||
        (Boolean(previous.look.border || previous.look.background) &&
          previous.look.border === b.look.border &&
          previous.look.background === b.look.background));
    if (out.length) out.push(together ? "\n" : "\n\n");
    out.push(text);
    previous = b;
  }
  return out.join("").replace(/\n{3,}/g, "\n\n");
}

export function letterText(letter: LetterModel): string {
  const footer = letter.footer.length ? `\n\n--\n${blocksText(letter.footer)}` : "";
  return `${blocksText(letter.body).trim()}${footer}\n`;
}

// A letter as an e-mail body that mail clients show alike (Outlook desktop and web, Gmail,
// Thunderbird, phones): a table layout at most 640 px wide, inline styles only, no image,
// font or script from anywhere; the password keeps a monospace font.
import { Block, Inline, LetterModel, Paragraph, Table } from "./letter-model";
import { ParagraphLook, RunLook } from "./styles";

const MONOSPACE = "Consolas, 'Courier New', monospace";
const BASE_FONT = "Calibri, Arial, Helvetica, sans-serif";
/** Word's page indents are for A4 paper; an e-mail column is narrower. */
const MAX_INDENT_PT = 60;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const MONO_FONTS = /consolas|courier|mono|lucida console/i;

function fontFamily(font: string | undefined): string | undefined {
  if (!font) return undefined;
  return MONO_FONTS.test(font) ? MONOSPACE : `'${font.replace(/['"\\;]/g, "")}', ${BASE_FONT}`;
}

function runCss(look: RunLook): string {
  const css: string[] = [];
  if (look.bold) css.push("font-weight:bold");
  if (look.italic) css.push("font-style:italic");
  if (look.underline) css.push("text-decoration:underline");
  if (look.color) css.push(`color:${look.color}`);
  if (look.size) css.push(`font-size:${look.size}pt`);
  const family = fontFamily(look.font);
  if (family) css.push(`font-family:${family}`);
  if (family === MONOSPACE) css.push("letter-spacing:0.05em");
  if (look.background) css.push(`background-color:${look.background}`);
  return css.join(";");
}

function inlineHtml(inline: Inline): string {
  if (inline.kind === "break") return "<br>";
  const text = escapeHtml(inline.text).replace(/\t/g, "&nbsp;&nbsp;&nbsp;&nbsp;").replace(/ {2}/g, " &nbsp;");
  const css = runCss(inline.look);
  const span = css ? `<span style="${css}">${text}</span>` : text;
  return inline.href ? `<a href="${escapeHtml(inline.href)}" style="color:#0563C1">${span}</a>` : span;
}

const pt = (n: number | undefined) => `${Math.max(0, Math.min(n ?? 0, MAX_INDENT_PT))}pt`;

function paragraphCss(look: ParagraphLook, inBox: boolean): string {
  const css = [
    `margin:${pt(look.spaceBefore)} ${inBox ? "0" : pt(look.indentRight)} ${pt(look.spaceAfter ?? 8)} ${inBox ? "0" : pt(look.indentLeft)}`,
  ];
  if (look.align && look.align !== "left") css.push(`text-align:${look.align === "justify" ? "left" : look.align}`);
  return css.join(";");
}

function paragraphHtml(p: Paragraph, inBox = false): string {
  const content = p.inlines.map(inlineHtml).join("") || "&nbsp;";
  const tag = p.look.heading ? `h${p.look.heading}` : "p";
  const size = p.look.heading ? ";font-size:" + [0, 16, 14, 12][p.look.heading] + "pt" : "";
  return `<${tag} style="${paragraphCss(p.look, inBox)}${size}">${content}</${tag}>`;
}

/** A list: consecutive items of the same list; deeper levels indented. */
function listHtml(items: Paragraph[]): string {
  const first = items[0].list!;
  const tag = first.bullet ? "ul" : "ol";
  const start = !first.bullet && first.number > 1 ? ` start="${first.number}"` : "";
  const lis = items
    .map((p) => {
      const indent = p.list!.level > 0 ? `margin-left:${p.list!.level * 18}pt;` : "";
      return `<li style="${indent}margin-bottom:${pt(p.look.spaceAfter ?? 4)}">${p.inlines.map(inlineHtml).join("")}</li>`;
    })
    .join("");
  return `<${tag}${start} style="margin:0 0 8pt 0;padding-left:24pt">${lis}</${tag}>`;
}

/** Consecutive bordered or shaded paragraphs with the same look form one box, as in Word. */
function boxHtml(items: Paragraph[]): string {
  const look = items[0].look;
  const css = [`margin:${pt(look.spaceBefore)} ${pt(look.indentRight)} 8pt ${pt(look.indentLeft)}`, "width:auto"];
  if (look.border) css.push(`border:1px solid ${look.border}`);
  if (look.background) css.push(`background-color:${look.background}`);
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;${css.join(";")}"><tr><td style="padding:6pt 8pt">${items.map((p) => paragraphHtml(p, true)).join("")}</td></tr></table>`;
}

function tableHtml(t: Table): string {
  const border = t.borders ? "border:1px solid #000000;" : "";
  const rows = t.rows
    .map(
      (cells) =>
        `<tr>${cells.map((blocks) => `<td style="${border}padding:4pt 6pt;vertical-align:top">${blocksHtml(blocks)}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;margin:0 0 8pt 0">${rows}</table>`;
}

const boxKey = (p: Paragraph) =>
  p.look.border || p.look.background ? `${p.look.border}|${p.look.background}|${p.look.indentLeft}` : "";

function blocksHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (let i = 0; i < blocks.length;) {
    const b = blocks[i];
    if (b.kind === "table") {
      out.push(tableHtml(b));
      i++;
      continue;
    }
    let j = i + 1;
    if (b.list) {
      while (j < blocks.length && (blocks[j] as Paragraph).list?.numId === b.list.numId) j++;
      out.push(listHtml(blocks.slice(i, j) as Paragraph[]));
    } else if (boxKey(b)) {
      while (
        j < blocks.length &&
        blocks[j].kind === "paragraph" &&
        !(blocks[j] as Paragraph).list &&
        boxKey(blocks[j] as Paragraph) === boxKey(b)
      )
        j++;
      out.push(boxHtml(blocks.slice(i, j) as Paragraph[]));
    } else out.push(paragraphHtml(b));
    i = j;
  }
  return out.join("\n");
}

/** The whole e-mail body: the letter, then its footer in small grey type. */
export function letterHtml(letter: LetterModel, title: string): string {
  const footer = letter.footer.length
    ? `<div style="margin-top:16pt;padding-top:8pt;border-top:1px solid #D0D0D0;color:#595959;font-size:8pt">${blocksHtml(letter.footer)}</div>`
    : "";
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:0;background-color:#FFFFFF">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;max-width:640px"><tr><td style="font-family:${BASE_FONT};font-size:11pt;line-height:1.35;color:#000000;text-align:left">
${blocksHtml(letter.body)}
${footer}
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
}

// Small scanners over XML text. The merge engine works on the document's text as a
// string, not a DOM; these find elements and their ends while respecting nesting.
import { XmlError } from "../errors";
import { decodeEntities } from "./entities";

/** Matches the start or end tag of `name` exactly (w:p, not w:pPr). */
function tagPattern(name: string): RegExp {
  return new RegExp(`<(/?)${name.replace(":", "\\:")}(?=[\\s>/])[^>]*?(/?)>`, "g");
}

/** Index just after the end of the element whose start tag begins at `start`. */
export function elementEnd(xml: string, start: number, name: string): number {
  const re = tagPattern(name);
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] === "/") depth--;
    else if (m[2] !== "/") depth++;
    else if (depth === 0) return m.index + m[0].length; // self-closing at top
    if (depth === 0) return m.index + m[0].length;
  }
  throw new XmlError(name, start);
}

/** Index of the next start tag of `name` at or after `from`, or -1. */
export function nextStart(xml: string, name: string, from: number): number {
  const re = new RegExp(`<${name.replace(":", "\\:")}(?=[\\s>/])`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  return m ? m.index : -1;
}

/** Index of the last start tag of `name` before `before`, or -1. Searches backwards: linear in the distance. */
export function previousStart(xml: string, name: string, before: number): number {
  const open = `<${name}`;
  if (before <= 0) return -1;
  for (let at = xml.lastIndexOf(open, before - 1); at >= 0; at = xml.lastIndexOf(open, at - 1)) {
    const next = xml[at + open.length];
    if (next === " " || next === ">" || next === "/" || next === "\t" || next === "\n" || next === "\r") return at;
    if (at === 0) break;
  }
  return -1;
}

/** The whole first child element `name` inside xml[from, to), or null. */
export function findElement(
  xml: string,
  name: string,
  from = 0,
  to = xml.length,
): { start: number; end: number; text: string } | null {
  const start = nextStart(xml, name, from);
  if (start < 0 || start >= to) return null;
  const end = elementEnd(xml, start, name);
  return { start, end, text: xml.slice(start, end) };
}

/** Value of an attribute in a start tag. */
export function attrValue(tag: string, name: string): string | undefined {
  const m = tag.match(new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`));
  return m ? m[1] : undefined;
}

/** Value of an attribute in a start tag, entities decoded. */
export function attrText(tag: string, name: string): string | undefined {
  const raw = attrValue(tag, name);
  return raw === undefined ? undefined : decodeEntities(raw);
}

/** Top-level child elements of an XML fragment, in order, with their names. */
export function topLevelElements(xml: string): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    if (xml.startsWith("<?", lt) || xml.startsWith("<!--", lt)) {
      i = xml.indexOf(">", lt) + 1;
      continue;
    }
    const m = /^<([\w:.-]+)/.exec(xml.slice(lt, lt + 80));
    if (!m) {
      i = lt + 1;
      continue;
    }
    const end = elementEnd(xml, lt, m[1]);
    out.push({ name: m[1], start: lt, end });
    i = end;
  }
  return out;
}

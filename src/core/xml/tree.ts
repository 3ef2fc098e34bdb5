// A small element tree for the parts we read whole (a merged letter turned into an e-mail):
// the scanners in scan.ts suit edits in place, a tree suits a walk in document order.
// Input is a part we wrote or checked (well-formed, no DOCTYPE); anything odd is skipped.
import { decodeEntities } from "./entities";

export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The document element of an XML text, with its descendants. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[6] !== undefined) top.children.push(decodeEntities(m[6]));
    else if (m[3] === undefined) continue;
    else if (m[2] === "/") {
      if (stack.length > 1) stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(ATTR)) attrs[a[1]] = decodeEntities(a[2] ?? a[3]);
      const el: XmlElement = { name: m[3], attrs, children: [] };
      top.children.push(el);
      if (m[5] !== "/") stack.push(el);
    }
  }
  const first = root.children.find((c): c is XmlElement => typeof c !== "string");
  return first ?? root;
}

/** The element children of an element, optionally only those with this name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name));
}

/** The first child element with this name, or undefined. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c): c is XmlElement => typeof c !== "string" && c.name === name);
}

/** An OOXML "w:val"-style attribute of a child element: child(el, "w:jc")?.attrs["w:val"]. */
export function childVal(el: XmlElement | undefined, name: string, attr = "w:val"): string | undefined {
  return child(el, name)?.attrs[attr];
}

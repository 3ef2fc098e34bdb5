// A part's relationships (`_rels/<part>.rels`): read, added to and removed from while
// keeping every relationship we do not touch exactly as written (external targets too).
import { attrText } from "../xml";

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

interface Entry extends Relationship {
  /** The element as written, kept for output. */
  xml: string;
}

const EMPTY =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

export const RELATIONSHIP_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export class Relationships {
  private readonly head: string;
  private readonly entries: Entry[];

  constructor(xml = "") {
    const first = xml.search(/<Relationship[\s/>]/);
    const close = xml.lastIndexOf("</Relationships>");
    this.head = first >= 0 ? xml.slice(0, first) : close >= 0 ? xml.slice(0, close) : EMPTY;
    this.entries = [...xml.matchAll(/<Relationship\s[^>]*>/g)].map((m) => ({
      id: attrText(m[0], "Id") ?? "",
      type: attrText(m[0], "Type") ?? "",
      target: attrText(m[0], "Target") ?? "",
      xml: m[0].endsWith("/>") ? m[0] : `${m[0].slice(0, -1)}/>`,
    }));
  }

  list(): Relationship[] {
    return this.entries.map(({ id, type, target }) => ({ id, type, target }));
  }

  /** The relationships whose type ends with `/<kind>` (officeDocument, header, numbering…). */
  ofKind(...kinds: string[]): Relationship[] {
    return this.list().filter((r) => kinds.includes(r.type.slice(r.type.lastIndexOf("/") + 1)));
  }

  byId(id: string): Relationship | undefined {
    return this.list().find((r) => r.id === id);
  }

  add(rel: Relationship): void {
    const xml = `<Relationship Id="${escapeAttr(rel.id)}" Type="${escapeAttr(rel.type)}" Target="${escapeAttr(rel.target)}"/>`;
    this.entries.push({ ...rel, xml });
  }

  /** Removes the relationships of this kind that point outside the package (TargetMode="External"); returns them. */
  removeExternal(kind: string): Relationship[] {
    const gone = this.entries.filter(
      (e) => e.type.slice(e.type.lastIndexOf("/") + 1) === kind && /\sTargetMode="External"/.test(e.xml),
    );
    this.entries.splice(0, this.entries.length, ...this.entries.filter((e) => !gone.includes(e)));
    return gone.map(({ id, type, target }) => ({ id, type, target }));
  }

  /** Removes the relationships of these kinds; returns how many went. */
  removeKinds(...kinds: string[]): number {
    const before = this.entries.length;
    const keep = this.entries.filter((e) => !kinds.includes(e.type.slice(e.type.lastIndexOf("/") + 1)));
    this.entries.splice(0, this.entries.length, ...keep);
    return before - keep.length;
  }

  toXml(): string {
    return `${this.head}${this.entries.map((e) => e.xml).join("")}</Relationships>`;
  }
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** "word/document.xml" → "word/_rels/document.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** "word/document.xml" + "header1.xml" → "word/header1.xml"; "/x" is from the root. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

// Footnotes and endnotes: each letter gets its own copy of every note its body refers to,
// with a new id, so that a field in a note shows that person's value and no two letters
// point at one note. The separators Word keeps in the part stay as they are, once.
import { attrValue } from "../xml";
import { compilePart, NoteKind, Segment } from "./compile";
import { ExtractOptions, FieldSlot } from "./fields";

export interface NotesPart {
  kind: NoteKind;
  path: string;
  /** The part up to its first note, the separators, and the end. */
  head: string;
  specials: string;
  tail: string;
  /** Each ordinary note: its start tag (with `\u0002` where the id goes) and its content. */
  notes: Map<string, { open: string; segments: Segment[] }>;
  /** The first id the letters' copies may use. */
  firstId: number;
}

const ID_HOLE = "\u0002";

/** Reads a footnotes or endnotes part and compiles its ordinary notes. */
export function compileNotes(
  kind: NoteKind,
  path: string,
  xml: string,
  slots: FieldSlot[],
  options: ExtractOptions,
): NotesPart {
  const element = new RegExp(`<w:${kind}\\b([^>]*)>([\\s\\S]*?)</w:${kind}>|<w:${kind}\\b[^>]*/>`, "g");
  const notes = new Map<string, { open: string; segments: Segment[] }>();
  let specials = "";
  let first = -1;
  let last = -1;
  let maxId = 0;
  for (const m of xml.matchAll(element)) {
    if (first < 0) first = m.index;
    last = m.index + m[0].length;
    const open = m[0].slice(0, m[0].indexOf(">") + 1);
    const id = attrValue(open, "w:id") ?? "";
    maxId = Math.max(maxId, Number(id) || 0);
    const type = attrValue(open, "w:type");
    if ((type && type !== "normal") || m[2] === undefined) specials += m[0];
    else
      notes.set(id, {
        open: open.replace(/\bw:id="-?\d+"/, `w:id="${ID_HOLE}"`),
        segments: compilePart(m[2] ?? "", slots, options),
      });
  }
  const at = first < 0 ? xml.lastIndexOf(`</w:${kind}s>`) : first;
  return {
    kind,
    path,
    head: xml.slice(0, at),
    specials,
    tail: xml.slice(last < 0 ? at : last),
    notes,
    firstId: maxId + 1,
  };
}

/** A note's copy for one letter, under its new id. */
export function noteXml(part: NotesPart, old: string, id: number, content: string): string | null {
  const note = part.notes.get(old);
  if (!note) return null;
  return `${note.open.replace(ID_HOLE, String(id))}${content}</w:${part.kind}>`;
}

/** The part with the separators and every letter's copies. */
export function notesPartXml(part: NotesPart, copies: string[]): string {
  return part.head + part.specials + copies.join("") + part.tail;
}

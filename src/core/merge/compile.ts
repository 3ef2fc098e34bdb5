// Turns a WordprocessingML part into segments: static text between slots that change per
// letter (field values, ids that must stay unique, header references, section breaks).
// Compiling once and filling the slots per record is what makes the merge fast.
import { extractFields, ExtractOptions, FieldSlot } from "./fields";
import { MARK, marker as mark } from "./markers";
import { StyleLists, withStyleLists } from "./numbering";

export type Slot =
  | { t: "field"; i: number }
  | { t: "docPr" }
  | { t: "sdtId" }
  | { t: "paraId" }
  | { t: "textId" }
  | { t: "bmId"; old: string }
  | { t: "bmName"; old: string }
  | { t: "shapeId"; old: string }
  | { t: "spid" }
  | { t: "numId"; old: string }
  | { t: "rel"; rId: string }
  | { t: "sect" }
  | { t: "sectPara" }
  | { t: "note"; kind: NoteKind; old: string }
  | { t: "if"; condition: string }
  | { t: "endIf" }
  | { t: "next" }
  | { t: "qr" }
  | { t: "once"; xml: string };

export type Segment = string | Slot;

export type NoteKind = "footnote" | "endnote";

const MARKED = new RegExp(`${MARK}([A-Za-z])([^${MARK}]*)${MARK}`, "g");

function toSlot(kind: string, payload: string): Slot {
  switch (kind) {
    case "F":
      return { t: "field", i: Number(payload) };
    case "D":
      return { t: "docPr" };
    case "I":
      return { t: "sdtId" };
    case "P":
      return { t: "paraId" };
    case "T":
      return { t: "textId" };
    case "B":
      return { t: "bmId", old: payload };
    case "N":
      return { t: "bmName", old: payload };
    case "R":
      return { t: "rel", rId: payload };
    case "V":
      return { t: "shapeId", old: payload };
    case "O":
      return { t: "spid" };
    case "U":
      return { t: "numId", old: payload };
    case "S":
      return { t: "sect" };
    case "W":
      return { t: "note", kind: "footnote", old: payload };
    case "X":
      return { t: "note", kind: "endnote", old: payload };
    case "C":
      return { t: "if", condition: payload };
    case "E":
      return { t: "endIf" };
    case "Y":
      return { t: "next" };
    case "K":
      return { t: "qr" };
    case "Z":
      return { t: "once", xml: payload };
    default:
      return { t: "sectPara" };
  }
}

/** Removes Word's hidden _GoBack bookmark, which would otherwise repeat in every letter. */
function dropGoBack(xml: string): string {
  const start = /<w:bookmarkStart\s[^>]*w:name="_GoBack"[^>]*\/>/.exec(xml);
  if (!start) return xml;
  const id = /w:id="(\d+)"/.exec(start[0])?.[1];
  const withoutStart = xml.replace(start[0], "");
  return id ? withoutStart.replace(new RegExp(`<w:bookmarkEnd\\s[^>]*w:id="${id}"[^>]*/>`), "") : withoutStart;
}

/**
 * Reviewers' comments would be anchored once per letter to a single comment, which Word
 * rejects; a print run does not want them anyway.
 */
function dropComments(xml: string): string {
  return xml
    .replace(/<w:comment(?:RangeStart|RangeEnd)\s[^>]*\/>/g, "")
    .replace(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:commentReference\s[^>]*\/><\/w:r>/g, "");
}

/**
 * Marks every id that must be unique per letter, and every header/footer reference.
 * `shapeTypesOnce`: a VML shape type (text boxes of older templates) is a definition its
 * shapes point at by id: written in the first letter only, or its id would repeat.
 */
export function markIds(xml: string, shapeTypesOnce = false): string {
  const names = new Set<string>();
  const source = shapeTypesOnce
    ? xml.replace(/<v:shapetype\b[^>]*?(?:\/>|>[\s\S]*?<\/v:shapetype>)/g, (m) => mark("Z", m))
    : xml;
  let out = dropComments(dropGoBack(source))
    .replace(/(<wp:docPr\s[^>]*?\bid=")\d+(")/g, `$1${mark("D")}$2`)
    .replace(/(<w:id w:val=")-?\d+("\s*\/>)/g, `$1${mark("I")}$2`)
    .replace(/(\sw14:paraId=")[0-9A-Fa-f]+(")/g, `$1${mark("P")}$2`)
    .replace(/(\sw14:textId=")[0-9A-Fa-f]+(")/g, `$1${mark("T")}$2`)
    .replace(
      /(<w:bookmark(?:Start|End)\s[^>]*?\bw:id=")(\d+)(")/g,
      (_m, a: string, id: string, b: string) => `${a}${mark("B", id)}${b}`,
    )
    .replace(/(<w:bookmarkStart\s[^>]*?\bw:name=")([^"]*)(")/g, (_m, a: string, name: string, b: string) => {
      names.add(name);
      return `${a}${mark("N", name)}${b}`;
    })
    // VML shapes (text boxes of older templates) carry ids Word wants unique in the document.
    .replace(
      /(<v:(?:shape|rect|oval|line|roundrect|group|image)\s[^>]*?\bid=")([^"]+)(")/g,
      (_m, a: string, id: string, b: string) => `${a}${mark("V", id)}${b}`,
    )
    .replace(/(\so:spid=")[^"]*(")/g, `$1${mark("O")}$2`)
    // Lists restart in every letter (numId 0 means "no numbering").
    .replace(/(<w:numId w:val=")(\d+)("\s*\/>)/g, (m, a: string, id: string, b: string) =>
      id === "0" ? m : `${a}${mark("U", id)}${b}`,
    )
    // Each letter has its own copy of each footnote and endnote.
    .replace(
      /(<w:(footnote|endnote)Reference\s[^>]*?\bw:id=")(-?\d+)(")/g,
      (_m, a: string, kind: string, id: string, b: string) => `${a}${mark(kind === "footnote" ? "W" : "X", id)}${b}`,
    )
    .replace(
      /(<w:(?:header|footer)Reference\s[^>]*?\br:id=")([^"]+)(")/g,
      (_m, a: string, rId: string, b: string) => `${a}${mark("R", rId)}${b}`,
    );
  if (names.size) {
    out = out.replace(/(\sw:anchor=")([^"]*)(")/g, (m, a: string, name: string, b: string) =>
      names.has(name) ? `${a}${mark("N", name)}${b}` : m,
    );
  }
  return out;
}

/** Splits marked text into segments. */
export function toSegments(xml: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const m of xml.matchAll(MARKED)) {
    if (m.index! > last) segments.push(xml.slice(last, m.index));
    segments.push(toSlot(m[1], m[2]));
    last = m.index! + m[0].length;
  }
  if (last < xml.length) segments.push(xml.slice(last));
  return segments;
}

/** Extracts fields, marks ids, and returns the segments of a part (or a fragment of one). */
export function compilePart(
  xml: string,
  slots: FieldSlot[],
  options: ExtractOptions,
  styleLists: StyleLists = new Map(),
  { shapeTypesOnce = false } = {},
): Segment[] {
  return toSegments(markIds(withStyleLists(extractFields(xml, slots, options), styleLists), shapeTypesOnce));
}

// The tag contract: how a content control says what it is. Fields are `ent:<id>` or
// `ent:col:<header>`; school passages `ent:edit:<what>`; conditional passages
// `ent:if:<condition>`. A field shows «Label» in a template.
import { isPreposition, Preposition } from "./elision";
import { FieldId, fieldDef, FIELDS, isFieldId } from "./fields";

export const TAG_PREFIX = "ent:";
const COLUMN_PREFIX = "ent:col:";
const EDIT_PREFIX = "ent:edit:";
export const IF_PREFIX = "ent:if:";
/** An empty control marking where the next person's part begins (cards, labels), like Word's NEXT field. */
export const NEXT_TAG = "ent:next";
/** Where the person's QR code goes (the ENT's activation page, filled in). */
export const QR_TAG = "ent:qr";

/**
 * What a merge field refers to: a known field, or another column of the export by its
 * header. A field may carry the preposition before it (`ent:de:children`: "d'Anaïs").
 */
export type FieldRef = { kind: "field"; id: FieldId; before?: Preposition } | { kind: "column"; header: string };

export function tagOf(ref: FieldRef): string {
  if (ref.kind === "column") return `${COLUMN_PREFIX}${ref.header}`;
  return `${TAG_PREFIX}${ref.before ? `${ref.before}:` : ""}${ref.id}`;
}

export function labelOf(ref: FieldRef): string {
  return ref.kind === "field" ? fieldDef(ref.id).label : ref.header;
}

/** The text a field shows in a template: «Prénom», or "de «Enfant(s)»" with its preposition. */
export function placeholderOf(ref: FieldRef): string {
  const before = ref.kind === "field" && ref.before ? `${ref.before} ` : "";
  return `${before}«${labelOf(ref)}»`;
}

/** The catalog field a tag shows (with or without its preposition), or null. */
export function fieldIdOfTag(tag: string): FieldId | null {
  const ref = parseTag(tag);
  return ref?.kind === "field" ? ref.id : null;
}

/** «Prénom» or "de «Enfant(s)»" → the known field it shows; null for any other text. */
export function fieldOfPlaceholder(text: string): FieldRef | null {
  const m = /^(?:(\S+) )?«(.+)»$/.exec(text.trim());
  if (!m || (m[1] !== undefined && !isPreposition(m[1]))) return null;
  const def = FIELDS.find((f) => f.label === m[2]);
  if (!def) return null;
  return m[1] ? { kind: "field", id: def.id, before: m[1] as Preposition } : { kind: "field", id: def.id };
}

/** An editable school-specific passage of a ready letter (`ent:edit:<what>`). */
export function editTag(what: string): string {
  return `${EDIT_PREFIX}${what}`;
}

/** The passage a tag names (`ent:edit:signataire` → "signataire"), or null. */
export function editPassageOf(tag: string): string | null {
  return tag.startsWith(EDIT_PREFIX) ? tag.slice(EDIT_PREFIX.length) : null;
}

export function isEditTag(tag: string): boolean {
  return tag.startsWith(EDIT_PREFIX);
}

/** A conditional passage's tag (`ent:if:<condition>`), known condition or not. */
export function isConditionTag(tag: string): boolean {
  return tag.startsWith(IF_PREFIX);
}

/** A merge field's tag (ent:<…> but not a passage), known or not. */
export function isFieldTag(tag: string): boolean {
  return tag.startsWith(TAG_PREFIX) && tag !== NEXT_TAG && tag !== QR_TAG && !isEditTag(tag) && !isConditionTag(tag);
}

/** Reads a content control tag; null when it is not a merge field of ours. */
export function parseTag(tag: string): FieldRef | null {
  if (tag.startsWith(COLUMN_PREFIX)) {
    const header = tag.slice(COLUMN_PREFIX.length);
    return header ? { kind: "column", header } : null;
  }
  if (isFieldTag(tag)) {
    const body = tag.slice(TAG_PREFIX.length);
    const colon = body.indexOf(":");
    const before = body.slice(0, colon);
    const id = body.slice(colon + 1);
    if (!isFieldId(id)) return null;
    if (colon < 0) return { kind: "field", id };
    return isPreposition(before) ? { kind: "field", id, before } : null;
  }
  return null;
}

// The tag contract: how a content control says what it is. Fields are `ent:<id>` or
// `ent:col:<header>`; school passages `ent:edit:<what>`; conditional passages
// `ent:if:<condition>`. A field shows «Label» in a template.
import { FieldId, fieldDef, FIELDS, isFieldId } from "./fields";

export const TAG_PREFIX = "ent:";
const COLUMN_PREFIX = "ent:col:";
const EDIT_PREFIX = "ent:edit:";
export const IF_PREFIX = "ent:if:";

/** What a merge field refers to: a known field, or another column of the export by its header. */
export type FieldRef = { kind: "field"; id: FieldId } | { kind: "column"; header: string };

export function tagOf(ref: FieldRef): string {
  return ref.kind === "field" ? `${TAG_PREFIX}${ref.id}` : `${COLUMN_PREFIX}${ref.header}`;
}

export function labelOf(ref: FieldRef): string {
  return ref.kind === "field" ? fieldDef(ref.id).label : ref.header;
}

/** The text a field shows in a template: «Prénom». */
export function placeholderOf(ref: FieldRef): string {
  return `«${labelOf(ref)}»`;
}

/** «Prénom» → the known field it shows; null for any other text. */
export function fieldOfPlaceholder(text: string): FieldRef | null {
  const m = /^«(.+)»$/.exec(text.trim());
  const def = m ? FIELDS.find((f) => f.label === m[1]) : undefined;
  return def ? { kind: "field", id: def.id } : null;
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

/**
 * A merge field's tag (ent:<…> but not a school passage), known or not. Conditional
 * passages (ent:if:) count as fields until the engine evaluates them, so that a letter
 * using one is refused by name instead of printing the passage for everyone.
 */
export function isFieldTag(tag: string): boolean {
  return tag.startsWith(TAG_PREFIX) && !isEditTag(tag);
}

/** Reads a content control tag; null when it is not a merge field of ours. */
export function parseTag(tag: string): FieldRef | null {
  if (tag.startsWith(COLUMN_PREFIX)) {
    const header = tag.slice(COLUMN_PREFIX.length);
    return header ? { kind: "column", header } : null;
  }
  if (isFieldTag(tag)) {
    const id = tag.slice(TAG_PREFIX.length);
    return isFieldId(id) ? { kind: "field", id } : null;
  }
  return null;
}

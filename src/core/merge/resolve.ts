// Which value a template field takes from a record: the same recognition as the importer,
// so «Mot_de_passe», «Mot de passe» and ent:password all give the password.
import { FieldId, fieldIdOfTag, foldKey, labelOf, parseTag, withPreposition } from "../catalog";
import { ColumnInfo, fieldForHeader, RosterRecord } from "../roster";
import { FieldName } from "./fields";
import { familyPhrase, valuesOf } from "./family";

/** What the merge needs to know of the export: its headers and which fields they fill. */
export interface MergeSource {
  headers: string[];
  columns: ColumnInfo[];
}

export type ValueOf = (record: RosterRecord) => string;

function fieldValue(id: FieldId, source: MergeSource): ValueOf | null {
  return source.columns.some((c) => c.field === id) ? (r) => r.values[id] : null;
}

/** The export's header a template names: as written, else compared loosely. */
function matchingHeader(header: string, source: MergeSource): string | undefined {
  return source.headers.includes(header)
    ? header
    : source.headers.find((h) => foldKey(h) === foldKey(header) && foldKey(h) !== "");
}

function columnValue(header: string, source: MergeSource): ValueOf | null {
  const exact = matchingHeader(header, source);
  return exact === undefined ? null : (r) => r.raw[exact] ?? "";
}

/** A function giving the field's value for a record, or null when the export cannot fill it. */
export function resolveField(name: FieldName, source: MergeSource): ValueOf | null {
  if (name.kind === "tag") {
    const ref = parseTag(name.tag);
    if (!ref) return null;
    if (ref.kind === "column") return columnValue(ref.header, source);
    const value = fieldValue(ref.id, source);
    const before = ref.before;
    if (value && before && ref.id === "children")
      return (r) => familyPhrase(before, valuesOf(r, "children"), valuesOf(r, "class"));
    return value && before ? (r) => withPreposition(before, value(r)) : value;
  }
  const id = fieldForHeader(name.name);
  return (id && fieldValue(id, source)) || columnValue(name.name, source);
}

/** The catalog field a template field prints, or null for another column. */
export function fieldIdOf(name: FieldName, source: MergeSource): FieldId | null {
  if (name.kind === "tag") return fieldIdOfTag(name.tag);
  const id = fieldForHeader(name.name);
  if (id && source.columns.some((c) => c.field === id)) return id;
  const header = matchingHeader(name.name, source);
  return source.columns.find((c) => c.header === header)?.field ?? null;
}

/** How a field is named to the user: «Mot de passe» or the MERGEFIELD's name. */
export function displayName(name: FieldName): string {
  if (name.kind === "mergefield") return name.name;
  const ref = parseTag(name.tag);
  return ref ? labelOf(ref) : name.tag;
}

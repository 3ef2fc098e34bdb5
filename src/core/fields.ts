// The field catalog: the contract between templates, the pane and the merge engine.
// A merge field in a document is a content control tagged `ent:<id>` (or `ent:col:<header>`
// for any other column of the export).

export type FieldId =
  | "firstName"
  | "lastName"
  | "login"
  | "password"
  | "class"
  | "level"
  | "profile"
  | "children"
  | "email"
  | "birthDate"
  | "school"
  | "uai"
  | "functions";

export interface FieldDef {
  id: FieldId;
  /** French label, used as the content control's title and the «placeholder» text. */
  label: string;
  /** Several values joined with ", " in the export. */
  multi?: boolean;
  /** A font the value must keep (the password, so that O/0 and l/1 differ). */
  font?: string;
}

export const PASSWORD_FONT = "Consolas";

export const FIELDS: readonly FieldDef[] = [
  { id: "firstName", label: "Prénom" },
  { id: "lastName", label: "Nom" },
  { id: "login", label: "Login" },
  { id: "password", label: "Mot de passe", font: PASSWORD_FONT },
  { id: "class", label: "Classe", multi: true },
  { id: "level", label: "Niveau" },
  { id: "profile", label: "Profil" },
  { id: "children", label: "Enfant(s)", multi: true },
  { id: "email", label: "Courriel" },
  { id: "birthDate", label: "Date de naissance" },
  { id: "school", label: "Établissement", multi: true },
  { id: "uai", label: "UAI" },
  { id: "functions", label: "Fonction(s)", multi: true },
];

export const FIELD_IDS: readonly FieldId[] = FIELDS.map((f) => f.id);

const BY_ID = new Map(FIELDS.map((f) => [f.id, f]));

export function fieldDef(id: FieldId): FieldDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`unknown field ${id}`);
  return def;
}

export function isFieldId(value: string): value is FieldId {
  return BY_ID.has(value as FieldId);
}

/** What a merge field refers to: a known field, or another column of the export by its header. */
export type FieldRef = { kind: "field"; id: FieldId } | { kind: "column"; header: string };

export const TAG_PREFIX = "ent:";
const COLUMN_PREFIX = "ent:col:";
const EDIT_PREFIX = "ent:edit:";

export function tagOf(ref: FieldRef): string {
  return ref.kind === "field" ? `${TAG_PREFIX}${ref.id}` : `${COLUMN_PREFIX}${ref.header}`;
}

export function labelOf(ref: FieldRef): string {
  return ref.kind === "field" ? fieldDef(ref.id).label : ref.header;
}

/** An editable school-specific passage of a ready letter (`ent:edit:<what>`). */
export function editTag(what: string): string {
  return `${EDIT_PREFIX}${what}`;
}

export function isEditTag(tag: string): boolean {
  return tag.startsWith(EDIT_PREFIX);
}

/** A merge field's tag (ent:<…> but not a school passage), known or not. */
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

/** The text a field shows in a template: «Prénom». */
export function placeholderOf(ref: FieldRef): string {
  return `«${labelOf(ref)}»`;
}

/** French names of the school passages of the ready letters (`ent:edit:<what>`). */
export const PASSAGE_LABELS: Readonly<Record<string, string>> = {
  etablissement: "nom de l'établissement",
  "adresse-etablissement": "adresse de l'établissement",
  "contact-etablissement": "contact du secrétariat",
  "lieu-date": "lieu et date",
  "adresse-ent": "adresse de l'ENT",
  signataire: "signataire",
  "contact-eleves": "personne à qui s'adresser",
  "referent-ent": "référent ENT",
};

export function passageLabel(what: string): string {
  return PASSAGE_LABELS[what] ?? what;
}

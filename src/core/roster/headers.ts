// Column recognition: headers → canonical fields, by the catalog's synonyms compared with
// foldKey (no case, accents, punctuation, spaces, underscores: Word writes «Mot_de_passe»).
import { FieldId, FIELDS, foldKey, LOGIN_ALIAS_HEADERS, NOT_LOGIN_HEADERS, STATE_HEADERS } from "../catalog";
import { ExportFormat, GENERIC_FORMAT } from "./formats";
import { ColumnInfo, ColumnMapping } from "./types";

const keysOf = (headers: readonly string[]) => new Set(headers.map(foldKey));
const ALIAS_KEYS = keysOf(LOGIN_ALIAS_HEADERS);
const NEVER_LOGIN = keysOf(NOT_LOGIN_HEADERS);
const STATE_KEYS = keysOf(STATE_HEADERS);

const BY_KEY = new Map<string, FieldId>();
for (const def of FIELDS) for (const name of def.synonyms) BY_KEY.set(foldKey(name), def.id);

/** The field a header fills: the export's own synonyms first, then the catalog's. */
export function fieldForHeader(header: string, format: ExportFormat = GENERIC_FORMAT): FieldId | null {
  const key = foldKey(header);
  if (NEVER_LOGIN.has(key)) return null;
  if (ALIAS_KEYS.has(key)) return "login";
  for (const [field, names] of Object.entries(format.synonyms ?? {}) as Array<[FieldId, readonly string[]]>)
    if (names.some((name) => foldKey(name) === key)) return field;
  return BY_KEY.get(key) ?? null;
}

export function isStateHeader(header: string): boolean {
  return STATE_KEYS.has(foldKey(header));
}

const LOGIN_SHAPE = /^[a-z][a-z0-9'-]*([._-][a-z0-9'-]+)+$/i;

/** Share of non-empty values shaped like logins (prenom.nom): decides an ambiguous "Identifiant". */
function loginShapeShare(values: string[]): number {
  const filled = values.filter((v) => v.trim() !== "");
  if (filled.length === 0) return 0;
  return filled.filter((v) => LOGIN_SHAPE.test(v.trim())).length / filled.length;
}

export interface Recognition {
  columns: ColumnInfo[];
  /** Column index filling each field. */
  byField: Partial<Record<FieldId, number>>;
  /** Alias column preferred over the login when filled. */
  aliasColumn?: number;
  stateColumn?: number;
  /** Fields several columns could fill (the first is used, unless the caller chose one). */
  duplicates: Array<{ field: FieldId; columns: number[] }>;
}

/**
 * Maps headers to fields. The first column of each field wins, except for the login:
 * among several candidates the one whose values look like logins wins, and an
 * "Identifiant" holding ids (Cerise) is not taken. `override` (from the pane or the
 * caller) maps a field to a header, or to null to leave it unfilled.
 */
export function recogniseColumns(
  headers: string[],
  columnValues: (index: number) => string[],
  override: ColumnMapping = {},
  format: ExportFormat = GENERIC_FORMAT,
): Recognition {
  const columns: ColumnInfo[] = headers.map((header, index) => ({ index, header, field: null }));
  const byField: Partial<Record<FieldId, number>> = {};
  let aliasColumn: number | undefined;
  const loginCandidates: number[] = [];
  const candidates = new Map<FieldId, number[]>();

  headers.forEach((header, index) => {
    const field = fieldForHeader(header, format);
    if (!field) return;
    if (field === "login") {
      if (ALIAS_KEYS.has(foldKey(header))) {
        if (aliasColumn === undefined) aliasColumn = index;
      } else loginCandidates.push(index);
      return;
    }
    candidates.set(field, [...(candidates.get(field) ?? []), index]);
    if (byField[field] === undefined) byField[field] = index;
  });

  // Choose the login among the candidates by the shape of their values.
  let bestLogin: number | undefined;
  let bestShare = -1;
  for (const index of loginCandidates) {
    const share = loginShapeShare(columnValues(index));
    const ambiguous = foldKey(headers[index]) === "identifiant";
    if (ambiguous && share < 0.5 && loginCandidates.length + (aliasColumn === undefined ? 0 : 1) > 1) continue;
    if (share > bestShare) {
      bestLogin = index;
      bestShare = share;
    }
  }
  if (bestLogin !== undefined) byField.login = bestLogin;
  else if (aliasColumn !== undefined) {
    byField.login = aliasColumn;
    aliasColumn = undefined;
  }

  for (const [field, header] of Object.entries(override) as Array<[FieldId, string | null | undefined]>) {
    if (header === undefined) continue;
    if (field === "login") aliasColumn = undefined; // an explicit choice replaces the alias rule
    if (header === null) {
      delete byField[field];
      continue;
    }
    const index = headers.indexOf(header);
    if (index >= 0) byField[field] = index;
  }

  for (const [field, index] of Object.entries(byField) as Array<[FieldId, number]>) columns[index].field = field;
  if (aliasColumn !== undefined) {
    columns[aliasColumn].field = "login";
    columns[aliasColumn].alias = true;
  }
  const stateColumn = headers.findIndex(isStateHeader);
  if (stateColumn >= 0) columns[stateColumn].state = true;
  const duplicates = [...candidates]
    .filter(([field, cols]) => cols.length > 1 && override[field] === undefined)
    .map(([field, cols]) => ({ field, columns: cols }));
  return { columns, byField, aliasColumn, stateColumn: stateColumn >= 0 ? stateColumn : undefined, duplicates };
}

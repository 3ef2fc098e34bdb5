// Stage 2: which column fills which field, and whether the file can serve credential
// letters at all: refuses a first line that is an account, two password columns that
// disagree, a connector's list, a file whose accounts are all activated; notes what is
// missing and the credentials Excel stored as numbers.
import { FieldId, fieldDef, isActivationCodeHeader } from "../../catalog";
import { EXPORT_HINT, RosterError } from "../errors";
import { ExportFormat } from "../formats";
import { recogniseColumns } from "../headers";
import { CredentialWord } from "../row-checks";
import { TableRow } from "../table";
import { ColumnInfo, ColumnMapping, FileInfo, Roster } from "../types";

const LOGIN_WORD: CredentialWord = { the: "l'identifiant", a: "un identifiant" };
const PASSWORD_WORD: CredentialWord = { the: "le mot de passe", a: "un mot de passe" };
const CODE_WORD: CredentialWord = { the: "le code d'activation", a: "un code d'activation" };

export interface Columns {
  headers: string[];
  columns: ColumnInfo[];
  byField: Partial<Record<FieldId, number>>;
  loginIndex?: number;
  passwordIndex?: number;
  /** Alias column preferred over the login when filled. */
  aliasColumn?: number;
  stateColumn?: number;
  /** The password column holds activation codes (empty: the account is already active). */
  codeColumn: boolean;
  /** Columns holding a credential, with the words naming it in messages. */
  credentialColumns: Map<number, CredentialWord>;
  /** Columns whose value a letter cannot do without (a bad character sets the row aside). */
  criticalColumns: Set<number>;
  numericCredentials: NonNullable<Roster["numericCredentials"]>;
}

/**
 * Two columns for one field are never guessed silently: two password columns that
 * disagree refuse the file; otherwise the first column is used and the report says so.
 */
function checkDuplicates(
  duplicates: Array<{ field: FieldId; columns: number[] }>,
  headers: string[],
  rows: TableRow[],
  file: FileInfo,
): void {
  for (const { field, columns } of duplicates) {
    const named = columns.map((c) => `« ${headers[c]} » (colonne ${c + 1})`).join(" et ");
    const differ = rows.some((r) => columns.some((c) => (r.cells[c] ?? "") !== (r.cells[columns[0]] ?? "")));
    if (field === "password" && differ) {
      throw new RosterError(
        "ambiguous-columns",
        file.name,
        `« ${file.name} » a deux colonnes de mot de passe, aux valeurs différentes : ${named}. Impossible de savoir laquelle imprimer : gardez-en une seule dans le fichier, ou réexportez-le depuis l'ENT.`,
      );
    }
    file.notes.push(
      `${differ ? "Attention : p" : "P"}lusieurs colonnes pour « ${fieldDef(field).label} » : ${named} ; la première est utilisée${differ ? " (leurs valeurs diffèrent : vérifiez, ou choisissez la colonne dans le volet)" : ""}.`,
    );
  }
}

/** Refuses a file whose credential columns are empty: a connector's list, or accounts all activated. */
function checkCredentialsFilled(c: Columns, dataRows: TableRow[], file: FileInfo, format: ExportFormat): void {
  const { loginIndex, passwordIndex, aliasColumn, headers } = c;
  if (loginIndex === undefined || passwordIndex === undefined) return; // a list of another kind
  const filled = (index: number | undefined) => (r: TableRow) =>
    index !== undefined && (r.cells[index] ?? "").trim() !== "";
  const anyCredential = dataRows.some(
    (r) => filled(loginIndex)(r) || filled(passwordIndex)(r) || filled(aliasColumn)(r),
  );
  const anyPassword = dataRows.some(filled(passwordIndex));
  if (!anyCredential || (!anyPassword && format.connector)) {
    throw new RosterError(
      "no-credentials",
      file.name,
      `« ${file.name} » a des colonnes « ${headers[loginIndex]} » et « ${headers[passwordIndex]} » toutes vides : c'est l'export d'un connecteur (Gepi, Cerise…), pas celui des comptes de l'ENT. ${EXPORT_HINT}`,
    );
  } else if (!anyPassword) {
    throw new RosterError(
      "no-credentials",
      file.name,
      `Aucun compte de « ${file.name} » n'a de ${headers[passwordIndex]} : tous semblent déjà activés. Dans l'ENT, filtrez les comptes « Inactif » avant l'export, ou envoyez plutôt la procédure « mot de passe oublié ».`,
    );
  }
}

/** Credential columns a workbook stored as numbers: 001000 may have become 1000. */
function numericCredentials(
  c: Columns,
  dataRows: TableRow[],
  numericColumns: number[] | undefined,
  file: FileInfo,
): Columns["numericCredentials"] {
  const found: Columns["numericCredentials"] = [];
  for (const index of [c.loginIndex, c.passwordIndex])
    if (index !== undefined && numericColumns?.includes(index)) {
      file.notes.push(
        `Attention : dans « ${file.name} », la colonne « ${c.headers[index]} » contient des nombres ; Excel a pu retirer des zéros en tête (001000 devient 1000). Chargez plutôt l'export CSV de l'ENT, tel quel.`,
      );
      const rows = dataRows.filter((r) => /^\d+$/.test((r.cells[index] ?? "").trim())).map((r) => r.line);
      if (rows.length) found.push({ header: c.headers[index], rows });
    }
  return found;
}

export function recogniseStage(
  headers: string[],
  dataRows: TableRow[],
  numericColumns: number[] | undefined,
  file: FileInfo,
  mapping: ColumnMapping,
  format: ExportFormat,
): Columns {
  const name = file.name;
  const columnValues = (index: number) => dataRows.map((r) => r.cells[index] ?? "");
  const recognition = recogniseColumns(headers, columnValues, mapping, format);
  const { byField, aliasColumn, stateColumn } = recognition;
  if (byField.login === undefined && headers.some((h) => /^[a-z]+\.[a-z]+\d*$/i.test(h)))
    throw new RosterError(
      "no-header",
      name,
      `La première ligne de « ${name} » ressemble à un compte, pas à des noms de colonnes : le fichier n'a pas d'en-tête. ${EXPORT_HINT}`,
    );
  const loginIndex = byField.login;
  const passwordIndex = byField.password;
  // Any list serves the school's other letters (convocations…): without an identifier or a
  // password column, the file is read as it is; a letter that prints them is refused at merge.
  const missing = [
    loginIndex === undefined ? "d'identifiant (« Login », « Identifiant »…)" : "",
    passwordIndex === undefined ? "de mot de passe ni de code d'activation" : "",
  ].filter(Boolean);
  if (missing.length)
    file.notes.push(
      `« ${name} » n'a pas de colonne ${missing.join(" ni ")} : il peut servir aux autres courriers de l'établissement (convocations…), pas aux courriers ENT.`,
    );
  const codeColumn = passwordIndex !== undefined && isActivationCodeHeader(headers[passwordIndex]);
  checkDuplicates(recognition.duplicates, headers, dataRows, file);
  const credentialColumns = new Map<number, CredentialWord>();
  if (loginIndex !== undefined) credentialColumns.set(loginIndex, LOGIN_WORD);
  if (passwordIndex !== undefined) credentialColumns.set(passwordIndex, codeColumn ? CODE_WORD : PASSWORD_WORD);
  if (aliasColumn !== undefined) credentialColumns.set(aliasColumn, LOGIN_WORD);
  const criticalColumns = new Set<number>(Object.values(byField));
  if (aliasColumn !== undefined) criticalColumns.add(aliasColumn);
  const columns: Columns = {
    headers,
    columns: recognition.columns,
    byField,
    loginIndex,
    passwordIndex,
    aliasColumn,
    stateColumn,
    codeColumn,
    credentialColumns,
    criticalColumns,
    numericCredentials: [],
  };
  columns.numericCredentials = numericCredentials(columns, dataRows, numericColumns, file);
  checkCredentialsFilled(columns, dataRows, file, format);
  return columns;
}

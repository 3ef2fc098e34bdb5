import { FieldId, Profile } from "../catalog";

export interface FileInfo {
  name: string;
  kind: "csv" | "xlsx";
  /** The encoding used to read the text, said plainly ("UTF-8 (BOM)", "Windows-1252"…). */
  encoding: string;
  /** ";", ",", "\t" for CSV; "" for a workbook. */
  delimiter: string;
  /** The export recognised by its header row (roster/formats). */
  format: { id: string; name: string };
  /** Values were HTML-escaped (Open ENT NG activation-code CSV) and have been decoded. */
  htmlEntitiesDecoded: boolean;
  /** Notes on how the file was read (encoding fallbacks, quirks repaired). */
  notes: string[];
}

export interface ColumnInfo {
  index: number;
  header: string;
  /** The canonical field this column fills, or null for a custom column. */
  field: FieldId | null;
  /** The login column that wins over the plain login when filled (Open ENT NG alias). */
  alias?: boolean;
  /** The account state column ("Etat du compte"), used by the "inactive only" filter. */
  state?: boolean;
}

/** Which column fills each field; the caller may override it (the pane offers it). */
export type ColumnMapping = Partial<Record<FieldId, string | null>>;

export interface RosterRecord {
  /** Line of the file (or row of the sheet) the record comes from; the header is line 1. */
  row: number;
  /** Canonical values, exact text of the file; multi-values joined with ", ". */
  values: Record<FieldId, string>;
  /** Multi-valued fields split into their items. */
  lists: Partial<Record<FieldId, string[]>>;
  profile: Profile;
  /** False when the export says the account is already active; undefined when it does not say. */
  inactive?: boolean;
  /** Every column of the row by header, exact text. */
  raw: Record<string, string>;
}

export type ProblemCode =
  | "missing-login"
  | "missing-password"
  | "already-active"
  | "unreadable-characters"
  | "duplicate-login"
  | "too-few-fields"
  | "too-many-fields"
  | "invalid-characters"
  | "cleaned-characters"
  | "repeated-header"
  | "probable-duplicate"
  | "invisible-characters"
  | "excel-error"
  | "excel-boolean"
  | "formula-credential"
  | "date-credential"
  | "unreadable-format";

export interface RowProblem {
  row: number;
  /** The column header concerned, or "" for the whole row. */
  field: string;
  code: ProblemCode;
  message: string;
  /** "error": the row gives no letter; "warning": the row is a record, something was repaired. */
  severity: "error" | "warning";
}

export interface Roster {
  file: FileInfo;
  headers: string[];
  columns: ColumnInfo[];
  records: RosterRecord[];
  problems: RowProblem[];
  /** Number of data rows read (records + rows with an error). */
  dataRows: number;
  /**
   * Credential columns of a workbook that Excel stored as numbers (002532 kept as 2532),
   * with the rows whose cell is a number: those letters would carry a wrong credential.
   */
  numericCredentials?: Array<{ header: string; rows: number[] }>;
}

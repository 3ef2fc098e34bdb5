// Whole-file problems: the file cannot be used at all. Each message names the file and
// says what to export instead.
import { CourriersError } from "../errors";

export type FileErrorCode =
  | "empty"
  | "not-text"
  | "pdf"
  | "old-excel"
  | "bad-workbook"
  | "no-header"
  | "no-data"
  | "no-credentials"
  | "ambiguous-columns"
  | "protected"
  | "unclosed-quote"
  | "mixed-delimiters"
  | "too-big";

export class RosterError extends CourriersError {
  declare readonly code: FileErrorCode;

  constructor(
    code: FileErrorCode,
    readonly fileName: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(code, message, options);
  }
}

export const EXPORT_HINT =
  "Dans la console d'administration de l'ENT, filtrez les comptes puis « Export au format CSV », et choisissez ce fichier tel quel (sans l'ouvrir dans Excel).";

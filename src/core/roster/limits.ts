// The limits of what is read, refused with a French sentence before memory runs out. Kept
// apart from the importer so the pane can say them without loading it.
import { EXPORT_HINT, RosterError } from "./errors";

/** The largest file read: far above any collège's export (600 pupils ≈ 200 KB), far below a frozen pane. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** The most rows read: a whole académie's accounts, still. */
export const MAX_ROWS = 200_000;

/** A file refused by its size alone (the pane says it before reading the bytes). */
export function fileTooBig(fileName: string, size: number): RosterError {
  return new RosterError(
    "too-big",
    fileName,
    `« ${fileName} » fait ${(size / 1024 / 1024).toFixed(1).replace(".", ",")} Mo : c'est bien plus qu'un export de comptes (au plus ${MAX_FILE_BYTES / 1024 / 1024} Mo). Vérifiez que c'est le bon fichier. ${EXPORT_HINT}`,
  );
}

export function tooManyRows(fileName: string): RosterError {
  return new RosterError(
    "too-big",
    fileName,
    `« ${fileName} » a plus de ${MAX_ROWS.toLocaleString("fr-FR")} lignes : c'est bien plus qu'un export de comptes d'établissement. Vérifiez que c'est le bon fichier. ${EXPORT_HINT}`,
  );
}

// Credentials Excel stored as numbers: a workbook saved by Excel keeps "002532" as 2532 and
// shows 2532. The letters of those rows would carry a wrong password, so merging or sending
// them needs the user's explicit word (the command line's --accept-excel-numbers, the
// pane's « Créer quand même »); the advice is to load the ENT's CSV as it is.
import { Roster, RosterRecord } from "./types";

/** "ligne 3", "lignes 3 et 4", "lignes 3, 4 et 7", the first ten then "…". */
function rowsText(rows: number[]): string {
  if (rows.length === 1) return `ligne ${rows[0]}`;
  const shown = rows.slice(0, 10);
  const list = `${shown.slice(0, -1).join(", ")} et ${shown[shown.length - 1]}`;
  return `lignes ${rows.length > 10 ? `${shown.join(", ")}…` : list}`;
}

/** What to tell before merging `records` of `roster`, or null when none of them has a credential Excel stored as a number. */
export function excelNumbersWarning(roster: Roster, records: readonly RosterRecord[]): string | null {
  const selected = new Set(records.map((r) => r.row));
  const columns = (roster.numericCredentials ?? [])
    .map((c) => ({ header: c.header, rows: c.rows.filter((row) => selected.has(row)) }))
    .filter((c) => c.rows.length > 0);
  if (columns.length === 0) return null;
  const which = columns.map((c) => `la colonne « ${c.header} » (${rowsText(c.rows)})`).join(" et ");
  return `« ${roster.file.name} » : Excel a enregistré comme des nombres ${which} : les zéros en tête ont pu disparaître (002532 devient 2532), et ces courriers porteraient un mot de passe faux. Chargez plutôt l'export CSV de l'ENT, tel quel.`;
}

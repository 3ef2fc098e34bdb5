// Stage 1: the header row and the data rows under it. Refuses a file without a readable
// header or without data, or whose rows are split by another separator; skips (and says) a
// header pasted again further down.
import { delimiterWord } from "../delimiters";
import { EXPORT_HINT, RosterError } from "../errors";
import { isRepeatedHeader, rowsDelimiter } from "../row-checks";
import { TableRow } from "../table";
import { FileInfo, RowProblem } from "../types";
import { problem } from "./problem";

export interface HeaderStage {
  headers: string[];
  dataRows: TableRow[];
  problems: RowProblem[];
}

/** "point-virgule (;)" → "points-virgules (;)", "virgule (,)" → "virgules (,)". */
function plural(word: string): string {
  return word
    .replace(/^point-virgule/, "points-virgules")
    .replace(/^virgule/, "virgules")
    .replace(/^tabulation/, "tabulations");
}

function checkHeader(headers: string[], fileName: string): void {
  const filled = headers.filter((h) => h.trim() !== "");
  if (filled.length < 2) {
    throw new RosterError(
      "no-header",
      fileName,
      `« ${fileName} » n'a pas de ligne d'en-tête lisible (noms de colonnes séparés par des points-virgules). ${EXPORT_HINT}`,
    );
  }
}

export function splitHeader(rows: TableRow[], file: FileInfo): HeaderStage {
  const name = file.name;
  if (rows.length === 0) throw new RosterError("empty", name, `« ${name} » est vide. ${EXPORT_HINT}`);
  const [headerRow, ...allRows] = rows;
  const headers = headerRow.cells.map((h) => h.trim());
  checkHeader(headers, name);
  const problems: RowProblem[] = [];
  // The header again further down (two exports pasted together): no person, said once per line.
  const dataRows = allRows.filter((row) => {
    if (!isRepeatedHeader(row.cells, headers)) return true;
    problems.push(
      problem(
        row.line,
        "",
        "repeated-header",
        `Ligne ${row.line} : la ligne d'en-tête se répète (deux exports collés l'un à l'autre ?) ; elle est ignorée, ce n'est pas une personne.`,
        "warning",
      ),
    );
    return false;
  });
  // Empty header cells after the last column (a trailing ";"), where no row has a value.
  while (
    headers.length > 2 &&
    headers[headers.length - 1] === "" &&
    dataRows.every((r) => (r.cells[headers.length - 1] ?? "").trim() === "")
  )
    headers.pop();
  const other = rowsDelimiter(file.delimiter, dataRows, headers.length);
  if (other)
    throw new RosterError(
      "mixed-delimiters",
      name,
      `« ${name} » sépare les noms de colonnes par des ${plural(delimiterWord(file.delimiter))} mais les comptes par des ${plural(delimiterWord(other))} : le fichier a été modifié ou assemblé à la main. Réexportez-le depuis l'ENT, sans l'ouvrir dans Excel.`,
    );
  if (dataRows.length === 0) {
    throw new RosterError(
      "no-data",
      name,
      `« ${name} » ne contient que la ligne d'en-tête, aucun compte. Vérifiez les filtres de l'export dans l'ENT, puis exportez à nouveau.`,
    );
  }
  return { headers, dataRows, problems };
}

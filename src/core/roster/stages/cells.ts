// Stage 3: one row's cells made safe to print. A row of the wrong width, a credential
// holding an Excel error, an invisible or unreadable character, or a character Word cannot
// hold sets the row aside; the same in another column is removed and said.
import { describeChar, invalidXmlChars, stripInvalidXml } from "../../xml";
import { credentialCellProblem, invisibleCharacters, withoutTrailingEmpty } from "../row-checks";
import { TableRow } from "../table";
import { RowProblem } from "../types";
import { Columns } from "./columns";
import { problem, whereIs } from "./problem";

/** Replaces a byte the text decoder could not read. */
const UNREADABLE = "\uFFFD";

export interface CleanRow {
  line: number;
  /** The row's cells as read (the state column is read from these). */
  cells: string[];
  /** The cells to print, one per header. */
  clean: string[];
  /** Header → value, for ent:col:<header> and MERGEFIELDs of other columns. */
  raw: Record<string, string>;
  /** "Ligne 5 (N'DIAYE Aïcha, aicha.ndiaye)". */
  at: string;
}

/** The row's cells to print, or null when the row is set aside (its problems are pushed). */
export function cleanRow(row: TableRow, c: Columns, problems: RowProblem[]): CleanRow | null {
  const { line, flags } = row;
  const { headers } = c;
  const width = headers.length;
  const cells = withoutTrailingEmpty(row.cells, width);
  const at = whereIs(line, cells, c.byField);
  if (cells.length !== width) {
    const fewer = cells.length < width;
    problems.push(
      problem(
        line,
        "",
        fewer ? "too-few-fields" : "too-many-fields",
        `${at} : ${cells.length} valeurs au lieu de ${width} (${fewer ? "il en manque" : "il y en a trop"}) ; les colonnes seraient décalées, la ligne est écartée. Corrigez-la dans l'ENT ou réexportez le fichier.`,
      ),
    );
    return null;
  }
  const raw: Record<string, string> = {};
  const clean: string[] = [];
  let rejected = false;
  for (let i = 0; i < width; i++) {
    let value = cells[i];
    const bad = invalidXmlChars(value);
    const word = c.credentialColumns.get(i);
    const cellProblem = word ? credentialCellProblem(flags?.[i], value, word) : null;
    const invisible = word && !value.includes(UNREADABLE) ? invisibleCharacters(value) : [];
    if (cellProblem) {
      const setAside = cellProblem.code === "excel-error" || cellProblem.code === "excel-boolean";
      problems.push(
        problem(
          line,
          headers[i],
          cellProblem.code,
          `${at}, colonne « ${headers[i]} » : ${cellProblem.text}`,
          setAside ? "error" : "warning",
        ),
      );
      if (setAside) rejected = true;
    }
    if (invisible.length) {
      // Printed, it would look right, and the person could never type it.
      problems.push(
        problem(
          line,
          headers[i],
          "invisible-characters",
          `${at}, colonne « ${headers[i]} » : caractère ${invisible.join(", ")} ; la personne ne pourrait pas le taper, la ligne est écartée. Corrigez la valeur dans l'ENT puis réexportez.`,
        ),
      );
      rejected = true;
    } else if (value.includes(UNREADABLE)) {
      // A byte the file's encoding cannot read: never printed, least of all in a credential.
      const critical = c.criticalColumns.has(i);
      problems.push(
        problem(
          line,
          headers[i],
          "unreadable-characters",
          critical
            ? `${at}, colonne « ${headers[i]} » : caractère illisible (octet invalide pour l'encodage du fichier) ; la ligne est écartée. Réexportez le fichier depuis l'ENT sans l'ouvrir dans Excel.`
            : `${at}, colonne « ${headers[i]} » : caractère illisible retiré (octet invalide pour l'encodage du fichier).`,
          critical ? "error" : "warning",
        ),
      );
      if (critical) rejected = true;
      value = value.split(UNREADABLE).join("");
    } else if (bad.length) {
      const chars = [...new Set(bad.map(describeChar))].join(", ");
      if (c.criticalColumns.has(i)) {
        problems.push(
          problem(
            line,
            headers[i],
            "invalid-characters",
            `${at}, colonne « ${headers[i]} » : caractère(s) ${chars} impossible(s) à mettre dans un document Word. Corrigez la valeur dans l'ENT puis réexportez.`,
          ),
        );
        rejected = true;
      } else {
        problems.push(
          problem(
            line,
            headers[i],
            "cleaned-characters",
            `${at}, colonne « ${headers[i]} » : caractère(s) ${chars} retiré(s) (impossibles dans un document Word).`,
            "warning",
          ),
        );
        value = stripInvalidXml(value);
      }
    }
    clean.push(value);
    // Two columns with one header: the first keeps the name (ent:col:<header> reads it).
    const key = headers[i] || `Colonne ${i + 1}`;
    if (!Object.prototype.hasOwnProperty.call(raw, key)) raw[key] = value;
  }
  return rejected ? null : { line, cells, clean, raw, at };
}

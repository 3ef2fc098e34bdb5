// One row problem, and « Ligne 5 (N'DIAYE Aïcha, aicha.ndiaye) »: the row and who it is.
import { FieldId } from "../../catalog";
import { RowProblem } from "../types";

export function problem(
  row: number,
  field: string,
  code: RowProblem["code"],
  message: string,
  severity: RowProblem["severity"] = "error",
): RowProblem {
  return { row, field, code, message, severity };
}

/** "Ligne 5 (N'DIAYE Aïcha, aicha.ndiaye)": the row and, when the file gives them, who it is. */
export function whereIs(line: number, cells: string[], byField: Partial<Record<FieldId, number>>): string {
  const cell = (id: FieldId) => {
    const index = byField[id];
    return index === undefined ? "" : (cells[index] ?? "").trim();
  };
  const name = [cell("lastName"), cell("firstName")].filter(Boolean).join(" ");
  const who = [name, cell("login")].filter(Boolean).join(", ");
  return who ? `Ligne ${line} (${who})` : `Ligne ${line}`;
}

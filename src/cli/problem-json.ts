// The importer's findings as the command line's --json writes them (check and merge alike):
// each with its severity ("info", "attention", "ligne écartée").
import { noteSeverity, problemSeverityWord, RowProblem } from "../core/roster";

export function problemJson(
  p: Pick<RowProblem, "row" | "field" | "code" | "message"> & Partial<Pick<RowProblem, "severity">>,
): object {
  return {
    row: p.row,
    field: p.field,
    code: p.code,
    severity: problemSeverityWord({ severity: p.severity ?? "warning" }),
    message: p.message,
  };
}

export function notesJson(notes: readonly string[]): object[] {
  return notes.map((message) => ({ severity: noteSeverity(message), message }));
}

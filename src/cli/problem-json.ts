// A row problem as the command line's --json writes it (check and merge alike).
import { RowProblem } from "../core/roster";

export function problemJson(p: Pick<RowProblem, "row" | "field" | "code" | "message">): object {
  return { row: p.row, field: p.field, code: p.code, message: p.message };
}

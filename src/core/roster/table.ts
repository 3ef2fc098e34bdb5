/** What a workbook cell held besides its displayed text: not a value (error), not text (boolean, date), or computed. */
export interface CellFlag {
  kind?: "error" | "boolean" | "date";
  /** The formula that computed the cell. */
  formula?: string;
}

/** A row of cells as read from the file, with the line (or sheet row) it started on. */
export interface TableRow {
  line: number;
  cells: string[];
  /** Workbooks: the cells (by column) that were more than text. */
  flags?: Record<number, CellFlag>;
}

export interface Table {
  rows: TableRow[];
  delimiter: string;
  notes: string[];
  /** Line where a quote opens that no quote closes (the rest of the file would be one value). */
  unclosedQuoteLine?: number;
  /** Workbook columns holding numbers shown without leading zeros (Excel may have dropped some). */
  numericColumns?: number[];
}

/** A row of empty cells only: a blank line, skipped. */
export function isBlankRow(cells: string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

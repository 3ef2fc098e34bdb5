// Rows → roster: every data row becomes a record or a listed problem, in four stages —
// the header (header.ts), the columns (columns.ts), each row's cells (cells.ts), and who
// each row is (people.ts).
import { ExportFormat, GENERIC_FORMAT } from "../formats";
import { TableRow } from "../table";
import { ColumnMapping, FileInfo, Roster } from "../types";
import { cleanRow } from "./cells";
import { recogniseStage } from "./columns";
import { splitHeader } from "./header";
import { PeopleStage } from "./people";

export function buildRoster(
  table: { rows: TableRow[]; numericColumns?: number[] },
  file: FileInfo,
  mapping: ColumnMapping = {},
  format: ExportFormat = GENERIC_FORMAT,
): Roster {
  const { headers, dataRows, problems } = splitHeader(table.rows, file);
  const columns = recogniseStage(headers, dataRows, table.numericColumns, file, mapping, format);
  const people = new PeopleStage(columns, problems);
  for (const row of dataRows) {
    const clean = cleanRow(row, columns, problems);
    if (clean) people.add(clean);
  }
  const roster: Roster = {
    file,
    headers,
    columns: columns.columns,
    records: people.records,
    problems,
    dataRows: dataRows.length,
  };
  if (columns.numericCredentials.length) roster.numericCredentials = columns.numericCredentials;
  return roster;
}

// The importer's entry point: file bytes → Roster (records + report), or a RosterError
// naming the file when it cannot be used at all.
import { buildRoster } from "./stages";
import { parseCsv } from "./csv";
import { decodeText, sniffBinary } from "./decode";
import { EXPORT_HINT, RosterError } from "./errors";
import { fileTooBig, MAX_FILE_BYTES, MAX_ROWS, tooManyRows } from "./limits";
import { formatOf, GENERIC_FORMAT } from "./formats";
import { Table } from "./table";
import { ColumnMapping, FileInfo, Roster } from "./types";
import { readWorkbook } from "./xlsx";
import { decodeEntities } from "../xml";

export interface ReadOptions {
  /** Field → header overrides (null: leave the field unfilled). */
  mapping?: ColumnMapping;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readRoster(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Roster {
  if (bytes.length === 0)
    throw new RosterError("empty", fileName, `« ${fileName} » est vide (0 octet). ${EXPORT_HINT}`);
  // Refused before anything is decoded: the size alone says it is not an export.
  if (bytes.length > MAX_FILE_BYTES) throw fileTooBig(fileName, bytes.length);
  sniffBinary(bytes, fileName);
  let table: Table;
  const info: FileInfo = {
    name: fileName,
    kind: "csv",
    encoding: "",
    delimiter: "",
    format: { id: GENERIC_FORMAT.id, name: GENERIC_FORMAT.name },
    htmlEntitiesDecoded: false,
    notes: [],
  };
  if (isZip(bytes)) {
    table = readWorkbook(bytes, fileName);
    info.kind = "xlsx";
    info.encoding = "classeur Excel (.xlsx)";
  } else {
    const decoded = decodeText(bytes, fileName);
    if (decoded.text.trim() === "")
      throw new RosterError("empty", fileName, `« ${fileName} » ne contient aucune ligne. ${EXPORT_HINT}`);
    table = parseCsv(decoded.text);
    if (table.unclosedQuoteLine !== undefined)
      throw new RosterError(
        "unclosed-quote",
        fileName,
        `« ${fileName} », ligne ${table.unclosedQuoteLine} : un guillemet (") ouvre une valeur qu'aucun guillemet ne ferme ; tout le reste du fichier serait lu comme une seule valeur. Corrigez cette ligne (ou réexportez le fichier depuis l'ENT sans l'ouvrir dans Excel).`,
      );
    info.encoding = decoded.encoding;
    info.delimiter = table.delimiter;
    info.notes.push(...decoded.notes);
  }
  if (table.rows.length > MAX_ROWS + 1) throw tooManyRows(fileName);
  info.notes.push(...table.notes);
  const format = formatOf(table.rows.length ? table.rows[0].cells.map((h) => h.trim()) : []);
  info.format = { id: format.id, name: format.name };
  if (format.htmlEscaped) {
    for (const row of table.rows.slice(1)) row.cells = row.cells.map(decodeEntities);
    info.htmlEntitiesDecoded = true;
    info.notes.push(`${format.name} : entités HTML décodées (&#39; → ').`);
  }
  return buildRoster(table, info, options.mapping, format);
}

// The importer's entry point: file bytes → Roster (records + report), or a RosterError
// naming the file when it cannot be used at all.
import { buildRoster } from "./build";
import { parseCsv } from "./csv";
import { decodeText, sniffBinary } from "./decode";
import { EXPORT_HINT, RosterError } from "./errors";
import { foldKey } from "../catalog";
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

/** Open ENT NG's activation-code CSV HTML-escapes its values (N&#39;Diaye). */
function isActivationCodeExport(headers: string[]): boolean {
  const keys = new Set(headers.map(foldKey));
  return keys.has("aliasdelogin") && keys.has("codedactivation") && !keys.has("id");
}

export function readRoster(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Roster {
  if (bytes.length === 0)
    throw new RosterError("empty", fileName, `« ${fileName} » est vide (0 octet). ${EXPORT_HINT}`);
  sniffBinary(bytes, fileName);
  let table: Table;
  const info: FileInfo = {
    name: fileName,
    kind: "csv",
    encoding: "",
    delimiter: "",
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
  info.notes.push(...table.notes);
  if (table.rows.length && isActivationCodeExport(table.rows[0].cells)) {
    for (const row of table.rows.slice(1)) row.cells = row.cells.map(decodeEntities);
    info.htmlEntitiesDecoded = true;
    info.notes.push("Export des codes d'activation Open ENT NG : entités HTML décodées (&#39; → ').");
  }
  return buildRoster(table, info, options.mapping);
}

/** Names a delimiter for people. */
export function delimiterName(delimiter: string): string {
  return delimiter === ";"
    ? "point-virgule (;)"
    : delimiter === ","
      ? "virgule (,)"
      : delimiter === "\t"
        ? "tabulation"
        : "aucun (classeur)";
}

// Reads an export file from disk into a roster. An unusable export is the importer's
// RosterError (it names the file); a missing or unreadable one is a CliError.
import * as path from "path";
import { readRoster, Roster } from "../core/roster";
import { CliError, CliIo, EXIT, fsReason } from "./io";

export function loadRoster(file: string, io: CliIo): Roster {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (err) {
    const code = fsReason(err);
    if (code === "ENOENT")
      throw new CliError("file-not-found", `fichier introuvable : « ${file} ». Vérifiez le chemin.`, EXIT.exportFile, {
        cause: err,
      });
    if (code === "EISDIR")
      throw new CliError("not-a-file", `« ${file} » est un dossier, pas un fichier d'export.`, EXIT.exportFile, {
        cause: err,
      });
    throw new CliError("read-failed", `impossible de lire « ${file} » (${code}).`, EXIT.exportFile, { cause: err });
  }
  return readRoster(bytes, path.basename(file));
}

// Reads an export file from disk into a roster, turning every failure into a French CliError.
import * as path from "path";
import { readRoster, Roster, RosterError } from "../core/roster";
import { CliError, CliIo } from "./io";

export function loadRoster(file: string, io: CliIo): Roster {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new CliError(
      code === "ENOENT"
        ? `fichier introuvable : « ${file} ». Vérifiez le chemin.`
        : code === "EISDIR"
          ? `« ${file} » est un dossier, pas un fichier d'export.`
          : `impossible de lire « ${file} » (${code ?? "erreur de lecture"}).`,
    );
  }
  try {
    return readRoster(bytes, path.basename(file));
  } catch (err) {
    if (err instanceof RosterError) throw new CliError(err.message);
    throw err;
  }
}

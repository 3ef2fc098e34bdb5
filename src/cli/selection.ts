// The choice of people shared by `merge` and `send`: --profile, --class, --level,
// --inactive-only, --sort; without --profile, a ready letter chooses its own audience.
import { PROFILES, Profile, profileNamed, readyLetter, ReadyLetterDef } from "../core/catalog";
import { readyLetterOf } from "../core/merge";
import {
  DEFAULT_SORT,
  classesOf,
  distinctValues,
  levelOf,
  excelNumbersWarning,
  Roster,
  RosterRecord,
  selectRecords,
  SortOrder,
} from "../core/roster";
import { CliError, CliIo, EXIT } from "./io";

export const SELECTION_VALUED = ["profile", "class", "level", "sort"] as const;
export const SELECTION_FLAGS = ["inactive-only", "accept-excel-numbers"] as const;

function parseProfile(value: string): Profile {
  const profile = profileNamed(value);
  if (!profile)
    throw new CliError("unknown-profile", `profil inconnu : « ${value} ». Valeurs possibles : ${PROFILES.join(", ")}.`);
  return profile;
}

/** --sort in French or in English: classe/class, nom/name, fichier/file. */
const SORTS: Record<string, SortOrder> = {
  classe: "class",
  class: "class",
  nom: "name",
  name: "name",
  fichier: "file",
  file: "file",
};

function parseSort(value: string | undefined): SortOrder {
  if (value === undefined) return DEFAULT_SORT;
  const sort = SORTS[value.trim().toLowerCase()];
  if (sort) return sort;
  throw new CliError("unknown-sort", `tri inconnu : « ${value} ». Valeurs possibles : classe, nom, fichier.`);
}

/** Nobody left: which filter emptied the selection, and what the file has instead. */
function nobodySelected(options: Map<string, string | true>, roster: Roster): CliError {
  const list = (values: string[]) => values.join(", ") || "aucun";
  const said: string[] = [];
  const classes = options.get("class");
  const level = options.get("level");
  if (typeof classes === "string")
    said.push(`--class ${classes} : les classes du fichier sont ${list(distinctValues(roster.records, classesOf))}`);
  if (typeof level === "string")
    said.push(`--level ${level} : les niveaux du fichier sont ${list(distinctValues(roster.records, levelOf))}`);
  if (options.has("inactive-only")) said.push("--inactive-only : tous les comptes du fichier sont déjà activés");
  const profile = options.get("profile");
  if (typeof profile === "string")
    said.push(
      `--profile ${profile} : les profils du fichier sont ${list(distinctValues(roster.records, (r) => [r.profile]))}`,
    );
  return new CliError(
    "no-records",
    said.length
      ? `Aucune personne ne correspond à ${said.join(" ; ")}.`
      : "Aucune personne à qui faire ce courrier : le courrier s'adresse à d'autres profils que ceux du fichier (--profile pour en décider).",
    EXIT.template,
  );
}

export function readTemplate(file: string, io: CliIo): Uint8Array {
  try {
    return io.readFile(file);
  } catch (err) {
    throw new CliError(
      "template-not-found",
      `modèle introuvable : « ${file} ». Vérifiez le chemin (un fichier .docx est attendu).`,
      EXIT.template,
      { cause: err },
    );
  }
}

/** A template's ready letter; null for the school's own letter, or one that is not a .docx (refused later). */
function readyLetterOfTemplate(template: Uint8Array): ReadyLetterDef | null {
  try {
    const name = readyLetterOf(template);
    return name ? readyLetter(name) : null;
  } catch {
    return null;
  }
}

export function selectFromOptions(
  options: Map<string, string | true>,
  roster: Roster,
  template: Uint8Array,
): { records: RosterRecord[]; letter: ReadyLetterDef | null } {
  const sort = parseSort(options.get("sort") as string | undefined);
  const profile = options.get("profile");
  const classes = options.get("class");
  const level = options.get("level");
  // A ready letter addresses its own audience unless --profile says otherwise.
  const letter = typeof profile === "string" ? null : readyLetterOfTemplate(template);
  const records = selectRecords(roster.records, {
    profiles: typeof profile === "string" ? profile.split(",").map(parseProfile) : letter?.audience.slice(),
    classes: typeof classes === "string" ? classes.split(",").map((c) => c.trim()) : undefined,
    levels: typeof level === "string" ? [level] : undefined,
    inactiveOnly: options.has("inactive-only"),
    sort,
  });
  if (records.length === 0 && roster.records.length > 0) throw nobodySelected(options, roster);
  const excel = options.has("accept-excel-numbers") ? null : excelNumbersWarning(roster, records);
  if (excel)
    throw new CliError(
      "excel-numbers",
      `${excel} Pour créer quand même ces courriers, ajoutez --accept-excel-numbers.`,
      EXIT.exportFile,
    );
  return { records, letter };
}

// The choice of people shared by `merge` and `send`: --profile, --class, --level,
// --inactive-only, --sort; without --profile, a ready letter chooses its own audience.
import { PROFILES, Profile, profileNamed, readyLetter, ReadyLetterDef } from "../core/catalog";
import { readyLetterOf } from "../core/merge";
import { DEFAULT_SORT, excelNumbersWarning, Roster, RosterRecord, selectRecords, SortOrder } from "../core/roster";
import { CliError, CliIo, EXIT } from "./io";

export const SELECTION_VALUED = ["profile", "class", "level", "sort"] as const;
export const SELECTION_FLAGS = ["inactive-only", "accept-excel-numbers"] as const;

function parseProfile(value: string): Profile {
  const profile = profileNamed(value);
  if (!profile)
    throw new CliError("unknown-profile", `profil inconnu : « ${value} ». Valeurs possibles : ${PROFILES.join(", ")}.`);
  return profile;
}

function parseSort(value: string | undefined): SortOrder {
  if (value === undefined) return DEFAULT_SORT;
  if (value === "class" || value === "name" || value === "file") return value;
  throw new CliError("unknown-sort", `tri inconnu : « ${value} ». Valeurs possibles : class, name, file.`);
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
  const excel = options.has("accept-excel-numbers") ? null : excelNumbersWarning(roster, records);
  if (excel)
    throw new CliError(
      "excel-numbers",
      `${excel} Pour créer quand même ces courriers, ajoutez --accept-excel-numbers.`,
      EXIT.exportFile,
    );
  return { records, letter };
}

// `courriers-ent merge`: the whole job from the command line — read the export, select,
// merge into the template, write the letters, and say which rows were skipped and why.
import * as path from "path";
import { passageLabel, PROFILES, Profile, profileNamed } from "../core/catalog";
import { MergeError, mergeLetters, unchangedPassages } from "../core/merge";
import { selectRecords, SortOrder } from "../core/roster";
import { parseArgs } from "./args";
import { CliError, CliIo } from "./io";
import { loadRoster } from "./load";

const USAGE =
  "courriers-ent merge FICHIER --template COURRIER.docx --out COURRIERS.docx [--profile P] [--class C[,C…]] [--level N] [--inactive-only] [--sort class|name|file] [--keep-fields]";

function parseProfile(value: string): Profile {
  const profile = profileNamed(value);
  if (!profile) throw new CliError(`profil inconnu : « ${value} ». Valeurs possibles : ${PROFILES.join(", ")}.`);
  return profile;
}

function parseSort(value: string | undefined): SortOrder {
  if (value === undefined) return "file";
  if (value === "class" || value === "name" || value === "file") return value;
  throw new CliError(`tri inconnu : « ${value} ». Valeurs possibles : class, name, file.`);
}

export function mergeCommand(argv: string[], io: CliIo): number {
  const { positional, options } = parseArgs(
    argv,
    ["template", "out", "profile", "class", "level", "sort"],
    ["inactive-only", "keep-fields"],
  );
  const template = options.get("template");
  const out = options.get("out");
  if (positional.length !== 1 || typeof template !== "string" || typeof out !== "string")
    throw new CliError(`usage : ${USAGE}`);
  const sort = parseSort(options.get("sort") as string | undefined);
  const profile = options.get("profile");
  const classes = options.get("class");
  const level = options.get("level");

  const roster = loadRoster(positional[0], io);
  let templateBytes: Uint8Array;
  try {
    templateBytes = io.readFile(template);
  } catch {
    throw new CliError(`modèle introuvable : « ${template} ». Vérifiez le chemin (un fichier .docx est attendu).`);
  }
  const records = selectRecords(roster.records, {
    profiles: typeof profile === "string" ? profile.split(",").map(parseProfile) : undefined,
    classes: typeof classes === "string" ? classes.split(",").map((c) => c.trim()) : undefined,
    levels: typeof level === "string" ? [level] : undefined,
    inactiveOnly: options.has("inactive-only"),
    sort,
  });
  let result;
  try {
    result = mergeLetters(templateBytes, records, roster, { keepFields: options.has("keep-fields") });
  } catch (err) {
    if (err instanceof MergeError) throw new CliError(`${path.basename(template)} : ${err.message}`);
    throw err;
  }
  try {
    io.writeFile(out, result.docx);
  } catch (err) {
    throw new CliError(
      `impossible d'écrire « ${out} » (${(err as { code?: string }).code ?? "erreur"}). Le fichier est peut-être ouvert dans Word : fermez-le et réessayez.`,
    );
  }
  const skipped = roster.problems.filter((p) => p.severity === "error");
  const filtered = roster.records.length - records.length;
  const lines = [
    `${result.letters} courrier${result.letters > 1 ? "s" : ""} écrit${result.letters > 1 ? "s" : ""} dans ${out}.`,
  ];
  if (filtered > 0)
    lines.push(`${filtered} personne${filtered > 1 ? "s" : ""} non retenue${filtered > 1 ? "s" : ""} par les filtres.`);
  if (skipped.length) {
    lines.push(
      `${skipped.length} ligne${skipped.length > 1 ? "s" : ""} du fichier écartée${skipped.length > 1 ? "s" : ""} :`,
    );
    for (const p of skipped) lines.push(`  - ${p.message}`);
  }
  for (const w of [...roster.problems.filter((p) => p.severity === "warning"), ...result.warnings])
    lines.push(`  ! ${w.message}`);
  const pink = unchangedPassages(templateBytes);
  if (pink.length) {
    lines.push(
      `Attention : passages en rose non complétés dans le modèle (${pink.map(passageLabel).join(", ")}) ; ils sont imprimés tels quels.`,
    );
  }
  io.out(lines.join("\n"));
  return 0;
}

// A small argument reader: positional words, --flag and --option value (or --option=value).
import { CliError } from "./io";

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--") || arg === "--") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "")
        throw new CliError("missing-value", `L'option --${name} attend une valeur.`);
      options.set(name, value);
    } else if (flags.includes(name) && eq < 0) {
      options.set(name, true);
    } else {
      const near = nearest(name, [...valued, ...flags]);
      throw new CliError(
        "unknown-option",
        `Option inconnue : --${name}.${near ? ` Vouliez-vous dire --${near} ?` : ""} Voir « courriers-ent --help ».`,
      );
    }
  }
  return { positional, options };
}

/** Edits (insert, delete, replace) between two words. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** The option a mistyped one most likely meant (--profil → --profile), within two edits or as a prefix. */
export function nearest(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const option of known) {
    const d = option.startsWith(name) && name.length >= 3 ? 1 : distance(name, option);
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Refuses a command without its one export file or its required options, naming what is
 * missing: "il manque --out COURRIERS.docx (le fichier à créer)". `needs` pairs each option
 * with what it is; the usage line follows.
 */
export function requireArgs({ positional, options }: ParsedArgs, needs: Array<[string, string]>, usage: string): void {
  if (positional.length !== 1)
    throw new CliError("usage", `indiquez un seul fichier exporté de l'ENT.\nusage : ${usage}`);
  const missing = needs.filter(([name]) => typeof options.get(name) !== "string").map(([, said]) => said);
  if (missing.length) throw new CliError("usage", `il manque ${missing.join(", et ")}.\nusage : ${usage}`);
}

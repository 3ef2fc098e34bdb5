// The `courriers-ent` command line: the same engine as the pane, for batch use.
import * as fs from "fs";
import * as path from "path";
import { checkCommand } from "./check";
import { CliError, CliIo, processIo } from "./io";
import { mergeCommand } from "./merge";
import { templateCommand } from "./template";

const HELP = `Courriers ENT — courriers d'identifiants ENT à partir de l'export de l'ENT

Usage :
  courriers-ent check FICHIER [--json]
      Lit l'export (.csv, .txt, .xlsx) et affiche le rapport : encodage, séparateur,
      colonnes reconnues, nombre de comptes, lignes écartées et pourquoi.
  courriers-ent merge FICHIER --template COURRIER.docx --out COURRIERS.docx
      [--profile P] [--class C[,C…]] [--level N] [--inactive-only]
      [--sort class|name|file] [--keep-fields]
      Crée un document avec un courrier par personne (une section par courrier).
  courriers-ent template parents|eleves|personnels --out FICHIER.docx
      Écrit l'un des trois courriers prêts à l'emploi.
  courriers-ent --help | --version

Codes de sortie : 0 réussi ; 2 fichier ou commande inutilisable (message sur stderr).
`;

type Command = (argv: string[], io: CliIo) => Promise<number> | number;

function packageVersion(): string {
  // build/cli/main.js and src/cli/main.ts both sit two folders below package.json.
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
  return String(pkg.version);
}

function commands(): Record<string, Command> {
  return { check: checkCommand, merge: mergeCommand, template: templateCommand };
}

export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(HELP);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    io.out(packageVersion());
    return 0;
  }
  const command = commands()[name];
  if (!command) {
    io.err(`Commande inconnue : « ${name} ». Voir « courriers-ent --help ».`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`Courriers ENT : ${err.message}`);
      return 2;
    }
    // An unexpected failure is still reported as one sentence; the detail helps a bug report.
    io.err(
      `Courriers ENT : erreur inattendue (${err instanceof Error ? err.message : String(err)}). Merci de la signaler.`,
    );
    return 2;
  }
}

export function runFromProcess(): void {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

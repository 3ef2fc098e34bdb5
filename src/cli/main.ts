// The `courriers-ent` command line: the same engine as the pane, for batch use. Each
// command is loaded only when asked for, so `--help` starts as fast as Node itself.
import * as fs from "fs";
import * as path from "path";
import { CourriersError, technicalDetail } from "../core/errors";
import { CliError, CliIo, EXIT, processIo } from "./io";

const HELP = `Courriers ENT — courriers d'identifiants ENT à partir de l'export de l'ENT

Usage :
  courriers-ent check FICHIER [--json]
      Lit l'export (.csv, .txt, .xlsx) et affiche le rapport : encodage, séparateur,
      colonnes reconnues, nombre de comptes, lignes écartées et pourquoi.
  courriers-ent merge FICHIER --template COURRIER.docx --out COURRIERS.docx
      [--profile P] [--class C[,C…]] [--level N] [--inactive-only]
      [--sort classe|nom|fichier] [--keep-fields] [--accept-excel-numbers] [--json]
      [--by-class [--recto-verso] | --receipts-only]
      Crée un document avec un courrier par personne (une section par courrier),
      triés par classe puis par nom (comme dans le volet), sauf --sort.
      --by-class : une liasse par classe (page de garde, courriers, liste
      d'émargement à faire signer) ; --recto-verso : chaque page de garde, courrier
      et liste commence sur une page impaire ; --receipts-only : les listes seules.
      --qr-url MODÈLE : l'adresse des codes QR, avec {ent}, {login}, {password}
      (par défaut : la page d'activation de l'ENT du courrier, déjà remplie).
  courriers-ent send FICHIER --template COURRIER.docx --from ADRESSE
      --smtp smtp://utilisateur@serveur:587 | --dry-run DOSSIER
      [--subject TEXTE] [--attach] [--rate N] [--journal FICHIER] [--ca FICHIER.pem]
      [--resend-uncertain]
      [--profile P] [--class C[,C…]] [--level N] [--inactive-only] [--accept-excel-numbers]
      Envoie à chaque personne son courrier par courriel (HTML et texte), au rythme
      de N messages par minute (30 par défaut). Chaque envoi est noté dans le journal
      (envoi-EXPORT.jsonl) : relancée, la commande reprend sans rien envoyer deux fois.
      Un message dont la réponse du serveur s'est perdue est « incertain » : il ne
      repart qu'avec --resend-uncertain.
      Mot de passe : variable COURRIERS_SMTP_PASSWORD, sinon demandé au terminal.
  courriers-ent template parents|eleves|personnels|cartes --out FICHIER.docx
      Écrit l'un des courriers prêts à l'emploi (cartes : 8 cartes par page).
  courriers-ent --help | --version

Avec --json, le résultat — ou l'erreur, avec son code — est écrit en JSON sur la sortie.

Codes de sortie : 0 réussi ; 1 erreur inattendue, ou messages non envoyés (send) ;
2 commande mal formée, ou identifiants SMTP refusés ;
3 export inutilisable ; 4 modèle inutilisable ou aucun courrier à créer ;
5 impossible d'écrire le résultat.
`;

type Command = (argv: string[], io: CliIo) => Promise<number> | number;

const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./check")).checkCommand,
  merge: async () => (await import("./merge")).mergeCommand,
  template: async () => (await import("./template")).templateCommand,
  send: async () => (await import("./send")).sendCommand,
};

/** One command's part of the help: from its usage line to the next command's. */
function commandHelp(name: string): string {
  const lines = HELP.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`  courriers-ent ${name} `));
  const end = lines.findIndex((l, i) => i > start && /^ {2}courriers-ent /.test(l));
  return lines.slice(start, end).join("\n");
}

function packageVersion(): string {
  // build/cli/main.js and src/cli/main.ts both sit two folders below package.json.
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
  return String(pkg.version);
}

interface Failure {
  code: string;
  message: string;
  exit: number;
}

/** The code, French message and exit code of any failure; unexpected ones are still one sentence. */
async function failureOf(err: unknown): Promise<Failure> {
  if (err instanceof CliError) return { code: err.code, message: err.message, exit: err.exitCode };
  if (err instanceof CourriersError) {
    // Loaded only on failure: the command that threw has loaded them already.
    const [{ RosterError }, { MergeError }, { MailError }] = await Promise.all([
      import("../core/roster"),
      import("../core/merge"),
      import("../core/mail"),
    ]);
    if (err instanceof RosterError) return { code: err.code, message: err.message, exit: EXIT.exportFile };
    if (err instanceof MergeError) return { code: err.code, message: err.message, exit: EXIT.template };
    if (err instanceof MailError) return { code: err.code, message: err.message, exit: EXIT.usage };
    return { code: err.code, message: err.message, exit: EXIT.unexpected };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return {
    code: "internal",
    message: `erreur inattendue (${detail}). Merci de la signaler, avec le détail technique (relancez la commande avec COURRIERS_DEBUG=1).`,
    exit: EXIT.unexpected,
  };
}

export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === "--version" || name === "-v") {
    io.out(packageVersion());
    return EXIT.ok;
  }
  // `courriers-ent send --help`: that command's part of the help.
  if (Object.prototype.hasOwnProperty.call(COMMANDS, name) && (rest.includes("--help") || rest.includes("-h"))) {
    io.out(commandHelp(name));
    return EXIT.ok;
  }
  const json = rest.includes("--json");
  try {
    const load = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw new CliError("unknown-command", `Commande inconnue : « ${name} ». Voir « courriers-ent --help ».`);
    return await (
      await load()
    )(rest, io);
  } catch (err) {
    const failure = await failureOf(err);
    if (json) io.out(JSON.stringify({ error: { code: failure.code, message: failure.message } }, null, 2));
    else io.err(`Courriers ENT : ${failure.message}`);
    // COURRIERS_DEBUG=1: the stack of any failure, with its causes, for whoever fixes it.
    if ((io.env ?? process.env).COURRIERS_DEBUG === "1") io.err(technicalDetail(err));
    return failure.exit;
  }
}

export function runFromProcess(): void {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

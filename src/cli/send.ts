// `courriers-ent send`: each selected person gets their own letter by e-mail, through the
// school's SMTP server. Every accepted message is written to the journal at once, so running
// the same command again after an interruption sends only what is left: nobody twice.
import MailComposer from "nodemailer/lib/mail-composer";
import type { Transporter } from "nodemailer";
import Papa from "papaparse";
import * as path from "path";
import { passageLabel } from "../core/catalog";
import {
  checkAddress,
  DEFAULT_SUBJECT,
  exportStem,
  journalFileName,
  journalKey,
  journalLine,
  letterMessage,
  recipients,
  Recipient,
  sendAll,
  sentKeys,
  subjectFor,
} from "../core/mail";
import { unchangedPassages } from "../core/merge";
import { noteLine, RosterRecord } from "../core/roster";
import { parseArgs, requireArgs } from "./args";
import { cannotWrite, CliError, CliIo, EXIT, fsReason, processIo } from "./io";
import { loadRoster } from "./load";
import { readTemplate, selectFromOptions, SELECTION_FLAGS, SELECTION_VALUED } from "./selection";
import { authError, BodyWatch, mailOf, parseSmtpUrl, smtpChannel, SmtpTarget, smtpTransport, tlsError } from "./smtp";

const USAGE =
  "courriers-ent send FICHIER --template COURRIER.docx --smtp smtp://utilisateur@serveur:587 --from ADRESSE [--subject TEXTE] [--attach] [--rate N] [--journal FICHIER] [--dry-run DOSSIER] [--resend-uncertain] [--ca FICHIER.pem] [--profile P] [--class C[,C…]] [--level N] [--inactive-only] [--accept-excel-numbers]";

/** Exchange Online accepts 30 messages a minute from one mailbox. */
const DEFAULT_RATE = 30;

type Status = "envoyé" | "incertain" | "déjà envoyé" | "sans adresse" | "refusé" | "non envoyé";

interface Outcome {
  record: RosterRecord;
  to: string;
  status: Status;
  detail: string;
}

interface Plan {
  exportName: string;
  template: Uint8Array;
  from: string;
  subject: (record: RosterRecord) => string;
  attach: boolean;
  roster: Parameters<typeof letterMessage>[2];
}

function positiveRate(value: string | true | undefined): number {
  if (value === undefined) return DEFAULT_RATE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new CliError(
      "usage",
      `--rate : « ${String(value)} » n'est pas un nombre de messages par minute (1 à 10 000).`,
    );
  return n;
}

export async function sendCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(
    argv,
    ["template", "smtp", "from", "subject", "rate", "journal", "dry-run", "ca", ...SELECTION_VALUED],
    [...SELECTION_FLAGS, "attach", "resend-uncertain"],
  );
  const { positional, options } = args;
  const smtp = options.get("smtp");
  const dryRun = options.get("dry-run");
  const server: Array<[string, string]> =
    dryRun === undefined ? [["smtp", "--smtp smtp://… (le serveur d'envoi) ou --dry-run DOSSIER (un essai)"]] : [];
  requireArgs(
    args,
    [
      ["template", "--template COURRIER.docx (le courrier à envoyer)"],
      ["from", "--from ADRESSE (l'adresse de l'expéditeur)"],
      ...server,
    ],
    USAGE,
  );
  const template = options.get("template") as string;
  const from = options.get("from") as string;
  const fromCheck = checkAddress(from);
  if (!fromCheck.ok) throw new CliError("usage", `--from : ${fromCheck.reason}.`);
  const rate = positiveRate(options.get("rate"));
  const target = typeof smtp === "string" ? parseSmtpUrl(smtp) : null;
  const ca = options.get("ca");

  const roster = loadRoster(positional[0], io);
  const templateBytes = readTemplate(template, io);
  const { records } = selectFromOptions(options, roster, templateBytes);
  const exportFile = path.basename(positional[0]);
  const exportName = exportStem(exportFile);
  const plan: Plan = {
    exportName,
    template: templateBytes,
    from: fromCheck.address,
    subject: subjectFor(
      typeof options.get("subject") === "string" ? (options.get("subject") as string) : DEFAULT_SUBJECT,
      roster,
    ),
    attach: options.has("attach"),
    roster,
  };
  for (const note of roster.file.notes) io.out(noteLine(note));
  const skipped = roster.problems.filter((p) => p.severity === "error");
  if (skipped.length) {
    io.out(
      `${skipped.length} ligne${skipped.length > 1 ? "s" : ""} du fichier écartée${skipped.length > 1 ? "s" : ""} (ni courriel ni courrier) :`,
    );
    for (const p of skipped) io.out(`  - ${p.message}`);
  }
  const { send, paper } = recipients(records, roster);
  const outcomes: Outcome[] = paper.map((p) => ({
    record: p.record,
    to: p.record.values.email,
    status: "sans adresse",
    detail: p.reason,
  }));
  const pink = unchangedPassages(templateBytes);
  if (pink.length)
    io.err(
      `Attention : passages en rose non complétés dans le modèle (${pink.map(passageLabel).join(", ")}) ; ils partiront tels quels.`,
    );

  if (typeof dryRun === "string") return dryRunTo(dryRun, plan, send, outcomes, io);

  const journal =
    typeof options.get("journal") === "string" ? (options.get("journal") as string) : journalFileName(exportFile);
  // Taken before the journal is read: a second run would read the same journal and send again.
  const lock = (io.lockFile ?? processIo.lockFile!)(`${journal}.verrou`);
  if ("heldBy" in lock)
    throw new CliError(
      "journal-locked",
      `Un autre envoi utilise déjà le journal « ${path.basename(journal)} » (processus ${lock.heldBy.pid}, depuis ${lock.heldBy.since}). Attendez qu'il se termine : deux envois en même temps enverraient deux messages aux mêmes personnes.`,
      EXIT.output,
    );
  try {
    return await sendFromJournal(
      journal,
      plan,
      send,
      paper.length,
      records,
      outcomes,
      target,
      rate,
      ca,
      options.has("resend-uncertain"),
      io,
    );
  } finally {
    lock.release();
  }
}

/** The real sending, the journal locked: who is left to send to, then each one. */
async function sendFromJournal(
  journal: string,
  plan: Plan,
  send: Recipient[],
  paperCount: number,
  records: RosterRecord[],
  outcomes: Outcome[],
  target: SmtpTarget | null,
  rate: number,
  ca: string | true | undefined,
  resendUncertain: boolean,
  io: CliIo,
): Promise<number> {
  const already = readJournal(journal, io, resendUncertain);
  const todo: Recipient[] = [];
  for (const r of send) {
    if (already.has(journalKey(r.record.values.login, r.to)))
      outcomes.push({ record: r.record, to: r.to, status: "déjà envoyé", detail: `journal ${path.basename(journal)}` });
    else todo.push(r);
  }
  io.out(
    `${send.length - todo.length} déjà envoyé${send.length - todo.length > 1 ? "s" : ""}, ${todo.length} à envoyer, ${paperCount} sans adresse (courrier papier).`,
  );
  if (todo.length && target) {
    const password = await smtpPassword(target, io);
    const watch: BodyWatch = { bodySent: false };
    const transport = smtpTransport(
      target,
      password,
      typeof ca === "string" ? Buffer.from(io.readFile(ca)).toString("utf8") : undefined,
      watch,
    );
    try {
      await deliver(transport, target, plan, todo, { journal, rate, watch }, outcomes, io);
    } finally {
      transport.close();
    }
  }
  return finish(plan, records, outcomes, io);
}

async function smtpPassword(target: SmtpTarget, io: CliIo): Promise<string | undefined> {
  if (!target.user) return undefined;
  const fromEnv = (io.env ?? processIo.env)?.COURRIERS_SMTP_PASSWORD;
  if (fromEnv) return fromEnv;
  try {
    return await (io.askSecret ?? processIo.askSecret!)(`Mot de passe de ${target.user} sur ${target.host} : `);
  } catch (err) {
    throw new CliError(
      "smtp-password",
      "Mot de passe SMTP absent : définissez la variable d'environnement COURRIERS_SMTP_PASSWORD, ou lancez la commande dans un terminal pour le saisir.",
      EXIT.usage,
      { cause: err },
    );
  }
}

function readJournal(file: string, io: CliIo, resendUncertain: boolean): Set<string> {
  let text: string;
  try {
    text = Buffer.from(io.readFile(file)).toString("utf8");
  } catch (err) {
    if (fsReason(err) === "ENOENT") return new Set();
    throw new CliError("read-failed", `impossible de lire le journal « ${file} » (${fsReason(err)}).`, EXIT.output, {
      cause: err,
    });
  }
  return sentKeys(text, file, { resendUncertain });
}

/** The sending loop over the SMTP channel: each message journaled the moment the server may have it. */
async function deliver(
  transport: Transporter,
  target: SmtpTarget,
  plan: Plan,
  todo: Recipient[],
  settings: { journal: string; rate: number; watch: BodyWatch },
  outcomes: Outcome[],
  io: CliIo,
): Promise<void> {
  const sleep = io.sleep ?? processIo.sleep!;
  const append = io.appendDurably ?? processIo.appendDurably!;
  let stopping = false;
  const stopListening = (io.onInterrupt ?? (() => () => undefined))(() => {
    stopping = true;
    io.err(
      "Interruption demandée : le message en cours se termine, puis l'envoi s'arrête. Relancez la même commande pour reprendre.",
    );
  });
  let sent = 0;
  const notSent = (r: Recipient, status: Status, detail: string) =>
    outcomes.push({ record: r.record, to: r.to, status, detail });
  try {
    const end = await sendAll(
      todo,
      (recipient) =>
        letterMessage(plan.template, recipient, plan.roster, { subject: plan.subject, attach: plan.attach }),
      smtpChannel(transport, target, plan.from, settings.rate, settings.watch),
      { whilePaused: async () => undefined, cancelled: () => stopping, now: () => Date.now(), sleep },
      {
        sent: (recipient, entry) => {
          append(settings.journal, journalLine(entry));
          notSent(recipient, entry.uncertain ? "incertain" : "envoyé", entry.uncertain ? "" : entry.messageId);
          sent++;
          if (sent % 25 === 0) io.out(`${sent} / ${todo.length} envoyés…`);
        },
        failed: notSent,
      },
    );
    if (end.end === "stopped") throw end.reason === "auth" ? authError(target, end.error) : tlsError(target, end.error);
    for (const r of end.left)
      notSent(r, "non envoyé", r === end.stoppedAt && "detail" in end ? end.detail : "envoi interrompu");
    if (end.end === "unreachable")
      io.err(
        `Le serveur ${target.host} ne répond plus (${end.detail}). Relancez la même commande plus tard : elle reprendra où elle s'est arrêtée.`,
      );
    if (sent % 25 !== 0) io.out(`${sent} / ${todo.length} envoyés…`);
  } finally {
    stopListening();
  }
}

/** --dry-run: every message as an .eml file, nothing sent and nothing journaled. */
async function dryRunTo(dir: string, plan: Plan, send: Recipient[], outcomes: Outcome[], io: CliIo): Promise<number> {
  const width = String(send.length).length;
  try {
    (io.makeDir ?? processIo.makeDir!)(dir);
  } catch (err) {
    throw new CliError("write-failed", `impossible de créer le dossier « ${dir} » (${fsReason(err)}).`, EXIT.output, {
      cause: err,
    });
  }
  for (const [i, recipient] of send.entries()) {
    const message = letterMessage(plan.template, recipient, plan.roster, {
      subject: plan.subject,
      attach: plan.attach,
    });
    const eml = await new MailComposer(mailOf(plan.from, message)).compile().build();
    const safe = recipient.record.values.login.replace(/[^\w.-]+/g, "_");
    const file = path.join(dir, `${String(i + 1).padStart(width, "0")}-${safe}.eml`);
    try {
      io.writeFile(file, eml);
    } catch (err) {
      throw cannotWrite(file, err, "");
    }
    outcomes.push({
      record: recipient.record,
      to: recipient.to,
      status: "non envoyé",
      detail: `essai : ${path.basename(file)}`,
    });
  }
  io.out(
    `Essai : ${send.length} message${send.length > 1 ? "s" : ""} écrit${send.length > 1 ? "s" : ""} dans ${dir} (.eml), aucun envoyé.`,
  );
  return finish(plan, null, outcomes, io);
}

const STATUS_ORDER: Status[] = ["envoyé", "incertain", "déjà envoyé", "refusé", "non envoyé", "sans adresse"];

/** The report: counts on screen, one line per person in a CSV a secretary opens in Excel. */
function finish(plan: Plan, records: RosterRecord[] | null, outcomes: Outcome[], io: CliIo): number {
  const order = new Map((records ?? outcomes.map((o) => o.record)).map((r, i) => [r.row, i]));
  outcomes.sort((a, b) => (order.get(a.record.row) ?? 0) - (order.get(b.record.row) ?? 0));
  const file = `envoi-${plan.exportName}.csv`;
  const csv = Papa.unparse(
    [
      ["Nom", "Prénom", "Login", "Courriel", "Statut", "Détail"],
      ...outcomes.map((o) => [
        o.record.values.lastName,
        o.record.values.firstName,
        o.record.values.login,
        o.to,
        o.status,
        o.detail,
      ]),
    ],
    // A cell starting with = + - @ would run as a formula in Excel: Papa prefixes it with '.
    { delimiter: ";", newline: "\r\n", escapeFormulae: true },
  );
  try {
    io.writeFile(file, new TextEncoder().encode(`\ufeff${csv}\r\n`));
  } catch (err) {
    throw cannotWrite(file, err, "Le rapport est peut-être ouvert dans Excel : fermez-le et réessayez.");
  }
  const count = (s: Status) => outcomes.filter((o) => o.status === s).length;
  io.out(STATUS_ORDER.map((s) => `${s} : ${count(s)}`).join(" ; ") + `. Rapport : ${file}`);
  const paper = outcomes.filter((o) => o.status === "sans adresse");
  if (paper.length) {
    io.out(`À remettre sur papier (${paper.length}) :`);
    for (const o of paper)
      io.out(
        `  - ligne ${o.record.row} — ${o.record.values.lastName} ${o.record.values.firstName} (${o.record.values.login}) : ${o.detail}`,
      );
  }
  const failed = outcomes.filter(
    (o) =>
      o.status === "refusé" || o.status === "incertain" || (o.status === "non envoyé" && !o.detail.startsWith("essai")),
  );
  const uncertain = count("incertain");
  if (uncertain)
    io.err(
      `${uncertain} incertain${uncertain > 1 ? "s" : ""} : le serveur a reçu ${uncertain > 1 ? "ces messages" : "ce message"} mais sa réponse s'est perdue. Ils ne repartiront pas ; demandez aux personnes s'ils sont arrivés, et s'il le faut relancez avec --resend-uncertain.`,
    );
  for (const o of failed)
    io.err(`  ! ${o.record.values.lastName} ${o.record.values.firstName} <${o.to}> : ${o.status} — ${o.detail}`);
  return failed.length ? EXIT.unexpected : EXIT.ok;
}

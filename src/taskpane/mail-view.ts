// Step 5 — Envoyer par courriel: each person's letter as a message from the user's own
// Microsoft 365 mailbox (Graph sendMail). Who gets a message and who gets paper, the subject,
// a first message to oneself, then the run with its progress, pause and cancel. The journal
// of what went lives in this page's memory only; the user downloads it, and loading it back
// with the same export resumes without sending anyone a second message.
import type { Recipient, PaperLetter } from "../core/mail";
import type { Mailing } from "./mail-run";
import type * as MailRun from "./mail-run";
import { readTemplateFile, SignedIn } from "../word";
import { CLIENT_ID } from "./config";
import { describeError, PaneContext } from "./context";
import { byId, fileBytes, formatCount, h, plural, replaceChildren } from "./dom";
import { strFromU8 } from "fflate";
import { excelNumbersAccepted, lostPartsSentence, pinkPassagesAccepted } from "./merge-view";
import { ask } from "./confirm";

type MailModule = typeof MailRun;

let mail: MailModule | null = null;
let loading = false;
let user: SignedIn | null = null;

/** What was sent while the pane is open (and what a loaded journal lists): never sent again. */
const journal = { lines: [] as string[], keys: new Set<string>() };
let journalUrl: string | null = null;

interface Run {
  total: number;
  sent: number;
  failed: string[];
  paused: boolean;
  cancelled: boolean;
  /** Ends the pause, or the wait in progress, at once. */
  resume: (() => void) | null;
  wake: (() => void) | null;
}
let run: Run | null = null;
/** The last run's failures, listed after it ended. */
let lastFailures: string[] = [];

const MAIL_SEND_HELP =
  "L'envoi par courriel depuis Word passe par Microsoft 365 : l'administrateur de l'établissement doit d'abord déclarer Courriers ENT dans Microsoft Entra ID (voir le README, « Envoyer par courriel »). Sans Microsoft 365, envoyez les messages avec la ligne de commande : courriers-ent send export.csv --template courrier.docx --from secretariat@… --smtp smtp://…";

function loadMailModule(ctx: PaneContext): void {
  if (loading) return;
  loading = true;
  import(/* webpackChunkName: "mail" */ "./mail-run")
    .then((module) => {
      mail = module;
      const subject = byId<HTMLInputElement>("mail-subject");
      if (!subject.value) subject.value = module.DEFAULT_SUBJECT;
      ctx.refresh();
    })
    .catch((err) => {
      loading = false;
      ctx.showError(describeError(err));
    });
}

export function setupMail(ctx: PaneContext): void {
  byId("mail-send").addEventListener("click", () => void sendAll(ctx));
  byId("mail-sample").addEventListener("click", () => void sendSample(ctx));
  byId("mail-subject").addEventListener("input", () => ctx.refresh());
  byId("mail-pause").addEventListener("click", () => {
    if (!run) return;
    run.paused = !run.paused;
    if (!run.paused) run.resume?.();
    ctx.refresh();
  });
  byId("mail-cancel").addEventListener("click", () => {
    if (!run) return;
    run.cancelled = true;
    run.paused = false;
    run.resume?.();
    run.wake?.();
    byId("mail-status").textContent = "Annulation : le message en cours se termine, puis l'envoi s'arrête…";
  });
  const input = byId<HTMLInputElement>("mail-journal");
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    input.value = "";
    if (!file || !mail) return;
    ctx.clearError();
    try {
      const text = strFromU8(await fileBytes(file));
      let added = 0;
      for (const { key, line } of mail.journalEntries(text, file.name)) {
        if (journal.keys.has(key)) continue;
        journal.keys.add(key);
        journal.lines.push(`${line}\n`);
        added++;
      }
      byId("mail-status").textContent =
        `Journal « ${file.name} » chargé : ${plural(added, "message déjà envoyé", "messages déjà envoyés")}, qui ne repartiront pas.`;
      offerJournal();
      ctx.refresh();
    } catch (err) {
      ctx.showError(describeError(err));
    }
  });
}

/** Who gets a message now (not in the journal), who already had one, who gets paper. */
function plan(ctx: PaneContext): { todo: Recipient[]; already: number; paper: PaperLetter[] } | string {
  const roster = ctx.state.roster;
  if (!mail || !roster) return "";
  try {
    const { send, paper } = mail.recipients(ctx.state.selected(), roster);
    const todo = send.filter((r) => !journal.keys.has(mail!.journalKey(r.record.values.login, r.to)));
    return { todo, already: send.length - todo.length, paper };
  } catch (err) {
    return describeError(err);
  }
}

/**
 * Signing in to Microsoft 365 (MSAL) needs Web Crypto and the Encoding API, which Word
 * 2016/2019's panes (Internet Explorer 11, Edge Legacy) lack.
 */
function canSignIn(): boolean {
  return typeof TextEncoder !== "undefined" && Boolean(window.crypto && window.crypto.subtle);
}

const NO_SIGN_IN_HERE =
  "L'envoi par courriel n'est pas disponible dans cette version de Word (Word 2016 ou 2019) : la connexion à Microsoft 365 y est impossible. Envoyez depuis Word pour Microsoft 365, Word 2021 ou plus récent, ou Word sur le web ; ou créez les courriers pour les imprimer.";

export function renderMail(ctx: PaneContext): void {
  if (!ctx.state.roster && !run) forgetJournal();
  if (CLIENT_ID && canSignIn() && ctx.state.openStep === "mail") loadMailModule(ctx);
  const unavailable = byId("mail-unavailable");
  const ready = byId("mail-ready");
  const p = plan(ctx);
  const why = !CLIENT_ID
    ? MAIL_SEND_HELP
    : !canSignIn()
      ? NO_SIGN_IN_HERE
      : !ctx.state.roster
        ? "Choisissez d'abord le fichier exporté de l'ENT (étape 1)."
        : !mail
          ? "Chargement…"
          : typeof p === "string"
            ? p
            : "";
  unavailable.textContent = why;
  unavailable.hidden = !why;
  ready.hidden = Boolean(why);
  if (why || typeof p === "string") return;

  const parts = [plural(p.todo.length, "message à envoyer", "messages à envoyer")];
  if (p.already) parts.push(`${plural(p.already, "déjà envoyé", "déjà envoyés")} (journal)`);
  if (p.paper.length)
    parts.push(`${plural(p.paper.length, "personne sans adresse", "personnes sans adresse")} : courrier papier`);
  byId("mail-recipients").textContent = `${parts.join(" ; ")}.`;
  byId("mail-paper").hidden = p.paper.length === 0;
  byId("mail-paper-summary").textContent = `Sans courriel (${formatCount(p.paper.length)}) : à imprimer`;
  replaceChildren(
    byId("mail-paper-list"),
    ...p.paper.map((x) =>
      h("li", {}, `${x.record.values.firstName} ${x.record.values.lastName} (${x.record.values.login}) : ${x.reason}`),
    ),
  );
  byId("mail-limits").textContent = mail!.limitsText(p.todo.length);
  byId("mail-journal-link").setAttribute("download", mail!.journalFileName(ctx.state.fileName));
  const subjectProblem = subjectError(ctx);
  byId("mail-subject-error").textContent = subjectProblem;
  byId("mail-subject-error").hidden = !subjectProblem;
  byId("mail-subject").setAttribute("aria-invalid", String(Boolean(subjectProblem)));

  const busy = Boolean(run);
  const send = byId<HTMLButtonElement>("mail-send");
  send.textContent =
    p.todo.length === 1 ? "Envoyer le message" : `Envoyer les ${plural(p.todo.length, "", "messages")}`;
  send.disabled = busy || p.todo.length === 0 || !ctx.wordAvailable || Boolean(subjectProblem);
  byId<HTMLButtonElement>("mail-sample").disabled =
    busy || ctx.state.selected().length === 0 || !ctx.wordAvailable || Boolean(subjectProblem);
  byId<HTMLInputElement>("mail-journal").disabled = busy;
  byId("mail-pause").hidden = !busy;
  byId("mail-pause").textContent = run?.paused ? "Reprendre" : "Pause";
  byId("mail-cancel").hidden = !busy;
  const progress = byId<HTMLProgressElement>("mail-progress");
  progress.hidden = !busy;
  if (run) {
    progress.max = Math.max(run.total, 1);
    progress.value = run.sent + run.failed.length;
    byId("mail-counts").textContent =
      `Envoyés : ${formatCount(run.sent)} · À envoyer : ${formatCount(run.total - run.sent - run.failed.length)} · Échecs : ${formatCount(run.failed.length)}${run.paused ? " · en pause" : ""}`;
  }
  const failures = run?.failed ?? lastFailures;
  byId("mail-failures").hidden = failures.length === 0;
  byId("mail-failures-summary").textContent = `Messages refusés (${formatCount(failures.length)})`;
  replaceChildren(byId("mail-failures-list"), ...failures.map((f) => h("li", {}, f)));
}

function subjectError(ctx: PaneContext): string {
  if (!mail || !ctx.state.roster) return "";
  const value = byId<HTMLInputElement>("mail-subject").value;
  if (!value.trim()) return "Indiquez l'objet du message.";
  try {
    mail.subjectFor(value, ctx.state.roster);
    return "";
  } catch (err) {
    return describeError(err);
  }
}

/** When a journal line's message went, or null when the line says not. */
function sentAtOf(line: string): string | null {
  try {
    const at = (JSON.parse(line) as { at?: unknown }).at;
    return typeof at === "string" ? at : null;
  } catch {
    return null;
  }
}

/** The step's one-line summary when closed. */
export function mailOutline(): string {
  return journal.lines.length ? plural(journal.lines.length, "message envoyé", "messages envoyés") : "";
}

/** Everything a sending needs: the letter from Word, the subject, the user signed in. */
async function prepare(ctx: PaneContext, sleep: (ms: number) => Promise<void>): Promise<Mailing | null> {
  const roster = ctx.state.roster;
  if (!mail || !roster) return null;
  ctx.clearError();
  await ctx.leavePreview();
  if (!(await pinkPassagesAccepted("send"))) return null;
  if (!(await excelNumbersAccepted(roster, ctx.state.selected(), "send"))) return null;
  const subject = mail.subjectFor(byId<HTMLInputElement>("mail-subject").value, roster);
  const { bytes, lostParts } = await readTemplateFile();
  // Word gave the body only (getFileAsync failed): the messages would lack the footer.
  if (
    lostParts.length &&
    !(await ask(`${lostPartsSentence(lostParts, "les messages")} Envoyer quand même ?`, "Envoyer quand même"))
  )
    return null;
  byId("mail-status").textContent = "Connexion à Microsoft 365…";
  user ??= await mail.signIn(CLIENT_ID);
  return {
    template: bytes,
    source: roster,
    subject,
    attach: byId<HTMLInputElement>("mail-attach").checked,
    user,
    sleep,
  };
}

const plainSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function sendSample(ctx: PaneContext): Promise<void> {
  // The first person who will get a message: the letter the user most wants to see.
  const p = plan(ctx);
  const first = (typeof p !== "string" && (p.todo[0] ?? p.paper[0])?.record) || ctx.state.selected()[0];
  const status = byId("mail-status");
  const button = byId<HTMLButtonElement>("mail-sample");
  if (!first || !mail) return;
  button.disabled = true;
  try {
    const mailing = await prepare(ctx, plainSleep);
    if (!mailing) return;
    status.textContent = "Envoi de l'exemple…";
    const result = await mail.sendSample(mailing, first);
    const me = mailing.user.address();
    status.textContent = result.ok
      ? `Exemple envoyé à ${me} : le courrier de ${first.values.firstName} ${first.values.lastName}. Vérifiez-le dans votre boîte de réception avant d'envoyer à tous.`
      : `L'exemple n'est pas parti (${result.detail}).`;
    if (!result.ok && result.kind === "auth") user = null;
  } catch (err) {
    status.textContent = "";
    ctx.showError(describeError(err));
  } finally {
    button.disabled = false;
    ctx.refresh();
  }
}

async function sendAll(ctx: PaneContext): Promise<void> {
  const p = plan(ctx);
  if (!mail || typeof p === "string" || p.todo.length === 0 || run) return;
  const status = byId("mail-status");
  const current: Run = {
    total: p.todo.length,
    sent: 0,
    failed: [],
    paused: false,
    cancelled: false,
    resume: null,
    wake: null,
  };
  run = current;
  lastFailures = [];
  ctx.refresh();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      current.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  try {
    const mailing = await prepare(ctx, sleep);
    if (!mailing) return;
    status.textContent = "Envoi en cours…";
    const end = await mail.sendRun(
      mailing,
      p.todo,
      {
        whilePaused: () =>
          current.paused ? new Promise<void>((resolve) => (current.resume = resolve)) : Promise.resolve(),
        cancelled: () => current.cancelled,
        now: () => Date.now(),
        // What the loaded journal says went earlier counts toward Microsoft 365's day.
        sentEarlier: journal.lines.map(sentAtOf).filter((at): at is string => at !== null),
      },
      {
        sent: (r, entry) => {
          journal.lines.push(mail!.journalLine(entry));
          journal.keys.add(mail!.journalKey(entry.login, entry.to));
          current.sent++;
          ctx.refresh();
        },
        failed: (r, detail) => {
          current.failed.push(`${r.record.values.firstName} ${r.record.values.lastName} <${r.to}> : ${detail}`);
          ctx.refresh();
        },
      },
    );
    const left = current.total - current.sent - current.failed.length;
    const done = plural(current.sent, "message envoyé", "messages envoyés");
    const refused = current.failed.length
      ? ` ${plural(current.failed.length, "adresse refusée", "adresses refusées")} (voir la liste) : imprimez leur courrier.`
      : "";
    const resume =
      "Téléchargez le journal d'envoi : chargé ici avec le même fichier, il permet de reprendre sans envoyer deux fois le même message.";
    switch (end.end) {
      case "done":
        status.textContent = `${done}.${refused} ${resume}`;
        break;
      case "cancelled":
        status.textContent = `Envoi annulé : ${done}, ${plural(left, "non envoyé", "non envoyés")}.${refused} ${resume}`;
        break;
      case "daily-limit":
        status.textContent = `Limite de Microsoft 365 atteinte pour aujourd'hui : ${done}, ${plural(left, "reste", "restent")} à envoyer demain.${refused} ${resume}`;
        break;
      case "auth":
        user = null;
        status.textContent = `Microsoft 365 a refusé l'envoi (${end.detail}) : ${done}. Cliquez de nouveau sur « Envoyer » pour vous reconnecter et continuer ; les messages déjà partis ne repartiront pas.`;
        break;
      case "too-big":
        status.textContent = `Aucun message envoyé. ${end.detail}`;
        break;
      case "unreachable":
        status.textContent = `Microsoft 365 ne répond plus (${end.detail}) : ${done}. Réessayez plus tard ; les messages déjà partis ne repartiront pas. ${resume}`;
        break;
    }
  } catch (err) {
    status.textContent = "";
    ctx.showError(describeError(err));
  } finally {
    lastFailures = current.failed;
    run = null;
    offerJournal();
    ctx.refresh();
  }
}

function offerJournal(): void {
  if (journalUrl) URL.revokeObjectURL(journalUrl);
  journalUrl = null;
  const link = byId<HTMLAnchorElement>("mail-journal-link");
  byId("mail-journal-download").hidden = journal.lines.length === 0;
  if (journal.lines.length === 0) return;
  journalUrl = URL.createObjectURL(new Blob(journal.lines, { type: "application/x-ndjson" }));
  link.href = journalUrl;
}

/** "Effacer les données": the journal names people too. */
function forgetJournal(): void {
  if (journal.lines.length === 0) return;
  journal.lines = [];
  journal.keys.clear();
  lastFailures = [];
  offerJournal();
}

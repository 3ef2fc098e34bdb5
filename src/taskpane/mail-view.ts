// Step 5 — Envoyer par courriel: each person's letter as a message from the user's own
// Microsoft 365 mailbox (Graph sendMail). Who gets a message and who gets paper, the subject,
// a first message to oneself, then the run with its progress, pause and cancel. The journal
// of what went is kept in the document after each message (word/send-journal.ts): a pane
// closed mid-run and opened again resumes without sending anyone a second message. The user
// may also download it, and load it back elsewhere.
import { renderFileWarnings } from "./file-notes";
import type { Recipient, PaperLetter } from "../core/mail";
import type { Mailing } from "./mail-run";
import type * as MailRun from "./mail-run";
import { readTemplateFile, storedJournal, storeJournal } from "../word";
import { CLIENT_ID, TENANT_ID } from "./config";
import { describeError, PaneContext } from "./context";
import { byId, fileBytes, formatCount, h, plural, replaceChildren } from "./dom";
import { strFromU8 } from "fflate";
import { excelNumbersAccepted, lostPartsSentence, pinkPassagesAccepted } from "./merge-view";
import { ask } from "./confirm";
import { MailSession, newRun, Run } from "./mail-session";

type MailModule = typeof MailRun;

// The sending code, loaded when step 5 first opens: code, not state (the step's state is
// ctx.state.mailing).
let mail: MailModule | null = null;
let loading = false;

/** A journal line's key and whether it says « incertain »; the last line about a person wins. */
function addLine(m: MailSession, line: string): boolean {
  const entry = mail?.journalEntries(line, "journal")[0];
  if (!entry) return false;
  const known = m.journal.keys.has(entry.key) && m.journal.uncertain.has(entry.key) === entry.uncertain;
  m.journal.lines.push(`${entry.line}\n`);
  m.journal.keys.add(entry.key);
  if (entry.uncertain) m.journal.uncertain.add(entry.key);
  else m.journal.uncertain.delete(entry.key);
  return !known;
}

/** This document's journal, read once (again after « Effacer les données »). */
function readStoredJournal(m: MailSession): void {
  if (m.journal.read || !mail) return;
  m.journal.read = true;
  for (const line of storedJournal()) {
    try {
      addLine(m, line);
    } catch {
      // A line Word kept damaged: the others still count.
    }
  }
}

/** Saves the journal in the document before the next message goes; says once if Word cannot. */
async function keepJournal(m: MailSession): Promise<void> {
  const failure = await storeJournal(m.journal.lines.map((l) => l.trim()));
  if (failure && !m.storeWarning)
    m.storeWarning = `Word n'a pas pu noter l'envoi dans le document (${failure}) : gardez ce volet ouvert jusqu'à la fin, puis téléchargez le journal d'envoi.`;
}

const MAIL_SEND_HELP =
  "L'envoi par courriel depuis Word passe par la messagerie Microsoft 365 de l'établissement, et il n'est pas activé ici. Demandez à l'administrateur informatique de l'établissement (ou au référent numérique) de l'activer pour Courriers ENT : c'est un réglage à faire une seule fois. En attendant, créez les courriers (étape 4) et imprimez-les : c'est la même lettre.";

function loadMailModule(ctx: PaneContext): void {
  if (loading) return;
  loading = true;
  import(/* webpackChunkName: "mail" */ "./mail-run")
    .then((module) => {
      mail = module;
      const subject = byId<HTMLInputElement>("mail-subject");
      if (!subject.value) subject.value = module.DEFAULT_SUBJECT;
      ctx.refresh("mail");
    })
    .catch((err) => {
      loading = false;
      ctx.showError(describeError(err));
    });
}

export function setupMail(ctx: PaneContext): void {
  const m = ctx.state.mailing;
  byId("mail-send").addEventListener("click", () => void sendAll(ctx));
  byId("mail-sample").addEventListener("click", () => void sendSample(ctx));
  // Only step 5 shows the subject: a keystroke renders it alone.
  byId("mail-subject").addEventListener("input", () => ctx.refresh("mail"));
  byId("mail-pause").addEventListener("click", () => {
    if (!m.run) return;
    m.run.paused = !m.run.paused;
    if (!m.run.paused) m.run.resume?.();
    ctx.refresh("mail");
  });
  byId("mail-cancel").addEventListener("click", () => {
    if (!m.run) return;
    m.run.cancelled = true;
    m.run.paused = false;
    m.run.resume?.();
    m.run.wake?.();
    m.run.aborts.forEach((abort) => abort());
    byId("mail-status").textContent = "Annulation de l'envoi…";
  });
  byId("mail-resend-uncertain").addEventListener("click", () => void resendUncertain(ctx));
  // Closing the pane mid-run: the journal in the document keeps what went, but the run stops.
  window.addEventListener("beforeunload", (event) => {
    if (!m.run) return;
    event.preventDefault();
    event.returnValue = "L'envoi des courriels est en cours : fermer le volet l'arrête.";
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
      readStoredJournal(m);
      for (const { key, line } of mail.journalEntries(text, file.name)) {
        if (m.journal.keys.has(key)) continue;
        addLine(m, line);
        added++;
      }
      await keepJournal(m);
      byId("mail-status").textContent =
        `Journal « ${file.name} » chargé : ${plural(added, "message déjà envoyé", "messages déjà envoyés")}, qui ne repartiront pas.`;
      offerJournal(m);
      ctx.refresh();
    } catch (err) {
      ctx.showError(describeError(err));
    }
  });
}

/** Who gets a message now (not in the journal), who already had one, who gets paper. */
function plan(
  ctx: PaneContext,
): { todo: Recipient[]; already: number; uncertain: Recipient[]; paper: PaperLetter[] } | string {
  const m = ctx.state.mailing;
  const roster = ctx.state.roster;
  if (!mail || !roster) return "";
  readStoredJournal(m);
  try {
    const { send, paper } = mail.recipients(ctx.state.selected(), roster);
    const key = (r: Recipient) => mail!.journalKey(r.record.values.login, r.to);
    const todo = send.filter((r) => !m.journal.keys.has(key(r)));
    const uncertain = send.filter((r) => m.journal.uncertain.has(key(r)));
    return { todo, already: send.length - todo.length - uncertain.length, uncertain, paper };
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
  const m = ctx.state.mailing;
  if (!ctx.state.roster && !m.run) forgetJournal(m);
  if (CLIENT_ID && canSignIn() && ctx.state.openStep === "mail") loadMailModule(ctx);
  renderResume(ctx);
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
  if (p.uncertain.length) parts.push(`${plural(p.uncertain.length, "incertain", "incertains")} (voir ci-dessous)`);
  if (p.paper.length)
    parts.push(`${plural(p.paper.length, "personne sans adresse", "personnes sans adresse")} : courrier papier`);
  byId("mail-recipients").textContent = `${parts.join(" ; ")}.`;
  renderFileWarnings("mail-file-notes", ctx.state.roster);
  byId("mail-paper").hidden = p.paper.length === 0;
  byId("mail-paper-summary").textContent = `Sans courriel (${formatCount(p.paper.length)}) : à imprimer`;
  replaceChildren(
    byId("mail-paper-list"),
    ...p.paper.map((x) =>
      h("li", {}, `${x.record.values.firstName} ${x.record.values.lastName} (${x.record.values.login}) : ${x.reason}`),
    ),
  );
  // Under a minute, the pace needs no word: the step keeps to Word's pane.
  byId("mail-limits").textContent = mail!.runMinutes(p.todo.length) ? mail!.limitsText(p.todo.length) : "";
  byId("mail-limits").hidden = !mail!.runMinutes(p.todo.length);
  byId("mail-journal-link").setAttribute("download", mail!.journalFileName(ctx.state.fileName));
  const subjectProblem = subjectError(ctx);
  byId("mail-subject-error").textContent = subjectProblem;
  byId("mail-subject-error").hidden = !subjectProblem;
  byId("mail-subject").setAttribute("aria-invalid", String(Boolean(subjectProblem)));

  const busy = Boolean(m.run);
  const send = byId<HTMLButtonElement>("mail-send");
  send.textContent =
    p.todo.length === 0
      ? "Aucun message à envoyer"
      : p.todo.length === 1
        ? "Envoyer le message"
        : `Envoyer les ${plural(p.todo.length, "", "messages")}`;
  send.disabled = busy || p.todo.length === 0 || !ctx.wordAvailable || Boolean(subjectProblem);
  byId<HTMLButtonElement>("mail-sample").disabled =
    busy || ctx.state.selected().length === 0 || !ctx.wordAvailable || Boolean(subjectProblem);
  byId<HTMLInputElement>("mail-journal").disabled = busy;
  byId("mail-run-controls").hidden = !busy;
  byId("mail-counts").hidden = !busy;
  byId("mail-pause").textContent = m.run?.paused ? "Reprendre" : "Pause";
  const progress = byId<HTMLProgressElement>("mail-progress");
  progress.hidden = !busy;
  if (m.run) {
    progress.max = Math.max(m.run.total, 1);
    progress.value = m.run.sent + m.run.uncertain + m.run.failed.length;
    byId("mail-counts").textContent =
      `Acceptés : ${formatCount(m.run.sent)} · À envoyer : ${formatCount(m.run.total - m.run.sent - m.run.uncertain - m.run.failed.length)} · Échecs : ${formatCount(m.run.failed.length)}${m.run.uncertain ? ` · Incertains : ${formatCount(m.run.uncertain)}` : ""}${m.run.paused ? " · en pause" : ""}`;
  }
  byId("mail-uncertain").hidden = busy || p.uncertain.length === 0;
  byId("mail-uncertain-summary").textContent = `Messages incertains (${formatCount(p.uncertain.length)})`;
  replaceChildren(
    byId("mail-uncertain-list"),
    ...p.uncertain.map((r) => h("li", {}, `${r.record.values.firstName} ${r.record.values.lastName} <${r.to}>`)),
  );
  byId<HTMLButtonElement>("mail-resend-uncertain").disabled = busy || !ctx.wordAvailable || Boolean(subjectProblem);
  byId<HTMLInputElement>("mail-sent-items").disabled = busy;
  const failures = m.run?.failed ?? m.lastFailures;
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
export function mailOutline(m: MailSession): string {
  const sent = m.sentCount();
  return sent ? plural(sent, "message envoyé", "messages envoyés") : "";
}

/** The journal this document keeps, read without the mail module: who, and when the last went. */
function storedSummary(): { people: number; last: string | null } {
  const people = new Set<string>();
  let last: string | null = null;
  for (const line of storedJournal()) {
    try {
      const entry = JSON.parse(line) as { login?: unknown; to?: unknown; at?: unknown };
      people.add(`${String(entry.login)}\u0000${String(entry.to).toLowerCase()}`);
      if (typeof entry.at === "string") last = entry.at;
    } catch {
      // a damaged line: the others still say enough
    }
  }
  return { people: people.size, last };
}

/** Before any file is chosen: this document already sent messages, and how to resume. */
function renderResume(ctx: PaneContext): void {
  const note = byId("mail-resume");
  const stored = CLIENT_ID && canSignIn() && !ctx.state.roster ? storedSummary() : { people: 0, last: null };
  note.hidden = stored.people === 0;
  if (!stored.people) return;
  const when = stored.last
    ? `, le dernier le ${new Date(stored.last).toLocaleString("fr-FR", { dateStyle: "short", timeStyle: "short" })}`
    : "";
  note.textContent = `Un envoi par courriel est parti de ce document (${plural(stored.people, "message", "messages")}${when}). Pour le reprendre, choisissez le même fichier exporté : personne ne recevra son message deux fois.`;
}

/** Everything a sending needs: the user signed in, the letter from Word, the subject. */
async function prepare(ctx: PaneContext, current: Run | null): Promise<Mailing | null> {
  const m = ctx.state.mailing;
  const roster = ctx.state.roster;
  if (!mail || !roster) return null;
  ctx.clearError();
  // First, while the click still counts as the user's: a sign-in window opened later
  // (after Word's answers) would be blocked by the browser.
  if (!m.user) {
    byId("mail-status").textContent = "Connexion à Microsoft 365…";
    m.user = await mail.signIn(CLIENT_ID, TENANT_ID);
    byId("mail-status").textContent = "";
  }
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
  return {
    template: bytes,
    source: roster,
    subject,
    attach: byId<HTMLInputElement>("mail-attach").checked,
    saveToSentItems: byId<HTMLInputElement>("mail-sent-items").checked,
    user: m.user,
    onCancel: (abort) => {
      if (!current) return () => undefined;
      const aborts = current.aborts;
      aborts.add(abort);
      return () => aborts.delete(abort);
    },
  };
}

/** The loop's control for a run: its pause, its cancel, and waits that « Annuler » cuts short. */
function control(m: MailSession, current: Run) {
  return {
    whilePaused: () =>
      current.paused ? new Promise<void>((resolve) => (current.resume = resolve)) : Promise.resolve(),
    cancelled: () => current.cancelled,
    now: () => Date.now(),
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        current.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    // What the journal says went earlier counts toward Microsoft 365's day.
    sentEarlier: m.journal.lines.map(sentAtOf).filter((at): at is string => at !== null),
  };
}

async function sendSample(ctx: PaneContext): Promise<void> {
  const m = ctx.state.mailing;
  // The first person who will get a message: the letter the user most wants to see.
  const p = plan(ctx);
  const first = (typeof p !== "string" && (p.todo[0] ?? p.paper[0])?.record) || ctx.state.selected()[0];
  const status = byId("mail-status");
  const button = byId<HTMLButtonElement>("mail-sample");
  if (!first || !mail) return;
  button.disabled = true;
  try {
    const mailing = await prepare(ctx, null);
    if (!mailing) return;
    status.textContent = "Envoi de l'exemple…";
    const result = await mail.sendSample(mailing, first, control(m, newRun(1)));
    const me = mailing.user.address();
    status.textContent = result.ok
      ? `Exemple accepté pour ${me} (le courrier de ${first.values.firstName} ${first.values.lastName}) : vérifiez-le avant d'envoyer à tous.`
      : `L'exemple n'est pas parti (${result.detail}).`;
    if (!result.ok && result.signInAgain) m.user = null;
  } catch (err) {
    status.textContent = "";
    ctx.showError(describeError(err));
  } finally {
    button.disabled = false;
    ctx.refresh();
  }
}

/** « Renvoyer ces messages »: the uncertain ones, after the user says they did not arrive. */
async function resendUncertain(ctx: PaneContext): Promise<void> {
  const m = ctx.state.mailing;
  const p = plan(ctx);
  if (typeof p === "string" || !p.uncertain.length || m.run) return;
  const n = p.uncertain.length;
  if (
    !(await ask(
      `${plural(n, "personne a", "personnes ont")} peut-être déjà reçu son message. Le renvoyer quand même ? Ne le faites qu'après avoir vérifié qu'il n'est pas arrivé.`,
      "Renvoyer",
    ))
  )
    return;
  await runMessages(ctx, p.uncertain);
}

async function sendAll(ctx: PaneContext): Promise<void> {
  const m = ctx.state.mailing;
  const p = plan(ctx);
  if (!mail || typeof p === "string" || p.todo.length === 0 || m.run) return;
  await runMessages(ctx, p.todo);
}

/** A run: each message journaled in the document before the next one goes. */
async function runMessages(ctx: PaneContext, todo: Recipient[]): Promise<void> {
  const m = ctx.state.mailing;
  if (!mail || m.run) return;
  const status = byId("mail-status");
  const current = newRun(todo.length);
  m.run = current;
  m.lastFailures = [];
  m.storeWarning = "";
  ctx.refresh();
  try {
    const mailing = await prepare(ctx, current);
    if (!mailing) return;
    status.textContent = "Envoi en cours…";
    const end = await mail.sendRun(mailing, todo, control(m, current), {
      sent: async (r, entry) => {
        addLine(m, mail!.journalLine(entry));
        if (entry.uncertain) current.uncertain++;
        else current.sent++;
        // Each message renders step 5 alone: the other steps do not change mid-run.
        ctx.refresh("mail");
        await keepJournal(m);
      },
      failed: (r, st, detail) => {
        current.failed.push(`${r.record.values.firstName} ${r.record.values.lastName} <${r.to}> : ${detail}`);
        ctx.refresh("mail");
      },
    });
    status.textContent = endText(m, end, current);
  } catch (err) {
    status.textContent = "";
    ctx.showError(describeError(err));
  } finally {
    m.lastFailures = current.failed;
    m.run = null;
    offerJournal(m);
    ctx.refresh();
  }
}

/** What the status line says once a run ends. */
function endText(m: MailSession, end: Awaited<ReturnType<MailModule["sendRun"]>>, current: Run): string {
  const left = end.left.length;
  const done = `${plural(current.sent, "message accepté", "messages acceptés")} par Microsoft 365`;
  const uncertain = current.uncertain
    ? ` ${plural(current.uncertain, "message incertain", "messages incertains")} : Microsoft 365 ne l'a pas confirmé (voir la liste).`
    : "";
  const refused = current.failed.length
    ? ` ${plural(current.failed.length, "adresse refusée", "adresses refusées")} (voir la liste) : imprimez leur courrier.`
    : "";
  // Accepted is not delivered: a wrong address comes back later, as a message.
  const bounces = current.sent
    ? " Un message accepté peut encore revenir « non remis » dans votre boîte de réception (adresse erronée, boîte pleine) : remettez alors le courrier papier."
    : "";
  const kept = m.storeWarning
    ? ` ${m.storeWarning}`
    : " Le journal d'envoi est gardé dans ce document : personne ne recevra son message deux fois.";
  const tail = `${uncertain}${refused}${bounces}${kept}`;
  switch (end.end) {
    case "done":
      return `${done}.${tail}`;
    case "cancelled":
      return `Envoi annulé : ${done}, ${plural(left, "non envoyé", "non envoyés")}.${tail}`;
    case "daily-limit":
      return `Limite de Microsoft 365 atteinte pour aujourd'hui : ${done}, ${plural(left, "reste", "restent")} à envoyer demain.${tail}`;
    case "refused-all":
      return `Aucun message envoyé. ${end.detail}`;
    case "stopped":
      m.user = null;
      return `Microsoft 365 a refusé l'envoi (${end.detail}) : ${done}. Cliquez de nouveau sur « Envoyer » pour vous reconnecter et continuer ; les messages déjà partis ne repartiront pas.${tail}`;
    case "unreachable":
      return `Microsoft 365 ne répond plus (${end.detail}) : ${done}. Réessayez plus tard ; les messages déjà partis ne repartiront pas.${tail}`;
  }
}

function offerJournal(m: MailSession): void {
  if (m.journalUrl) URL.revokeObjectURL(m.journalUrl);
  m.journalUrl = null;
  const link = byId<HTMLAnchorElement>("mail-journal-link");
  byId("mail-journal-download").hidden = m.journal.lines.length === 0;
  if (m.journal.lines.length === 0) return;
  m.journalUrl = URL.createObjectURL(new Blob(m.journal.lines, { type: "application/x-ndjson" }));
  link.href = m.journalUrl;
}

/** "Effacer les données": the journal and its download go with the data. */
function forgetJournal(m: MailSession): void {
  if (m.forgetJournal()) offerJournal(m);
}

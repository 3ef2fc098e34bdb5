// The e-mail step's heavy half, loaded only when the step opens (webpack chunk "mail"): the
// message engine, MSAL and Microsoft 365's channel of the sending loop. The first load of the
// pane stays small, and a pane built without a client id never loads it.
import {
  graphChannel,
  HttpPost,
  LetterMessage,
  letterMessage,
  LoopControl,
  LoopEnd,
  LoopEvents,
  Recipient,
  sendAll,
} from "../core/mail";
import { MergeSource } from "../core/merge";
import { RosterRecord } from "../core/roster";
import { loadSignIn, SignedIn } from "../word";

export {
  DEFAULT_SUBJECT,
  journalEntries,
  journalFileName,
  journalKey,
  journalLine,
  limitsText,
  runMinutes,
  recipients,
  subjectFor,
  MailError,
} from "../core/mail";

export async function signIn(clientId: string, tenantId: string): Promise<SignedIn> {
  return (await loadSignIn()).signIn(clientId, tenantId);
}

/** What every message of a run shares. */
export interface Mailing {
  template: Uint8Array;
  source: MergeSource;
  subject: (record: RosterRecord) => string;
  attach: boolean;
  /** A copy in the user's Sent Items (off unless the user ticks it: each holds a password). */
  saveToSentItems: boolean;
  user: SignedIn;
  /** Registers what « Annuler » does to the request in flight; returns the unregistration. */
  onCancel(abort: () => void): () => void;
}

/**
 * fetch with an end: aborted when unanswered after `timeoutMs`, or at once on « Annuler ».
 * Offline, nothing is sent: the loop may retry without fear of a second message.
 */
function post(mailing: Mailing): HttpPost {
  return async (url, { timeoutMs, ...init }) => {
    if (navigator.onLine === false)
      throw Object.assign(new Error("cet ordinateur n’est pas connecté à Internet"), { notSent: true });
    const abort = new AbortController();
    let why = "";
    const timer = setTimeout(() => {
      why = `aucune réponse en ${Math.round(timeoutMs / 1000)} s`;
      abort.abort();
    }, timeoutMs);
    const forget = mailing.onCancel(() => {
      why = "envoi annulé pendant la requête";
      abort.abort();
    });
    try {
      return await fetch(url, { ...init, signal: abort.signal });
    } catch (err) {
      throw why ? new Error(why) : err;
    } finally {
      clearTimeout(timer);
      forget();
    }
  };
}

function messageFor(mailing: Mailing, recipient: Recipient): LetterMessage {
  return letterMessage(mailing.template, recipient, mailing.source, {
    subject: mailing.subject,
    attach: mailing.attach,
  });
}

function channel(mailing: Mailing) {
  return graphChannel(
    { post: post(mailing), token: (renew) => mailing.user.token(renew) },
    { saveToSentItems: mailing.saveToSentItems },
  );
}

/**
 * One person's message to the signed-in user, its subject marked as an example; nothing
 * journaled. Through the same loop, so it is paced and retried as the run would be.
 */
export async function sendSample(
  mailing: Mailing,
  record: RosterRecord,
  control: LoopControl,
): Promise<{ ok: true } | { ok: false; detail: string; signInAgain: boolean }> {
  let detail = "";
  let ok = false;
  const end = await sendAll(
    [{ record, to: mailing.user.address() }],
    (r) => messageFor({ ...mailing, subject: (x) => `[Exemple] ${mailing.subject(x)}` }, r),
    channel(mailing),
    control,
    {
      sent: (r, entry, why) => {
        ok = !entry.uncertain;
        detail = why;
      },
      failed: (r, status, why) => (detail = why),
    },
  );
  if (ok) return { ok: true };
  return {
    ok: false,
    detail: detail || ("detail" in end ? end.detail : "envoi annulé"),
    signInAgain: end.end === "stopped" && end.reason === "auth",
  };
}

export function sendRun(
  mailing: Mailing,
  todo: readonly Recipient[],
  control: LoopControl,
  events: LoopEvents,
): Promise<LoopEnd> {
  return sendAll(todo, (r) => messageFor(mailing, r), channel(mailing), control, events);
}

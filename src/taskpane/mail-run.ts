// The e-mail step's heavy half, loaded only when the step opens (webpack chunk "mail"): the
// message engine, MSAL and the Graph sender. The first load of the pane stays small, and a
// pane built without a client id never loads it.
import {
  GraphClient,
  GraphResult,
  LetterMessage,
  letterMessage,
  Recipient,
  RunControl,
  RunEnd,
  RunEvents,
  sendAllWithGraph,
  sendWithGraph,
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
  recipients,
  subjectFor,
  MailError,
} from "../core/mail";

export async function signIn(clientId: string): Promise<SignedIn> {
  return (await loadSignIn()).signIn(clientId);
}

/** What every message of a run shares. */
export interface Mailing {
  template: Uint8Array;
  source: MergeSource;
  subject: (record: RosterRecord) => string;
  attach: boolean;
  user: SignedIn;
  /** A wait the user's "Annuler" cuts short. */
  sleep(ms: number): Promise<void>;
}

function client(mailing: Mailing): GraphClient {
  return {
    post: (url, init) => fetch(url, init),
    token: (renew) => mailing.user.token(renew),
    sleep: (ms) => mailing.sleep(ms),
  };
}

function messageFor(mailing: Mailing, recipient: Recipient): LetterMessage {
  return letterMessage(mailing.template, recipient, mailing.source, {
    subject: mailing.subject,
    attach: mailing.attach,
  });
}

/** One person's message to the signed-in user, its subject marked as an example; nothing journaled. */
export function sendSample(mailing: Mailing, record: RosterRecord): Promise<GraphResult> {
  const message = messageFor(
    { ...mailing, subject: (r) => `[Exemple] ${mailing.subject(r)}` },
    {
      record,
      to: mailing.user.address(),
    },
  );
  return sendWithGraph(message, client(mailing));
}

export function sendRun(
  mailing: Mailing,
  todo: readonly Recipient[],
  control: RunControl,
  events: RunEvents,
): Promise<RunEnd> {
  return sendAllWithGraph(todo, (r) => messageFor(mailing, r), client(mailing), control, events);
}

// The pane's sending run through Microsoft Graph: one message after the other, paced to
// Exchange Online's 30 a minute and stopped at its 10,000 a day, each accepted message
// reported at once so that the caller journals it before the next goes (never twice). Pause
// and cancel are the caller's, checked between two messages.
import { PER_DAY, waitBeforeNext } from "./exchange";
import { GraphClient, graphMessage, sendWithGraph } from "./graph";
import { JournalEntry } from "./journal";
import { LetterMessage, Recipient } from "./messages";

export interface RunControl {
  /** Resolves when the user is not pausing (at once if not paused). */
  whilePaused(): Promise<void>;
  cancelled(): boolean;
  now(): number;
  /** When the messages of earlier runs went (ISO 8601, from the journal): they count toward the day's limit. */
  sentEarlier?: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RunEvents {
  /** Graph accepted the message: journal it now. */
  sent(recipient: Recipient, entry: JournalEntry): void;
  /** Graph refused this recipient (the run goes on). */
  failed(recipient: Recipient, detail: string): void;
}

/** How a run ended: every message tried, or why it stopped early (the journal holds what went). */
export type RunEnd =
  | { end: "done" }
  | { end: "cancelled" }
  | { end: "daily-limit" }
  | { end: "auth" | "unreachable" | "too-big"; detail: string };

/** Graph refuses a request above 4 MB: every message of the run would be refused. */
const GRAPH_REQUEST_LIMIT = 4 * 1024 * 1024;

export async function sendAllWithGraph(
  todo: readonly Recipient[],
  message: (recipient: Recipient) => LetterMessage,
  client: GraphClient,
  control: RunControl,
  events: RunEvents,
): Promise<RunEnd> {
  const sentAt: number[] = [];
  // Exchange Online counts a rolling 24 hours, whatever run sent them.
  const start = control.now();
  const earlierToday = (control.sentEarlier ?? []).filter((at) => start - Date.parse(at) < DAY_MS).length;
  // The messages differ only by their values: the first one's size says whether any can go.
  if (todo.length) {
    const size = JSON.stringify(graphMessage(message(todo[0]))).length;
    if (size > GRAPH_REQUEST_LIMIT)
      return {
        end: "too-big",
        detail: `Avec le courrier en pièce jointe, chaque message ferait ${(size / 1024 / 1024).toFixed(1).replace(".", ",")} Mo, plus que les 4 Mo qu’accepte Microsoft 365 : décochez « Joindre aussi le courrier (.docx) », ou allégez le modèle (ses images).`,
      };
  }
  for (const [i, recipient] of todo.entries()) {
    await control.whilePaused();
    if (control.cancelled()) return { end: "cancelled" };
    if (earlierToday + i >= PER_DAY) return { end: "daily-limit" };
    const wait = waitBeforeNext(sentAt, control.now());
    if (wait > 0) await client.sleep(wait);
    if (control.cancelled()) return { end: "cancelled" };
    const result = await sendWithGraph(message(recipient), client);
    if (result.ok) {
      const at = control.now();
      sentAt.push(at);
      events.sent(recipient, {
        login: recipient.record.values.login,
        to: recipient.to,
        messageId: "",
        at: new Date(at).toISOString(),
      });
    } else if (result.kind === "refused") events.failed(recipient, result.detail);
    else return { end: result.kind === "auth" ? "auth" : "unreachable", detail: result.detail };
  }
  return { end: "done" };
}

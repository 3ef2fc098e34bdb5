// The one sending loop, for every way a message can leave: the command line's SMTP server and
// the pane's Microsoft 365 (Graph) are channels that try one message and say what happened;
// this loop does the rest — pacing, waits and retries, the recipients to come back to, the
// daily limit, pause and cancel — and reports each message the moment it may have gone, so
// that the caller journals it before the next one (nobody ever gets two messages unasked).
import { JournalEntry } from "./journal";
import { LetterMessage, Recipient } from "./messages";

/** What one try of one message gave. */
export type Attempt =
  | { ok: true; id: string }
  /** Nothing was delivered and the channel may work again soon: wait (`waitMs` if the server said) and retry. */
  | { ok: false; kind: "retry"; detail: string; waitMs?: number }
  /** This recipient only, for now (a full mailbox): the others go first, then one more try. */
  | { ok: false; kind: "later"; detail: string }
  /** The message may have been delivered (the answer was lost): journalled as such, never resent unasked. */
  | { ok: false; kind: "uncertain"; detail: string }
  /** This recipient, for good (a bad address). */
  | { ok: false; kind: "refused"; detail: string }
  /** The run cannot go on (a refused sign-in, a certificate): `reason` is the channel's own word. */
  | { ok: false; kind: "stop"; reason: string; detail: string; error?: unknown };

/** A way to send: one file per way (SMTP, Microsoft Graph…). */
export interface Channel {
  /** Who sends, for the messages ("Microsoft 365", "le serveur smtp.example.fr"). */
  readonly name: string;
  /** Messages in any 60 seconds. */
  readonly perMinute: number;
  /** Recipients a rolling 24 hours accepts (Exchange Online: 10,000), if limited. */
  readonly perDay?: number;
  /** Before the first message: why none of them can go (e.g. too big), or null. */
  refuse?(first: LetterMessage): string | null;
  send(message: LetterMessage): Promise<Attempt>;
}

export interface LoopControl {
  /** Resolves when the user is not pausing (at once if not paused). */
  whilePaused(): Promise<void>;
  cancelled(): boolean;
  now(): number;
  /** A wait; the caller may cut it short when the user cancels. */
  sleep(ms: number): Promise<void>;
  /** When the messages of earlier runs went (ISO 8601, from the journal): they count toward the day's limit. */
  sentEarlier?: readonly string[];
}

export interface LoopEvents {
  /**
   * The message went (or may have: `entry.uncertain`, and `detail` says why unsure): journal
   * it now; the next message waits until it is kept.
   */
  sent(recipient: Recipient, entry: JournalEntry, detail: string): void | Promise<void>;
  /** This recipient gets no message from this run: "refusé" for good, "non envoyé" to try again later. */
  failed(recipient: Recipient, status: "refusé" | "non envoyé", detail: string): void;
}

/**
 * How a run ended, and who got no message from it (the caller lists them as not sent):
 * `stoppedAt`, when set, is the recipient whose try ended the run (first in `left`).
 */
export type LoopEnd = { left: Recipient[]; stoppedAt?: Recipient } & Ending;

type Ending =
  | { end: "done" }
  | { end: "cancelled" }
  | { end: "daily-limit" }
  | { end: "refused-all"; detail: string }
  | { end: "unreachable"; detail: string }
  | { end: "stopped"; reason: string; detail: string; error?: unknown };

/** Waits before each retry of a temporary failure (421, 451, 503, a lost connection). */
export const RETRY_DELAYS_MS = [5_000, 15_000, 60_000, 180_000];
/** The longest wait a server's Retry-After gets (5 min): beyond, the run stops and says how long. */
export const WAIT_CAP_MS = 5 * 60_000;
/** Before the last try of the recipients a server asked to try later. */
export const LATER_WAIT_MS = 15_000;
/** Uncertain outcomes in a row that mean the channel is gone, not one message's bad luck. */
const UNCERTAIN_IN_A_ROW = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/** "60 min", "2 h". */
function minutesText(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

export async function sendAll(
  todo: readonly Recipient[],
  message: (recipient: Recipient) => LetterMessage,
  channel: Channel,
  control: LoopControl,
  events: LoopEvents,
): Promise<LoopEnd> {
  const start = control.now();
  // The channel's day counts every run (the journal's times), not this one only.
  let today = (control.sentEarlier ?? []).filter((at) => start - Date.parse(at) < DAY_MS).length;
  const refusal = todo.length && channel.refuse ? channel.refuse(message(todo[0])) : null;
  if (refusal) return { end: "refused-all", detail: refusal, left: [...todo] };

  // When the messages went: no 60-second window may hold more than the channel's perMinute.
  const sentAt: number[] = [];
  let uncertainInARow = 0;
  const later: Recipient[] = [];

  type End = Ending & { went?: boolean };
  /** One recipient, retried while the channel asks to: what ends the run (`went`: this one was journalled), or null to go on. */
  const attempt = async (recipient: Recipient, lastTry: boolean): Promise<End | null> => {
    for (let retry = 0; ; retry++) {
      const wait =
        sentAt.length < channel.perMinute ? 0 : sentAt[sentAt.length - channel.perMinute] + 60_000 - control.now();
      if (wait > 0) await control.sleep(wait);
      // A cancel during that wait: this one never goes.
      if (control.cancelled()) return { end: "cancelled" };
      sentAt.push(control.now());
      const result = await channel.send(message(recipient));
      if (result.ok || result.kind === "uncertain") {
        today++;
        uncertainInARow = result.ok ? 0 : uncertainInARow + 1;
        await events.sent(
          recipient,
          {
            login: recipient.record.values.login,
            to: recipient.to,
            messageId: result.ok ? result.id : "",
            at: new Date(control.now()).toISOString(),
            ...(result.ok ? {} : { uncertain: true }),
          },
          result.ok ? "" : result.detail,
        );
        if (uncertainInARow >= UNCERTAIN_IN_A_ROW)
          return {
            end: "unreachable",
            went: true,
            detail: `${UNCERTAIN_IN_A_ROW} messages de suite sans réponse de ${channel.name}${result.ok ? "" : ` (${result.detail})`}`,
          };
        return null;
      }
      uncertainInARow = 0;
      switch (result.kind) {
        case "stop":
          return { end: "stopped", reason: result.reason, detail: result.detail, error: result.error };
        case "refused":
          events.failed(recipient, "refusé", result.detail);
          return null;
        case "later":
          if (!lastTry) later.push(recipient);
          else
            events.failed(recipient, "non envoyé", `${result.detail} (réessayé en fin d’envoi : réessayez plus tard)`);
          return null;
        case "retry": {
          if (result.waitMs !== undefined && result.waitMs > WAIT_CAP_MS)
            return {
              end: "unreachable",
              detail: `${channel.name} demande d’attendre ${minutesText(result.waitMs)} avant le prochain message : reprenez l’envoi plus tard`,
            };
          if (retry >= RETRY_DELAYS_MS.length) return { end: "unreachable", detail: result.detail };
          await control.sleep(result.waitMs && result.waitMs > 0 ? result.waitMs : RETRY_DELAYS_MS[retry]);
          if (control.cancelled()) return { end: "cancelled" };
        }
      }
    }
  };

  const passes: Array<{ list: readonly Recipient[]; lastTry: boolean }> = [{ list: todo, lastTry: false }];
  for (let p = 0; p < passes.length; p++) {
    const { list, lastTry } = passes[p];
    for (const [i, recipient] of list.entries()) {
      await control.whilePaused();
      // Who this run will not try: the rest of this pass, and those waiting for the last one.
      const left = () => [...list.slice(i), ...(lastTry ? [] : later)];
      if (control.cancelled()) return { end: "cancelled", left: left() };
      if (channel.perDay !== undefined && today >= channel.perDay) return { end: "daily-limit", left: left() };
      const ended = await attempt(recipient, lastTry);
      if (ended) {
        const { went, ...end } = ended;
        const rest = [...list.slice(i + 1), ...(lastTry ? [] : later)];
        if (went) return { ...end, left: rest };
        return { ...end, left: [recipient, ...rest], stoppedAt: recipient };
      }
    }
    if (!lastTry && later.length) {
      await control.sleep(LATER_WAIT_MS);
      passes.push({ list: later.splice(0), lastTry: true });
    }
  }
  return { end: "done", left: [] };
}

// Step 5's state, kept with the rest of the pane's in PaneState: who is signed in, the run
// in progress and its counts, the last run's failures, and the journal of what went (this
// document's, and any journal file loaded). No DOM and no Word calls here.
import type { SignedIn } from "../word";

export interface Run {
  total: number;
  sent: number;
  uncertain: number;
  failed: string[];
  paused: boolean;
  cancelled: boolean;
  /** Ends the pause, or the wait in progress, at once. */
  resume: (() => void) | null;
  wake: (() => void) | null;
  /** Abort the request in flight (« Annuler »). */
  aborts: Set<() => void>;
}

export function newRun(total: number): Run {
  return {
    total,
    sent: 0,
    uncertain: 0,
    failed: [],
    paused: false,
    cancelled: false,
    resume: null,
    wake: null,
    aborts: new Set(),
  };
}

export class MailSession {
  /** Signed in at the first click; forgotten when Microsoft 365 asks to sign in again. */
  user: SignedIn | null = null;
  run: Run | null = null;
  /** The last run's failures, listed after it ended. */
  lastFailures: string[] = [];
  /**
   * What went, from this document's journal (and any journal file loaded): never sent again.
   * `uncertain`: the keys whose last line says the message may have gone (sent again only
   * when the user asks). `read`: this document's journal was read.
   */
  readonly journal = { lines: [] as string[], keys: new Set<string>(), uncertain: new Set<string>(), read: false };
  /** The journal offered for download (an object URL), if any. */
  journalUrl: string | null = null;
  /** Said once when Word could not keep the journal in the document. */
  storeWarning = "";

  /** Messages the journal says went (uncertain ones aside). */
  sentCount(): number {
    return this.journal.keys.size - this.journal.uncertain.size;
  }

  /**
   * "Effacer les données": the journal names people, so it goes too. The document keeps its
   * own, read again with the next file. False when there was nothing to forget.
   */
  forgetJournal(): boolean {
    const { journal } = this;
    if (!journal.read && journal.lines.length === 0) return false;
    journal.lines = [];
    journal.keys.clear();
    journal.uncertain.clear();
    journal.read = false;
    this.lastFailures = [];
    return true;
  }
}

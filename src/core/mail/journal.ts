// The sending journal: one JSON line per message the server accepted (login, address,
// message id, time) — never a password nor a body. Sending again skips who it lists, so an
// interrupted run resumes without sending anyone a second message.
import { MailError } from "./errors";

export interface JournalEntry {
  login: string;
  to: string;
  messageId: string;
  /** ISO 8601. */
  at: string;
  /** The body went whole but the server's answer was lost: perhaps delivered, never resent unasked. */
  uncertain?: boolean;
}

/**
 * Who a message is for: the same login, exactly (j.dupont and jdupont are two people), at
 * the same address (addresses compare without case).
 */
export function journalKey(login: string, to: string): string {
  return `${login.trim()}\u0000${to.trim().toLowerCase()}`;
}

export function journalLine(entry: JournalEntry): string {
  const line = { login: entry.login, to: entry.to, messageId: entry.messageId, at: entry.at };
  return `${JSON.stringify(entry.uncertain ? { ...line, uncertain: true } : line)}\n`;
}

/** An export's name without its extension ("parents.csv" → "parents"); "export" when nothing is left (".csv"). */
export function exportStem(exportFileName: string): string {
  return exportFileName.replace(/\.[^.]+$/, "") || "export";
}

/** The journal's name beside an export ("parents.csv" → "envoi-parents.jsonl"), in the pane and the CLI alike. */
export function journalFileName(exportFileName: string): string {
  return `envoi-${exportStem(exportFileName)}.jsonl`;
}

/**
 * The messages a journal lists as sent: each one's key and its line as written. A last line
 * cut short (the program was stopped while writing it) is ignored; any other unreadable line
 * is refused, naming it.
 */
export function journalEntries(
  journal: string,
  fileName: string,
): Array<{ key: string; line: string; uncertain: boolean }> {
  const entries: Array<{ key: string; line: string; uncertain: boolean }> = [];
  const lines = journal.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let entry: Partial<JournalEntry> | null = null;
    try {
      entry = JSON.parse(line) as Partial<JournalEntry>;
    } catch {
      const isLast = lines.slice(i + 1).every((l) => l.trim() === "");
      if (isLast) return;
    }
    if (!entry || typeof entry.login !== "string" || typeof entry.to !== "string")
      throw new MailError(
        "bad-journal",
        `Le journal d'envoi « ${fileName} » est illisible à la ligne ${i + 1}. Ne le modifiez pas à la main ; s'il n'appartient pas à cet envoi, choisissez le journal de cet envoi.`,
      );
    entries.push({ key: journalKey(entry.login, entry.to), line: line.trim(), uncertain: entry.uncertain === true });
  });
  return entries;
}

/**
 * The keys of the messages a journal lists as sent (see journalEntries); the uncertain ones
 * too, unless the user asked to send those again.
 */
export function sentKeys(journal: string, fileName: string, { resendUncertain = false } = {}): Set<string> {
  return new Set(
    journalEntries(journal, fileName)
      .filter((e) => !(resendUncertain && e.uncertain))
      .map((e) => e.key),
  );
}

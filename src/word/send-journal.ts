// The pane's sending journal, kept in the document the letters come from: one line per
// message that went (login, address, time, "incertain"), never a password nor a body. Saved
// after each message, before the next one goes, so that a pane closed or reloaded mid-run
// (a run of 1,141 parents takes 38 minutes) resumes without sending anyone twice. It lives
// in the add-in's document settings, the common API every Word has, saved inside the
// document with it.
import { describeOfficeError } from "./errors";

const SETTING = "courriersEnt.envois";

interface StoredJournal {
  lines: string[];
}

/** The journal lines this document keeps (none when it has none or Word cannot say). */
export function storedJournal(): string[] {
  try {
    const value = Office.context.document.settings.get(SETTING) as StoredJournal | null;
    return value && Array.isArray(value.lines) ? value.lines.filter((l) => typeof l === "string") : [];
  } catch {
    return [];
  }
}

function save(): Promise<void> {
  return new Promise((resolve, reject) =>
    Office.context.document.settings.saveAsync((res) =>
      res.status === Office.AsyncResultStatus.Failed ? reject(res.error) : resolve(),
    ),
  );
}

/**
 * Keeps the whole journal in the document. Resolves to null once saved, or to what Word
 * said when it could not: the run goes on (the message went) and the pane says so.
 */
export async function storeJournal(lines: readonly string[]): Promise<string | null> {
  try {
    if (lines.length) Office.context.document.settings.set(SETTING, { lines: [...lines] } satisfies StoredJournal);
    else Office.context.document.settings.remove(SETTING);
    await save();
    return null;
  } catch (err) {
    return describeOfficeError(err);
  }
}

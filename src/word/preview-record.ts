// The preview's own record in the document: which controls it wrote a person's value into,
// by Word's control id, never a value. It is saved before the first value is written and
// removed once the names are back, so that a pane opened later undoes only what a preview
// left, never the values of merged letters with kept fields (they look alike).
// Office.context.document.settings is the common API every Word has; it is saved inside
// the document (its add-in part), so it follows the document wherever it goes.
import { describeOfficeError, WordError } from "./errors";

const SETTING = "courriersEnt.apercu";

interface PreviewRecord {
  ids: number[];
}

function saveSettings(): Promise<void> {
  return new Promise((resolve, reject) =>
    Office.context.document.settings.saveAsync((res) =>
      res.status === Office.AsyncResultStatus.Failed ? reject(res.error) : resolve(),
    ),
  );
}

/** The ids of the controls an unfinished preview wrote into, or null when none is recorded. */
export function recordedPreview(): number[] | null {
  try {
    const value = Office.context.document.settings.get(SETTING) as PreviewRecord | null;
    return value && Array.isArray(value.ids) ? value.ids.filter((id) => Number.isInteger(id)) : null;
  } catch {
    return null;
  }
}

/** Records, before any value is written, the controls the preview will write into. */
export async function recordPreview(ids: number[]): Promise<void> {
  const known = recordedPreview() ?? [];
  const all = [...new Set([...known, ...ids])];
  try {
    Office.context.document.settings.set(SETTING, { ids: all } satisfies PreviewRecord);
    await saveSettings();
  } catch (err) {
    throw new WordError(
      "preview-unrecorded",
      `Word n'a pas pu noter l'aperçu dans le document (${describeOfficeError(err)}) : l'aperçu n'a rien écrit. Enregistrez le document, puis réessayez.`,
      { cause: err },
    );
  }
}

/**
 * Forgets the record once the names are back. A failure here loses nothing: the names are
 * back, and a later start-up finds no value to put back in the recorded controls.
 */
export async function forgetPreview(): Promise<void> {
  try {
    Office.context.document.settings.remove(SETTING);
    await saveSettings();
  } catch {
    // See above: nothing to undo is left in the document.
  }
}

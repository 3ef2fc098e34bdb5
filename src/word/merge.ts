// "Créer les courriers": read the letter from Word, merge it with the selected people in
// JavaScript, and hand Word one finished document. Word round trips do not grow with
// the number of letters.
import { flatOpcToDocx, mergeLetters, MergeResult, MergeSource } from "../core/merge";
import { RosterRecord } from "../core/roster";
import { openAsNewDocument, readTemplate } from "./document";
import { WordError } from "./errors";

export type MergePhase = "lecture" | "fusion" | "ouverture";

export interface LettersOutcome extends MergeResult {
  /** False where Word could not open the new document: offer the .docx as a download. */
  opened: boolean;
  openError?: string;
}

export async function createLetters(
  records: readonly RosterRecord[],
  source: MergeSource,
  options: { keepFields?: boolean; onPhase?: (phase: MergePhase) => void } = {},
): Promise<LettersOutcome> {
  options.onPhase?.("lecture");
  const template = await readTemplate();
  const bytes = template.kind === "docx" ? template.bytes : flatOpcToDocx(template.xml);
  options.onPhase?.("fusion");
  const result = mergeLetters(bytes, records, source, { keepFields: options.keepFields });
  options.onPhase?.("ouverture");
  try {
    await openAsNewDocument(result.docx);
    return { ...result, opened: true };
  } catch (err) {
    if (err instanceof WordError) return { ...result, opened: false, openError: err.message };
    throw err;
  }
}

// "Créer les courriers": read the letter from Word, merge it with the selected people in
// JavaScript, and hand Word one finished document. Word round trips do not grow with
// the number of letters.
import {
  BundleOptions,
  flatOpcToDocx,
  MergeError,
  MergeResult,
  MergeSource,
  mergeSteps,
  schoolName,
} from "../core/merge";
import { RosterRecord } from "../core/roster";
import { openAsNewDocument, readTemplate } from "./document";
import { WordError } from "./errors";

/** A flag the pane sets to stop the merge (an AbortSignal fits; Internet Explorer 11 has none). */
export interface Cancellation {
  readonly aborted: boolean;
}

export type MergePhase = "lecture" | "fusion" | "ouverture";

export interface LettersOutcome extends MergeResult {
  /** False where Word could not open the new document: offer the .docx as a download. */
  opened: boolean;
  /**
   * True only where open() is known to show the new document (Word for Windows and Mac).
   * On the web it may show nothing, or reuse the tab, without failing (office-js #5507,
   * #3096, #4771; WOPI hosts #1340): the pane then offers the download as well.
   */
  confirmed: boolean;
  openError?: string;
  /** Header and footer texts the letters lack (the template was read without them). */
  lostParts: string[];
}

/** Runs the merge a step at a time, giving the page a turn between steps to show progress or cancel. */
async function runSteps(
  steps: Generator<number, MergeResult, void>,
  total: number,
  options: { onProgress?: (done: number, total: number) => void; signal?: Cancellation },
): Promise<MergeResult> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    options.onProgress?.(step.value, total);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options.signal?.aborted)
      throw new MergeError(
        "cancelled",
        `Création des courriers annulée après ${step.value} sur ${total} : aucun document n'a été créé.`,
      );
  }
}

export function openIsConfirmed(platform: string): boolean {
  return platform === "PC" || platform === "Mac";
}

/** The letter in Word as a .docx, and the parts Word could not give (headers, footers) where it only gave the body. */
export async function readTemplateFile(): Promise<{ bytes: Uint8Array; lostParts: string[] }> {
  const template = await readTemplate();
  return template.kind === "docx"
    ? { bytes: template.bytes, lostParts: [] }
    : { bytes: flatOpcToDocx(template.xml), lostParts: template.lostParts };
}

export async function createLetters(
  records: readonly RosterRecord[],
  source: MergeSource,
  options: {
    keepFields?: boolean;
    platform?: string;
    onPhase?: (phase: MergePhase) => void;
    /** Letters written so far, while the merge runs. */
    onProgress?: (done: number, total: number) => void;
    /** Cancelling stops the merge between two steps (MergeError "cancelled"). */
    signal?: Cancellation;
    /** Per-class bundles (cover, letters, receipt sheet), or receipts only. */
    bundles?: BundleOptions;
    /** The address the QR codes open ({ent}, {login}, {password}); default: the letter's ENT. */
    qrUrl?: string;
  } = {},
): Promise<LettersOutcome> {
  options.onPhase?.("lecture");
  const { bytes, lostParts } = await readTemplateFile();
  options.onPhase?.("fusion");
  const result = await runSteps(
    mergeSteps(bytes, records, source, {
      keepFields: options.keepFields,
      qrUrl: options.qrUrl,
      bundles: options.bundles && { ...options.bundles, school: schoolName(bytes, records) },
    }),
    records.length,
    options,
  );
  options.onPhase?.("ouverture");
  const confirmed = openIsConfirmed(options.platform ?? "");
  try {
    await openAsNewDocument(result.docx);
    return { ...result, opened: true, confirmed, lostParts };
  } catch (err) {
    if (err instanceof WordError)
      return { ...result, opened: false, confirmed: false, openError: err.message, lostParts };
    throw err;
  }
}

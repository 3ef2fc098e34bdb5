// The preview: one person's values shown in the document's own fields, then the field
// names put back. The password is masked in the document unless the user asks otherwise:
// with AutoSave (OneDrive, SharePoint), whatever the document shows may be saved into the
// template and its version history.
import { editTag, fieldIdOfTag, labelOf, parseTag, placeholderOf, QR_TAG } from "../core/catalog";
import { withDocumentControls } from "./controls";
import { describeOfficeError, WordError } from "./errors";
import { forgetPreview, recordedPreview, recordPreview } from "./preview-record";
import { TRACKED } from "./tracking";

/** What the document shows for a password during the preview: one dot per character. */
export function maskedPassword(value: string): string {
  return "•".repeat([...value].length);
}

export interface PreviewOptions {
  /** Write the real password into the document (the user was warned about AutoSave). */
  showPassword?: boolean;
  /** The person's QR code (PNG, base64) for the letter's ENT address text, or null when none can be made. */
  qrImage?: (entAddressText: string | undefined) => string | null;
}

/** What an ent:qr control shows outside the preview. */
export const QR_PLACEHOLDER = "«Code QR»";

/** What a merge field or QR control shows outside the preview; null for other controls. */
function placeholderOfTag(tag: string): string | null {
  const ref = parseTag(tag);
  return ref ? placeholderOf(ref) : tag === QR_TAG ? QR_PLACEHOLDER : null;
}

/**
 * Fills every merge field with its value for one person; returns how many were filled. The
 * preview is recorded in the document first: a refusal there writes nothing.
 */
export async function fillPreview(
  valueOf: (tag: string) => string | null,
  options: PreviewOptions = {},
): Promise<number> {
  return withDocumentControls({
    read: ["id", "tag", "text"],
    writes: { consequence: TRACKED.preview, retry: "relancez l'aperçu" },
    change: async (controls) => {
      const fields = controls.filter((c) => placeholderOfTag(c.tag) !== null);
      await recordPreview(fields.map((c) => c.id));
      const entText = controls.find((c) => c.tag === editTag("adresse-ent"))?.text;
      for (const c of fields) {
        if (c.tag === QR_TAG) {
          const image = options.qrImage?.(entText) ?? null;
          if (image) c.insertInlinePictureFromBase64(image, "Replace");
          else c.insertText("«Code QR : complétez l'adresse de l'ENT»", "Replace");
          continue;
        }
        const value = valueOf(c.tag);
        const shown =
          value === null
            ? `«${labelOf(parseTag(c.tag)!)} : absent du fichier»`
            : fieldIdOfTag(c.tag) === "password" && !options.showPassword
              ? maskedPassword(value)
              : value;
        c.insertText(shown, "Replace");
      }
      return { result: fields.length, changed: true };
    },
  });
}

/** Puts «Label» back in each merge field and QR control of `controls`; returns how many. */
function putNamesBack(controls: Word.ContentControl[]): number {
  let restored = 0;
  for (const c of controls) {
    const placeholder = placeholderOfTag(c.tag);
    if (placeholder === null) continue;
    c.insertText(placeholder, "Replace");
    restored++;
  }
  return restored;
}

/**
 * Puts «Label» back in every merge field (the pane's own preview filled them all); a
 * WordError says so when Word cannot.
 */
export async function restorePreview(): Promise<void> {
  try {
    await withDocumentControls({
      read: ["id", "tag"],
      writes: { consequence: TRACKED.restore, retry: "cliquez à nouveau sur « Quitter l'aperçu »" },
      change: (controls) => ({ result: undefined, changed: putNamesBack(controls) > 0 }),
    });
  } catch (err) {
    if (err instanceof WordError) throw err;
    throw new WordError(
      "restore-failed",
      `Word n'a pas pu remettre les noms des champs : le document montre encore les valeurs d'une personne (${describeOfficeError(err)}). Cliquez à nouveau sur « Quitter l'aperçu » ; en attendant, n'enregistrez pas le document.`,
      { cause: err },
    );
  }
  await forgetPreview();
}

/**
 * At start-up: a preview the pane could not end (closed with the document) recorded the
 * controls it wrote into. Those still showing a value get their name back once `ask` agrees
 * (it is told how many). Without a record nothing is read or written: a document of merged
 * letters with kept fields is never touched. Returns how many names were put back.
 */
export async function restoreLeftoverPreview(ask: (count: number) => Promise<boolean>): Promise<number> {
  const recorded = recordedPreview();
  if (!recorded) return 0;
  const showingValues = (controls: Word.ContentControl[]) =>
    controls.filter(
      (c) => recorded.includes(c.id) && placeholderOfTag(c.tag) !== c.text && placeholderOfTag(c.tag) !== null,
    );
  const access = {
    read: ["id", "tag", "text"] as const,
    writes: { consequence: TRACKED.restore, retry: "rouvrez le volet" },
  };
  const count = await withDocumentControls({
    ...access,
    change: (controls) => ({ result: showingValues(controls).length, changed: false }),
  });
  if (count === 0) {
    await forgetPreview();
    return 0;
  }
  if (!(await ask(count))) return 0;
  const restored = await withDocumentControls({
    ...access,
    change: (controls) => {
      const left = showingValues(controls);
      return { result: putNamesBack(left), changed: left.length > 0 };
    },
  });
  await forgetPreview();
  return restored;
}

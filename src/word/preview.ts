// The preview: one person's values shown in the document's own fields, then the field
// names put back. The password is masked in the document unless the user asks otherwise:
// with AutoSave (OneDrive, SharePoint), whatever the document shows may be saved into the
// template and its version history.
import { editTag, fieldIdOfTag, labelOf, parseTag, placeholderOf, QR_TAG } from "../core/catalog";
import { withDocumentControls } from "./controls";
import { describeOfficeError, WordError } from "./errors";
import { supportsWordApi } from "./host";

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

/**
 * Refuses the preview while Word tracks changes: the values would stay in the document as
 * revisions even after the field names come back (WordApi 1.4; older Words cannot tell).
 */
async function refuseWhileTracking(): Promise<void> {
  if (!supportsWordApi("1.4")) return;
  const mode = await Word.run(async (context) => {
    context.document.load("changeTrackingMode");
    await context.sync();
    return context.document.changeTrackingMode;
  });
  if (mode !== Word.ChangeTrackingMode.off)
    throw new WordError(
      "tracking-changes",
      "Le suivi des modifications est activé : l'aperçu laisserait les valeurs des personnes dans l'historique des révisions du modèle. Désactivez-le (onglet Révision › Suivi des modifications) puis relancez l'aperçu.",
    );
}

/** Fills every merge field with its value for one person; returns how many were filled. */
export async function fillPreview(
  valueOf: (tag: string) => string | null,
  options: PreviewOptions = {},
): Promise<number> {
  await refuseWhileTracking();
  return withDocumentControls((controls) => {
    let filled = 0;
    const entText = controls.find((c) => c.tag === editTag("adresse-ent"))?.text;
    for (const c of controls) {
      if (c.tag === QR_TAG) {
        const image = options.qrImage?.(entText) ?? null;
        if (image) c.insertInlinePictureFromBase64(image, "Replace");
        else c.insertText("«Code QR : complétez l'adresse de l'ENT»", "Replace");
        filled++;
        continue;
      }
      const ref = parseTag(c.tag);
      if (!ref) continue;
      const value = valueOf(c.tag);
      const shown =
        value === null
          ? `«${labelOf(ref)} : absent du fichier»`
          : fieldIdOfTag(c.tag) === "password" && !options.showPassword
            ? maskedPassword(value)
            : value;
      c.insertText(shown, "Replace");
      filled++;
    }
    return { result: filled, changed: true };
  });
}

/** Puts «Label» back in every merge field; a WordError says so when Word cannot. */
export async function restorePreview(): Promise<void> {
  try {
    await withDocumentControls((controls) => {
      for (const c of controls) {
        const ref = parseTag(c.tag);
        if (ref) c.insertText(placeholderOf(ref), "Replace");
        else if (c.tag === QR_TAG) c.insertText(QR_PLACEHOLDER, "Replace");
      }
      return { result: undefined, changed: true };
    });
  } catch (err) {
    throw new WordError(
      "restore-failed",
      `Word n'a pas pu remettre les noms des champs : le document montre encore les valeurs d'une personne (${describeOfficeError(err)}). Cliquez à nouveau sur « Quitter l'aperçu » ; en attendant, n'enregistrez pas le document.`,
      { cause: err },
    );
  }
}

/**
 * At start-up: fields still showing a person's value (a preview the pane could not end,
 * closed with the document) get their name back. Returns how many were put back.
 */
export async function restoreLeftoverPreview(): Promise<number> {
  return withDocumentControls((controls) => {
    let restored = 0;
    for (const c of controls) {
      const ref = parseTag(c.tag);
      const placeholder = ref ? placeholderOf(ref) : c.tag === QR_TAG ? QR_PLACEHOLDER : null;
      if (placeholder === null || c.text === placeholder) continue;
      c.insertText(placeholder, "Replace");
      restored++;
    }
    return { result: restored, changed: restored > 0 };
  });
}

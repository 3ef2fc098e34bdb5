// The preview: one person's values shown in the document's own fields, then the field
// names put back, so that no password stays in the template.
import { labelOf, parseTag, placeholderOf } from "../core/catalog";
import { withDocumentControls } from "./controls";
import { describeOfficeError, WordError } from "./errors";

/** Fills every merge field with its value for one person; returns how many were filled. */
export async function fillPreview(valueOf: (tag: string) => string | null): Promise<number> {
  return withDocumentControls((controls) => {
    let filled = 0;
    for (const c of controls) {
      const ref = parseTag(c.tag);
      if (!ref) continue;
      c.insertText(valueOf(c.tag) ?? `«${labelOf(ref)} : absent du fichier»`, "Replace");
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

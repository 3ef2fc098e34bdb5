// The preview: one person's values shown in the document's own fields, then the field
// names put back, so that no password stays in the template.
import { labelOf, parseTag, placeholderOf } from "../core/fields";
import { withDocumentControls } from "./controls";

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

/** Puts «Label» back in every merge field. */
export async function restorePreview(): Promise<void> {
  await withDocumentControls((controls) => {
    for (const c of controls) {
      const ref = parseTag(c.tag);
      if (ref) c.insertText(placeholderOf(ref), "Replace");
    }
    return { result: undefined, changed: true };
  });
}

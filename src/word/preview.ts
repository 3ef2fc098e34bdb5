// The preview: one person's values shown in the document's own fields, then the field
// names put back, so that no password stays in the template.
import { labelOf, parseTag, placeholderOf } from "../core/fields";

/** Fills every merge field with its value for one person; returns how many were filled. */
export async function fillPreview(valueOf: (tag: string) => string | null): Promise<number> {
  return Word.run(async (context) => {
    const controls = context.document.contentControls;
    controls.load("items");
    await context.sync();
    let filled = 0;
    for (const c of controls.items) {
      if (!parseTag(c.tag)) continue;
      const value = valueOf(c.tag);
      c.insertText(value ?? `«${labelOf(parseTag(c.tag)!)} : absent du fichier»`, "Replace");
      filled++;
    }
    await context.sync();
    return filled;
  });
}

/** Puts «Label» back in every merge field. */
export async function restorePreview(): Promise<void> {
  await Word.run(async (context) => {
    const controls = context.document.contentControls;
    controls.load("items");
    await context.sync();
    for (const c of controls.items) {
      const ref = parseTag(c.tag);
      if (ref) c.insertText(placeholderOf(ref), "Replace");
    }
    await context.sync();
  });
}

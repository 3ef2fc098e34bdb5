// One round trip to read every content control of the document (body, headers, footers,
// text boxes), then the caller's changes, sent in one more sync only when there are any.

export async function withDocumentControls<T>(
  change: (controls: Word.ContentControl[]) => { result: T; changed: boolean },
): Promise<T> {
  return Word.run(async (context) => {
    const controls = context.document.contentControls;
    controls.load("items");
    await context.sync();
    const { result, changed } = change(controls.items);
    if (changed) await context.sync();
    return result;
  });
}

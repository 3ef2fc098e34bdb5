// One round trip to read the content controls of the document (body, headers, footers,
// text boxes), then the caller's changes, sent in one more sync only when there are any.
// Only the properties the caller reads are loaded: "items" alone would load every property
// of every control, slow on a document of 13,000 controls.
import { TrackingProbe, trackingProbe } from "./tracking";

export type ControlProperty = "id" | "tag" | "title" | "text";

export interface ControlsAccess<T> {
  /** The properties the change reads. */
  read: readonly ControlProperty[];
  /** A change that writes: refused while Word tracks changes, saying `consequence`. */
  writes?: { consequence: string; retry?: string };
  change: (controls: Word.ContentControl[]) => Promise<Change<T>> | Change<T>;
}

export interface Change<T> {
  result: T;
  changed: boolean;
}

export async function withDocumentControls<T>(access: ControlsAccess<T>): Promise<T> {
  return Word.run(async (context) => {
    const controls = context.document.contentControls;
    controls.load(access.read.map((p) => `items/${p}`).join(","));
    const tracking: TrackingProbe | null = access.writes ? trackingProbe(context) : null;
    await context.sync();
    if (access.writes) tracking!.refuse(access.writes.consequence, access.writes.retry);
    const { result, changed } = await access.change(controls.items);
    if (changed) await context.sync();
    return result;
  });
}

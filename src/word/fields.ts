// Inserting merge fields as content controls, and listing what the document holds.
import {
  Condition,
  conditionLabel,
  conditionTag,
  fieldOfPlaceholder,
  FieldRef,
  fieldDef,
  editPassageOf,
  isFieldTag,
  labelOf,
  parseTag,
  placeholderOf,
  QR_TAG,
  tagOf,
} from "../core/catalog";
import { QR_PLACEHOLDER } from "./preview";
import type { ControlTag } from "../core/merge";
import { withDocumentControls } from "./controls";
import { describeOfficeError, WordError } from "./errors";
import { TRACKED, trackingProbe } from "./tracking";

export interface InsertedField {
  tag: string;
  /** A space was put before the field because it follows another one. */
  spaced: boolean;
}

function fontOf(ref: FieldRef): string | undefined {
  return ref.kind === "field" ? fieldDef(ref.id).font : undefined;
}

/** The control around the selection, queued for loading: read it after the next sync. */
function parentControl(selection: Word.Range): Word.ContentControl {
  // A navigation property: it queues a proxy, nothing is read before the caller's sync.
  const parent = selection.parentContentControlOrNullObject;
  parent.load("tag");
  return parent;
}

/** After the sync: the selection sits inside one of our merge fields. */
function isInsideField(parent: Word.ContentControl): boolean {
  return !parent.isNullObject && parseTag(parent.tag) !== null;
}

/** Word's own failure as an insertion error saying what to do; our errors pass unchanged. */
function insertFailure(err: unknown, what: string, advice: string): WordError {
  if (err instanceof WordError) return err;
  return new WordError("insert-failed", `${what} : ${describeOfficeError(err)}. ${advice}`, { cause: err });
}

/**
 * Inserts a field at the selection: a rich-text content control tagged ent:<id>, titled in
 * French, showing «Label». Right after another field, a space goes between the two.
 */
export async function insertField(ref: FieldRef): Promise<InsertedField> {
  const tag = tagOf(ref);
  try {
    return await Word.run(async (context) => {
      const selection = context.document.getSelection();
      const paragraph = selection.paragraphs.getFirst();
      const before = paragraph.getRange("Start").expandTo(selection.getRange("Start"));
      before.load("text");
      const controls = before.contentControls;
      controls.load("items/tag");
      const parent = parentControl(selection);
      const tracking = trackingProbe(context);
      const font = fontOf(ref);
      // Typed text after a control takes its font on Mac and the web (office-js #6448): the
      // paragraph's own font goes back where the user types next.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- a navigation property: it queues a proxy, loaded on the next line
      const paragraphFont = font ? paragraph.font : null;
      paragraphFont?.load("name");
      await context.sync();
      tracking.refuse(TRACKED.field);
      if (isInsideField(parent)) {
        throw new WordError(
          "insert-failed",
          "Le curseur est dans un champ : placez-le à côté du champ, puis insérez le nouveau.",
        );
      }

      const follows = before.text.endsWith("»") && controls.items.some((c) => isFieldTag(c.tag));
      const at = follows ? selection.insertText(" ", "Replace").getRange("End") : selection;
      const range = at.insertText(placeholderOf(ref), follows ? "After" : "Replace");
      const control = range.insertContentControl();
      control.tag = tag;
      control.title = labelOf(ref);
      control.appearance = "BoundingBox";
      if (font) control.font.name = font;
      const after = control.getRange("After");
      const base = paragraphFont?.name;
      if (font && base && base !== font) after.font.name = base;
      after.select("Start");
      await context.sync();
      return { tag, spaced: follows };
    });
  } catch (err) {
    throw insertFailure(
      err,
      `Impossible d'insérer le champ « ${labelOf(ref)} »`,
      "Cliquez dans le texte du document puis réessayez.",
    );
  }
}

/** Inserts at the selection the place of the person's QR code: a control tagged ent:qr. */
export async function insertQrField(): Promise<void> {
  try {
    await Word.run(async (context) => {
      const selection = context.document.getSelection();
      const parent = parentControl(selection);
      const tracking = trackingProbe(context);
      await context.sync();
      tracking.refuse(TRACKED.field);
      if (isInsideField(parent))
        throw new WordError(
          "insert-failed",
          "Le curseur est dans un champ : placez-le à côté du champ, puis réessayez.",
        );
      const control = selection.insertText(QR_PLACEHOLDER, "Replace").insertContentControl();
      control.tag = QR_TAG;
      control.title = "Code QR";
      control.appearance = "BoundingBox";
      control.getRange("After").select("Start");
      await context.sync();
    });
  } catch (err) {
    throw insertFailure(err, "Impossible d'insérer le code QR", "Cliquez dans le texte du document puis réessayez.");
  }
}

/**
 * Makes the selection a conditional passage: a content control tagged ent:if:<condition>,
 * titled with the condition in French, printed only for the people it holds for.
 */
export async function insertConditionalPassage(condition: Condition): Promise<void> {
  try {
    await Word.run(async (context) => {
      const selection = context.document.getSelection();
      selection.load("text");
      const parent = parentControl(selection);
      const tracking = trackingProbe(context);
      await context.sync();
      tracking.refuse(TRACKED.passage);
      if (selection.text.trim() === "")
        throw new WordError(
          "insert-failed",
          "Sélectionnez d'abord le texte (ou les paragraphes) à n'imprimer que sous condition, puis réessayez.",
        );
      if (isInsideField(parent))
        throw new WordError("insert-failed", "La sélection est dans un champ : sélectionnez le texte autour du champ.");
      const control = selection.insertContentControl();
      control.tag = conditionTag(condition);
      control.title = conditionLabel(condition);
      control.appearance = "BoundingBox";
      await context.sync();
    });
  } catch (err) {
    throw insertFailure(
      err,
      "Impossible de rendre la sélection conditionnelle",
      "Sélectionnez du texte du document puis réessayez.",
    );
  }
}

export interface DocumentFields {
  /** Tags of the merge fields the document uses, in order, without repeats. */
  tags: string[];
  /** School passages (ent:edit:<what>) still showing the pink model text. */
  unchangedPassages: string[];
}

/**
 * What the document uses: its merge fields, and the pink passages still holding the ready
 * letter's model text (`defaults`: passage name → model text).
 */
export async function documentFields(defaults: ReadonlyMap<string, string>): Promise<DocumentFields> {
  return withDocumentControls({
    read: ["tag", "text"],
    change: (controls) => {
      const tags: string[] = [];
      const model = new Set<string>();
      const completed = new Set<string>();
      for (const c of controls) {
        const what = editPassageOf(c.tag);
        if (what !== null) (defaults.get(what) === c.text ? model : completed).add(what);
        else if (isFieldTag(c.tag) && !tags.includes(c.tag)) tags.push(c.tag);
      }
      // A passage completed once (the first of a sheet's cards) is completed: the merge copies it.
      const unchangedPassages = [...model].filter((what) => !completed.has(what));
      return { result: { tags, unchangedPassages }, changed: false };
    },
  });
}

/**
 * insertFileFromBase64 can reset content-control tags and titles (office-js #1467, #2752,
 * #2759). After inserting a letter, every control gets back the tag and title the letter
 * gave it — fields and pink passages alike — by position. Where Word's list does not match
 * the letter's, a field whose tag was lost still shows «Label» and gets it back from that.
 */
export async function repairTags(expected: readonly ControlTag[]): Promise<number> {
  return withDocumentControls({
    read: ["tag", "title", "text"],
    writes: { consequence: TRACKED.letter },
    change: (controls) => {
      let repaired = 0;
      const byPosition = controls.length === expected.length;
      controls.forEach((c, i) => {
        const want = byPosition ? expected[i] : fromLabel(c.text);
        if (!want || !want.tag || (c.tag === want.tag && c.title === want.title)) return;
        c.tag = want.tag;
        c.title = want.title;
        repaired++;
      });
      return { result: repaired, changed: repaired > 0 };
    },
  });
}

function fromLabel(text: string): ControlTag | null {
  const ref = fieldOfPlaceholder(text);
  return ref ? { tag: tagOf(ref), title: labelOf(ref) } : null;
}

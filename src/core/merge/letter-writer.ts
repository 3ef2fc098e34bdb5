// Writes one letter from compiled segments: field values, and fresh ids where Word wants
// them unique in the whole document (drawings, controls, paragraphs, bookmarks, shapes,
// lists), counted across letters.
import { FIELD_IDS } from "../catalog";
import { RosterRecord } from "../roster";
import { describeChar, escapeXml, invalidXmlChars, stripInvalidXml } from "../xml";
import { NoteKind, Segment, Slot } from "./compile";
import { noteXml } from "./notes";
import { applyFormat } from "./field-format";
import { ListRestarts, readLists } from "./numbering";
import { MergeError } from "./errors";
import { displayName } from "./resolve";
import { CompiledTemplate } from "./template";
import type { FieldSlot } from "./fields";
import { fittedSize, halfPointsOf, MIN_HALF_POINTS, withHalfPoints } from "./fit";

export interface MergeWarning {
  row: number;
  field: string;
  message: string;
}

/** Word numbers VML shapes from 1025 (o:spid="_x0000_s1025"). */
const SPID_BASE = 1024;

/** Ids that must be unique in the whole output, skipping those shared parts already use. */
export class IdCounter {
  constructor(
    private readonly reserved: ReadonlySet<number> = new Set(),
    private n = 0,
  ) {}
  next(): number {
    do this.n++;
    while (this.reserved.has(this.n));
    return this.n;
  }
}

/**
 * Nobody: the places left on a page of cards after the last person. Every field is empty,
 * so a card kept under "si « Login » est rempli" disappears.
 */
export const NOBODY: RosterRecord = {
  row: 0,
  values: Object.fromEntries(FIELD_IDS.map((id) => [id, ""])) as RosterRecord["values"],
  lists: {},
  profile: "autre",
  raw: {},
};

/** What one letter (or page of cards) remembers while it is written. */
export interface LetterContext {
  index: number;
  /** The person the fields now show; on a page of cards, one after the other. */
  record: RosterRecord;
  /** The people of this page, when the template marks "next person" (cards, labels). */
  records: readonly RosterRecord[];
  /** Which of `records` the fields show. */
  at: number;
  bookmarkIds: Map<string, number>;
  /** Header and footer relationships of this letter's own copies. */
  rels: Map<string, string>;
  /** This letter's restarted copy of each list. */
  numIds: Map<string, string>;
  /** This letter's copy of each footnote and endnote ("footnote:2" → new id). */
  noteIds: Map<string, number>;
}

export function letterContext(
  index: number,
  record: RosterRecord,
  records: readonly RosterRecord[] = [record],
): LetterContext {
  return {
    index,
    record,
    records,
    at: 0,
    bookmarkIds: new Map(),
    rels: new Map(),
    numIds: new Map(),
    noteIds: new Map(),
  };
}

/** w14:paraId and w14:textId: 8 hex digits below 0x80000000, as Word requires. */
const hexId = (n: number) => n.toString(16).toUpperCase().padStart(8, "0");

export class LetterWriter {
  private readonly docPr: IdCounter;
  private readonly sdt: IdCounter;
  private readonly para = new IdCounter();
  /** Definitions already written once in the document (VML shape types, by id). */
  private readonly written = new Set<string>();
  private readonly bookmark = new IdCounter();
  private readonly spid: IdCounter;
  readonly lists: ListRestarts;
  readonly warnings: MergeWarning[] = [];
  /** Every letter's copies of the notes, per kind, in order. */
  readonly noteCopies = new Map<NoteKind, string[]>();
  private readonly noteCounters = new Map<NoteKind, IdCounter>();
  /** Draws a person's QR code (a run), given a fresh drawing id; unset: no QR is drawn. */
  qr?: (record: RosterRecord, docPrId: number) => string;

  constructor(private readonly t: CompiledTemplate) {
    this.docPr = new IdCounter(t.reserved.docPr);
    this.sdt = new IdCounter(t.reserved.sdt);
    this.spid = new IdCounter(t.reserved.spid, SPID_BASE);
    this.lists = new ListRestarts(readLists(t.numberingPath && t.pkg.text(t.numberingPath)));
    for (const part of t.notes) {
      this.noteCopies.set(part.kind, []);
      this.noteCounters.set(part.kind, new IdCounter(new Set(), part.firstId - 1));
    }
  }

  /** The segments filled for this letter; `isLast` leaves out the break to the next letter. */
  render(segments: Segment[], ctx: LetterContext, isLast: boolean): string {
    let out = "";
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      if (typeof s === "string") out += s;
      else if (s.t === "if") {
        if (!this.t.conditions.get(s.condition)!(ctx.record)) i = endOfPassage(segments, i);
      } else if (s.t === "next") {
        ctx.record = ctx.records[++ctx.at] ?? NOBODY;
      } else out += this.slot(s, ctx, isLast);
    }
    return out;
  }

  private slot(s: Slot, ctx: LetterContext, isLast: boolean): string {
    switch (s.t) {
      case "field":
        return this.field(s.i, ctx);
      case "docPr":
        return String(this.docPr.next());
      case "sdtId":
        return String(this.sdt.next());
      case "paraId":
      case "textId":
        return hexId(this.para.next());
      case "bmId": {
        let id = ctx.bookmarkIds.get(s.old);
        if (id === undefined) ctx.bookmarkIds.set(s.old, (id = this.bookmark.next()));
        return String(id);
      }
      case "bmName": {
        if (ctx.index === 0) return s.old;
        const suffix = `_${ctx.index + 1}`;
        return s.old.slice(0, 40 - suffix.length) + suffix; // Word's limit is 40 characters
      }
      case "shapeId":
        return ctx.index === 0 ? s.old : `${s.old}_${ctx.index + 1}`;
      case "spid":
        return `_x0000_s${this.spid.next()}`;
      case "numId":
        return this.lists.numIdFor(s.old, ctx.index, ctx.numIds);
      case "rel":
        return ctx.rels.get(s.rId) ?? s.rId;
      case "note":
        return this.note(s.kind, s.old, ctx);
      case "sect":
        return isLast ? "" : this.render(this.t.finalSect, ctx, true);
      case "sectPara":
        return isLast ? "" : `<w:p><w:pPr>${this.render(this.t.finalSect, ctx, true)}</w:pPr></w:p>`;
      case "once": {
        // One definition per document (a VML shape type): the first letter carries it.
        const id = /\sid="([^"]*)"/.exec(s.xml)?.[1] ?? s.xml;
        if (this.written.has(id)) return "";
        this.written.add(id);
        return s.xml;
      }
      case "qr":
        return this.qr ? this.qr(ctx.record, this.docPr.next()) : "";
      case "if":
      case "endIf":
      case "next":
        return "";
    }
  }

  /** This letter's id for a note, its copy written the first time the letter refers to it. */
  private note(kind: NoteKind, old: string, ctx: LetterContext): string {
    const part = this.t.notes.find((n) => n.kind === kind);
    const note = part?.notes.get(old);
    if (!part || !note) return old;
    const key = `${kind}:${old}`;
    let id = ctx.noteIds.get(key);
    if (id === undefined) {
      id = this.noteCounters.get(kind)!.next();
      ctx.noteIds.set(key, id);
      this.noteCopies.get(kind)!.push(noteXml(part, old, id, this.render(note.segments, ctx, true))!);
    }
    return String(id);
  }

  /** A login or password on one line of its box: hyphens that do not break, the font shrunk to fit. */
  private oneLine(value: string, slot: FieldSlot, ctx: LetterContext): string {
    const box = slot.box!;
    const own = halfPointsOf(slot.rPr) ?? box.halfPoints;
    const { size, fits } = fittedSize(value, box.width, own, slot.rPr);
    if (!fits) {
      const field = displayName(slot.name);
      this.warnings.push({
        row: ctx.record.row,
        field,
        message: `Ligne ${ctx.record.row}, champ « ${field} » : « ${value} » (${[...value].length} caractères) ne tient pas sur une ligne de sa case, même en ${MIN_HALF_POINTS / 2} points. Élargissez la case dans le modèle, ou raccourcissez-le dans l'ENT.`,
      });
    }
    const rPr = size === own ? slot.rPr : withHalfPoints(slot.rPr, size);
    return `<w:r>${rPr}${textRuns(value, true)}</w:r>`;
  }

  private field(i: number, ctx: LetterContext): string {
    const slot = this.t.slots[i];
    let value = this.t.values[i](ctx.record);
    if (this.t.isPassword[i] && value.trim() === "" && ctx.record !== NOBODY) throw emptyPassword(ctx.record);
    if (slot.format) value = applyFormat(value, slot.format);
    const bad = invalidXmlChars(value);
    if (bad.length) {
      value = stripInvalidXml(value);
      const field = displayName(slot.name);
      this.warnings.push({
        row: ctx.record.row,
        field,
        message: `Ligne ${ctx.record.row}, champ « ${field} » : caractère(s) ${[...new Set(bad.map(describeChar))].join(", ")} retiré(s).`,
      });
    }
    let content =
      value === "" ? "" : slot.box ? this.oneLine(value, slot, ctx) : `<w:r>${slot.rPr}${textRuns(value)}</w:r>`;
    if (slot.block) content = `<w:p>${slot.block.pPr}${content}</w:p>`;
    if (!slot.sdtPr) return content;
    const sdtPr = slot.sdtPr.replace(/<w:id w:val="-?\d+"\s*\/>/, `<w:id w:val="${this.sdt.next()}"/>`);
    return `<w:sdt>${sdtPr}<w:sdtContent>${content}</w:sdtContent></w:sdt>`;
  }
}

function emptyPassword(record: RosterRecord): MergeError {
  return new MergeError(
    "empty-password",
    `Ligne ${record.row} (${record.values.login}) : ce compte est déjà activé et n'a pas de mot de passe ; ce courrier imprimerait un mot de passe vide. Utilisez un courrier prêt à l'emploi (il indique à ces comptes le lien « Mot de passe oublié »), mettez le mot de passe dans un passage conditionnel « si le compte n'est pas encore activé », ou ne gardez que les comptes inactifs.`,
  );
}

/** Index of the endIf closing the passage that opens at `start`. */
function endOfPassage(segments: Segment[], start: number): number {
  let depth = 0;
  for (let i = start; i < segments.length; i++) {
    const s = segments[i];
    if (typeof s === "string") continue;
    if (s.t === "if") depth++;
    else if (s.t === "endIf" && --depth === 0) return i;
  }
  return segments.length;
}

/**
 * A value as run content: tabs and line breaks become w:tab and w:br, spaces are kept;
 * `unbreakable`: hyphens become w:noBreakHyphen (a login must not break after one).
 */
export function textRuns(value: string, unbreakable = false): string {
  const text = (piece: string) => (piece === "" ? "" : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`);
  return value
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .split("\t")
        .map((piece) => (unbreakable ? piece.split("-").map(text).join("<w:noBreakHyphen/>") : text(piece)))
        .join("<w:tab/>"),
    )
    .join("<w:br/>");
}

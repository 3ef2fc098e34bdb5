// The pane's state: the file read (in memory only), the mapping and filters chosen, and
// the preview position. No DOM and no Word here.
import { FIELDS, FieldId, FieldRef, foldKey, ReadyLetterDef } from "../core/catalog";
import { InternalError } from "../core/errors";
import { MailSession } from "./mail-session";
import { ColumnMapping, DEFAULT_SORT, Roster, RosterRecord, selectRecords, Selection } from "../core/roster";

/** The pane's five steps, in order; one is open at a time. */
export const STEPS = ["data", "letter", "preview", "merge", "mail"] as const;
export type StepId = (typeof STEPS)[number];

/** What "Vérifier le courrier" found in the document: its fields and the pink passages left as they were. */
export interface LetterReport {
  fields: number;
  unchangedPassages: string[];
}

export class PaneState {
  /**
   * Step 4's letters Word did not confirm opening, offered for download and another try. A
   * task pane belongs to its document: they only ever go into a new document, never this one.
   */
  offered: { docx: Uint8Array; blob: Blob; url: string } | null = null;
  /** Step 5: who is signed in, the run, the journal of what went. */
  readonly mailing = new MailSession();
  /** The step shown open; the others show a one-line summary. */
  openStep: StepId = "data";
  /** The last check of the document (null before any). */
  letterReport: LetterReport | null = null;
  private bytes: Uint8Array | null = null;
  fileName = "";
  roster: Roster | null = null;
  mapping: ColumnMapping = {};
  selection: Selection = { sort: DEFAULT_SORT };
  /** The ready letter inserted last: its audience is preselected, for this file and the next. */
  letter: ReadyLetterDef | null = null;
  /** Index in the selected records of the person shown, or -1 outside the preview. */
  previewIndex = -1;
  private cache: RosterRecord[] | null = null;
  /** Rows the user unticked in the list of people: no letter for them. */
  readonly excluded = new Set<number>();
  /** The letters last created, for which selection (the same array while it does not change). */
  created: { records: RosterRecord[]; letters: number } | null = null;

  /** How many letters were created for the selection as it is now (0 if it changed since). */
  createdNow(): number {
    return this.created && this.created.records === this.selected() ? this.created.letters : 0;
  }

  /**
   * Takes a file and what it reads as (read off Word's thread, see read-file.ts: the
   * importer is not in the pane's first script).
   */
  load(fileName: string, bytes: Uint8Array, roster: Roster): Roster {
    this.bytes = bytes;
    this.fileName = fileName;
    this.roster = roster;
    this.mapping = {};
    this.selection = { sort: this.selection.sort ?? DEFAULT_SORT, profiles: this.letter?.audience.slice() };
    this.previewIndex = -1;
    this.cache = null;
    this.excluded.clear();
    return roster;
  }

  /** The mapping with `field` filled by `header`, and the bytes to read again with it. */
  remapping(field: FieldId, header: string | null): { bytes: Uint8Array; mapping: ColumnMapping } {
    if (!this.bytes || !this.roster) throw new InternalError("choix de colonne sans fichier lu");
    const mapping = { ...this.mapping };
    // A column moved to another field no longer fills the one it filled.
    for (const c of this.roster.columns)
      if (c.field && c.header === header && c.field !== field) mapping[c.field] = null;
    mapping[field] = header;
    return { bytes: this.bytes, mapping };
  }

  /** The file read again with a new mapping. */
  useMapping(mapping: ColumnMapping, roster: Roster): Roster {
    this.mapping = mapping;
    this.roster = roster;
    this.cache = null;
    return roster;
  }

  /** A ready letter was inserted: select its audience (the user may change it). */
  useReadyLetter(letter: ReadyLetterDef): void {
    this.letter = letter;
    this.setSelection({ profiles: letter.audience.slice() });
  }

  /** Records of the file the inserted ready letter is not for (0 without one or with another choice). */
  outsideAudience(): number {
    const letter = this.letter;
    const profiles = this.selection.profiles ?? [];
    if (!letter || !this.roster || profiles.join() !== letter.audience.join()) return 0;
    return this.roster.records.filter((r) => !letter.audience.includes(r.profile)).length;
  }

  setSelection(change: Partial<Selection>): void {
    this.selection = { ...this.selection, ...change };
    this.cache = null;
    if (this.previewIndex >= this.selected().length) this.previewIndex = this.selected().length - 1;
  }

  /** The people the filters keep, ticked or not (the list the user ticks in). */
  candidates(): RosterRecord[] {
    return this.roster ? selectRecords(this.roster.records, this.selection) : [];
  }

  selected(): RosterRecord[] {
    if (!this.roster) return [];
    if (!this.cache) this.cache = this.candidates().filter((r) => !this.excluded.has(r.row));
    return this.cache;
  }

  /** Ticks or unticks one person (by the row they come from). */
  include(row: number, on: boolean): void {
    if (on) this.excluded.delete(row);
    else this.excluded.add(row);
    this.cache = null;
    if (this.previewIndex >= this.selected().length) this.previewIndex = this.selected().length - 1;
  }

  /** Forgets everything read from the file. */
  clear(): void {
    this.excluded.clear();
    this.bytes = null;
    this.fileName = "";
    this.roster = null;
    this.mapping = {};
    this.previewIndex = -1;
    this.cache = null;
  }

  /** The fields the insert buttons offer: known fields first, then the file's other columns. */
  insertable(): FieldRef[] {
    const known: FieldRef[] = FIELDS.filter(
      (f) => !this.roster || this.roster.columns.some((c) => c.field === f.id),
    ).map((f) => ({ kind: "field", id: f.id }));
    const others: FieldRef[] = (this.roster?.columns ?? [])
      .filter((c) => !c.field && c.header)
      .map((c) => ({ kind: "column", header: c.header }));
    return [...known, ...others];
  }

  /** First selected person, from the current one on, whose name or login matches the query. */
  find(query: string): number {
    const people = this.selected();
    const q = foldKey(query);
    if (!q) return -1;
    for (let k = 1; k <= people.length; k++) {
      const i = (Math.max(this.previewIndex, 0) + k - (this.previewIndex < 0 ? 1 : 0)) % people.length;
      const r = people[i].values;
      if ([r.login, `${r.firstName} ${r.lastName}`, `${r.lastName} ${r.firstName}`].some((v) => foldKey(v).includes(q)))
        return i;
    }
    return -1;
  }
}

// Which letters to make, in which order: filters by profile, class, level and account
// state; sort by class then last name then first name (French collation), by name, or
// in file order.
import { foldKey, Profile } from "../catalog";
import { RosterRecord } from "./types";

export type SortOrder = "class" | "name" | "file";

/** The order of the letters in the pane and the command line: handed out class by class. */
export const DEFAULT_SORT: SortOrder = "class";

export interface Selection {
  profiles?: Profile[];
  classes?: string[];
  levels?: string[];
  /** Only accounts not yet activated (state column says so; without one, every record). */
  inactiveOnly?: boolean;
  sort?: SortOrder;
}

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

const ORDINALS: Array<[RegExp, string]> = [
  [/^sixieme/, "6"],
  [/^cinquieme/, "5"],
  [/^quatrieme/, "4"],
  [/^troisieme/, "3"],
];

/**
 * A class or a level as people type it: `6`, `6e`, `6EME`, `6ème`, `sixième` are one level;
 * `6A`, `6ème A`, `6EME A` one class (no case, accents, spaces; the ordinal's ending dropped).
 */
export function groupKey(text: string): string {
  let key = foldKey(text);
  for (const [word, digit] of ORDINALS) key = key.replace(word, digit);
  return key.replace(/^(\d+)(?:eme|e|er|ere)(?=[a-z0-9]|$)/, "$1");
}

function sameGroup(a: string, b: string): boolean {
  return groupKey(a) === groupKey(b);
}

function byName(a: RosterRecord, b: RosterRecord): number {
  return (
    collator.compare(a.values.lastName, b.values.lastName) || collator.compare(a.values.firstName, b.values.firstName)
  );
}

function byClass(a: RosterRecord, b: RosterRecord): number {
  // A parent with children in several classes is sorted with the first one listed.
  const ca = a.lists.class?.[0] ?? "";
  const cb = b.lists.class?.[0] ?? "";
  if (ca === "" && cb !== "") return 1; // records without a class go last
  if (cb === "" && ca !== "") return -1;
  return collator.compare(ca, cb) || byName(a, b);
}

export function selectRecords(records: readonly RosterRecord[], selection: Selection = {}): RosterRecord[] {
  const { profiles, classes, levels, inactiveOnly } = selection;
  const chosen = records.filter(
    (r) =>
      (!profiles?.length || profiles.includes(r.profile)) &&
      (!classes?.length || classesOf(r).some((c) => classes.some((wanted) => sameGroup(c, wanted)))) &&
      (!levels?.length || levels.some((l) => sameGroup(r.values.level, l))) &&
      (!inactiveOnly || r.inactive !== false),
  );
  const sort = selection.sort ?? DEFAULT_SORT;
  if (sort === "name") return chosen.sort((a, b) => byName(a, b) || a.row - b.row);
  if (sort === "class") return chosen.sort((a, b) => byClass(a, b) || a.row - b.row);
  return chosen.sort((a, b) => a.row - b.row);
}

/** A record's classes, as the class filters (pane, --class, check) read them. */
export const classesOf = (r: RosterRecord): string[] => r.lists.class ?? [];
/** A record's level, as a list, for distinctValues. */
export const levelOf = (r: RosterRecord): string[] => [r.values.level];

/** Distinct values of a field over the records, in French order (for the pane's filters). */
export function distinctValues(records: readonly RosterRecord[], pick: (r: RosterRecord) => string[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const v of pick(r)) if (v.trim() !== "") seen.add(v);
  return [...seen].sort(collator.compare);
}

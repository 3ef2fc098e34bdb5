// Which letters to make, in which order: filters by profile, class, level and account
// state; sort by class then last name then first name (French collation), by name, or
// in file order.
import { Profile } from "../catalog";
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

function sameText(a: string, b: string): boolean {
  return collator.compare(a.trim(), b.trim()) === 0;
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
      (!classes?.length || (r.lists.class ?? []).some((c) => classes.some((wanted) => sameText(c, wanted)))) &&
      (!levels?.length || levels.some((l) => sameText(r.values.level, l))) &&
      (!inactiveOnly || r.inactive !== false),
  );
  const sort = selection.sort ?? DEFAULT_SORT;
  if (sort === "name") return chosen.sort((a, b) => byName(a, b) || a.row - b.row);
  if (sort === "class") return chosen.sort((a, b) => byClass(a, b) || a.row - b.row);
  return chosen.sort((a, b) => a.row - b.row);
}

/** Distinct values of a field over the records, in French order (for the pane's filters). */
export function distinctValues(records: readonly RosterRecord[], pick: (r: RosterRecord) => string[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const v of pick(r)) if (v.trim() !== "") seen.add(v);
  return [...seen].sort(collator.compare);
}

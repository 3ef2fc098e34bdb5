// Records and export descriptions made by hand, for tests of the engine's parts that take
// them directly (conditions, QR codes, bundles, field resolution) without an export to read.
import { MergeSource } from "../../../src/core/merge/resolve";
import { RosterRecord } from "../../../src/core/roster";

/** A record on row 2 with these values; `extra` sets its profile, state or lists. */
export function record(values: Record<string, string>, extra: Partial<RosterRecord> = {}): RosterRecord {
  return { row: 2, profile: "élève", values, lists: {}, raw: {}, ...extra } as unknown as RosterRecord;
}

/** An export whose columns are these headers, each filling the catalog field given (or none). */
export function mergeSource(...columns: Array<[string, MergeSource["columns"][number]["field"]]>): MergeSource {
  return {
    headers: columns.map(([h]) => h),
    columns: columns.map(([header, field], index) => ({ index, header, field })),
  };
}

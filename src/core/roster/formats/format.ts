// What one ENT export is: how to recognise it by its header row, the headers that mean a
// field in it alone, and its quirks. A new ENT's export is one module beside this one.
import { FieldId } from "../../catalog";

export interface ExportFormat {
  /** Stable id (reports, `check --json`, the fixture's name). */
  id: string;
  /** French name, said in the data step and by `check`. */
  name: string;
  /** Whether a header row, folded with foldKey, is this export's. */
  matches(keys: ReadonlySet<string>): boolean;
  /** Headers that fill a field in this export only, beside the catalog's synonyms. */
  synonyms?: Partial<Record<FieldId, readonly string[]>>;
  /** Values are HTML-escaped (N&#39;Diaye) and are decoded. */
  htmlEscaped?: boolean;
  /** An account list from a connector (Gepi, Cerise): its credentials are always empty. */
  connector?: boolean;
}

/** True when every key is in the header row. */
export const hasAll =
  (...keys: string[]) =>
  (headers: ReadonlySet<string>): boolean =>
    keys.every((k) => headers.has(k));

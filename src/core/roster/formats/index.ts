// The known exports, tried in order on the header row; any other file is read with the
// generic mapping (the catalog's synonyms alone). Adding an ENT's export: one module here,
// one line below, its sample in test/fixtures/exports.
import { foldKey } from "../../catalog";
import { connector } from "./connector";
import { entng2015 } from "./entng-2015";
import { entngActivation } from "./entng-activation";
import { entngClassique } from "./entng-classique";
import { ExportFormat } from "./format";
import { moncollege } from "./moncollege";

export type { ExportFormat } from "./format";

export const GENERIC_FORMAT: ExportFormat = {
  id: "generique",
  name: "liste (colonnes reconnues par leur nom)",
  matches: () => true,
};

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  entngClassique,
  entng2015,
  entngActivation,
  moncollege,
  connector,
  GENERIC_FORMAT,
];

/** The export a header row comes from. */
export function formatOf(headers: readonly string[]): ExportFormat {
  const keys = new Set(headers.map(foldKey));
  return EXPORT_FORMATS.find((f) => f.matches(keys)) ?? GENERIC_FORMAT;
}

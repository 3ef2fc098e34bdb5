// Tracked revisions in a template. Every letter is a copy of the template's XML, so a
// revision there (an insertion, a deletion, a formatting change) would stand in each letter,
// with its author and whatever text it deleted: the template is refused until the school
// accepts or rejects them in Word.
import { MergeError } from "./errors";

/**
 * The elements that mark a revision ([ISO/IEC 29500-1] 17.13.5): content inserted, deleted or
 * moved, and property changes. `w:delText` and `w:insideH` only start like them.
 */
const REVISION =
  /<w:(?:ins|del|moveFrom|moveTo|cellIns|cellDel|cellMerge|rPrChange|pPrChange|sectPrChange|tblPrChange|tblPrExChange|trPrChange|tcPrChange|tblGridChange|numberingChange)[\s/>]/g;

export function revisionCount(xml: string): number {
  return xml.match(REVISION)?.length ?? 0;
}

/** Refuses a template whose parts (`where` → XML) hold tracked revisions, saying where and how many. */
export function refuseRevisions(parts: ReadonlyArray<{ where: string; xml: string }>): void {
  const found = parts.map((p) => ({ where: p.where, n: revisionCount(p.xml) })).filter((p) => p.n > 0);
  if (found.length === 0) return;
  const total = found.reduce((n, p) => n + p.n, 0);
  const places = [...new Set(found.map((p) => p.where))].join(" et ");
  throw new MergeError(
    "tracked-changes",
    `Le modèle contient ${total > 1 ? `${total} modifications suivies` : "une modification suivie"} (dans ${places}) : chaque courrier ${total > 1 ? "les" : "la"} garderait, avec le texte supprimé. Dans Word, onglet Révision, acceptez ou refusez toutes les modifications, désactivez le suivi des modifications, enregistrez, puis réessayez.`,
  );
}

/** Settings without `w:trackRevisions`: the letters must not open with change tracking on. */
export function withoutTracking(settingsXml: string): string {
  return settingsXml.replace(/<w:trackRevisions\b[^>]*?(?:\/>|>[\s\S]*?<\/w:trackRevisions>)/g, "");
}

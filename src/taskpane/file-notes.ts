// What the importer found that the user must weigh before acting, shown again at the step
// where they act (Fusion, Envoyer), not only in the Données step they may have closed: the
// notes that start with « Attention » and the rows set aside.
import { noteSeverity, Roster } from "../core/roster";
import { byId, h, plural, replaceChildren } from "./dom";

export function fileWarnings(roster: Roster | null): string[] {
  if (!roster) return [];
  const lines = roster.file.notes.filter((n) => noteSeverity(n) === "attention");
  const setAside = roster.problems.filter((p) => p.severity === "error").length;
  if (setAside)
    lines.push(
      `${plural(setAside, "ligne du fichier écartée", "lignes du fichier écartées")} : pas de courrier pour ${setAside > 1 ? "ces personnes" : "cette personne"} (voir « Données »).`,
    );
  return lines;
}

export function renderFileWarnings(id: string, roster: Roster | null): void {
  const list = byId(id);
  const lines = fileWarnings(roster);
  list.hidden = lines.length === 0;
  replaceChildren(list, ...lines.map((line) => h("li", {}, line)));
}

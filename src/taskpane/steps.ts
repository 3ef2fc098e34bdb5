// The five steps as an accordion: one open at a time so that the pane fits Word's pane
// (350 × 700 px) without scrolling; a closed step says on one line what was done in it, and
// the next step opens by itself when one is done.
import { PROFILE_LABELS, PROFILES } from "../core/catalog";
import { PaneContext } from "./context";
import { byId, plural } from "./dom";
import { mailOutline } from "./mail-view";
import { STEPS, StepId } from "./state";

export function setupSteps(ctx: PaneContext): void {
  for (const step of STEPS)
    byId(`${step}-toggle`).addEventListener("click", () => {
      ctx.state.openStep = step;
      ctx.refresh();
    });
}

/** Opens a step (the one after the step just done) and moves the keyboard focus to its title. */
export function openStep(ctx: PaneContext, step: StepId): void {
  if (ctx.state.openStep === step) return;
  ctx.state.openStep = step;
  ctx.refresh();
  byId(`${step}-toggle`).focus();
}

export function renderSteps(ctx: PaneContext): void {
  for (const step of STEPS) {
    const open = ctx.state.openStep === step;
    byId(`${step}-toggle`).setAttribute("aria-expanded", String(open));
    byId(`${step}-body`).hidden = !open;
    byId(`${step}-outline`).textContent = open ? "" : outline(ctx, step);
  }
}

/** The one-line summary of a closed step: "parents.csv — 1 141 parents". */
export function outline(ctx: PaneContext, step: StepId): string {
  const { state } = ctx;
  switch (step) {
    case "data": {
      if (!state.roster) return "aucun fichier";
      const people = state.selected();
      const counts = PROFILES.map((p) => [p, people.filter((r) => r.profile === p).length] as const)
        .filter(([, n]) => n > 0)
        .map(
          ([p, n]) =>
            `${plural(n, PROFILE_LABELS[p].toLowerCase().replace(/s$/, ""), PROFILE_LABELS[p].toLowerCase())}`,
        );
      // The rows set aside stay one click away: this line opens the step on them.
      const setAside = state.roster.problems.filter((p) => p.severity === "error").length;
      const aside = setAside ? ` ; ${plural(setAside, "ligne écartée", "lignes écartées")}` : "";
      return `${state.fileName} — ${counts.join(", ") || "aucune personne retenue"}${aside}`;
    }
    case "letter": {
      const name = state.letter ? `Courrier ${state.letter.label.toLowerCase()}` : "Votre courrier";
      const report = state.letterReport;
      if (!report) return state.letter ? name : "";
      const left = report.unchangedPassages.length;
      return left
        ? `${name} — ${plural(left, "passage à compléter", "passages à compléter")}`
        : `${name} — ${plural(report.fields, "champ", "champs")}`;
    }
    case "preview":
      return state.previewIndex >= 0 ? `${state.previewIndex + 1} / ${state.selected().length}` : "";
    case "merge":
      if (!state.roster) return "";
      return state.createdNow()
        ? plural(state.createdNow(), "courrier créé", "courriers créés")
        : plural(state.selected().length, "courrier à créer", "courriers à créer");
    case "mail":
      return mailOutline(state.mailing);
  }
}

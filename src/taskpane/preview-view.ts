// Step 3 — Aperçu: one person's letter in the document itself; leaving it puts the field
// names back, so no password stays in the template.
import { qrAddress, resolveField } from "../core/merge";
import { entAddress, qrPng } from "../core/qr";
import { fillPreview, restorePreview, toBase64 } from "../word";
import { passageDefaults } from "./letters";
import { describeError, PaneContext } from "./context";
import { byId, formatCount } from "./dom";
import { runMerge } from "./merge-view";
import { openStep } from "./steps";

async function show(ctx: PaneContext, index: number): Promise<void> {
  const { state } = ctx;
  const people = state.selected();
  if (!state.roster || people.length === 0) return;
  state.previewIndex = (index + people.length) % people.length;
  const record = people[state.previewIndex];
  const roster = state.roster;
  ctx.clearError();
  try {
    await fillPreview((tag) => resolveField({ kind: "tag", tag }, roster)?.(record) ?? null, {
      showPassword: byId<HTMLInputElement>("preview-show-password").checked,
      qrImage: (entText) => {
        // As the merge does: no code while the ENT's address is the model, unless the user gave one.
        const pattern = byId<HTMLInputElement>("qr-url").value.trim() || undefined;
        const ent = entText === passageDefaults().get("adresse-ent") ? null : entAddress(entText);
        if (!ent && !pattern) return null;
        return toBase64(qrPng(qrAddress(record, roster, ent ?? "", pattern)));
      },
    });
  } catch (err) {
    ctx.showError(describeError(err));
  }
  ctx.refresh();
}

/**
 * Puts the field names back. The preview counts as left only once Word has done it: if the
 * restore fails, the person's values are still in the document and "Quitter l'aperçu" stays
 * available to try again.
 */
export async function leavePreview(ctx: PaneContext): Promise<void> {
  if (ctx.state.previewIndex < 0) return;
  try {
    await restorePreview();
    ctx.state.previewIndex = -1;
  } finally {
    ctx.refresh();
  }
}

export function setupPreview(ctx: PaneContext): void {
  byId("preview-start").addEventListener("click", () => show(ctx, Math.max(ctx.state.previewIndex, 0)));
  byId("preview-prev").addEventListener("click", () => show(ctx, ctx.state.previewIndex - 1));
  byId("preview-next").addEventListener("click", () => show(ctx, ctx.state.previewIndex + 1));
  byId("preview-show-password").addEventListener("change", () => {
    byId("preview-password-warning").hidden = !byId<HTMLInputElement>("preview-show-password").checked;
    if (ctx.state.previewIndex >= 0) void show(ctx, ctx.state.previewIndex);
  });
  // A lost letter: reprint the person shown, in one click.
  byId("preview-only").addEventListener("click", () => {
    const person = ctx.state.selected()[ctx.state.previewIndex];
    if (person) void runMerge(ctx, [person]);
  });
  byId("preview-stop").addEventListener("click", async () => {
    try {
      await leavePreview(ctx);
      openStep(ctx, "merge");
    } catch (err) {
      ctx.showError(describeError(err));
    }
  });
  byId<HTMLFormElement>("preview-search").addEventListener("submit", (e) => {
    e.preventDefault();
    const query = byId<HTMLInputElement>("preview-query").value;
    const found = ctx.state.find(query);
    if (found < 0) ctx.showError(`Personne ne correspond à « ${query} » parmi les courriers choisis.`);
    else void show(ctx, found);
  });
}

export function renderPreview(ctx: PaneContext): void {
  const people = ctx.state.selected();
  const i = ctx.state.previewIndex;
  const on = i >= 0 && people.length > 0;
  byId("preview-position").textContent = on
    ? `${formatCount(i + 1)} / ${formatCount(people.length)}`
    : `– / ${formatCount(people.length)}`;
  const person = on ? people[i] : null;
  byId("preview-person").textContent = person
    ? `${person.values.firstName} ${person.values.lastName} (${person.values.login}), ligne ${person.row}`
    : "";
  // The password is shown here, in the pane; the document shows it masked unless asked.
  byId("preview-password").textContent = person ? person.values.password : "";
  byId("preview-password-line").hidden = !person;
  const usable = ctx.wordAvailable && people.length > 0;
  for (const id of ["preview-prev", "preview-next"]) byId<HTMLButtonElement>(id).disabled = !usable || !on;
  byId<HTMLButtonElement>("preview-start").disabled = !usable || on;
  byId<HTMLButtonElement>("preview-stop").disabled = !on;
  byId<HTMLButtonElement>("preview-only").disabled = !on || !ctx.wordAvailable;
}

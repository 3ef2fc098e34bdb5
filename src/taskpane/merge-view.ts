// Step 4 — Fusion: create every letter as one new Word document, or offer it as a download.
import { renderFileWarnings } from "./file-notes";
import { passageLabel } from "../core/catalog";
import { BundleOptions, classGroups, paperPages } from "../core/merge";
import { excelNumbersWarning, Roster, RosterRecord, selectRecords } from "../core/roster";
import { createLetters, documentFields, MergePhase, openAsNewDocument } from "../word";
import { ask } from "./confirm";
import { passageDefaults } from "./letters";
import { describeError, PaneContext } from "./context";
import { audienceText, peoplePerPage } from "../core/catalog";
import { byId, formatCount, plural } from "./dom";
import type { PaneState } from "./state";

const PHASES: Record<MergePhase, [number, string]> = {
  lecture: [1, "Lecture du courrier dans Word…"],
  fusion: [2, "Création des courriers…"],
  ouverture: [3, "Ouverture du nouveau document dans Word…"],
};

export function forgetDownload(state: PaneState): void {
  if (state.offered) URL.revokeObjectURL(state.offered.url);
  state.offered = null;
  byId("merge-download").hidden = true;
  byId("merge-retry").hidden = true;
  byId<HTMLAnchorElement>("download-link").href = "#";
}

/**
 * The letters in the user's hands wherever Word did not confirm the new document: the
 * download, and another try at opening (Word for Mac and iPad may not download from the
 * pane: office-js #3385, #4681).
 */
function offerLetters(state: PaneState, docx: Uint8Array): void {
  forgetDownload(state);
  const blob = new Blob([docx as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  });
  state.offered = { docx, blob, url: URL.createObjectURL(blob) };
  byId<HTMLAnchorElement>("download-link").href = state.offered.url;
  byId("merge-download").hidden = false;
  byId("merge-retry").hidden = false;
}

/** Internet Explorer 11 (Word 2016/2019) ignores <a download>: it saves a blob its own way. */
function saveInOldWebview(state: PaneState, event: Event): void {
  const save = (navigator as { msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean }).msSaveOrOpenBlob;
  if (!save || !state.offered) return;
  event.preventDefault();
  save.call(navigator, state.offered.blob, "courriers-ent.docx");
}

export function setupMerge(ctx: PaneContext): void {
  byId("download-link").addEventListener("click", (event) => saveInOldWebview(ctx.state, event));
  byId("merge-start").addEventListener("click", () => {
    if (ctx.state.roster) void runMerge(ctx, ctx.state.selected(), bundleChoice());
  });
  for (const id of ["by-class", "receipts-only", "recto-verso"])
    byId(id).addEventListener("change", () => {
      // Receipts alone are per class too; recto-verso only makes sense for the bundles.
      if (id === "receipts-only" && byId<HTMLInputElement>(id).checked)
        byId<HTMLInputElement>("by-class").checked = true;
      if (id === "by-class" && !byId<HTMLInputElement>(id).checked)
        byId<HTMLInputElement>("receipts-only").checked = false;
      ctx.refresh("merge");
    });
}

/** What "Distribution en classe" asks for, or undefined for the letters alone. */
function bundleChoice(): BundleOptions | undefined {
  const checked = (id: string) => byId<HTMLInputElement>(id).checked;
  if (!checked("by-class") && !checked("receipts-only")) return undefined;
  return { receiptsOnly: checked("receipts-only"), rectoVerso: checked("recto-verso") && !checked("receipts-only") };
}

/** The merge's warnings after the status, the first three in full. */
function warningsSentence(messages: readonly string[]): string {
  if (messages.length === 0) return "";
  const more = messages.length - 3;
  return ` ${messages.slice(0, 3).join(" ")}${more > 0 ? ` (et ${plural(more, "autre avertissement", "autres avertissements")})` : ""}`;
}

/** The header and footer texts Word could not give (it gave the body only), said for `where`. */
export function lostPartsSentence(lostParts: readonly string[], where: "les courriers" | "les messages"): string {
  return `Word n'a fourni que le corps du courrier : ${lostParts.join(", ")} ${lostParts.length > 1 ? "manquent" : "manque"} dans ${where}.`;
}

/** Credentials Excel stored as numbers (a wrong password on those letters): go on anyway? */
export async function excelNumbersAccepted(
  roster: Roster,
  records: readonly RosterRecord[],
  use: "print" | "send" = "print",
): Promise<boolean> {
  const warning = excelNumbersWarning(roster, records);
  if (!warning) return true;
  return use === "print"
    ? ask(`${warning} Créer quand même ?`, "Créer quand même")
    : ask(`${warning} Envoyer quand même ?`, "Envoyer quand même");
}

/** Pink passages still showing the ready letter's model text: create the letters anyway? */
export async function pinkPassagesAccepted(use: "print" | "send" = "print"): Promise<boolean> {
  const { unchangedPassages } = await documentFields(passageDefaults());
  if (unchangedPassages.length === 0) return true;
  const list = unchangedPassages.map(passageLabel).join(", ");
  return use === "print"
    ? ask(
        `Passages en rose non complétés : ${list}. Ils seront imprimés tels quels dans chaque courrier. Créer quand même ?`,
        "Créer quand même",
      )
    : ask(
        `Passages en rose non complétés : ${list}. Ils partiront tels quels dans chaque message. Envoyer quand même ?`,
        "Envoyer quand même",
      );
}

/** Creates the letters of `records` (all those selected, or one person's from the preview). */
export async function runMerge(ctx: PaneContext, chosen: RosterRecord[], bundles?: BundleOptions): Promise<void> {
  // Bundles are handed out class by class: classes in order, then names.
  const records = bundles ? selectRecords(chosen, { sort: "class" }) : chosen;
  const { state } = ctx;
  const roster = state.roster;
  if (!roster || records.length === 0) return;
  const button = byId<HTMLButtonElement>("merge-start");
  const progress = byId<HTMLProgressElement>("merge-progress");
  const status = byId("merge-status");
  ctx.clearError();
  forgetDownload(state);
  button.disabled = true;
  status.className = "status";
  try {
    await ctx.leavePreview();
    if (!(await pinkPassagesAccepted())) return;
    if (!(await excelNumbersAccepted(roster, records))) return;
    progress.hidden = false;
    // A long merge shows its count and can be cancelled between two steps.
    const long = records.length > LONG_MERGE;
    const cancellation = { aborted: false };
    const cancel = byId<HTMLButtonElement>("merge-cancel");
    cancel.hidden = !long;
    cancel.onclick = () => (cancellation.aborted = true);
    const outcome = await createLetters(records, roster, {
      keepFields: byId<HTMLInputElement>("keep-fields").checked,
      platform: ctx.platform,
      bundles,
      qrUrl: byId<HTMLInputElement>("qr-url").value.trim() || undefined,
      signal: cancellation,
      onPhase: (phase) => {
        progress.max = 3;
        progress.value = PHASES[phase][0];
        status.textContent = PHASES[phase][1];
      },
      onProgress: (done, total) => {
        if (!long) return;
        progress.max = total;
        progress.value = done;
        status.textContent = `Création des courriers… ${formatCount(done)} / ${formatCount(total)}`;
      },
    });
    const skipped = records.length > 1 ? roster.problems.filter((p) => p.severity === "error").length : 0;
    ctx.state.created = { records: ctx.state.selected(), letters: outcome.letters };
    const made = bundles?.receiptsOnly
      ? `Listes d'émargement de ${plural(classGroups(records).length, "classe créée", "classes créées")}`
      : `${plural(outcome.letters, "courrier créé", "courriers créés")}${bundles ? `, en ${plural(classGroups(records).length, "liasse", "liasses")} par classe` : ""}`;
    const rest = skipped
      ? ` ${plural(skipped, "ligne du fichier écartée", "lignes du fichier écartées")} (voir « Données »).`
      : "";
    const lost = outcome.lostParts.length
      ? ` Attention : ${lostPartsSentence(outcome.lostParts, "les courriers")} Enregistrez le document puis recommencez, ou utilisez Word pour Windows ou Mac.`
      : "";
    // What the merge warned about, as the command line says it (QR codes not printed, a login too long for its box).
    const warned = warningsSentence(outcome.warnings.map((w) => w.message));
    if (outcome.opened && outcome.confirmed) {
      status.textContent = `${made} : ${outcome.letters > 1 ? "ils sont ouverts" : "il est ouvert"} dans un nouveau document Word, prêt${outcome.letters > 1 ? "s" : ""} à imprimer.${rest}${lost}${warned}`;
      status.className = lost || warned ? "status" : "status success";
    } else if (outcome.opened) {
      offerLetters(ctx.state, outcome.docx);
      status.textContent = `${made}. Word les ouvre dans un nouveau document (sur le web, dans un autre onglet ; autorisez-le s'il le demande). S'il n'apparaît pas, téléchargez-les ici.${rest}${lost}${warned}`;
    } else {
      offerLetters(ctx.state, outcome.docx);
      status.textContent = `${made}. ${outcome.openError ?? ""} Téléchargez-les puis ouvrez le fichier dans Word.${rest}${lost}${warned}`;
    }
  } catch (err) {
    status.textContent = "";
    ctx.showError(describeError(err));
  } finally {
    progress.hidden = true;
    byId("merge-cancel").hidden = true;
    ctx.refresh();
    // The button was disabled while working (and a question may have been answered): the
    // keyboard focus comes back to it rather than to the page's body.
    const active = document.activeElement;
    if (!active || active === document.body || byId("confirm-replace").contains(active)) button.focus();
  }
}

/** From this many letters on, the pane shows the count and offers to cancel. */
const LONG_MERGE = 300;

/** "Réessayer l'ouverture dans Word": a new document again, never the one the pane belongs to. */
export function setupOpenAgain(ctx: PaneContext): void {
  byId("merge-open-again").addEventListener("click", async () => {
    const offered = ctx.state.offered;
    if (!offered) return;
    ctx.clearError();
    try {
      await openAsNewDocument(offered.docx);
      byId("merge-status").textContent =
        "Word a ouvert les courriers dans un nouveau document. S'il n'apparaît pas, utilisez le téléchargement.";
    } catch (err) {
      ctx.showError(describeError(err));
    }
  });
}

export function renderMerge(ctx: PaneContext): void {
  const n = ctx.state.selected().length;
  renderFileWarnings("merge-file-notes", ctx.state.roster);
  const audience = byId("merge-audience");
  const others = ctx.state.outsideAudience();
  const letter = ctx.state.letter;
  audience.hidden = !letter || !ctx.state.roster || others === 0;
  audience.textContent =
    letter && !audience.hidden
      ? `${plural(n, "courrier", "courriers")} pour les ${audienceText(letter)} ; ${plural(others, "autre compte n'est pas concerné", "autres comptes ne sont pas concernés")} par ce courrier (voir « Données » pour en décider autrement).`
      : "";
  const bundles = bundleChoice();
  const pages = paperPages(ctx.state.selected(), bundles);
  const cardPages = Math.ceil(n / peoplePerPage("cartes"));
  byId("paper-count").textContent = !n
    ? ""
    : ctx.state.letter?.name === "cartes"
      ? `${plural(n, "personne", "personnes")} → ${plural(cardPages, "page", "pages")} de cartes à imprimer.`
      : bundles
        ? `${plural(n, "personne", "personnes")}, ${plural(classGroups(ctx.state.selected()).length, "classe", "classes")} → environ ${plural(pages, "page", "pages")} à imprimer.`
        : `${plural(n, "courrier", "courriers")} → ${plural(pages, "page", "pages")} ; en cartes : ${plural(cardPages, "page", "pages")}.`;
  byId<HTMLInputElement>("recto-verso").disabled =
    !byId<HTMLInputElement>("by-class").checked || Boolean(bundles?.receiptsOnly);
  const button = byId<HTMLButtonElement>("merge-start");
  button.disabled = !ctx.wordAvailable || n === 0;
  button.textContent = bundles?.receiptsOnly
    ? "Créer les listes d'émargement"
    : n === 1
      ? "Créer le courrier"
      : n
        ? `Créer les ${plural(n, "courrier", "courriers")}`
        : "Créer les courriers";
}

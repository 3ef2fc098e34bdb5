// The task pane: five steps (Données, Courrier, Aperçu, Fusion, Envoyer par courriel). The
// roster lives in this page's memory only; nothing is stored, and nothing is sent but the
// e-mails the user sends.
import { officeThemeIsDark, restoreLeftoverPreview, whenOfficeReady } from "../word";
import { ask } from "./confirm";
import { describeError, messageArea, PaneContext } from "./context";
import { renderData, setupData } from "./data-view";
import { byFocusKey, byId } from "./dom";
import { renderLetter, setupLetter } from "./letter-view";
import { forgetDownload, renderMerge, setupOpenAgain, setupMerge } from "./merge-view";
import { renderMail, setupMail } from "./mail-view";
import { CLIENT_ID } from "./config";
import { leavePreview, renderPreview, setupPreview } from "./preview-view";
import { PaneState, StepId, STEPS } from "./state";
import { renderSteps, setupSteps } from "./steps";

const RENDER: Record<StepId, (ctx: PaneContext) => void> = {
  data: renderData,
  letter: renderLetter,
  preview: renderPreview,
  merge: renderMerge,
  mail: renderMail,
};

function createContext(): PaneContext {
  const ctx: PaneContext = {
    state: new PaneState(),
    wordAvailable: false,
    platform: "",
    ...messageArea(),
    refresh(...steps: StepId[]) {
      // Re-rendering replaces some controls: keep the keyboard focus where the user was.
      const focused = document.activeElement as HTMLElement | null;
      const key = focused?.dataset.focusKey;
      for (const step of steps.length ? steps : STEPS) RENDER[step](ctx);
      renderSteps(ctx);
      if (!ctx.state.roster) forgetDownload(ctx.state);
      if (key && !document.contains(focused)) byFocusKey(key)?.focus();
    },
    leavePreview: () => leavePreview(ctx),
  };
  return ctx;
}

async function start(): Promise<void> {
  const ctx = createContext();
  setupData(ctx);
  setupLetter(ctx);
  setupPreview(ctx);
  setupMerge(ctx);
  setupOpenAgain(ctx);
  setupMail(ctx);
  setupSteps(ctx);
  if (CLIENT_ID)
    byId("privacy").textContent =
      "Vos données restent sur cet ordinateur : seuls partent les courriels que vous envoyez, et le journal des envois (sans mot de passe) reste dans le document.";
  ctx.refresh();
  const info = await whenOfficeReady(() => {
    byId("host-status").textContent =
      "Word tarde à répondre… Le volet attend toujours ; en attendant, vous pouvez déjà choisir le fichier.";
  });
  ctx.wordAvailable = Boolean(info && info.host === "Word");
  ctx.platform = info?.platform ?? "";
  followTheme();
  byId("host-status").textContent = ctx.wordAvailable
    ? `Word prêt (${info!.platform}).`
    : "Word n'est pas disponible : ouvrez ce volet depuis Word (onglet Accueil › Courriers ENT). Vous pouvez tout de même vérifier un fichier.";
  ctx.refresh();
  if (ctx.wordAvailable) await putBackLeftoverPreview(ctx);
  // Closing the pane must not leave a person's password in the template.
  window.addEventListener("pagehide", () => {
    if (ctx.state.previewIndex >= 0) leavePreview(ctx).catch((err) => ctx.showError(describeError(err)));
  });
}

/** The pane follows Office's theme (dark or light); outside Office, the system's. */
function followTheme(): void {
  const dark = officeThemeIsDark() ?? window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

/**
 * A preview the pane could not end (closed with the document) recorded the fields it filled:
 * ask before putting their names back. Without that record nothing is touched.
 */
async function putBackLeftoverPreview(ctx: PaneContext): Promise<void> {
  try {
    const restored = await restoreLeftoverPreview((count) =>
      ask(
        `Un aperçu n'a pas été terminé : ${count > 1 ? `${count} champs de ce document montrent` : "un champ de ce document montre"} encore les valeurs d'une personne. Remettre les noms des champs ?`,
        "Remettre les noms des champs",
      ),
    );
    if (restored > 0)
      ctx.showError(
        `Les noms des champs ont été remis (${restored > 1 ? `${restored} champs` : "un champ"}). Enregistrez le document pour que le modèle ne garde aucune valeur.`,
      );
  } catch (err) {
    ctx.showError(describeError(err));
  }
}

// A pane that cannot start says so in French rather than staying blank.
start().catch((err: unknown) => {
  const status = document.getElementById("host-status");
  if (status)
    status.textContent = `Le volet n'a pas pu démarrer dans cette version de Word (${describeError(err)}). Utilisez Word pour Microsoft 365, Word 2021 ou plus récent, ou Word sur le web.`;
});

// Asking before an action the user may not want (replacing a document, printing pink model
// text). Office add-ins cannot rely on window.confirm (blocked in several Word hosts), so
// the question is asked in the pane.
import { documentIsEmpty } from "../word";
import { byId } from "./dom";

/** Shows `question` with a « yes » button named `yes` and « Annuler »; resolves with the answer. */
export function ask(question: string, yes: string): Promise<boolean> {
  const box = byId("confirm-replace");
  const ok = byId<HTMLButtonElement>("confirm-replace-yes");
  const no = byId<HTMLButtonElement>("confirm-replace-no");
  byId("confirm-replace-text").textContent = question;
  ok.textContent = yes;
  // Focus goes back where the user was (the button that asked), not to the page's body.
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  box.hidden = false;
  ok.focus();
  return new Promise((resolve) => {
    const answer = (value: boolean) => () => {
      box.hidden = true;
      ok.onclick = null;
      no.onclick = null;
      if (before && before !== document.body && document.contains(before)) before.focus();
      resolve(value);
    };
    ok.onclick = answer(true);
    no.onclick = answer(false);
  });
}

/** Before a ready letter or the letters replace the document: true when it is empty or the user agrees. */
export async function mayReplaceDocument(): Promise<boolean> {
  if (await documentIsEmpty()) return true;
  return ask("Le document n'est pas vide : son contenu va être remplacé. Continuer ?", "Remplacer");
}

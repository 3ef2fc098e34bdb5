// Asking before replacing a document's content. Office add-ins cannot rely on
// window.confirm (blocked in several Word hosts), so the question is asked in the pane.
import { byId } from "./dom";

/** Resolves true when the user chooses « Remplacer », false for « Annuler ». */
export function confirmReplace(): Promise<boolean> {
  const box = byId("confirm-replace");
  const yes = byId<HTMLButtonElement>("confirm-replace-yes");
  const no = byId<HTMLButtonElement>("confirm-replace-no");
  box.hidden = false;
  yes.focus();
  return new Promise((resolve) => {
    const answer = (value: boolean) => () => {
      box.hidden = true;
      yes.onclick = null;
      no.onclick = null;
      resolve(value);
    };
    yes.onclick = answer(true);
    no.onclick = answer(false);
  });
}

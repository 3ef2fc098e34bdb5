// What the pane's steps share: the state, whether Word is here, and how to tell the user.
import { CourriersError, technicalDetail } from "../core/errors";
import { PaneState, StepId } from "./state";
import { byId } from "./dom";

export interface PaneContext {
  state: PaneState;
  wordAvailable: boolean;
  /** Office's platform ("PC", "Mac", "OfficeOnline", "iOS"…), "" outside Word. */
  platform: string;
  /** Shows a French message in the alert area (never a stack trace). */
  showError(message: string): void;
  clearError(): void;
  /**
   * Re-renders the steps a change concerns (every step when none is named) and the step
   * headers. A change within one step names it, so the others keep their controls as they are.
   */
  refresh(...steps: StepId[]): void;
  /** Leaves the preview if it is on (restores the field names). */
  leavePreview(): Promise<void>;
}

/**
 * The technical detail of the last unexpected failure described (its stack and causes),
 * offered as « Copier le détail technique » beside the message, never shown in it.
 */
let unexpectedDetail: string | null = null;

export function messageArea(): Pick<PaneContext, "showError" | "clearError"> {
  const area = byId("message");
  return {
    showError(message: string) {
      area.textContent = message;
      area.hidden = false;
      const detail = unexpectedDetail;
      unexpectedDetail = null;
      if (detail === null) return;
      const copy = document.createElement("button");
      copy.type = "button";
      copy.className = "link-button";
      copy.textContent = "Copier le détail technique";
      copy.addEventListener("click", () => {
        // Where the clipboard is refused, the detail is shown to select instead.
        navigator.clipboard?.writeText(detail).then(
          () => (copy.textContent = "Détail copié : collez-le dans votre signalement."),
          () => area.appendChild(Object.assign(document.createElement("pre"), { textContent: detail })),
        );
      });
      area.appendChild(document.createTextNode(" "));
      area.appendChild(copy);
    },
    clearError() {
      area.textContent = "";
      area.hidden = true;
    },
  };
}

/** A French sentence for any failure: ours carry one (with a code); others are summarised. */
export function describeError(err: unknown): string {
  if (err instanceof CourriersError && err.code !== "internal") return err.message;
  unexpectedDetail = technicalDetail(err);
  if (err instanceof CourriersError) return err.message;
  return `Une erreur inattendue s'est produite (${err instanceof Error ? err.message : String(err)}). Réessayez ; si elle revient, signalez-la.`;
}

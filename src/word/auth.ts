// Signing in to Microsoft 365 for Graph's sendMail (delegated Mail.Send), as Microsoft's
// nested app authentication guide and its Office samples do. Where Office supports nested
// app authentication (NestedAppAuth 1.1), MSAL asks Office itself for the token (silently,
// else with Office's own prompt). Elsewhere, or when that fails, an Office dialog runs MSAL's
// redirect sign-in on our own page (auth-dialog.html) and hands the token back; never an
// MSAL popup from the pane's frame. Every window opens from the user's click: a token that
// expires mid-run is renewed silently or the run stops and asks for a click. Tokens stay in
// memory.
import { AccountInfo, createNestablePublicClientApplication, IPublicClientApplication } from "@azure/msal-browser";
import { MailError } from "../core/mail";
import { withEarlier } from "../core/errors";

/**
 * The tenant's own authority: the app is registered for "accounts in this organizational
 * directory only" (README), which /common refuses (AADSTS50194).
 */
export function authority(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId || "organizations"}`;
}
export const GRAPH_SCOPES = ["https://graph.microsoft.com/Mail.Send"];

export type AuthWay = "naa" | "dialog";

/** A signed-in user: a token for Graph (a fresh one when asked), and their address. */
export interface SignedIn {
  token(renew?: boolean): Promise<string>;
  /** The signed-in user's address (their UPN), where "M'envoyer d'abord un exemple" goes. */
  address(): string;
}

/** Nested app authentication where Office offers it (requirement set NestedAppAuth 1.1), else the dialog. */
export function authWay(): AuthWay {
  try {
    return Office.context.requirements.isSetSupported("NestedAppAuth", "1.1") ? "naa" : "dialog";
  } catch {
    return "dialog";
  }
}

/** Call from the user's click, before anything else is awaited: a window may open. */
export async function signIn(clientId: string, tenantId = ""): Promise<SignedIn> {
  let refused: unknown;
  if (authWay() === "naa") {
    const nested = await signInNested(clientId, tenantId);
    if ("token" in nested) return nested;
    refused = nested.refused;
  }
  try {
    return await signInWithDialog();
  } catch (err) {
    // Why nested app authentication could not sign in either, for whoever reads the detail.
    throw refused === undefined ? err : withEarlier(err, refused);
  }
}

/** Nested app authentication, or why it cannot sign in (the Office dialog then does). */
async function signInNested(clientId: string, tenantId: string): Promise<SignedIn | { refused: unknown }> {
  let pca: IPublicClientApplication;
  try {
    pca = await createNestablePublicClientApplication({
      auth: { clientId, authority: authority(tenantId) },
      cache: { cacheLocation: "memoryStorage" },
    });
  } catch (err) {
    return { refused: err };
  }
  let account: AccountInfo | undefined;
  try {
    // At the click: silently, else with Office's own prompt (brokered by Office, not a popup of ours).
    const result = await pca.acquireTokenSilent({ scopes: GRAPH_SCOPES }).catch((silent: unknown) =>
      pca.acquireTokenPopup({ scopes: GRAPH_SCOPES }).catch((popup: unknown) => {
        throw withEarlier(popup, silent);
      }),
    );
    account = result.account ?? undefined;
    let token = result.accessToken;
    return {
      // Later (a 401 mid-run): silently only; a prompt now would come without a click.
      token: async (renew = false) => {
        if (!renew) return token;
        try {
          const fresh = await pca.acquireTokenSilent({ scopes: GRAPH_SCOPES, account, forceRefresh: true });
          token = fresh.accessToken;
          return token;
        } catch (err) {
          throw signInExpired(err);
        }
      },
      address: () => account?.username ?? "",
    };
  } catch (err) {
    const failure = signInError(err);
    if (failure.code === "sign-in-cancelled") throw failure;
    // Nested app authentication refused here: Microsoft's samples fall back to the dialog.
    return { refused: err };
  }
}

/** What the dialog page sends back through messageParent. */
export type DialogAnswer = { ok: true; token: string; username: string } | { ok: false; error: string };

/** Office's code when the user closed the dialog. */
const DIALOG_CLOSED = 12006;

/**
 * Runs the sign-in in an Office dialog, opened by the user's click. A token refused later
 * stops the run (« cliquez de nouveau sur Envoyer »): a dialog opened without a click is
 * blocked by the browser (12011).
 */
async function signInWithDialog(): Promise<SignedIn> {
  const answer = await dialogSignIn();
  return {
    token: async (renew = false) => {
      if (renew) throw signInExpired();
      return answer.token;
    },
    address: () => answer.username,
  };
}

/** Whether Office tells where a dialog's message comes from (DialogOrigin 1.1). */
function dialogOriginKnown(): boolean {
  try {
    return Office.context.requirements.isSetSupported("DialogOrigin", "1.1");
  } catch {
    return false;
  }
}

function dialogSignIn(): Promise<{ token: string; username: string }> {
  const url = new URL("auth-dialog.html", location.href).href;
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed)
        return reject(
          new MailError(
            "sign-in-failed",
            `Word n'a pas pu ouvrir la fenêtre de connexion à Microsoft 365 (${result.error.message}). Autorisez les fenêtres du complément puis réessayez.`,
          ),
        );
      const dialog = result.value;
      const checkOrigin = dialogOriginKnown();
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        // Only our own page (auth-dialog.html, this pane's origin) may hand a token over.
        const origin = "origin" in arg ? arg.origin : undefined;
        if (checkOrigin && origin !== location.origin) {
          dialog.close();
          return reject(
            new MailError(
              "sign-in-failed",
              `La fenêtre de connexion a reçu une réponse d'une autre adresse (${String(origin)}) : elle a été ignorée. Réessayez.`,
            ),
          );
        }
        dialog.close();
        const message = "message" in arg ? arg.message : "";
        let parsed: DialogAnswer;
        try {
          parsed = JSON.parse(message) as DialogAnswer;
        } catch {
          parsed = { ok: false, error: "réponse illisible" };
        }
        if (parsed.ok) resolve({ token: parsed.token, username: parsed.username });
        else reject(signInError(parsed.error));
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        const code = "error" in arg ? arg.error : 0;
        reject(
          code === DIALOG_CLOSED
            ? signInCancelled()
            : new MailError(
                "sign-in-failed",
                `La fenêtre de connexion à Microsoft 365 s'est fermée (code ${code}). Réessayez.`,
              ),
        );
      });
    });
  });
}

/** A token refused mid-run that cannot be renewed without a click. */
function signInExpired(cause?: unknown): MailError {
  return new MailError("sign-in-expired", "connexion expirée", { cause });
}

/** The user closed or cancelled the sign-in: nothing was sent. */
function signInCancelled(cause?: unknown): MailError {
  return new MailError("sign-in-cancelled", "Connexion à Microsoft 365 annulée : aucun message n'a été envoyé.", {
    cause,
  });
}

/** A sign-in failure in French; MSAL's error code is kept for the administrator. */
function signInError(err: unknown): MailError {
  // The dialog page sends MSAL's error as text: kept as an error, so causes can follow it.
  if (typeof err === "string") return signInError(new Error(err));
  const code = (err as { errorCode?: string })?.errorCode ?? (err instanceof Error ? err.message : String(err));
  if (/user_cancel/i.test(code)) return signInCancelled(err);
  return new MailError(
    "sign-in-failed",
    `Connexion à Microsoft 365 impossible (${code}). Vérifiez que votre compte a une boîte aux lettres Exchange Online et que l'administrateur a autorisé Courriers ENT à envoyer du courrier (Mail.Send).`,
    { cause: err },
  );
}

// Signing in to Microsoft 365 for Graph's sendMail (delegated Mail.Send). Where Office
// supports nested app authentication (NestedAppAuth 1.1), MSAL asks Office itself for the
// token: no window, no redirect. Elsewhere, an Office dialog runs MSAL's redirect sign-in on
// our own page (auth-dialog.html) and hands the token back. Tokens stay in memory.
import { AccountInfo, createNestablePublicClientApplication, IPublicClientApplication } from "@azure/msal-browser";
import { MailError } from "../core/mail";

export const AUTHORITY = "https://login.microsoftonline.com/common";
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

export async function signIn(clientId: string): Promise<SignedIn> {
  return authWay() === "naa" ? signInNested(clientId) : signInWithDialog();
}

async function signInNested(clientId: string): Promise<SignedIn> {
  let pca: IPublicClientApplication;
  try {
    pca = await createNestablePublicClientApplication({
      auth: { clientId, authority: AUTHORITY },
      cache: { cacheLocation: "memoryStorage" },
    });
  } catch (err) {
    throw signInError(err);
  }
  let account: AccountInfo | undefined;
  const token = async (renew = false) => {
    try {
      const result = await pca
        .acquireTokenSilent({ scopes: GRAPH_SCOPES, account, forceRefresh: renew })
        .catch(() => pca.acquireTokenPopup({ scopes: GRAPH_SCOPES }));
      account = result.account ?? account;
      return result.accessToken;
    } catch (err) {
      throw signInError(err);
    }
  };
  await token();
  return { token, address: () => account?.username ?? "" };
}

/** What the dialog page sends back through messageParent. */
export type DialogAnswer = { ok: true; token: string; username: string } | { ok: false; error: string };

/** Office's code when the user closed the dialog. */
const DIALOG_CLOSED = 12006;

/** Runs the sign-in in an Office dialog; each renewal opens it again (it closes at once when signed in). */
async function signInWithDialog(): Promise<SignedIn> {
  let answer = await dialogSignIn();
  return {
    token: async (renew = false) => {
      if (renew) answer = await dialogSignIn();
      return answer.token;
    },
    address: () => answer.username,
  };
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
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
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

/** The user closed or cancelled the sign-in: nothing was sent. */
function signInCancelled(cause?: unknown): MailError {
  return new MailError("sign-in-cancelled", "Connexion à Microsoft 365 annulée : aucun message n'a été envoyé.", {
    cause,
  });
}

/** A sign-in failure in French; MSAL's error code is kept for the administrator. */
function signInError(err: unknown): MailError {
  const code =
    typeof err === "string"
      ? err
      : ((err as { errorCode?: string })?.errorCode ?? (err instanceof Error ? err.message : String(err)));
  if (/user_cancel/i.test(code)) return signInCancelled(err);
  return new MailError(
    "sign-in-failed",
    `Connexion à Microsoft 365 impossible (${code}). Vérifiez que votre compte a une boîte aux lettres Exchange Online et que l'administrateur a autorisé Courriers ENT à envoyer du courrier (Mail.Send).`,
    { cause: err },
  );
}

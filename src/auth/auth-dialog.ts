// The Office dialog that signs in where nested app authentication is missing: MSAL's
// redirect flow on this page (sessionStorage holds its state across the redirect; the window
// and its storage go when Office closes it), then the token to the pane by messageParent.
import { PublicClientApplication } from "@azure/msal-browser";
// The word layer's sign-in module itself, not its index: this page needs nothing else of it.
import { authority, DialogAnswer, GRAPH_SCOPES } from "../word/auth";
import { CLIENT_ID, TENANT_ID } from "../taskpane/config";

/** To the pane only: its origin is this page's (DialogOrigin 1.1 lets Office check it). */
function answer(message: DialogAnswer): void {
  const text = JSON.stringify(message);
  if (Office.context.requirements.isSetSupported("DialogOrigin", "1.1"))
    Office.context.ui.messageParent(text, { targetOrigin: location.origin });
  else Office.context.ui.messageParent(text);
}

async function run(): Promise<void> {
  await Office.onReady();
  const pca = new PublicClientApplication({
    auth: {
      clientId: CLIENT_ID,
      authority: authority(TENANT_ID),
      redirectUri: new URL(location.pathname, location.origin).href,
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  try {
    await pca.initialize();
    const result = await pca.handleRedirectPromise();
    if (result) return answer({ ok: true, token: result.accessToken, username: result.account?.username ?? "" });
    await pca.acquireTokenRedirect({ scopes: GRAPH_SCOPES });
  } catch (err) {
    const code = (err as { errorCode?: string })?.errorCode ?? (err instanceof Error ? err.message : String(err));
    const status = document.getElementById("auth-status");
    if (status) status.textContent = `Connexion impossible (${code}).`;
    answer({ ok: false, error: code });
  }
}

void run();

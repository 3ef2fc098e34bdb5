// Sending one message through Microsoft Graph (`POST /me/sendMail`, delegated Mail.Send):
// the request body built from the message engine's output, and each answer sorted as the
// SMTP sender sorts them — sent, retry later (429 with Retry-After, 5xx), token to renew
// (401), or refused for this recipient. The caller gives the HTTP client and the token
// (the pane: fetch and MSAL), so this stays free of DOM and Node.
import { LetterMessage } from "./messages";

export const GRAPH_ENDPOINT = "https://graph.microsoft.com/v1.0";

/** The little of fetch this needs. */
export type HttpPost = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export interface GraphClient {
  post: HttpPost;
  /** An access token for Graph; `renew` asks for a fresh one (after a 401). */
  token(renew?: boolean): Promise<string>;
  sleep(ms: number): Promise<void>;
  endpoint?: string;
}

export type GraphResult = { ok: true } | { ok: false; kind: "retry" | "refused" | "auth"; detail: string };

/** Base64 of bytes without Node's Buffer or the DOM's btoa: the attachment's contentBytes. */
export function base64(bytes: Uint8Array): string {
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += A[(n >> 18) & 63] + A[(n >> 12) & 63];
    out += i + 1 < bytes.length ? A[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? A[n & 63] : "=";
  }
  return out;
}

/** The sendMail request body: HTML body, one recipient with their name, the letter attached if asked. */
export function graphMessage(message: LetterMessage): object {
  return {
    message: {
      subject: message.subject,
      body: { contentType: "HTML", content: message.html },
      toRecipients: [{ emailAddress: { address: message.to, name: message.toName } }],
      attachments: message.attachment
        ? [
            {
              "@odata.type": "#microsoft.graph.fileAttachment",
              name: message.attachment.filename,
              contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              contentBytes: base64(message.attachment.content),
            },
          ]
        : [],
    },
    // A copy in the sender's Sent Items would keep every person's password there.
    saveToSentItems: false,
  };
}

/** Waits for a 429 or 503: the seconds Retry-After asks, else the backoff's next step. */
const BACKOFF_MS = [5_000, 15_000, 60_000, 180_000];

/** The longest wait a Retry-After gets (5 min): beyond, the run stops for this person and says how long. */
const RETRY_AFTER_CAP_S = 300;

/** Sends one message; retries 429/5xx after the wait asked, renews the token once after a 401. */
export async function sendWithGraph(message: LetterMessage, client: GraphClient): Promise<GraphResult> {
  const url = `${client.endpoint ?? GRAPH_ENDPOINT}/me/sendMail`;
  const body = JSON.stringify(graphMessage(message));
  let renewed = false;
  let renewNow = false;
  for (let attempt = 0; ; attempt++) {
    const token = await client.token(renewNow);
    renewNow = false;
    let status: number;
    let retryAfter: string | null = null;
    let detail = "";
    try {
      const res = await client.post(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body,
      });
      status = res.status;
      retryAfter = res.headers.get("Retry-After");
      if (status < 200 || status >= 300) detail = graphErrorText(await res.text(), status);
    } catch (err) {
      status = 0;
      detail = `connexion impossible (${err instanceof Error ? err.message : String(err)})`;
    }
    if (status >= 200 && status < 300) return { ok: true };
    if (status === 401 && !renewed) {
      renewed = renewNow = true;
      continue;
    }
    if (status === 401 || status === 403) return { ok: false, kind: "auth", detail };
    const transient = status === 0 || status === 429 || status >= 500;
    if (!transient) return { ok: false, kind: "refused", detail };
    if (attempt >= BACKOFF_MS.length) return { ok: false, kind: "retry", detail };
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds > RETRY_AFTER_CAP_S)
      return {
        ok: false,
        kind: "retry",
        detail: `Microsoft 365 demande d’attendre ${Math.ceil(seconds / 60)} min avant le prochain message : reprenez l’envoi plus tard`,
      };
    await client.sleep(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : BACKOFF_MS[attempt]);
  }
}

/** Graph's error message ({"error":{"code","message"}}) for the report, or the status. */
function graphErrorText(text: string, status: number): string {
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    if (error?.message) return `${status} ${error.code ?? ""} : ${error.message}`.replace(/\s+:/, " :");
  } catch {
    // not JSON: the status says enough
  }
  return `réponse ${status} de Microsoft Graph`;
}

// Microsoft Graph (`POST /me/sendMail`, delegated Mail.Send) as a channel of the sending
// loop: the request body built from the message engine's output, and each answer sorted.
// The caller gives the HTTP client and the token (the pane: fetch and MSAL), so this stays
// free of DOM and Node.
import { LetterMessage } from "./messages";
import { PER_DAY, PER_MINUTE } from "./exchange";
import { Channel } from "./send-loop";

export const GRAPH_ENDPOINT = "https://graph.microsoft.com/v1.0";

/**
 * The little of fetch this needs. `timeoutMs`: the caller aborts a request unanswered by
 * then (and on « Annuler »), throwing; an error with `notSent: true` says nothing left.
 */
export type HttpPost = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string; timeoutMs: number },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export interface GraphClient {
  post: HttpPost;
  /** An access token for Graph; `renew` asks for a fresh one (after a 401). */
  token(renew?: boolean): Promise<string>;
  endpoint?: string;
}

export interface GraphOptions {
  /** Keep a copy in the sender's Sent Items (off by default: each copy holds a password). */
  saveToSentItems?: boolean;
  /** How long a request may go unanswered. */
  timeoutMs?: number;
}

/** A request unanswered for 2 minutes (a 3 MB attachment on a slow line takes well under that). */
export const REQUEST_TIMEOUT_MS = 120_000;
/** Graph refuses a request above 4 MB: every message of the run would be refused. */
const GRAPH_REQUEST_LIMIT = 4 * 1024 * 1024;

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
export function graphMessage(message: LetterMessage, { saveToSentItems = false }: GraphOptions = {}): object {
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
    // A copy in the sender's Sent Items would keep the person's password there: only if asked.
    saveToSentItems,
  };
}

/**
 * Microsoft 365 as a sending channel: one `POST /me/sendMail` per try, sorted the way the
 * sending loop needs. 429 and 503 are Graph's throttling (nothing processed): wait and
 * retry. Any other 5xx, a timeout or a connection lost once the request went may follow a
 * message Graph already took: "uncertain", never resent unasked. An expired token is
 * renewed once (the 401 means Graph refused the request).
 */
export function graphChannel(client: GraphClient, options: GraphOptions = {}): Channel {
  const url = `${client.endpoint ?? GRAPH_ENDPOINT}/me/sendMail`;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const bodyOf = (message: LetterMessage) => JSON.stringify(graphMessage(message, options));
  return {
    name: "Microsoft 365",
    perMinute: PER_MINUTE,
    perDay: PER_DAY,
    // The messages differ only by their values: the first one's size says whether any can go.
    refuse: (first) => {
      const size = bodyOf(first).length;
      if (size <= GRAPH_REQUEST_LIMIT) return null;
      return `Avec le courrier en pièce jointe, chaque message ferait ${(size / 1024 / 1024).toFixed(1).replace(".", ",")} Mo, plus que les 4 Mo qu’accepte Microsoft 365 : décochez « Joindre aussi le courrier (.docx) », ou allégez le modèle (ses images).`;
    },
    send: async (message) => {
      const body = bodyOf(message);
      for (let renew = false; ; renew = true) {
        let token: string;
        try {
          token = await client.token(renew);
        } catch (error) {
          return { ok: false, kind: "stop", reason: "auth", detail: errorText(error), error };
        }
        let res: Awaited<ReturnType<HttpPost>>;
        try {
          res = await client.post(url, {
            method: "POST",
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            body,
            timeoutMs,
          });
        } catch (error) {
          const detail = `pas de réponse de Microsoft 365 (${errorText(error)})`;
          if ((error as { notSent?: boolean })?.notSent) return { ok: false, kind: "retry", detail };
          return { ok: false, kind: "uncertain", detail };
        }
        const { status } = res;
        if (status >= 200 && status < 300) return { ok: true, id: res.headers.get("request-id") ?? "" };
        const detail = graphErrorText(await res.text().catch(() => ""), status);
        if (status === 401 && !renew) continue;
        if (status === 401 || status === 403) return { ok: false, kind: "stop", reason: "auth", detail };
        if (status === 429 || status === 503) {
          const seconds = Number(res.headers.get("Retry-After"));
          return {
            ok: false,
            kind: "retry",
            detail,
            ...(Number.isFinite(seconds) && seconds > 0 ? { waitMs: seconds * 1000 } : {}),
          };
        }
        if (status >= 500) return { ok: false, kind: "uncertain", detail };
        return { ok: false, kind: "refused", detail };
      }
    },
  };
}

function errorText(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : String(error);
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

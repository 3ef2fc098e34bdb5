// A local HTTPS fake of Microsoft Graph's sendMail for the tests: it checks the bearer token,
// records each message, and plays the answers a tenant gives (202, 429 with Retry-After,
// 503, 400 for a bad recipient, 401 for an expired token).
import * as https from "https";
import { AddressInfo } from "net";
import { testCertificate } from "./test-certificate";
import type { HttpPost } from "../../src/core/mail";

export interface FakeGraph {
  url: string;
  ca: string;
  sent: Array<{
    to: string;
    subject: string;
    html: string;
    attachments: Array<{ name: string }>;
    saveToSentItems: boolean;
  }>;
  requests: number;
  /** Answers to give first, in order, before accepting: [status, Retry-After?]. */
  script: Array<[number, string?]>;
  /** Recipients refused with 400. */
  refuse: string[];
  /** Tokens accepted. */
  tokens: string[];
  /** Milliseconds before answering each message (a slow tenant, so that a test can cancel mid-run). */
  delayMs: number;
  /**
   * Messages taken, then answered badly, in order: a status (504 after Graph accepted),
   * "reset" (the connection cut) or "hang" (no answer ever).
   */
  afterAccept: Array<number | "reset" | "hang">;
  close(): Promise<void>;
  /** A fetch-like client that trusts this server's certificate. */
  post: HttpPost;
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const { key, cert } = await testCertificate();
  const state: FakeGraph = {
    url: "",
    ca: cert,
    sent: [],
    requests: 0,
    script: [],
    refuse: [],
    tokens: ["jeton-1"],
    delayMs: 0,
    afterAccept: [],
    close: async () => undefined,
    post: async () => {
      throw new Error("not started");
    },
  };
  const server = https.createServer({ key, cert }, (req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      state.requests++;
      const reply = (status: number, json?: object, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "Content-Type": "application/json", ...headers });
        res.end(json ? JSON.stringify(json) : "");
      };
      if (req.method !== "POST" || req.url !== "/v1.0/me/sendMail")
        return reply(404, { error: { code: "NotFound", message: req.url } });
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      if (!state.tokens.includes(token))
        return reply(401, { error: { code: "InvalidAuthenticationToken", message: "Access token has expired." } });
      const next = state.script.shift();
      if (next)
        return reply(
          next[0],
          { error: { code: "TooManyRequests", message: "Slow down" } },
          next[1] ? { "Retry-After": next[1] } : {},
        );
      const { message } = JSON.parse(body);
      const to = message.toRecipients[0].emailAddress.address;
      if (state.refuse.includes(to))
        return reply(400, { error: { code: "ErrorInvalidRecipients", message: `Invalid recipient ${to}` } });
      state.sent.push({
        to,
        subject: message.subject,
        html: message.body.content,
        attachments: message.attachments,
        saveToSentItems: JSON.parse(body).saveToSentItems,
      });
      const after = state.afterAccept.shift();
      if (after === "hang") return;
      if (after === "reset") return req.socket.destroy();
      if (after) return reply(after, { error: { code: "GatewayTimeout", message: "Gateway Timeout" } });
      setTimeout(() => reply(202, undefined, { "request-id": `req-${state.sent.length}` }), state.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  state.url = `https://127.0.0.1:${port}/v1.0`;
  state.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  // As the pane's fetch does: aborted after init.timeoutMs, or when `signal` (the pane's
  // « Annuler ») aborts; a refused connection is known not to have sent anything.
  state.post = (url, init) =>
    new Promise((resolve, reject) => {
      const { signal } = init as { signal?: AbortSignal };
      const req = https.request(url, { method: init.method, headers: init.headers, ca: cert, signal }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: { get: (name: string) => (res.headers[name.toLowerCase()] as string | undefined) ?? null },
            text: async () => text,
          }),
        );
      });
      if (init.timeoutMs) {
        const timer = setTimeout(
          () => req.destroy(new Error(`aucune réponse en ${init.timeoutMs} ms`)),
          init.timeoutMs,
        );
        req.on("close", () => clearTimeout(timer));
      }
      req.on("error", (err: NodeJS.ErrnoException) =>
        reject(err.code === "ECONNREFUSED" ? Object.assign(err, { notSent: true }) : err),
      );
      req.end(init.body);
    });
  return state;
}

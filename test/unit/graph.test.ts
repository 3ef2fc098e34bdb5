// Sending through Microsoft Graph, against a local HTTPS fake of /me/sendMail: the request
// body, 429 with Retry-After honoured, 5xx retried, an expired token renewed once, a bad
// recipient refused without stopping, and base64 for attachments.
import { base64, graphMessage, LetterMessage, sendWithGraph } from "../../src/core/mail";
import { FakeGraph, startFakeGraph } from "../helpers/fake-graph";

const message = (to: string, attach = false): LetterMessage => ({
  to,
  toName: "Aïcha N'DIAYE",
  subject: "Vos identifiants pour l'ENT du collège",
  html: "<p>Identifiant : aicha.ndiaye</p>",
  text: "Identifiant : aicha.ndiaye",
  attachment: attach
    ? { filename: "courrier-ENT-aicha.ndiaye.docx", content: new Uint8Array([0x50, 0x4b, 3, 4]) }
    : undefined,
});

let graph: FakeGraph;
beforeEach(async () => {
  graph = await startFakeGraph();
});
afterEach(() => graph.close());

function client(waits: number[] = [], tokens = ["jeton-1"]) {
  let i = 0;
  return {
    post: graph.post,
    endpoint: graph.url,
    token: async (renew?: boolean) => (renew ? (tokens[++i] ?? tokens[i - 1]) : tokens[i]),
    sleep: async (ms: number) => void waits.push(ms),
  };
}

describe("sendWithGraph", () => {
  it("posts the HTML body to the recipient, by name, with the letter attached", async () => {
    expect(await sendWithGraph(message("aicha@example.test", true), client())).toEqual({ ok: true });
    expect(graph.sent).toEqual([
      {
        to: "aicha@example.test",
        subject: "Vos identifiants pour l'ENT du collège",
        html: "<p>Identifiant : aicha.ndiaye</p>",
        attachments: [expect.objectContaining({ name: "courrier-ENT-aicha.ndiaye.docx", contentBytes: "UEsDBA==" })],
      },
    ]);
  });

  it("waits the seconds Retry-After asks on 429, retries 503 after its backoff, then sends once", async () => {
    graph.script.push([429, "7"], [503], [429, "1"]);
    const waits: number[] = [];
    expect(await sendWithGraph(message("a@example.test"), client(waits))).toEqual({ ok: true });
    expect(waits).toEqual([7000, 15000, 1000]);
    expect(graph.sent).toHaveLength(1);
    expect(graph.requests).toBe(4);
  });

  it("does not wait an hour when Retry-After asks for one: above 5 minutes it stops, saying how long", async () => {
    graph.script.push([429, "3600"]);
    const waits: number[] = [];
    const result = await sendWithGraph(message("a@example.test"), client(waits));
    expect(result).toEqual({
      ok: false,
      kind: "retry",
      detail: "Microsoft 365 demande d’attendre 60 min avant le prochain message : reprenez l’envoi plus tard",
    });
    expect(waits).toEqual([]);
    graph.script.push([429, "300"]);
    expect(await sendWithGraph(message("a@example.test"), client(waits))).toEqual({ ok: true });
    expect(waits).toEqual([300000]);
  });

  it("gives up after the last backoff step, saying the server's words", async () => {
    graph.script.push([503], [503], [503], [503], [503]);
    const result = await sendWithGraph(message("a@example.test"), client());
    expect(result).toEqual({ ok: false, kind: "retry", detail: "503 TooManyRequests : Slow down" });
    expect(graph.sent).toHaveLength(0);
  });

  it("renews an expired token once; a second refusal is an authentication failure", async () => {
    graph.tokens = ["jeton-2"];
    expect(await sendWithGraph(message("a@example.test"), client([], ["jeton-1", "jeton-2"]))).toEqual({ ok: true });
    graph.tokens = ["autre"];
    const refused = await sendWithGraph(message("b@example.test"), client([], ["jeton-1", "jeton-2"]));
    expect(refused).toEqual({
      ok: false,
      kind: "auth",
      detail: "401 InvalidAuthenticationToken : Access token has expired.",
    });
  });

  it("refuses one recipient (400) with Graph's reason", async () => {
    graph.refuse = ["bad@example.test"];
    expect(await sendWithGraph(message("bad@example.test"), client())).toEqual({
      ok: false,
      kind: "refused",
      detail: "400 ErrorInvalidRecipients : Invalid recipient bad@example.test",
    });
  });

  it("counts an unreachable server as temporary", async () => {
    const waits: number[] = [];
    const down = { ...client(waits), endpoint: "https://127.0.0.1:1/v1.0" };
    const result = await sendWithGraph(message("a@example.test"), down);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.kind).toBe("retry");
    expect(waits).toEqual([5000, 15000, 60000, 180000]);
  });
});

describe("graphMessage and base64", () => {
  it("keeps no copy in Sent Items (each would hold a password) and has no attachment unless asked", () => {
    expect(graphMessage(message("a@example.test"))).toEqual({
      message: {
        subject: "Vos identifiants pour l'ENT du collège",
        body: { contentType: "HTML", content: "<p>Identifiant : aicha.ndiaye</p>" },
        toRecipients: [{ emailAddress: { address: "a@example.test", name: "Aïcha N'DIAYE" } }],
        attachments: [],
      },
      saveToSentItems: false,
    });
  });

  it.each([[""], ["f"], ["fo"], ["foo"], ["foob"], ["fooba"], ["foobar"], ["\u00ff\u00fe\u0000é"]])(
    "base64(%j)",
    (text) => {
      const bytes = new TextEncoder().encode(text);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    },
  );
});

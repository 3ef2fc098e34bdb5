// Microsoft Graph's channel, against a local HTTPS fake of /me/sendMail: the request body,
// each answer sorted for the sending loop (throttled, refused, expired token renewed once),
// the Sent Items choice, and base64 for attachments.
import { base64, graphChannel, graphMessage, LetterMessage } from "../../src/core/mail";
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

function channel(tokens = ["jeton-1"], endpoint = graph.url) {
  let i = 0;
  return graphChannel({
    post: graph.post,
    endpoint,
    token: async (renew?: boolean) => (renew ? (tokens[++i] ?? tokens[i - 1]) : tokens[i]),
  });
}

describe("Microsoft 365's channel: one try, sorted", () => {
  it("posts the HTML body to the recipient, by name, with the letter attached", async () => {
    expect(await channel().send(message("aicha@example.test", true))).toEqual({ ok: true, id: "req-1" });
    expect(graph.sent).toEqual([
      {
        to: "aicha@example.test",
        subject: "Vos identifiants pour l'ENT du collège",
        html: "<p>Identifiant : aicha.ndiaye</p>",
        attachments: [expect.objectContaining({ name: "courrier-ENT-aicha.ndiaye.docx", contentBytes: "UEsDBA==" })],
        saveToSentItems: false,
      },
    ]);
  });

  it("takes 429 and 503 as Graph's throttling (nothing processed): retry, after Retry-After if given", async () => {
    graph.script.push([429, "7"], [503]);
    expect(await channel().send(message("a@example.test"))).toEqual({
      ok: false,
      kind: "retry",
      detail: "429 TooManyRequests : Slow down",
      waitMs: 7000,
    });
    expect(await channel().send(message("a@example.test"))).toEqual({
      ok: false,
      kind: "retry",
      detail: "503 TooManyRequests : Slow down",
    });
    expect(graph.sent).toHaveLength(0);
  });

  it("renews an expired token once; a second refusal stops the run", async () => {
    graph.tokens = ["jeton-2"];
    expect(await channel(["jeton-1", "jeton-2"]).send(message("a@example.test"))).toEqual({ ok: true, id: "req-1" });
    graph.tokens = ["autre"];
    expect(await channel(["jeton-1", "jeton-2"]).send(message("b@example.test"))).toEqual({
      ok: false,
      kind: "stop",
      reason: "auth",
      detail: "401 InvalidAuthenticationToken : Access token has expired.",
    });
  });

  it("refuses one recipient (400) with Graph's reason", async () => {
    graph.refuse = ["bad@example.test"];
    expect(await channel().send(message("bad@example.test"))).toEqual({
      ok: false,
      kind: "refused",
      detail: "400 ErrorInvalidRecipients : Invalid recipient bad@example.test",
    });
  });

  it("counts a refused connection as temporary: nothing left this computer", async () => {
    const result = await channel(["jeton-1"], "https://127.0.0.1:1/v1.0").send(message("a@example.test"));
    expect(result).toMatchObject({ ok: false, kind: "retry" });
  });

  it("keeps a copy in Sent Items only when asked", async () => {
    const keep = graphChannel(
      { post: graph.post, endpoint: graph.url, token: async () => "jeton-1" },
      { saveToSentItems: true },
    );
    await keep.send(message("a@example.test"));
    expect(graph.sent[0].saveToSentItems).toBe(true);
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

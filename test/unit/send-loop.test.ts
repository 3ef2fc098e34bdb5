// The one sending loop, on Microsoft 365's channel against the local HTTPS fake of Graph:
// every recipient once, in order, each journaled as it goes; the pace (30 a minute, evenly
// spaced, on a simulated clock); waits and retries, capped; a refused recipient listed while
// the run goes on; messages that may have gone ("incertain") never sent twice; pause,
// cancel and the stops that end a run early. (The SMTP channel: send.test.ts.)
import {
  formatMinutes,
  graphChannel,
  limitsText,
  LetterMessage,
  LoopEnd,
  Recipient,
  runMinutes,
  sendAll,
} from "../../src/core/mail";
import { RosterRecord } from "../../src/core/roster";
import { FakeGraph, startFakeGraph } from "../helpers/fake-graph";

let graph: FakeGraph;
beforeEach(async () => {
  graph = await startFakeGraph();
});
afterEach(() => graph.close());

const people = (n: number): Recipient[] =>
  Array.from({ length: n }, (_, i) => ({
    to: `parent${i + 1}@example.test`,
    record: { row: i + 2, profile: "parent", values: { login: `parent.${i + 1}` } } as unknown as RosterRecord,
  }));

const message = (r: Recipient): LetterMessage => ({
  to: r.to,
  toName: r.record.values.login,
  subject: "Vos identifiants",
  html: `<p>${r.record.values.login}</p>`,
  text: r.record.values.login,
});

/** A simulated clock: sleeping moves it on, and each reading moves it 100 ms. */
function clock() {
  let now = Date.UTC(2026, 8, 1, 8);
  const waits: number[] = [];
  return {
    waits,
    now: () => (now += 100),
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

function run(
  todo: Recipient[],
  opts: {
    cancelAfter?: number;
    pauses?: number[];
    message?: (r: Recipient) => LetterMessage;
    /** When the journal says earlier messages went (ISO times). */
    earlier?: string[];
    timeoutMs?: number;
    endpoint?: string;
    tokens?: () => Promise<string>;
  } = {},
) {
  const time = clock();
  const journal: string[] = [];
  const failed: string[] = [];
  const paused: number[] = [];
  let calls = 0;
  const channel = graphChannel(
    { post: graph.post, endpoint: opts.endpoint ?? graph.url, token: opts.tokens ?? (async () => "jeton-1") },
    { timeoutMs: opts.timeoutMs },
  );
  const done: Promise<LoopEnd> = sendAll(
    todo,
    opts.message ?? message,
    channel,
    {
      whilePaused: async () => {
        calls++;
        if (opts.pauses?.includes(calls)) paused.push(calls);
      },
      cancelled: () => opts.cancelAfter !== undefined && journal.length >= opts.cancelAfter,
      now: time.now,
      sleep: time.sleep,
      sentEarlier: opts.earlier,
    },
    {
      sent: (r, entry, detail) =>
        void journal.push(
          `${entry.login} ${entry.to} ${entry.at.slice(0, 4)}${entry.uncertain ? ` incertain : ${detail}` : ` ${entry.messageId}`}`,
        ),
      failed: (r, status, detail) => failed.push(`${r.to}: ${status} — ${detail}`),
    },
  );
  return { done, journal, failed, time, paused };
}

const logins = (end: LoopEnd) => end.left.map((r) => r.record.values.login);

describe("sendAll on Microsoft 365", () => {
  it("sends each recipient once, in order, and journals each as Graph accepts it", async () => {
    const r = run(people(3));
    expect(await r.done).toEqual({ end: "done", left: [] });
    expect(graph.sent.map((m) => m.to)).toEqual([
      "parent1@example.test",
      "parent2@example.test",
      "parent3@example.test",
    ]);
    expect(r.journal).toEqual([
      "parent.1 parent1@example.test 2026 req-1",
      "parent.2 parent2@example.test 2026 req-2",
      "parent.3 parent3@example.test 2026 req-3",
    ]);
  });

  it("keeps to 30 messages in any minute: the 31st waits for the first one's minute to end", async () => {
    const r = run(people(31));
    expect((await r.done).end).toBe("done");
    expect(graph.sent).toHaveLength(31);
    // The clock moves 100 ms at each reading, two readings a message: the first message went
    // at +200 ms, the clock reads +6,200 ms before the 31st, which waits until +60,200 ms.
    expect(r.time.waits).toEqual([60_200 - 6_200]);
  });

  it("sends nothing when the attachment makes a message larger than Graph's 4 MB request, and says what to do", async () => {
    const big = (r: Recipient): LetterMessage => ({
      ...message(r),
      attachment: { filename: "courrier.docx", content: new Uint8Array(3 * 1024 * 1024) },
    });
    const r = run(people(3), { message: big });
    const end = await r.done;
    expect(end).toEqual({
      end: "refused-all",
      detail:
        "Avec le courrier en pièce jointe, chaque message ferait 4,0 Mo, plus que les 4 Mo qu’accepte Microsoft 365 : décochez « Joindre aussi le courrier (.docx) », ou allégez le modèle (ses images).",
      left: people(3),
    });
    expect(graph.requests).toBe(0);
    expect(r.journal).toEqual([]);
  });

  it("counts toward the 10,000 a day the messages the journal says went in the last 24 hours", async () => {
    // The simulated clock starts on 2026-09-01 at 08:00 UTC.
    const today = Array.from({ length: 9_998 }, () => "2026-09-01T07:00:00.000Z");
    const yesterday = Array.from({ length: 500 }, () => "2026-08-31T07:59:00.000Z");
    const r = run(people(5), { earlier: [...today, ...yesterday] });
    const end = await r.done;
    expect(end.end).toBe("daily-limit");
    expect(logins(end)).toEqual(["parent.3", "parent.4", "parent.5"]);
    expect(graph.sent).toHaveLength(2);
  });

  it("lists a refused recipient and goes on", async () => {
    graph.refuse = ["parent2@example.test"];
    const r = run(people(3));
    expect(await r.done).toEqual({ end: "done", left: [] });
    expect(r.failed).toEqual([
      "parent2@example.test: refusé — 400 ErrorInvalidRecipients : Invalid recipient parent2@example.test",
    ]);
    expect(r.journal).toHaveLength(2);
  });

  it("stops between two messages when cancelled; the journal holds what went, the end who did not", async () => {
    const r = run(people(5), { cancelAfter: 2 });
    const end = await r.done;
    expect(end.end).toBe("cancelled");
    expect(logins(end)).toEqual(["parent.3", "parent.4", "parent.5"]);
    expect(graph.sent.map((m) => m.to)).toEqual(["parent1@example.test", "parent2@example.test"]);
    expect(r.journal).toHaveLength(2);
  });

  it("asks whether to pause before every message", async () => {
    const r = run(people(3), { pauses: [1, 2, 3] });
    await r.done;
    expect(r.paused).toEqual([1, 2, 3]);
  });

  it("stops on an authentication failure, naming who was not sent", async () => {
    graph.tokens = [];
    const end = await run(people(2)).done;
    expect(end).toMatchObject({
      end: "stopped",
      reason: "auth",
      detail: "401 InvalidAuthenticationToken : Access token has expired.",
    });
    expect(logins(end)).toEqual(["parent.1", "parent.2"]);
    expect(end.stoppedAt?.record.values.login).toBe("parent.1");
  });

  it("waits the seconds Retry-After asks on 429, retries 503 after its backoff, then sends once", async () => {
    graph.script.push([429, "7"], [503], [429, "1"]);
    const r = run(people(1));
    expect((await r.done).end).toBe("done");
    expect(r.time.waits).toEqual([7000, 15000, 1000]);
    expect(graph.sent).toHaveLength(1);
    expect(graph.requests).toBe(4);
  });

  it("gives up after the last backoff step, saying the server's words", async () => {
    graph.script.push([503], [503], [503], [503], [503]);
    const r = run(people(2));
    const end = await r.done;
    expect(end).toMatchObject({ end: "unreachable", detail: "503 TooManyRequests : Slow down" });
    expect(logins(end)).toEqual(["parent.1", "parent.2"]);
    expect(r.time.waits).toEqual([5000, 15000, 60000, 180000]);
    expect(graph.sent).toHaveLength(0);
  });

  it("does not wait an hour when Retry-After asks for one: above 5 minutes it stops, saying how long", async () => {
    graph.script.push([429, "3600"]);
    const r = run(people(2));
    expect(await r.done).toMatchObject({
      end: "unreachable",
      detail: "Microsoft 365 demande d’attendre 60 min avant le prochain message : reprenez l’envoi plus tard",
    });
    expect(r.time.waits).toEqual([]);
    graph.script.push([429, "300"]);
    const again = run(people(1));
    expect((await again.done).end).toBe("done");
    expect(again.time.waits).toEqual([300_000]);
  });

  it("says hours beyond two of them, and stops at once", async () => {
    graph.script.push([429, "7200"]);
    expect(await run(people(1)).done).toMatchObject({
      detail: "Microsoft 365 demande d’attendre 2 h avant le prochain message : reprenez l’envoi plus tard",
    });
    graph.script.push([429, "7140"]);
    expect(await run(people(1)).done).toMatchObject({
      detail: "Microsoft 365 demande d’attendre 119 min avant le prochain message : reprenez l’envoi plus tard",
    });
  });

  it("stops during a retry's wait when cancelled: that person was not sent, and is listed first", async () => {
    graph.script.push([503]);
    let cancel = false;
    const time = clock();
    const end = await sendAll(
      people(2),
      message,
      graphChannel({ post: graph.post, endpoint: graph.url, token: async () => "jeton-1" }),
      {
        whilePaused: async () => undefined,
        cancelled: () => cancel,
        now: time.now,
        sleep: async (ms) => {
          await time.sleep(ms);
          cancel = true;
        },
      },
      { sent: () => undefined, failed: () => undefined },
    );
    expect(end.end).toBe("cancelled");
    expect(logins(end)).toEqual(["parent.1", "parent.2"]);
    expect(graph.requests).toBe(1);
  });

  it("counts a message sent exactly 24 hours ago as yesterday's", async () => {
    // The clock reads 08:00:00.100 at the start: 24 h before that is 08:00:00.100 the day before.
    const earlier = [...Array(9_999).fill("2026-09-01T07:00:00.000Z"), "2026-08-31T08:00:00.100Z"];
    const r = run(people(2), { earlier });
    expect((await r.done).end).toBe("daily-limit");
    expect(graph.sent).toHaveLength(1);
  });

  it("gives the journal an empty message id and the reason for an uncertain message, none for a sent one", async () => {
    graph.afterAccept.push(504);
    const details: string[] = [];
    const ids: string[] = [];
    const time = clock();
    await sendAll(
      people(2),
      message,
      graphChannel({ post: graph.post, endpoint: graph.url, token: async () => "jeton-1" }),
      { whilePaused: async () => undefined, cancelled: () => false, now: time.now, sleep: time.sleep },
      {
        sent: (r, entry, detail) => {
          details.push(detail);
          ids.push(entry.messageId);
        },
        failed: () => undefined,
      },
    );
    expect(details).toEqual(["504 GatewayTimeout : Gateway Timeout", ""]);
    expect(ids).toEqual(["", "req-2"]);
  });

  it.each([
    [504, "incertain : 504 GatewayTimeout : Gateway Timeout"],
    ["reset" as const, "incertain : pas de réponse de Microsoft 365 (socket hang up)"],
    ["hang" as const, "incertain : pas de réponse de Microsoft 365 (aucune réponse en 300 ms)"],
  ])(
    "journals « incertain » a message Graph took before answering %j, never sends it again, and goes on",
    async (fault, said) => {
      graph.afterAccept.push(fault);
      const r = run(people(2), { timeoutMs: 300 });
      expect(await r.done).toEqual({ end: "done", left: [] });
      expect(graph.sent.map((m) => m.to)).toEqual(["parent1@example.test", "parent2@example.test"]);
      expect(r.journal).toEqual([
        `parent.1 parent1@example.test 2026 ${said}`,
        "parent.2 parent2@example.test 2026 req-2",
      ]);
    },
  );

  it("stops after three uncertain messages in a row: the channel is gone, not one message", async () => {
    graph.afterAccept.push(504, 504, 504);
    const r = run(people(5));
    const end = await r.done;
    expect(end).toMatchObject({
      end: "unreachable",
      detail: "3 messages de suite sans réponse de Microsoft 365 (504 GatewayTimeout : Gateway Timeout)",
    });
    expect(logins(end)).toEqual(["parent.4", "parent.5"]);
    expect(end.stoppedAt).toBeUndefined();
    expect(r.journal.filter((l) => l.includes("incertain"))).toHaveLength(3);
  });

  it("retries a server that refuses the connection (nothing went), then stops", async () => {
    const r = run(people(1), { endpoint: "https://127.0.0.1:1/v1.0" });
    const end = await r.done;
    expect(end.end).toBe("unreachable");
    expect(r.time.waits).toEqual([5000, 15000, 60000, 180000]);
    expect(r.journal).toEqual([]);
  });
});

describe("Exchange Online's limits", () => {
  it.each([
    [1, 0],
    [30, 0],
    [31, 1],
    [60, 1],
    [61, 2],
    [1141, 38],
  ])("%i messages take at least %i minutes", (n, minutes) => expect(runMinutes(n)).toBe(minutes));

  it.each([
    [5, "5 min"],
    [59, "59 min"],
    [60, "1 h"],
    [125, "2 h 05"],
  ])("formatMinutes(%i)", (m, text) => expect(formatMinutes(m)).toBe(text));

  it("says the pace and the time, and the daily limit only when the run exceeds it", () => {
    expect(limitsText(12)).toBe("Microsoft 365 accepte 30 messages par minute : l'envoi prend moins d'une minute.");
    expect(limitsText(1141)).toBe(
      "Microsoft 365 accepte 30 messages par minute : l'envoi prend au moins 38 min ; gardez Word et ce volet ouverts jusqu'à la fin.",
    );
    expect(limitsText(10_000)).not.toContain("par jour");
    expect(limitsText(12_000)).toBe(
      "Microsoft 365 accepte 30 messages par minute : l'envoi prend au moins 5 h 33 ; gardez Word et ce volet ouverts jusqu'à la fin. Il n'accepte que 10\u202f000 destinataires par jour : l'envoi s'arrêtera après les 10\u202f000 premiers. Téléchargez alors le journal et reprenez demain avec lui pour les 2\u202f000 autres.",
    );
  });
});

// The pane's sending run, against the local HTTPS fake of Graph: every recipient once, in
// order, each journaled as it goes; the pace of Exchange Online (never more than 30 in a
// minute, on a simulated clock); a refused recipient listed while the run goes on; pause,
// cancel and the stops that end a run early.
import {
  formatMinutes,
  limitsText,
  LetterMessage,
  Recipient,
  runMinutes,
  sendAllWithGraph,
  waitBeforeNext,
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

/** A simulated clock: sleeping moves it on, and each message takes 100 ms. */
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
  } = {},
) {
  const time = clock();
  const journal: string[] = [];
  const failed: string[] = [];
  const paused: number[] = [];
  let calls = 0;
  const done = sendAllWithGraph(
    todo,
    opts.message ?? message,
    { post: graph.post, endpoint: graph.url, token: async () => "jeton-1", sleep: time.sleep },
    {
      whilePaused: async () => {
        calls++;
        if (opts.pauses?.includes(calls)) paused.push(calls);
      },
      cancelled: () => opts.cancelAfter !== undefined && journal.length >= opts.cancelAfter,
      now: time.now,
      sentEarlier: opts.earlier,
    },
    {
      sent: (r, entry) => journal.push(`${entry.login} ${entry.to} ${entry.at.slice(0, 4)}`),
      failed: (r, detail) => failed.push(`${r.to}: ${detail}`),
    },
  );
  return { done, journal, failed, time, paused };
}

describe("sendAllWithGraph", () => {
  it("sends each recipient once, in order, and journals each as Graph accepts it", async () => {
    const r = run(people(3));
    expect(await r.done).toEqual({ end: "done" });
    expect(graph.sent.map((m) => m.to)).toEqual([
      "parent1@example.test",
      "parent2@example.test",
      "parent3@example.test",
    ]);
    expect(r.journal).toEqual([
      "parent.1 parent1@example.test 2026",
      "parent.2 parent2@example.test 2026",
      "parent.3 parent3@example.test 2026",
    ]);
    expect(r.time.waits).toEqual([]);
  });

  it("keeps to 30 messages in any minute: the 31st waits for the first one's minute to end", async () => {
    const r = run(people(31));
    expect(await r.done).toEqual({ end: "done" });
    expect(graph.sent).toHaveLength(31);
    // The clock moves 100 ms at each reading, two readings a message: the first message went
    // at +200 ms, the clock reads +6,100 ms before the 31st, which waits until +60,200 ms.
    expect(r.time.waits).toEqual([60_200 - 6_100]);
  });

  it("sends nothing when the attachment makes a message larger than Graph's 4 MB request, and says what to do", async () => {
    const big = (r: Recipient): LetterMessage => ({
      ...message(r),
      attachment: { filename: "courrier.docx", content: new Uint8Array(3 * 1024 * 1024) },
    });
    const r = run(people(3), { message: big });
    expect(await r.done).toEqual({
      end: "too-big",
      detail:
        "Avec le courrier en pièce jointe, chaque message ferait 4,0 Mo, plus que les 4 Mo qu’accepte Microsoft 365 : décochez « Joindre aussi le courrier (.docx) », ou allégez le modèle (ses images).",
    });
    expect(graph.requests).toBe(0);
    expect(r.journal).toEqual([]);
  });

  it("counts toward the 10,000 a day the messages the journal says went in the last 24 hours", async () => {
    // The simulated clock starts on 2026-09-01 at 08:00 UTC.
    const today = Array.from({ length: 9_998 }, () => "2026-09-01T07:00:00.000Z");
    const yesterday = Array.from({ length: 500 }, () => "2026-08-31T07:59:00.000Z");
    const r = run(people(5), { earlier: [...today, ...yesterday] });
    expect(await r.done).toEqual({ end: "daily-limit" });
    expect(graph.sent).toHaveLength(2);
  });

  it("lists a refused recipient and goes on", async () => {
    graph.refuse = ["parent2@example.test"];
    const r = run(people(3));
    expect(await r.done).toEqual({ end: "done" });
    expect(r.failed).toEqual([
      "parent2@example.test: 400 ErrorInvalidRecipients : Invalid recipient parent2@example.test",
    ]);
    expect(r.journal).toHaveLength(2);
  });

  it("stops between two messages when cancelled; the journal holds what went", async () => {
    const r = run(people(5), { cancelAfter: 2 });
    expect(await r.done).toEqual({ end: "cancelled" });
    expect(graph.sent.map((m) => m.to)).toEqual(["parent1@example.test", "parent2@example.test"]);
    expect(r.journal).toHaveLength(2);
  });

  it("asks whether to pause before every message", async () => {
    const r = run(people(3), { pauses: [1, 2, 3] });
    await r.done;
    expect(r.paused).toEqual([1, 2, 3]);
  });

  it("stops on an authentication failure, and when Graph stays unreachable", async () => {
    graph.tokens = [];
    const auth = await run(people(2)).done;
    expect(auth).toEqual({ end: "auth", detail: "401 InvalidAuthenticationToken : Access token has expired." });
    graph.tokens = ["jeton-1"];
    graph.script.push([503], [503], [503], [503], [503]);
    expect(await run(people(2)).done).toEqual({ end: "unreachable", detail: "503 TooManyRequests : Slow down" });
    expect(graph.sent).toHaveLength(0);
  });
});

describe("Exchange Online's limits", () => {
  it.each([
    [[], 0],
    [Array(29).fill(0), 0],
    [Array(30).fill(1_000), 1_000 + 60_000 - 5_000],
    [[0, ...Array(30).fill(3_000)], 3_000 + 60_000 - 5_000],
  ])("waitBeforeNext(%j)", (sentAt, wait) => {
    expect(waitBeforeNext(sentAt as number[], 5_000)).toBe(wait);
  });

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

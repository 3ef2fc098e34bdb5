// The message engine's edges, each what a recipient or the journal would show: the HTML's
// fonts, margins, alignment, boxes and lists; the plain text's links, tables and spaces;
// addresses at their limits; Graph's answers (200 and 300, 403, 500, an error without code
// or JSON); the journal's blank lines; and the run stopping exactly at Exchange's daily limit.
import {
  checkAddress,
  GraphClient,
  journalFileName,
  journalKey,
  LetterMessage,
  letterText,
  Recipient,
  sendAll,
  sentKeys,
  graphChannel,
  graphMessage,
} from "../../src/core/mail";
import { RosterRecord } from "../../src/core/roster";
import { bodyOf, html, letter, p, r } from "./helpers/letter";

describe("the HTML body", () => {
  it("sets the letter's font on the whole body, and a named font before it, safely quoted", () => {
    const out = html(letter(p(r("x", `<w:rFonts w:ascii="Times 'New'; Roman"/>`))));
    expect(out).toContain("font-family:Calibri, Arial, Helvetica, sans-serif;font-size:11pt");
    expect(bodyOf(out)).toContain(
      `<span style="font-family:'Times New Roman', Calibri, Arial, Helvetica, sans-serif">x</span>`,
    );
  });

  it("shades a highlighted run, keeps tabs and double spaces visible, and fills an empty paragraph", () => {
    const out = bodyOf(html(letter(p(r("a\tb  c", '<w:highlight w:val="yellow"/>')) + p(""))));
    expect(out).toContain('<span style="background-color:#FFFF00">a&nbsp;&nbsp;&nbsp;&nbsp;b &nbsp;c</span>');
    expect(out).toContain('<p style="margin:0pt 0pt 8pt 0pt">&nbsp;</p>');
  });

  it.each([
    ['<w:jc w:val="center"/>', '<p style="margin:0pt 0pt 8pt 0pt;text-align:center">'],
    ['<w:jc w:val="right"/>', '<p style="margin:0pt 0pt 8pt 0pt;text-align:right">'],
    ['<w:jc w:val="both"/>', '<p style="margin:0pt 0pt 8pt 0pt;text-align:left">'],
    ['<w:jc w:val="left"/>', '<p style="margin:0pt 0pt 8pt 0pt">'],
    [
      '<w:ind w:left="720" w:right="240"/><w:spacing w:before="60" w:after="120"/>',
      '<p style="margin:3pt 12pt 6pt 36pt">',
    ],
    ['<w:ind w:left="2000"/>', '<p style="margin:0pt 0pt 8pt 60pt">'],
  ])("writes the paragraph %s as %s", (pPr, start) => {
    expect(bodyOf(html(letter(p(r("x"), pPr))))).toContain(`${start}x</p>`);
  });

  it("draws a box with its own margins, and two boxes of different colours apart", () => {
    const box = (fill: string) => `<w:shd w:val="clear" w:fill="${fill}"/><w:ind w:left="240"/>`;
    const out = bodyOf(html(letter(p(r("un"), box("EDEDED")) + p(r("deux"), box("FFF2CC")))));
    expect(out).toContain(
      '<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0pt 0pt 8pt 12pt;width:auto;background-color:#EDEDED"><tr><td style="padding:6pt 8pt"><p style="margin:0pt 0 8pt 0">un</p></td></tr></table>',
    );
    // Two boxes (the letter's own layout tables have a fixed width).
    expect(out.match(/width:auto/g)).toHaveLength(2);
  });

  it("lists items with Word's spacing, 4 pt by default, and tables without borders plainly", () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const item = (t: string, extra = "") =>
      p(r(t), `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>${extra}`);
    const out = bodyOf(
      html(
        letter(
          item("un") +
            item("deux", '<w:spacing w:after="0"/>') +
            `<w:tbl><w:tr><w:tc>${p(r("c"))}</w:tc></w:tr></w:tbl>`,
          { numbering },
        ),
      ),
    );
    expect(out).toContain('<li style="margin-bottom:4pt">un</li><li style="margin-bottom:0pt">deux</li>');
    expect(out).toContain(
      '<td style="padding:4pt 6pt;vertical-align:top"><p style="margin:0pt 0pt 8pt 0pt">c</p></td>',
    );
  });
});

describe("the plain text", () => {
  it("writes a link's address after its text unless the text already is the address", () => {
    const links = { a: "https://ent.fr/", b: "mailto:sec@college.fr", c: "https://ent.fr/aide" };
    const l = letter(
      p(`<w:hyperlink r:id="a">${r("https://ent.fr/")}</w:hyperlink>`) +
        p(`<w:hyperlink r:id="b">${r("sec@college.fr")}</w:hyperlink>`) +
        p(`<w:hyperlink r:id="c">${r("l'aide")}</w:hyperlink>`) +
        p(`<w:hyperlink r:id="c">${r("ent.fr/aide ")}</w:hyperlink>`),
      { links },
    );
    expect(letterText(l)).toBe("https://ent.fr/\n\nsec@college.fr\n\nl'aide <https://ent.fr/aide>\n\nent.fr/aide\n");
  });

  it("joins a table's cells on one line, boxes of one colour together, and never three blank lines", () => {
    const shd = (c: string) => `<w:shd w:val="clear" w:fill="${c}"/>`;
    const l = letter(
      `<w:tbl><w:tr><w:tc>${p(r("a"))}${p(r("b"))}</w:tc><w:tc>${p(r("c  "))}</w:tc></w:tr></w:tbl>` +
        p(r("un"), shd("EDEDED")) +
        p(r("deux"), shd("EDEDED")) +
        p(r("trois"), shd("FFF2CC")) +
        p("") +
        p("") +
        p(r("fin\u00a0 ")),
    );
    expect(letterText(l)).toBe("a b | c\n\nun\ndeux\n\ntrois\n\nfin\n");
  });
});

describe("addresses at their limits", () => {
  it.each([
    ["(ab@example.fr", false],
    ["ab(@example.fr", false],
    ["ab@(example.fr", false],
    ["ab@example.fr)", false],
    ["@example.fr", false],
  ])("%s is an address: %s", (cell, ok) => {
    const check = checkAddress(cell);
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.reason).toBe(`« ${cell} » n'est pas une adresse électronique valide`);
  });
});

describe("Graph's answers", () => {
  const message: LetterMessage = { to: "a@example.test", toName: "A", subject: "S", html: "<p>x</p>", text: "x" };
  function client(status: number, body = "", headers: Record<string, string> = {}): GraphClient & { calls: number } {
    const c = {
      calls: 0,
      post: async () => {
        c.calls++;
        return { status, headers: { get: (n: string) => headers[n] ?? null }, text: async () => body };
      },
      token: async () => "t",
    };
    return c;
  }

  it.each([
    [200, { ok: true, id: "" }],
    [202, { ok: true, id: "" }],
    [300, { ok: false, kind: "refused", detail: "réponse 300 de Microsoft Graph" }],
    [403, { ok: false, kind: "stop", reason: "auth", detail: "réponse 403 de Microsoft Graph" }],
    [404, { ok: false, kind: "refused", detail: "réponse 404 de Microsoft Graph" }],
    [500, { ok: false, kind: "uncertain", detail: "réponse 500 de Microsoft Graph" }],
    [502, { ok: false, kind: "uncertain", detail: "réponse 502 de Microsoft Graph" }],
  ])("takes %i as %j", async (status, result) => {
    expect(await graphChannel(client(status, "pas du JSON")).send(message)).toEqual(result);
  });

  it("ignores a Retry-After that is no number of seconds", async () => {
    for (const wait of ["", "0", "-3", "demain"])
      expect(await graphChannel(client(429, "", { "Retry-After": wait })).send(message)).toEqual({
        ok: false,
        kind: "retry",
        detail: "réponse 429 de Microsoft Graph",
      });
  });

  it("says Graph's words, with or without an error code, and tries once", async () => {
    const c = client(500, JSON.stringify({ error: { message: "Panne" } }));
    expect(await graphChannel(c).send(message)).toEqual({ ok: false, kind: "uncertain", detail: "500 : Panne" });
    expect(c.calls).toBe(1);
  });

  it("says why the connection failed; a sign-in that fails stops the run", async () => {
    const c = { ...client(0), post: async () => Promise.reject(new Error("ECONNRESET")) };
    expect(await graphChannel(c).send(message)).toEqual({
      ok: false,
      kind: "uncertain",
      detail: "pas de réponse de Microsoft 365 (ECONNRESET)",
    });
    const failing = { ...client(202), token: () => Promise.reject("interaction_required") };
    expect(await graphChannel(failing).send(message)).toEqual({
      ok: false,
      kind: "stop",
      reason: "auth",
      detail: "interaction_required",
      error: "interaction_required",
    });
  });

  it("attaches the letter as a Word file", () => {
    const body = graphMessage({ ...message, attachment: { filename: "c.docx", content: new Uint8Array([1]) } }) as {
      message: { attachments: unknown[] };
    };
    expect(body.message.attachments).toEqual([
      {
        "@odata.type": "#microsoft.graph.fileAttachment",
        name: "c.docx",
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        contentBytes: "AQ==",
      },
    ]);
  });
});

describe("the journal", () => {
  it.each([
    ["parents.csv", "envoi-parents.jsonl"],
    ["comptes.v2.xlsx", "envoi-comptes.v2.jsonl"],
    ["sans-extension", "envoi-sans-extension.jsonl"],
    [".csv", "envoi-export.jsonl"],
  ])("is named after the export: %j → %j", (exportFile, name) => expect(journalFileName(exportFile)).toBe(name));

  it("keys a person by their exact login (as the importer tells duplicates) and lower-case address", () => {
    expect(journalKey(" Aïcha.N ", " Aicha@Example.TEST ")).toBe("Aïcha.N\u0000aicha@example.test");
  });

  it("skips blank lines anywhere, and a last line cut short even when blank lines follow", () => {
    const line = (login: string) => JSON.stringify({ login, to: `${login}@x.fr`, messageId: "", at: "" });
    const keys = sentKeys(`${line("a")}\n\n   \n${line("b")}\n{"login":"c","to\n\n \n`, "j.jsonl");
    expect([...keys]).toEqual([journalKey("a", "a@x.fr"), journalKey("b", "b@x.fr")]);
  });
});

describe("the sending run", () => {
  const person = (i: number): Recipient => ({
    to: `p${i}@x.fr`,
    record: { row: i, values: { login: `p${i}` } } as unknown as RosterRecord,
  });
  const accepted = async () => ({ status: 202, headers: { get: () => null }, text: async () => "" });
  const graph = graphChannel({ post: accepted, token: async () => "t" });

  it("stops at Exchange's 10,000 recipients a day, journaling each with an empty message id", async () => {
    const todo = Array.from({ length: 10_001 }, (_, i) => person(i));
    const sent: string[] = [];
    let now = 0;
    const end = await sendAll(
      todo,
      (rcp) => ({ to: rcp.to, toName: "", subject: "", html: "", text: "" }),
      graph,
      {
        whilePaused: async () => undefined,
        cancelled: () => false,
        now: () => now,
        sleep: async (ms) => void (now += ms),
      },
      { sent: (rcp, entry) => void sent.push(entry.messageId), failed: () => undefined },
    );
    expect(end).toEqual({ end: "daily-limit", left: [todo[10_000]] });
    expect(sent).toHaveLength(10_000);
    expect(new Set(sent)).toEqual(new Set([""]));
  });

  it("sends nothing when cancelled before the first message, or during a wait for the pace", async () => {
    const run = (cancelled: () => boolean, sleep: (ms: number) => Promise<void>, n: number) => {
      const sent: string[] = [];
      let now = 0;
      return sendAll(
        Array.from({ length: n }, (_, i) => person(i)),
        (rcp) => ({ to: rcp.to, toName: "", subject: "", html: "", text: "" }),
        graph,
        { whilePaused: async () => undefined, cancelled, now: () => now++, sleep },
        { sent: (rcp) => void sent.push(rcp.to), failed: () => undefined },
      ).then((end) => ({ end: end.end, left: end.left.length, sent }));
    };
    expect(
      await run(
        () => true,
        async () => undefined,
        3,
      ),
    ).toEqual({ end: "cancelled", left: 3, sent: [] });
    let stop = false;
    const during = await run(
      () => stop,
      async () => void (stop = true),
      31,
    );
    // The 31st message waits for the pace: cancelled during that wait, it never goes.
    expect(during).toEqual({ end: "cancelled", left: 1, sent: Array.from({ length: 30 }, (_, i) => `p${i}@x.fr`) });
  });
});

// `courriers-ent send` against a real SMTP server on this machine (STARTTLS, AUTH): each
// person exactly one message with their own letter, resumable from the journal, the
// server's faults (busy, a refused address, a wrong password) handled as a secretary needs.
import { run } from "../../src/cli/main";
import { readyLetter } from "../fixtures";
import { startSmtp, TestSmtp } from "../helpers/smtp";
import { memoryIo } from "./helpers/memory-io";
import { CSV, PEOPLE, WITH_ADDRESS } from "../helpers/mail-people";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

let dir: string;
let exportFile: string;
let template: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "envoi-"));
  exportFile = path.join(dir, "parents.csv");
  fs.writeFileSync(exportFile, CSV);
  template = path.join(dir, "parents.docx");
  fs.writeFileSync(template, readyLetter("parents"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let smtp: TestSmtp;
afterEach(async () => smtp?.close());

const args = (extra: string[] = []) => [
  "send",
  exportFile,
  "--template",
  template,
  "--smtp",
  `smtp://secretariat@127.0.0.1:${smtp.port}`,
  "--from",
  "ce.0000000x@ac-exemple.test",
  "--ca",
  path.join(dir, "ca.pem"),
  "--subject",
  "Identifiants ENT de {Prénom} {Nom}",
  ...extra,
];
const io = () => memoryIo({ env: { COURRIERS_SMTP_PASSWORD: "s3cret-Été" } });

async function server(options: Parameters<typeof startSmtp>[0] = {}) {
  smtp = await startSmtp(options);
  fs.writeFileSync(path.join(dir, "ca.pem"), smtp.ca);
}

function perRecipient(): Map<string, number> {
  const count = new Map<string, number>();
  for (const r of smtp.received) for (const to of r.to) count.set(to, (count.get(to) ?? 0) + 1);
  return count;
}

describe("courriers-ent send", () => {
  it("sends each person with an address exactly one message: their own letter, as HTML and text", async () => {
    await server();
    const cli = io();
    expect(await run(args(), cli)).toBe(0);
    expect(perRecipient()).toEqual(new Map(WITH_ADDRESS.map((p) => [p[7], 1])));
    for (const [nom, prenom, login, password, , , child, email] of WITH_ADDRESS) {
      const { mail, raw } = smtp.received.find((r) => r.to[0] === email)!;
      expect(mail.subject).toBe(`Identifiants ENT de ${prenom} ${nom}`);
      // Non-ASCII headers go as RFC 2047 encoded-words; the message carries an id and a date.
      expect(raw).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
      expect(mail.to && "value" in mail.to ? mail.to.value : []).toEqual([
        { name: `${prenom} ${nom}`, address: email },
      ]);
      expect(mail.messageId).toMatch(/^<.+@.+>$/);
      expect(mail.date).toBeInstanceOf(Date);
      expect(mail.from?.text).toBe("ce.0000000x@ac-exemple.test");
      // French typography: a no-break space before the colon, as in the printed letter.
      expect(mail.text).toContain(`Identifiant\u00a0:\u00a0${login}`);
      expect(mail.text).toContain(password);
      expect(mail.text).toMatch(new RegExp(`Parent\\s(d’|de\\s)${child}`));
      const html = String(mail.html);
      expect(html).toContain(login);
      expect(html).toMatch(new RegExp(`font-family:Consolas, 'Courier New', monospace[^>]*>${password}<`));
      expect(html).not.toMatch(/<script|<img|src=|url\(|<link/i);
      // Nobody else's password in this message.
      for (const other of PEOPLE.filter((p) => p[2] !== login)) expect(raw).not.toContain(other[3]);
    }
    // The journal lists who was sent what, never a password or a body.
    const journal = cli
      .text("envoi-parents.jsonl")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    // In class order (4C, 5A, 6A, 6B), as the letters are printed.
    expect(journal.map((j) => j.login)).toEqual(["zoe.leger", "aicha.ndiaye", "noe.petit", "lise.morel"]);
    expect(Object.keys(journal[0]).sort()).toEqual(["at", "login", "messageId", "to"]);
    for (const p of PEOPLE) expect(cli.text("envoi-parents.jsonl")).not.toContain(p[3]);
    // The report, for Excel: UTF-8 with BOM, semicolons, one line per person.
    const report = cli.text("envoi-parents.csv");
    expect(report.startsWith("\ufeffNom;Prénom;Login;Courriel;Statut;Détail\r\n")).toBe(true);
    expect(report).toContain("DUPONT;Jean;jean.dupont;;sans adresse;pas d'adresse électronique");
    expect(report).toMatch(/MARTIN;Paul;paul\.martin;paul\.martin\.example\.test;sans adresse;.*il manque @/);
    expect(report).toMatch(/BERNARD;Inès;ines\.bernard;".*";sans adresse;"plusieurs adresses/);
    for (const p of PEOPLE) expect(report).not.toContain(p[3]);
    expect(cli.stdout()).toContain("0 déjà envoyé, 4 à envoyer, 3 sans adresse (courrier papier).");
    expect(cli.stdout()).toContain(
      "envoyé : 4 ; incertain : 0 ; déjà envoyé : 0 ; refusé : 0 ; non envoyé : 0 ; sans adresse : 3",
    );
    expect(cli.stdout()).toContain("À remettre sur papier (3) :");
    expect(cli.stdout()).toMatch(/ligne 5 — DUPONT Jean \(jean\.dupont\) : pas d'adresse électronique/);

    // The same command again: nothing is sent twice.
    const again = memoryIo({ env: { COURRIERS_SMTP_PASSWORD: "s3cret-Été" } });
    again.files.set("envoi-parents.jsonl", cli.files.get("envoi-parents.jsonl")!);
    expect(await run(args(), again)).toBe(0);
    expect(again.stdout()).toContain("4 déjà envoyés, 0 à envoyer");
    expect(smtp.received).toHaveLength(4);
    expect(again.text("envoi-parents.csv")).toContain(";déjà envoyé;journal envoi-parents.jsonl");
  });

  it("resumes after an interruption (Ctrl+C) without sending anyone twice", async () => {
    await server();
    let stop: () => void = () => undefined;
    const first = memoryIo({
      env: { COURRIERS_SMTP_PASSWORD: "s3cret-Été" },
      onInterrupt: (s) => ((stop = s), () => undefined),
    });
    smtp.received.length = 0;
    const sending = run(args(["--rate", "6000"]), first);
    // Ctrl+C once the second message is in.
    while (smtp.received.length < 2) await new Promise((r) => setTimeout(r, 5));
    stop();
    expect(await sending).toBe(1);
    expect(first.stderr()).toContain("Interruption demandée");
    expect(first.text("envoi-parents.csv")).toContain("non envoyé;envoi interrompu");
    const sentFirst = smtp.received.length;
    expect(sentFirst).toBeLessThan(4);
    const second = memoryIo({ env: { COURRIERS_SMTP_PASSWORD: "s3cret-Été" } });
    second.files.set("envoi-parents.jsonl", first.files.get("envoi-parents.jsonl")!);
    expect(await run(args(), second)).toBe(0);
    expect(second.stdout()).toContain(
      `${sentFirst} déjà envoyé${sentFirst > 1 ? "s" : ""}, ${4 - sentFirst} à envoyer`,
    );
    expect(perRecipient()).toEqual(new Map(WITH_ADDRESS.map((p) => [p[7], 1])));
  });

  it.each([421, 451] as const)(
    "waits and retries while the server answers %i, then delivers everything once",
    async (code) => {
      await server({ busyFor: 3, busyCode: code });
      const waits: number[] = [];
      const cli = memoryIo({
        env: { COURRIERS_SMTP_PASSWORD: "s3cret-Été" },
        sleep: async (ms) => void waits.push(ms),
      });
      expect(await run(args(), cli)).toBe(0);
      expect(perRecipient()).toEqual(new Map(WITH_ADDRESS.map((p) => [p[7], 1])));
      // Backoff: each retry waits longer than the one before.
      const retries = waits.filter((ms) => ms >= 5000);
      expect(retries).toEqual([5000, 15000, 60000]);
    },
  );

  it("goes on past a mailbox that answers 452 every time, tries it once more at the end, then lists it", async () => {
    await server({ mailboxFull: { "zoe@example.test": Infinity } });
    const waits: number[] = [];
    const cli = memoryIo({ env: { COURRIERS_SMTP_PASSWORD: "s3cret-Été" }, sleep: async (ms) => void waits.push(ms) });
    expect(await run(args(), cli)).toBe(1);
    expect(smtp.received).toHaveLength(3);
    expect(perRecipient().get("zoe@example.test")).toBeUndefined();
    // No four-minute backoff on one person: one wait before the last try.
    expect(waits.filter((ms) => ms >= 5000)).toEqual([15000]);
    expect(cli.text("envoi-parents.csv")).toMatch(/zoe@example\.test;non envoyé;.*452.*réessayé en fin d’envoi/);
    expect(cli.stderr()).not.toContain("ne répond plus");
  });

  it("sends at the end to a mailbox that was full once", async () => {
    await server({ mailboxFull: { "zoe@example.test": 1 } });
    const cli = memoryIo({ env: { COURRIERS_SMTP_PASSWORD: "s3cret-Été" }, sleep: async () => undefined });
    expect(await run(args(), cli)).toBe(0);
    expect(perRecipient()).toEqual(new Map(WITH_ADDRESS.map((p) => [p[7], 1])));
    expect(smtp.received[smtp.received.length - 1].to).toEqual(["zoe@example.test"]);
  });

  it("journals a message whose answer was lost after DATA as « incertain », never resends it unless asked, and says so", async () => {
    await server({ loseReplyFor: ["zoe@example.test"] });
    const cli = io();
    expect(await run(args(), cli)).toBe(1);
    expect(perRecipient()).toEqual(new Map(WITH_ADDRESS.map((p) => [p[7], 1])));
    expect(cli.text("envoi-parents.csv")).toMatch(/zoe@example\.test;incertain;/);
    expect(cli.stderr()).toContain("1 incertain");
    expect(
      JSON.parse(
        cli
          .text("envoi-parents.jsonl")
          .split("\n")
          .find((l) => l.includes("zoe"))!,
      ),
    ).toMatchObject({
      login: "zoe.leger",
      uncertain: true,
    });
    // Run again: nobody gets a second message, the uncertain one included.
    const again = io();
    again.files.set("envoi-parents.jsonl", cli.files.get("envoi-parents.jsonl")!);
    expect(await run(args(), again)).toBe(0);
    expect(again.stdout()).toContain("4 déjà envoyés, 0 à envoyer");
    expect(perRecipient().get("zoe@example.test")).toBe(1);
    // --resend-uncertain sends it once more, on the user's word.
    const resend = io();
    resend.files.set("envoi-parents.jsonl", cli.files.get("envoi-parents.jsonl")!);
    expect(await run(args(["--resend-uncertain"]), resend)).toBe(1);
    expect(perRecipient().get("zoe@example.test")).toBe(2);
  });

  it("lists a recipient the server refuses (550) and sends the others", async () => {
    await server({ refuse: ["zoe@example.test"] });
    const cli = io();
    expect(await run(args(), cli)).toBe(1);
    expect(perRecipient().get("zoe@example.test")).toBeUndefined();
    expect(smtp.received).toHaveLength(3);
    expect(cli.text("envoi-parents.csv")).toMatch(/LÉGER;Zoé;zoe\.leger;zoe@example\.test;refusé;.*550/);
    expect(cli.stderr()).toMatch(/! LÉGER Zoé <zoe@example\.test> : refusé/);
    expect(cli.text("envoi-parents.jsonl")).not.toContain("zoe.leger");
  });

  it("stops at once on a wrong password, in French, exit 2, nothing sent", async () => {
    await server();
    const cli = memoryIo({ env: { COURRIERS_SMTP_PASSWORD: "mauvais" } });
    expect(await run(args(), cli)).toBe(2);
    expect(cli.stderr()).toContain("a refusé l'identifiant « secretariat » ou son mot de passe");
    expect(cli.stderr()).not.toMatch(/\bat .*\.ts:\d+/);
    expect(smtp.received).toHaveLength(0);
    expect(smtp.attempts).toBe(0);
  });

  it("asks for the password when none is given, and says what to do without a terminal", async () => {
    await server();
    const asked: string[] = [];
    const cli = memoryIo({ askSecret: async (prompt) => (asked.push(prompt), "s3cret-Été") });
    expect(await run(args(), cli)).toBe(0);
    expect(asked).toEqual([`Mot de passe de secretariat sur 127.0.0.1 : `]);
    const none = memoryIo();
    none.files.set("envoi-parents.jsonl", new Uint8Array());
    expect(await run(args(), none)).toBe(2);
    expect(none.stderr()).toContain("COURRIERS_SMTP_PASSWORD");
  });

  it("refuses a password in --smtp and a certificate it cannot check", async () => {
    await server();
    const inUrl = io();
    expect(
      await run(
        args().map((a) => a.replace("secretariat@", "secretariat:s3cret@")),
        inUrl,
      ),
    ).toBe(2);
    expect(inUrl.stderr()).toContain("ne mettez pas le mot de passe dans l'adresse");
    const untrusted = io();
    const noCa = args().filter((a, i, all) => a !== "--ca" && all[i - 1] !== "--ca");
    expect(await run(noCa, untrusted)).toBe(2);
    expect(untrusted.stderr()).toContain("Connexion chiffrée impossible avec 127.0.0.1");
    expect(smtp.received).toHaveLength(0);
  });

  it("--dry-run writes every message as an .eml file and sends nothing", async () => {
    await server();
    const cli = io();
    const out = path.join(dir, "essai");
    expect(await run(args(["--dry-run", out, "--attach"]), cli)).toBe(0);
    const emls = [...cli.files.keys()].filter((f) => f.endsWith(".eml")).sort();
    // In class order, as the letters are printed: 4C, 5A, 6A, 6B.
    expect(emls.map((f) => path.basename(f))).toEqual([
      "1-zoe.leger.eml",
      "2-aicha.ndiaye.eml",
      "3-noe.petit.eml",
      "4-lise.morel.eml",
    ]);
    const { simpleParser } = await import("mailparser");
    const mail = await simpleParser(Buffer.from(cli.files.get(emls[1])!));
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe('"Aïcha N\'DIAYE" <aicha@example.test>');
    expect(mail.attachments.map((a) => a.filename)).toEqual(["courrier-ENT-aicha.ndiaye.docx"]);
    expect(mail.attachments[0].content.subarray(0, 2).toString()).toBe("PK");
    expect(cli.stdout()).toContain("Essai : 4 messages écrits");
    expect(smtp.received).toHaveLength(0);
    expect(cli.files.has("envoi-parents.jsonl")).toBe(false);
  });
});

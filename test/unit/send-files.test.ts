// What `send` leaves on disk holds passwords or names people: created readable by the user
// only, the report safe to open in Excel, the journal exact, the subject never a secret,
// and `--dry-run` and `--help` doing what the README says.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { processIo } from "../../src/cli/io";
import { journalKey, subjectFor } from "../../src/core/mail";
import { readRoster } from "../../src/core/roster";
import { memoryIo } from "./helpers/memory-io";
import { utf8 } from "./helpers/encode";

const TEMPLATE = path.join(__dirname, "..", "..", "assets", "templates", "parents.docx");
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "send-files-"));
const EXPORT = path.join(DIR, "parents.csv");
fs.writeFileSync(
  EXPORT,
  "Nom;Prénom;Login;Mot de passe;Profil;Courriel\n" +
    '"=HYPERLINK(""http://x"")";@SUM(A1);jdupont;Ab12cd;Parent;a@example.org\n' +
    "+cmd;-moins;j.dupont;Xy34ef;Parent;a@example.org\n",
);

it("creates the report, the journal and every file it writes readable by the user only (0600)", () => {
  const file = path.join(DIR, "secret.docx");
  processIo.writeFile(file, new Uint8Array([1]));
  processIo.appendDurably!(path.join(DIR, "journal.jsonl"), "{}\n");
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(fs.statSync(path.join(DIR, "journal.jsonl")).mode & 0o777).toBe(0o600);
});

it("neutralises report cells that Excel would read as a formula", async () => {
  const io = memoryIo({ makeDir: () => undefined });
  expect(
    await run(
      [
        "send",
        EXPORT,
        "--template",
        TEMPLATE,
        "--from",
        "secretariat@college.fr",
        "--dry-run",
        path.join(DIR, "essai"),
      ],
      io,
    ),
  ).toBe(0);
  const report = io.text("envoi-parents.csv");
  expect(report).toContain(`"'=HYPERLINK(""http://x"")"`);
  expect(report).toContain("'@SUM(A1)");
  expect(report).toContain("'+cmd");
  expect(report).toContain("'-moins");
});

it("creates the --dry-run folder it is given", async () => {
  const dir = path.join(DIR, "nouveau", "essai");
  const made: string[] = [];
  const io = memoryIo({ makeDir: (d) => void made.push(d) });
  expect(await run(["send", EXPORT, "--template", TEMPLATE, "--from", "s@college.fr", "--dry-run", dir], io)).toBe(0);
  expect(made).toEqual([dir]);
  processIo.makeDir!(dir);
  expect(fs.statSync(dir).isDirectory()).toBe(true);
});

it("keeps j.dupont and jdupont apart in the journal", () => {
  expect(journalKey("j.dupont", "a@example.org")).not.toBe(journalKey("jdupont", "a@example.org"));
  expect(journalKey(" jdupont ", "A@Example.org ")).toBe(journalKey("jdupont", "a@example.org"));
});

it.each(["{Mot de passe}", "Code : «Mot de passe»", "{Code d'activation}"])(
  "refuses a subject holding the password: %s",
  (subject) => {
    const roster = readRoster(utf8("Nom;Prénom;Login;Mot de passe;Courriel\nA;B;a.b;Ab12;a@b.fr\n"), "p.csv");
    expect(() => subjectFor(subject, roster)).toThrow(/L'objet du message ne peut pas contenir le mot de passe/);
  },
);

it.each(["send", "merge", "check", "template"])("prints the usage of `%s --help` and exits 0", async (command) => {
  const io = memoryIo();
  expect(await run([command, "--help"], io)).toBe(0);
  expect(io.stdout()).toContain(`courriers-ent ${command}`);
  expect(io.stderr()).toBe("");
});

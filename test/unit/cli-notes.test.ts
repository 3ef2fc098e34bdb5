// The importer's notes travel (issue 30): how the file was read (Excel's sep= line, a mostly
// UTF-8 file with bad bytes, a second sheet holding data) is said by `merge` and `send` too,
// not only by `check`, and every --json finding carries its severity.
import { run } from "../../src/cli/main";
import { readyLetter } from "../fixtures";
import { memoryIo } from "./helpers/memory-io";

const CSV =
  "sep=;\nNom;Prénom;Login;Mot de passe;Profil;Courriel\nLÉGER;Zoé;zoe.leger;PW1;Parent;\nB;L\u00e9o;leo.b;PW2;Parent;\nB;Léo;Leo.B;PW3;Parent;\n";
/** UTF-8, with one byte of Windows-1252 in row 4 (the é of Léo): that row is set aside. */
function file(): Uint8Array {
  const at = CSV.indexOf("L\u00e9o");
  const [before, after] = [CSV.slice(0, at), CSV.slice(at + 3)];
  return Uint8Array.from([...Buffer.from(before, "utf8"), 0x4c, 0xe9, 0x6f, ...Buffer.from(after, "utf8")]);
}

function io() {
  const cli = memoryIo({ env: {} });
  cli.files.set("parents.csv", file());
  cli.files.set("parents.docx", readyLetter("parents"));
  return cli;
}

it("check --json gives every note and problem with its severity", async () => {
  const cli = io();
  expect(await run(["check", "parents.csv", "--json"], cli)).toBe(0);
  const json = JSON.parse(cli.stdout());
  expect(json.notes).toEqual([
    {
      severity: "attention",
      message:
        "Attention : le fichier est en UTF-8, mais un octet n'y est pas valide : la ligne qui le contient est écartée ou corrigée (voir la liste).",
    },
    { severity: "info", message: "Première ligne « sep=; » (écrite par Excel) : séparateur point-virgule (;)." },
  ]);
  expect(
    json.problems.map((p: { row: number; code: string; severity: string }) => [p.row, p.code, p.severity]),
  ).toEqual([[4, "unreadable-characters", "ligne écartée"]]);
});

it("merge and send say the notes, and merge --json has them", async () => {
  const merge = io();
  expect(await run(["merge", "parents.csv", "--template", "parents.docx", "--out", "c.docx"], merge)).toBe(0);
  expect(merge.stdout()).toContain(
    "Attention : le fichier est en UTF-8, mais un octet n'y est pas valide : la ligne qui le contient est écartée ou corrigée (voir la liste).",
  );
  expect(merge.stdout()).toContain(
    "Remarque : Première ligne « sep=; » (écrite par Excel) : séparateur point-virgule (;).",
  );
  const json = io();
  expect(await run(["merge", "parents.csv", "--template", "parents.docx", "--out", "c.docx", "--json"], json)).toBe(0);
  expect(JSON.parse(json.stdout()).notes).toHaveLength(2);
  expect(JSON.parse(json.stdout()).skipped[0].severity).toBe("ligne écartée");

  const send = io();
  await run(
    [
      "send",
      "parents.csv",
      "--template",
      "parents.docx",
      "--from",
      "secretariat@college.example",
      "--dry-run",
      "essai",
    ],
    send,
  );
  expect(send.stdout()).toContain("Attention : le fichier est en UTF-8, mais un octet n'y est pas valide");
});

// A workbook whose codes Excel stored as numbers ("002532" kept as 2532): merge and send
// stop, naming the column and the rows, with the advice to load the CSV; an explicit
// --accept-excel-numbers goes on. Never a silently wrong password.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { excelNumbersWarning, readRoster } from "../../src/core/roster";
import { makeXlsx } from "./helpers/xlsx";
import { memoryIo } from "./helpers/memory-io";

const TEMPLATE = path.join(__dirname, "..", "..", "assets", "templates", "parents.docx");
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "excel-numbers-"));

function workbook(name: string, passwords: Array<number | string>): string {
  const rows = [
    ["Nom", "Prénom", "Login", "Mot de passe", "Profil"].map((s) => ({ s })),
    ...passwords.map((pw, i) => [
      { s: `NOM${i}` },
      { s: `Prénom${i}` },
      { s: `login${i}` },
      typeof pw === "number" ? { n: pw } : { s: pw },
      { s: "Parent" },
    ]),
  ];
  const file = path.join(DIR, name);
  fs.writeFileSync(file, makeXlsx(rows));
  return file;
}

it("names the column and the rows whose credential Excel stored as a number", () => {
  const roster = readRoster(fs.readFileSync(workbook("a.xlsx", ["Ab12cd", 2532, 1000])), "comptes.xlsx");
  expect(excelNumbersWarning(roster, roster.records)).toBe(
    "« comptes.xlsx » : Excel a enregistré comme des nombres la colonne « Mot de passe » (lignes 3 et 4) : les zéros en tête ont pu disparaître (002532 devient 2532), et ces courriers porteraient un mot de passe faux. Chargez plutôt l'export CSV de l'ENT, tel quel.",
  );
  expect(excelNumbersWarning(roster, roster.records.slice(0, 1))).toBeNull();
});

it("stops merge and send, and goes on with --accept-excel-numbers", async () => {
  const file = workbook("b.xlsx", [2532, "Xy12ab"]);
  const io = memoryIo();
  expect(await run(["merge", file, "--template", TEMPLATE, "--out", "out.docx"], io)).not.toBe(0);
  expect(io.stderr()).toContain("Excel a enregistré comme des nombres la colonne « Mot de passe » (ligne 2)");
  expect(io.stderr()).toContain("--accept-excel-numbers");
  expect(io.files.has("out.docx")).toBe(false);
  const send = memoryIo();
  expect(
    await run(["send", file, "--template", TEMPLATE, "--from", "secretariat@college.fr", "--dry-run", DIR], send),
  ).not.toBe(0);
  expect(send.stderr()).toContain("Excel a enregistré comme des nombres");
  const accepted = memoryIo();
  expect(
    await run(["merge", file, "--template", TEMPLATE, "--out", "out.docx", "--accept-excel-numbers"], accepted),
  ).toBe(0);
  expect(accepted.files.has("out.docx")).toBe(true);
});

it("says nothing for a CSV, whose codes are text", () => {
  const roster = readRoster(new TextEncoder().encode("Nom;Prénom;Login;Mot de passe\nA;B;a.b;002532\n"), "c.csv");
  expect(excelNumbersWarning(roster, roster.records)).toBeNull();
});

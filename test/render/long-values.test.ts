// Logins of 40 and more characters, with hyphens, and long names, as a principal reads them
// on paper: every login whole on one line (never broken after a hyphen, never cut) on the
// letters, the cards and the receipt sheets; names never cut inside a word.
import * as fs from "fs";
import * as path from "path";
import { mergeLetters } from "../../src/core/merge";
import { readRoster, Roster, selectRecords } from "../../src/core/roster";
import { readyLetter, TEMPLATES_DIR } from "../fixtures";
import { outDir, pdfPages, toPdf } from "./libreoffice";

const OUT = outDir("long-values");
const CSV = [
  "Nom;Prénom;Login;Mot de passe;Profil;Classe;Élève",
  "DE SAINT-EXUPÉRY-LAVALETTE;Maximilien-Alexandre;maximilien-alexandre.desaint-exupery-lavalette;Il1O0oQ8;Parent;6A;Jean-Éudes DE SAINT-EXUPÉRY-LAVALETTE",
  "VANDENBROUCKE;Marie-Claire;marieclaire.vandenbroucke-dupont-lagarde;K7pQ2xZ9;Parent;6A;Hélène VANDENBROUCKE",
  "VANDERBERGHE;Ursula;ursula.vanderberghe-delacroix-montmorency;001000;Parent;6A;Hugo VANDERBERGHE",
  "DE LA ROCHEFOUCAULD-LIANCOURT;Anne;anne.delarochefoucauld-liancourt;Zz9-Yy8;Parent;6A;Yanis DE LA ROCHEFOUCAULD-LIANCOURT",
].join("\r\n");

let roster: Roster;
beforeEach(() => {
  roster = readRoster(new TextEncoder().encode(CSV), "longs.csv");
});

/** The PDF's text, its non-breaking hyphens read as hyphens, one line per entry. */
function lines(name: string, docx: Uint8Array): string[] {
  const file = path.join(OUT, `${name}.docx`);
  fs.writeFileSync(file, docx);
  return pdfPages(toPdf([file], OUT)[0])
    .join("\n")
    .replace(/[\u2010\u2011]/g, "-")
    .split("\n");
}

const onOneLine = (text: string[], login: string) => text.some((line) => line.includes(login));

it.each(["parents", "personnels"] as const)("the %s letter prints every login whole on one line", (letter) => {
  const text = lines(`lettre-${letter}`, mergeLetters(readyLetter(letter), roster.records, roster).docx);
  for (const r of roster.records)
    expect([r.values.login, onOneLine(text, r.values.login)]).toEqual([r.values.login, true]);
});

it("the cards print every login whole on one line", () => {
  const cards = fs.readFileSync(path.join(TEMPLATES_DIR, "cartes.docx"));
  const out = mergeLetters(cards, roster.records, roster);
  const text = lines("cartes", out.docx);
  for (const r of roster.records)
    expect([r.values.login, onOneLine(text, r.values.login)]).toEqual([r.values.login, true]);
});

it("the receipt sheet prints every login whole on one line, and no name cut inside a word", () => {
  const records = selectRecords(roster.records, { sort: "class" });
  const out = mergeLetters(readyLetter("parents"), records, roster, { bundles: { receiptsOnly: true } });
  const text = lines("emargement", out.docx);
  for (const r of records) expect([r.values.login, onOneLine(text, r.values.login)]).toEqual([r.values.login, true]);
  // A name may wrap between its words and after a hyphen, never inside a word.
  for (const word of ["ROCHEFOUCAULD", "LIANCOURT", "VANDERBERGHE", "VANDENBROUCKE", "Maximilien", "Alexandre"])
    expect([word, text.some((l) => l.includes(word))]).toEqual([word, true]);
});

// A secretary's first hour at the command line (issue 32): levels and classes as people type
// them, an empty selection that names its filters, a missing folder called a missing folder,
// --help for every command, the nearest option suggested, missing options named, French sort
// names, counts that say what was written.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { readyLetter } from "../fixtures";
import { memoryIo } from "./helpers/memory-io";

const CSV = [
  "Nom;Prénom;Login;Mot de passe;Classe;Niveau;Profil",
  "A;Zoé;zoe.a;PW1;6EME A;6EME;Élève",
  "B;Léo;leo.b;PW2;6EME B;6EME;Élève",
  "C;Ali;ali.c;PW3;5EME A;5EME;Élève",
].join("\n");

function io() {
  const cli = memoryIo();
  cli.files.set("eleves.csv", new TextEncoder().encode(CSV));
  cli.files.set("eleves.docx", readyLetter("eleves"));
  return cli;
}
const merge = (...extra: string[]) => ["merge", "eleves.csv", "--template", "eleves.docx", "--out", "c.docx", ...extra];

it.each([["6"], ["6e"], ["6EME"], ["6ème"], ["sixième"]])("--level %s finds the 6EME pupils", async (level) => {
  const cli = io();
  expect(await run(merge("--level", level, "--json"), cli)).toBe(0);
  expect(JSON.parse(cli.stdout()).letters).toBe(2);
});

it.each([["6A"], ["6ème A"], ["6eme a"], ["6EME A"]])("--class %s finds the class 6EME A", async (klass) => {
  const cli = io();
  expect(await run(merge("--class", klass, "--json"), cli)).toBe(0);
  expect(JSON.parse(cli.stdout()).letters).toBe(1);
});

it("check lists the classes and levels the file has", async () => {
  const cli = io();
  await run(["check", "eleves.csv"], cli);
  expect(cli.stdout()).toContain("Classes : 5EME A (1), 6EME A (1), 6EME B (1)");
  expect(cli.stdout()).toContain("Niveaux : 5EME (1), 6EME (2)");
  const json = io();
  await run(["check", "eleves.csv", "--json"], json);
  expect(JSON.parse(json.stdout())).toMatchObject({
    classes: ["5EME A", "6EME A", "6EME B"],
    levels: ["5EME", "6EME"],
  });
});

it("names the filter that left nobody, and the values the file has", async () => {
  const cli = io();
  expect(await run(merge("--class", "6C"), cli)).toBe(4);
  expect(cli.stderr()).toContain(
    "Aucune personne ne correspond à --class 6C : les classes du fichier sont 5EME A, 6EME A, 6EME B.",
  );
  const level = io();
  await run(merge("--level", "3"), level);
  expect(level.stderr()).toContain(
    "Aucune personne ne correspond à --level 3 : les niveaux du fichier sont 5EME, 6EME.",
  );
});

it("calls a missing folder a missing folder", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ce-"));
  const cli = memoryIo();
  cli.files.set("eleves.csv", new TextEncoder().encode(CSV));
  cli.files.set("eleves.docx", readyLetter("eleves"));
  const out = path.join(dir, "absent", "n.docx");
  cli.writeFile = (f, d) => fs.writeFileSync(f, d);
  expect(await run(["merge", "eleves.csv", "--template", "eleves.docx", "--out", out], cli)).toBe(5);
  expect(cli.stderr()).toContain(
    `le dossier « ${path.join(dir, "absent")} » n'existe pas : créez-le, ou choisissez un dossier qui existe.`,
  );
  expect(cli.stderr()).not.toMatch(/ENOENT|ouvert dans Word/);
});

it.each([
  [["merge", "--help"], "courriers-ent merge FICHIER"],
  [["check", "--help"], "courriers-ent check FICHIER"],
  [["template", "--help"], "courriers-ent template"],
  [["--help"], "parents|eleves|personnels|cartes"],
])("%j prints that command's usage", async (argv, says) => {
  const cli = memoryIo();
  expect(await run(argv as string[], cli)).toBe(0);
  expect(cli.stdout()).toContain(says);
});

it("suggests the nearest option, and names a missing one", async () => {
  const cli = io();
  expect(await run(merge("--profil", "élève"), cli)).toBe(2);
  expect(cli.stderr()).toContain("Option inconnue : --profil. Vouliez-vous dire --profile ?");
  const missing = io();
  expect(await run(["merge", "eleves.csv", "--template", "eleves.docx"], missing)).toBe(2);
  expect(missing.stderr()).toContain("il manque --out COURRIERS.docx (le fichier à créer)");
  const send = io();
  expect(await run(["send", "eleves.csv", "--template", "eleves.docx"], send)).toBe(2);
  expect(send.stderr()).toContain(
    "il manque --from ADRESSE (l'adresse de l'expéditeur), et --smtp smtp://… (le serveur d'envoi) ou --dry-run DOSSIER (un essai).",
  );
});

it.each([["classe"], ["nom"], ["fichier"]])("takes --sort %s", async (sort) => {
  const cli = io();
  expect(await run(merge("--sort", sort, "--json"), cli)).toBe(0);
});

it("says what --receipts-only wrote: lists, not letters", async () => {
  const cli = io();
  expect(await run(merge("--receipts-only"), cli)).toBe(0);
  expect(cli.stdout()).toContain("Listes d'émargement de 3 classes écrites dans c.docx (3 personnes).");
  expect(cli.stdout()).not.toContain("courriers écrits");
});

it("calls a bundle of people without a class a bundle, not « 1 classe »", async () => {
  const cli = memoryIo();
  cli.files.set(
    "parents.csv",
    new TextEncoder().encode("Nom;Prénom;Login;Mot de passe;Profil\nA;Zoé;zoe.a;PW1;Parent\nB;Léo;leo.b;PW2;Parent\n"),
  );
  cli.files.set("parents.docx", readyLetter("parents"));
  expect(await run(["merge", "parents.csv", "--template", "parents.docx", "--out", "c.docx", "--by-class"], cli)).toBe(
    0,
  );
  expect(cli.stdout()).toContain(
    "1 liasse (personnes sans classe) : pour chacune, une page de garde, ses courriers et sa liste d'émargement.",
  );
  expect(cli.stdout()).not.toContain("1 classe");
});

it("says the count of cards once", async () => {
  const cli = io();
  cli.files.set("cartes.docx", fs.readFileSync(path.join(__dirname, "..", "..", "assets", "templates", "cartes.docx")));
  expect(await run(["merge", "eleves.csv", "--template", "cartes.docx", "--out", "c.docx"], cli)).toBe(0);
  const counts = cli
    .stdout()
    .split("\n")
    .filter((l) => /\d+ (personnes?|courriers?)\b/.test(l));
  expect(counts).toEqual(["3 personnes sur 1 page (8 par page) écrites dans c.docx."]);
});

it("shows, with COURRIERS_DEBUG=1, the stack of a failure and of its causes", async () => {
  const cli = io();
  cli.env = { COURRIERS_DEBUG: "1" };
  cli.writeFile = () => {
    throw Object.assign(new Error("disque plein"), { code: "ENOSPC" });
  };
  expect(await run(merge(), cli)).toBe(5);
  expect(cli.stderr()).toContain("impossible d'écrire « c.docx » (ENOSPC)");
  expect(cli.stderr()).toMatch(
    /CliError: impossible d'écrire[\s\S]*\n\s+at [\s\S]*causé par : Error: disque plein\n\s+at /,
  );
  const quiet = io();
  quiet.writeFile = cli.writeFile;
  await run(merge(), quiet);
  expect(quiet.stderr()).not.toContain("causé par");
});

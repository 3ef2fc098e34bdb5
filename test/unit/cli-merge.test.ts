import * as fs from "fs";
import * as path from "path";
import { run } from "../../src/cli/main";
import { paragraphsText, unzipText } from "./helpers/docx";
import { memoryIo } from "./helpers/memory-io";
import { EXPORTS_DIR as SAMPLES_DIR } from "../fixtures";

const TEMPLATE = path.join(__dirname, "..", "..", "assets", "templates", "parents.docx");
const PARENTS = path.join(SAMPLES_DIR, "moncollege-parents.csv");

function logins(docx: Uint8Array): string[] {
  // The login is the first run after "Identifiant : " in the credentials box.
  return paragraphsText(unzipText(docx)["word/document.xml"])
    .filter((t) => t.startsWith("Identifiant : "))
    .map((t) => t.slice("Identifiant : ".length));
}

describe("courriers-ent merge", () => {
  it("writes one letter per record in file order and says how many", async () => {
    const io = memoryIo();
    expect(await run(["merge", PARENTS, "--template", TEMPLATE, "--out", "out.docx"], io)).toBe(0);
    expect(io.stdout()).toContain("40 courriers écrits dans out.docx.");
    const got = logins(io.files.get("out.docx")!);
    expect(got).toHaveLength(40);
    expect(got.slice(0, 2)).toEqual(["aicha.moreau", "noemie.bensaid"]);
    expect(io.stdout()).toMatch(
      /passages en rose non complétés dans le modèle \(nom de l'établissement, adresse de l'établissement, .*signataire\)/,
    );
  });

  it("filters by class and level, sorts by name, and reports filtered and skipped rows", async () => {
    const io = memoryIo();
    const csv = [
      "Nom;Prénom;Login;Mot de passe;Profil;Niveau;Classe;Élève",
      "B;Léa;l.b;1;Parent;6EME;6A;X",
      "A;Jean;j.a;2;Parent;6EME;6A;Y",
      "C;Zoé;z.c;3;Parent;5EME;5B;Z",
      "D;Hugo;;4;Parent;6EME;6A;W",
    ].join("\n");
    io.files.set("export.csv", Buffer.from(csv, "utf8"));
    const code = await run(
      [
        "merge",
        "export.csv",
        "--template",
        TEMPLATE,
        "--out",
        "o.docx",
        "--class",
        "6A,4C",
        "--level",
        "6EME",
        "--sort",
        "name",
        "--profile",
        "parent",
      ],
      io,
    );
    expect(code).toBe(0);
    expect(logins(io.files.get("o.docx")!)).toEqual(["j.a", "l.b"]);
    expect(io.stdout()).toContain("2 courriers écrits");
    expect(io.stdout()).toContain("1 personne non retenue par les filtres.");
    expect(io.stdout()).toMatch(/1 ligne du fichier écartée :\n {2}- Ligne 5 : identifiant/);
  });

  it("keeps fields as content controls with --keep-fields", async () => {
    const io = memoryIo();
    await run(["merge", PARENTS, "--template", TEMPLATE, "--out", "k.docx", "--keep-fields"], io);
    expect(
      unzipText(io.files.get("k.docx")!)["word/document.xml"].match(/<w:tag w:val="ent:password"\/>/g),
    ).toHaveLength(40);
  });

  it.each([
    [["merge", PARENTS, "--out", "x.docx"], /usage : courriers-ent merge/],
    [["merge", PARENTS, "--template", "absent.docx", "--out", "x.docx"], /modèle introuvable : « absent.docx »/],
    [
      ["merge", PARENTS, "--template", PARENTS, "--out", "x.docx"],
      /moncollege-parents.csv : Le modèle n'est pas un document Word/,
    ],
    [["merge", PARENTS, "--template", TEMPLATE, "--out", "x.docx", "--sort", "age"], /tri inconnu/],
    [["merge", PARENTS, "--template", TEMPLATE, "--out", "x.docx", "--profile", "prof"], /profil inconnu : « prof »/],
    [["merge", PARENTS, "--template", TEMPLATE, "--out", "x.docx", "--class", "9Z"], /Aucune personne sélectionnée/],
    [
      ["merge", path.join(SAMPLES_DIR, "entng-activation.csv"), "--template", TEMPLATE, "--out", "x.docx"],
      /« Enfant\(s\) », « Classe »/,
    ],
  ])("exits 2 with a French message: %j", async (argv, message) => {
    const io = memoryIo();
    expect(await run(argv as string[], io)).toBe(2);
    expect(io.stderr()).toMatch(message);
    expect(io.files.has("x.docx")).toBe(false);
  });
});

describe("courriers-ent template", () => {
  it.each(["parents", "eleves", "personnels"])("writes %s.docx", async (name) => {
    const io = memoryIo();
    expect(await run(["template", name, "--out", `${name}.docx`], io)).toBe(0);
    expect(Buffer.from(io.files.get(`${name}.docx`)!)).toEqual(
      fs.readFileSync(path.join(__dirname, "..", "..", "assets", "templates", `${name}.docx`)),
    );
    expect(io.stdout()).toContain("passages en rose");
  });

  it("names the available letters for an unknown one", async () => {
    const io = memoryIo();
    expect(await run(["template", "profs", "--out", "x.docx"], io)).toBe(2);
    expect(io.stderr()).toContain("Courriers disponibles : parents, eleves, personnels");
  });
});

import { unzipSync } from "fflate";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { readRoster } from "../../src/core/roster";
import { cc, makeDocx, p, paragraphsText, unzipText } from "./helpers/docx";
import { memoryIo } from "./helpers/memory-io";
import { EXPORTS_DIR as SAMPLES_DIR } from "../fixtures";

const TEMPLATE = path.join(__dirname, "..", "..", "assets", "templates", "parents.docx");
const PARENTS = path.join(SAMPLES_DIR, "moncollege-parents.csv");
// A letter using two fields the activation-code export has no column for.
const UNKNOWN_FIELDS = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "courriers-")), "inconnus.docx");
fs.writeFileSync(
  UNKNOWN_FIELDS,
  makeDocx({ body: p(cc("login", "Login")) + p(cc("uai", "UAI")) + p(cc("birthDate", "Date")) }),
);

function logins(docx: Uint8Array): string[] {
  // The login follows "Identifiant", a no-break space, ":" and a no-break space in the credentials box.
  return paragraphsText(unzipText(docx)["word/document.xml"])
    .filter((t) => t.startsWith("Identifiant\u00a0:\u00a0"))
    .map((t) => t.slice("Identifiant\u00a0:\u00a0".length));
}

describe("courriers-ent merge", () => {
  it("writes one letter per record in class-then-name order (as the pane)", async () => {
    // Classes in numeric order (3A, 6B, 10A), a parent of two children with the first class
    // listed, names within a class, people without a class last.
    const csv = [
      "Nom;Prénom;Login;Mot de passe;Profil;Classe;Élève",
      "PETIT;Zoé;zoe.petit;k3x9pq7a;Parent;6B;Léo PETIT",
      "BERNARD;Ali;ali.bernard;w2xn5ht8;Parent;10A;Inès BERNARD",
      "DURAND;Léa;lea.durand;t7rv3kq9;Parent;;Noé DURAND",
      "ABADIE;Marc;marc.abadie;m4ab7rt2;Parent;3A;Lou ABADIE",
      "MARTIN;Éric;eric.martin;p8zt6wq3;Parent;6B, 3A;Ana MARTIN, Bo MARTIN",
    ].join("\n");
    const io = memoryIo();
    io.files.set("parents.csv", Buffer.from(csv, "utf8"));
    expect(await run(["merge", "parents.csv", "--template", TEMPLATE, "--out", "out.docx"], io)).toBe(0);
    expect(logins(io.files.get("out.docx")!)).toEqual([
      "marc.abadie",
      "eric.martin",
      "zoe.petit",
      "ali.bernard",
      "lea.durand",
    ]);
  });

  it("merges a ready letter for its audience only, says so, and lets --profile decide otherwise", async () => {
    const file = path.join(SAMPLES_DIR, "entng-export.csv");
    const roster = readRoster(fs.readFileSync(file), "entng-export.csv");
    const parents = roster.records.filter((r) => r.profile === "parent").length;
    const others = roster.records.length - parents;
    expect(parents).toBeGreaterThan(0);
    expect(others).toBeGreaterThan(0);

    const io = memoryIo();
    expect(await run(["merge", file, "--template", TEMPLATE, "--out", "p.docx"], io)).toBe(0);
    expect(logins(io.files.get("p.docx")!)).toHaveLength(parents);
    expect(io.stdout()).toContain(
      `${parents} courriers pour les parents ; ${others} autres comptes ne sont pas concernés par ce courrier`,
    );
    expect(io.stdout()).not.toContain("non retenue");

    const chosen = memoryIo();
    expect(await run(["merge", file, "--template", TEMPLATE, "--out", "e.docx", "--profile", "élève"], chosen)).toBe(0);
    expect(chosen.stdout()).not.toContain("pour les parents");
    expect(logins(chosen.files.get("e.docx")!)).toHaveLength(
      roster.records.filter((r) => r.profile === "élève").length,
    );

    const json = memoryIo();
    expect(await run(["merge", file, "--template", TEMPLATE, "--out", "j.docx", "--json"], json)).toBe(0);
    expect(JSON.parse(json.stdout())).toMatchObject({ letters: parents, audience: ["parent"], filtered: others });
  });

  it.each(["parents", "eleves"])(
    "merges the ENT's activation-code export with the %s letter: no child or class line, activation wording",
    async (name) => {
      const file = path.join(SAMPLES_DIR, "entng-activation.csv");
      const io = memoryIo();
      const template = path.join(path.dirname(TEMPLATE), `${name}.docx`);
      expect(
        await run(["merge", file, "--template", template, "--out", "a.docx", "--profile", "parent,élève,autre"], io),
      ).toBe(0);
      const text = paragraphsText(unzipText(io.files.get("a.docx")!)["word/document.xml"]);
      expect(text.filter((t) => /^Parent |^Classe de /.test(t))).toEqual([]);
      if (name === "parents")
        expect(text.filter((t) => t.startsWith("Code d’activation\u00a0:")).length).toBeGreaterThan(0);
      expect(text.join("\n")).not.toContain("Mot de passe provisoire");
    },
  );

  it("uses the provisional-password wording for an export of passwords", async () => {
    const io = memoryIo();
    expect(await run(["merge", PARENTS, "--template", TEMPLATE, "--out", "m.docx"], io)).toBe(0);
    const text = paragraphsText(unzipText(io.files.get("m.docx")!)["word/document.xml"]).join("\n");
    expect(text).toContain("Mot de passe provisoire\u00a0:\u00a0");
    expect(text).not.toContain("Code d'activation");
    expect(text).toContain("le mot de passe provisoire ci-dessus");
  });

  it("keeps file order with --sort file", async () => {
    const io = memoryIo();
    expect(await run(["merge", PARENTS, "--template", TEMPLATE, "--out", "out.docx", "--sort", "file"], io)).toBe(0);
    expect(io.stdout()).toContain("40 courriers écrits dans out.docx.");
    const got = logins(io.files.get("out.docx")!);
    expect(got).toHaveLength(40);
    expect(got.slice(0, 2)).toEqual(["aicha.moreau", "noemie.bensaid"]);
    expect(io.stdout()).toMatch(
      /passages en rose non complétés dans le modèle \(nom de l'établissement, adresse de l'établissement, .*signataire\)/,
    );
  });

  it("makes per-class bundles with --by-class (class order whatever --sort), and receipts alone", async () => {
    const io = memoryIo();
    const args = ["merge", PARENTS, "--template", TEMPLATE, "--out", "b.docx", "--sort", "file"];
    expect(await run([...args, "--by-class", "--recto-verso"], io)).toBe(0);
    const said = /(\d+) classes : pour chacune, une page de garde, ses courriers et sa liste d'émargement\./.exec(
      io.stdout(),
    );
    expect(said).not.toBeNull();
    const xml = new TextDecoder().decode(unzipSync(io.files.get("b.docx")!)["word/document.xml"]);
    expect(xml.match(/émargement \(/g)).toHaveLength(Number(said![1]));
    expect(xml.match(/<w:type w:val="oddPage"\/>/g)!.length).toBe(40 + 2 * Number(said![1]));
    const got = logins(io.files.get("b.docx")!);
    expect(got.slice(0, 2)).not.toEqual(["aicha.moreau", "noemie.bensaid"]);
    const only = memoryIo();
    expect(await run([...args.slice(0, 5), "r.docx", "--receipts-only"], only)).toBe(0);
    expect(only.stdout()).toMatch(/^Listes d'émargement de \d+ classes écrites dans r\.docx \(40 personnes\)\./);
    expect(only.stdout()).not.toMatch(/courriers? pour les/);
    expect(logins(only.files.get("r.docx")!)).toEqual([]);
  });

  it("writes the cards and merges 8 people per page", async () => {
    const io = memoryIo();
    expect(await run(["template", "cartes", "--out", "cartes.docx"], io)).toBe(0);
    fs.writeFileSync(path.join(os.tmpdir(), "cartes-test.docx"), io.files.get("cartes.docx")!);
    expect(
      await run(["merge", PARENTS, "--template", path.join(os.tmpdir(), "cartes-test.docx"), "--out", "c.docx"], io),
    ).toBe(0);
    expect(io.stdout()).toContain("40 personnes sur 5 pages (8 par page) écrites dans c.docx.");
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
    expect(io.stdout()).toMatch(/1 ligne du fichier écartée :\n {2}- Ligne 5 \(D Hugo\) : identifiant/);
  });

  it("keeps fields as content controls with --keep-fields", async () => {
    const io = memoryIo();
    await run(["merge", PARENTS, "--template", TEMPLATE, "--out", "k.docx", "--keep-fields"], io);
    expect(
      unzipText(io.files.get("k.docx")!)["word/document.xml"].match(/<w:tag w:val="ent:password"\/>/g),
    ).toHaveLength(40);
  });

  it.each([
    [["merge", PARENTS, "--out", "x.docx"], 2, "usage", /usage : courriers-ent merge/],
    [
      ["merge", PARENTS, "--template", "absent.docx", "--out", "x.docx"],
      4,
      "template-not-found",
      /modèle introuvable : « absent.docx »/,
    ],
    [
      ["merge", PARENTS, "--template", PARENTS, "--out", "x.docx"],
      4,
      "not-docx",
      /moncollege-parents.csv : Le modèle n'est pas un document Word/,
    ],
    [["merge", PARENTS, "--template", TEMPLATE, "--out", "x.docx", "--sort", "age"], 2, "unknown-sort", /tri inconnu/],
    [
      ["merge", PARENTS, "--template", TEMPLATE, "--out", "x.docx", "--profile", "prof"],
      2,
      "unknown-profile",
      /profil inconnu : « prof »/,
    ],
    [
      ["merge", PARENTS, "--template", TEMPLATE, "--out", "x.docx", "--class", "9Z"],
      4,
      "no-records",
      /Aucune personne ne correspond à --class 9Z : les classes du fichier sont 3B, 3C/,
    ],
    [
      ["merge", path.join(SAMPLES_DIR, "entng-activation.csv"), "--template", UNKNOWN_FIELDS, "--out", "x.docx"],
      4,
      "unknown-fields",
      /« UAI », « Date de naissance »/,
    ],
    [["merge", "absent.csv", "--template", TEMPLATE, "--out", "x.docx"], 3, "file-not-found", /fichier introuvable/],
  ])("%j exits %i (%s) with a French message", async (argv, exit, code, message) => {
    const io = memoryIo();
    expect(await run(argv as string[], io)).toBe(exit);
    expect(io.stderr()).toMatch(message);
    expect(io.files.has("x.docx")).toBe(false);
    const json = memoryIo();
    expect(await run([...(argv as string[]), "--json"], json)).toBe(exit);
    expect(JSON.parse(json.stdout())).toEqual({ error: { code, message: expect.stringMatching(message) } });
    expect(json.stderr()).toBe("");
  });

  it("exits 5 when the letters cannot be written", async () => {
    const io = memoryIo();
    io.writeFile = () => {
      throw Object.assign(new Error("busy"), { code: "EBUSY" });
    };
    expect(await run(["merge", PARENTS, "--template", TEMPLATE, "--out", "x.docx"], io)).toBe(5);
    expect(io.stderr()).toMatch(/impossible d'écrire « x.docx » \(EBUSY\)/);
  });

  it("reports as JSON with --json: letters, filters, skipped rows with their codes, pink passages", async () => {
    const io = memoryIo();
    expect(
      await run(["merge", PARENTS, "--template", TEMPLATE, "--out", "o.docx", "--class", "6A", "--json"], io),
    ).toBe(0);
    const report = JSON.parse(io.stdout());
    expect(report).toMatchObject({
      out: "o.docx",
      letters: expect.any(Number),
      unchangedPassages: expect.arrayContaining(["signataire"]),
    });
    expect(report.letters + report.filtered).toBe(40);
    expect(report.letters).toBeGreaterThan(0);
    expect(report.filtered).toBeGreaterThan(0);
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

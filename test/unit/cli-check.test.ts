import * as path from "path";
import { run } from "../../src/cli/main";
import { memoryIo } from "./helpers/memory-io";
import { EXPORTS_DIR as SAMPLES_DIR, exportFiles as sampleFiles } from "../fixtures";

describe("courriers-ent check", () => {
  it.each(sampleFiles())("--json gives the expected records of $file", async ({ file, truth }) => {
    const io = memoryIo();
    expect(await run(["check", path.join(SAMPLES_DIR, file), "--json"], io)).toBe(0);
    const json = JSON.parse(io.stdout());
    expect(json.file.delimiter).toMatch(/^(;|,|\t)$/);
    expect(json.file.encoding).toBeTruthy();
    expect(json.file.format).toEqual({ id: expect.stringMatching(/^(entng|moncollege)/), name: expect.any(String) });
    expect(
      json.records.map((r: Record<string, string>) => [
        r.firstName,
        r.lastName,
        r.login,
        r.password,
        r.class,
        r.children,
      ]),
    ).toEqual(truth.map((t) => [t.prenom, t.nom, t.login, t.password, t.classe, t.enfants]));
    expect(json.columns.some((c: { field: string }) => c.field === "password")).toBe(true);
    expect(json.records.every((r: { row: number }) => typeof r.row === "number")).toBe(true);
  });

  it("prints a report for people: encoding, delimiter, columns, counts, problems", async () => {
    const io = memoryIo();
    io.files.set(
      "rentree.csv",
      Buffer.from(
        "Nom;Prénom;Login;Mot de passe;Profil;Etat du compte\nA;B;a.b;pw;Élève;Inactif\nC;D;c.d;;Parent;Actif\n",
        "latin1",
      ),
    );
    expect(await run(["check", "rentree.csv"], io)).toBe(0);
    const out = io.stdout();
    expect(out).toContain("Export : MonCollège (Login / Mot de passe)\n");
    expect(out).toContain("Encodage : Windows-1252 ; séparateur : point-virgule (;)");
    expect(out).toContain("Mot de passe → Mot de passe");
    expect(out).toContain("Etat du compte → état du compte");
    expect(out).toContain("Courriers possibles : 2");
    expect(out).toContain("Élèves : 1");
    expect(out).toContain("Parents : 1");
    expect(out).toContain("Lignes écartées : 0");
    expect(out).toMatch(
      /Avertissements : 1\n {2}- Ligne 3 \(C D, c\.d\) : compte déjà activé.*« Mot de passe oublié »/,
    );
  });

  it.each([
    ["a missing file", "absent.csv", "file-not-found", /fichier introuvable : « absent.csv »/],
    ["a folder", "dossier", "not-a-file", /« dossier » est un dossier/],
    ["an unusable file", "vide.csv", "empty", /« vide.csv » est vide/],
  ])("exits 3 with a French message for %s, and its code with --json", async (_n, file, code, message) => {
    const io = memoryIo();
    io.files.set("vide.csv", new Uint8Array(0));
    const read = io.readFile;
    io.readFile = (f) => {
      if (f === "dossier") throw Object.assign(new Error("dir"), { code: "EISDIR" });
      return read(f);
    };
    expect(await run(["check", file], io)).toBe(3);
    expect(io.stderr()).toMatch(message);
    expect(io.stdout()).toBe("");
    const json = memoryIo();
    json.files.set("vide.csv", new Uint8Array(0));
    json.readFile = io.readFile;
    expect(await run(["check", file, "--json"], json)).toBe(3);
    expect(JSON.parse(json.stdout())).toEqual({ error: { code, message: expect.stringMatching(message) } });
  });

  it("rejects unknown options", async () => {
    const io = memoryIo();
    expect(await run(["check", "x.csv", "--jsn"], io)).toBe(2);
    expect(io.stderr()).toContain("Option inconnue : --jsn");
  });
});

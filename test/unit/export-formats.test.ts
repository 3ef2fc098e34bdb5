// Each known ENT export is one module of roster/formats, recognised by its header row; its
// synonyms and quirks apply to it alone, and any other file falls to the generic mapping.
import { exportFiles, readExport } from "../fixtures";
import { delimiterName, readRoster, RosterError } from "../../src/core/roster";
import { EXPORT_FORMATS, formatOf } from "../../src/core/roster/formats";

const csv = (text: string) => new TextEncoder().encode(text);

describe("export formats", () => {
  // Written out here, not derived from the modules: which format each sample is.
  it.each([
    ["entng-2015.csv", "entng-2015"],
    ["entng-activation.csv", "entng-activation"],
    ["entng-export.csv", "entng-classique"],
    ["excel-unicode.txt", "moncollege"],
    ["moncollege-eleves.csv", "moncollege"],
    ["moncollege-parents.csv", "moncollege"],
  ])("recognises %s as %s by its header row", (file, id) => {
    expect(readRoster(readExport(file), file).file.format.id).toBe(id);
  });

  it("has a sample export for every format read (a format is one module plus its fixture)", () => {
    const samples = exportFiles().map(({ file }) => readRoster(readExport(file), file).file.format.id);
    const read = EXPORT_FORMATS.filter((f) => f.id !== "generique" && !f.connector);
    expect(read.length).toBeGreaterThanOrEqual(4);
    for (const format of read) expect(samples).toContain(format.id);
  });

  it("names the format in French", () => {
    const roster = readRoster(readExport("entng-export.csv"), "export.csv");
    expect(roster.file.format.name).toBe("Open ENT NG, export classique");
  });

  it("reads « Élève » as the children only in a MonCollège export, where it sits on parent rows", () => {
    const parents = readRoster(readExport("moncollege-parents.csv"), "p.csv");
    expect(parents.columns.find((c) => c.header === "Élève")?.field).toBe("children");
    expect(parents.records[0].values.children).toBe("Léa MOREAU");
  });

  it("does not make every pupil a parent because a list of another kind has an « Élève » column", () => {
    const roster = readRoster(
      csv(
        "Élève;Classe;Identifiant;Mot de passe\nLéa MOREAU;4C;lea.moreau;k3x9pq7a\nHugo PETIT;6A;hugo.petit;m4ab7rt2\n",
      ),
      "classe.csv",
    );
    expect(roster.file.format.id).toBe("generique");
    expect(roster.columns[0].field).toBeNull();
    expect(roster.records.map((r) => r.profile)).toEqual(["autre", "autre"]);
    expect(roster.records[0].values.children).toBe("");
    expect(roster.records[0].raw["Élève"]).toBe("Léa MOREAU");
  });

  it("decodes HTML entities only in the activation-code export", () => {
    const activation = readRoster(
      csv(
        '"Type";"Nom";"Prénom";"Login";"Alias de login";"Code d\'activation"\n"Élève";"N&#39;DIAYE";"Aïcha";"aicha.ndiaye";"";"k3x9pq7a"\n',
      ),
      "codes.csv",
    );
    expect(activation.records[0].values.lastName).toBe("N'DIAYE");
    expect(activation.file.htmlEntitiesDecoded).toBe(true);
    const other = readRoster(csv("Nom,Prénom,Login,Mot de passe\nN&#39;DIAYE,Léa,lea.ndiaye,k3x9pq7a\n"), "liste.csv");
    expect(other.records[0].values.lastName).toBe("N&#39;DIAYE");
    expect(other.file.htmlEntitiesDecoded).toBe(false);
  });

  it("recognises a connector's list (Gepi) and refuses it for its empty credentials", () => {
    const gepi = csv(
      '"RNE";"UID";"Classe";"Profil";"Prénom";"Nom";"Login";"Mot de passe"\n"0750001A";"u1";"6A";"Élève";"Léa";"MOREAU";"";""\n',
    );
    expect(formatOf(["RNE", "UID", "Classe", "Profil", "Prénom", "Nom", "Login", "Mot de passe"]).id).toBe(
      "connecteur",
    );
    expect(() => readRoster(gepi, "gepi.csv")).toThrow(RosterError);
    expect(() => readRoster(gepi, "gepi.csv")).toThrow(/export d'un connecteur \(Gepi, Cerise…\)/);
  });

  it("falls to the generic mapping for a header no format claims", () => {
    expect(formatOf(["Nom", "Prénom", "Date de convocation"])).toMatchObject({
      id: "generique",
      name: "liste (colonnes reconnues par leur nom)",
    });
    expect(formatOf([]).id).toBe("generique");
  });

  it("names every format in French, as the data step and check say it", () => {
    expect(EXPORT_FORMATS.map((f) => [f.id, f.name])).toEqual([
      ["entng-classique", "Open ENT NG, export classique"],
      ["entng-2015", "Open ENT NG, ancien export (2014-2019)"],
      ["entng-activation", "Open ENT NG, codes d'activation"],
      ["moncollege", "MonCollège (Login / Mot de passe)"],
      ["connecteur", "Connecteur (Gepi, Cerise…)"],
      ["generique", "liste (colonnes reconnues par leur nom)"],
    ]);
  });

  it.each([
    [["Id", "Type", "Nom", "Prénom", "Login", "Code d'activation"], "entng-2015"],
    [["Id", "Type", "Nom", "Prénom", "Identifiant", "Login", "Code d'activation"], "entng-classique"],
    // An Id column: not MonCollège's vocabulary, whatever else it has.
    [["Id", "Nom", "Login", "Mot de passe", "Etat du compte"], "generique"],
    [["Nom", "Login", "Code d'activation", "Élève"], "moncollege"],
    [["Nom", "Login", "Mot de passe"], "generique"],
    [["Nom", "Login", "Mot de passe", "Etat du compte"], "moncollege"],
    [["Nom", "Mot de passe", "Élève"], "generique"],
    [["Alias de login", "Code d'activation", "Id"], "generique"],
    [["Alias de login", "Login", "Code d'activation"], "entng-activation"],
    [["Alias de login", "Login"], "generique"],
    [["Nom", "externalId", "Login"], "connecteur"],
    [["UID", "Nom"], "connecteur"],
  ])("recognises %j as %s", (headers, id) => {
    expect(formatOf(headers).id).toBe(id);
  });
});

describe("delimiterName", () => {
  it.each([
    [";", "point-virgule (;)"],
    [",", "virgule (,)"],
    ["\t", "tabulation"],
    ["|", "« | »"],
    ["", "aucun (classeur)"],
  ])("names %j as %j", (delimiter, name) => {
    expect(delimiterName(delimiter)).toBe(name);
  });
});

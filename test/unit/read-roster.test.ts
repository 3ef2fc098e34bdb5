// The importer's entry point: which bytes it takes for a workbook (the zip signature, all four
// bytes of it), what it says about the file (encoding, delimiter, notes), and when it decodes
// HTML entities (Open ENT NG's activation-code export only, never its headers).
import { delimiterName, readRoster } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";
import { makeXlsx } from "./helpers/xlsx";

const CSV = "Nom;Prénom;Login;Mot de passe;Profil\nN'DIAYE;Aïcha;aicha.ndiaye;Xo0lI1aB;Parent\n";

describe("readRoster", () => {
  it("reads a workbook by its zip signature and says so", () => {
    const roster = readRoster(
      makeXlsx([
        [{ s: "Nom" }, { s: "Prénom" }, { s: "Login" }, { s: "Mot de passe" }, { s: "Profil" }],
        [{ s: "MOREL" }, { s: "Élodie" }, { s: "elodie.morel" }, { s: "EGX0HBcr" }, { s: "Élève" }],
      ]),
      "comptes.xlsx",
    );
    expect(roster.file).toMatchObject({
      kind: "xlsx",
      encoding: "classeur Excel (.xlsx)",
      delimiter: "",
      htmlEntitiesDecoded: false,
    });
    expect(roster.records[0].values.password).toBe("EGX0HBcr");
  });

  // One byte short of the zip signature: read as text, never handed to the workbook reader.
  it.each([["XK\u0003\u0004"], ["PX\u0003\u0004"], ["PK\u0005\u0004"], ["PK\u0003\u0005"]])(
    "takes %j followed by a CSV as text",
    (prefix) => {
      const roster = readRoster(utf8(`${prefix}${CSV}`), "comptes.csv");
      expect(roster.file.kind).toBe("csv");
      expect(roster.columns[0].header).toBe(`${prefix}Nom`);
    },
  );

  it("says the encoding and delimiter of a CSV, and decodes nothing in an ordinary export", () => {
    const roster = readRoster(utf8(CSV.replace("Aïcha", '"A&#39;cha"')), "comptes.csv");
    expect(roster.file).toMatchObject({ kind: "csv", delimiter: ";", htmlEntitiesDecoded: false });
    expect(roster.file.encoding).toMatch(/^UTF-8/);
    expect(roster.records[0].values.firstName).toBe("A&#39;cha");
  });

  it("decodes HTML entities in the values of Open ENT NG's activation-code export, not in its headers", () => {
    const file = `Nom;Prénom;Alias de login;Code d'activation;Profil;"Note &amp; remarque"\n"N&#39;DIAYE";Aïcha;aicha.ndiaye;"Ab&amp;12";Parent;x\n`;
    const roster = readRoster(utf8(file), "activation.csv");
    expect(roster.file.htmlEntitiesDecoded).toBe(true);
    expect(roster.file.notes).toContain("Open ENT NG, codes d'activation : entités HTML décodées (&#39; → ').");
    expect(roster.records[0].values.lastName).toBe("N'DIAYE");
    expect(roster.columns.map((c) => c.header)).toContain("Note &amp; remarque");
  });

  it.each([
    [
      `Nom;Prénom;Alias de login;Profil;Login;Mot de passe\n"N&#39;DIAYE";Aïcha;aicha;Parent;aicha.ndiaye;Xo0lI1aB\n`,
      "alias without activation code",
    ],
    [
      `Id;Nom;Prénom;Alias de login;Code d'activation;Profil\n1;"N&#39;DIAYE";Aïcha;aicha;Ab12xy;Parent\n`,
      "the classic export (Id)",
    ],
  ])("leaves entities alone in %j (%s)", (file) => {
    const roster = readRoster(utf8(file), "export.csv");
    expect(roster.file.htmlEntitiesDecoded).toBe(false);
    expect(roster.records[0].values.lastName).toBe("N&#39;DIAYE");
  });
});

describe("delimiterName", () => {
  it.each([
    [";", "point-virgule (;)"],
    [",", "virgule (,)"],
    ["\t", "tabulation"],
    ["", "aucun (classeur)"],
  ])("%j is « %s »", (d, name) => expect(delimiterName(d)).toBe(name));
});

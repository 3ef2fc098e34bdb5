// Hostile and malformed exports: each ends in a clear French refusal or a correct result,
// never a silently wrong letter (issue: "Nothing silently wrong").
import { readRoster, Roster } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";

const bytesOf = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));

const people = (roster: Roster) => roster.records.map((r) => [r.row, r.values.login, r.values.password]);
const problems = (roster: Roster) => roster.problems.map((p) => [p.row, p.code, p.severity]);

describe("ambiguous columns are never guessed silently", () => {
  it("refuses two password columns that disagree, naming both", () => {
    const csv = "Nom;Prénom;Login;Mot de passe;Mot de passe;Classe\nA;B;a.b;PW1;;6A\nC;D;c.d;PW2;XX;6B\n";
    expect(() => readRoster(utf8(csv), "double.csv")).toThrow(
      expect.objectContaining({
        code: "ambiguous-columns",
        message: expect.stringContaining("« Mot de passe » (colonne 4) et « Mot de passe » (colonne 5)"),
      }),
    );
  });

  it("uses the first of two class columns, by rule, and says so", () => {
    const csv = "Nom;Prénom;Login;Mot de passe;Classe;Classe\nA;B;a.b;PW1;6A;3C\n";
    const roster = readRoster(utf8(csv), "classes.csv");
    expect(roster.records[0].values.class).toBe("6A");
    expect(roster.records[0].raw["Classe"]).toBe("6A");
    expect(roster.file.notes).toContainEqual(
      "Plusieurs colonnes pour « Classe » : « Classe » (colonne 5) et « Classe » (colonne 6) ; la première est utilisée (leurs valeurs diffèrent : vérifiez, ou choisissez la colonne dans le volet).",
    );
  });
});

describe("line endings", () => {
  it.each([
    ["mixed CRLF, LF and lone CR", "Login;Mot de passe\r\na.b;PW1\nc.d;PW2\re.f;PW3\r\ng.h;PW4\n"],
    ["LF header, CRLF rows", "Login;Mot de passe\na.b;PW1\r\nc.d;PW2\r\ne.f;PW3\r\ng.h;PW4\r\n"],
  ])("%s: one row per line, no \\r in a value, right row numbers", (_name, csv) => {
    const roster = readRoster(utf8(csv), "fins.csv");
    expect(people(roster)).toEqual([
      [2, "a.b", "PW1"],
      [3, "c.d", "PW2"],
      [4, "e.f", "PW3"],
      [5, "g.h", "PW4"],
    ]);
    expect(roster.problems).toEqual([]);
    expect(roster.dataRows).toBe(4);
  });
});

describe("undecodable bytes", () => {
  it("sets aside a row whose password holds an unreadable byte, and names it", () => {
    const bytes = bytesOf(
      [0xef, 0xbb, 0xbf],
      "Nom;Prénom;Login;Mot de passe;Remarque\nN'DIAYE;Aïcha;aicha.ndiaye;PW",
      [0xff],
      "1;x\nB;Léo;l.b;PW2;y",
      [0xfe],
      "\n",
    );
    const roster = readRoster(bytes, "octets.csv");
    expect(people(roster)).toEqual([[3, "l.b", "PW2"]]);
    expect(roster.records[0].raw["Remarque"]).toBe("y");
    expect(problems(roster)).toEqual([
      [2, "unreadable-characters", "error"],
      [3, "unreadable-characters", "warning"],
    ]);
    expect(roster.problems[0].message).toBe(
      "Ligne 2 (N'DIAYE Aïcha, aicha.ndiaye), colonne « Mot de passe » : caractère illisible (octet invalide pour l'encodage du fichier) ; la ligne est écartée. Réexportez le fichier depuis l'ENT sans l'ouvrir dans Excel.",
    );
    expect(JSON.stringify(roster.records)).not.toContain("\uFFFD");
  });
});

describe("every row problem names the person when it can", () => {
  it.each([
    [
      "a ragged row",
      "Nom;Prénom;Login;Mot de passe;Classe\nN'DIAYE;Aïcha;aicha.ndiaye;PW1\n",
      "Ligne 2 (N'DIAYE Aïcha, aicha.ndiaye) : 4 valeurs au lieu de 5",
    ],
    [
      "a missing password",
      "Nom;Prénom;Login;Mot de passe\nN'DIAYE;Aïcha;aicha.ndiaye;\nB;C;b.c;x\n",
      "Ligne 2 (N'DIAYE Aïcha, aicha.ndiaye) : « Mot de passe » vide",
    ],
    [
      "a missing login",
      "Nom;Prénom;Login;Mot de passe\nN'DIAYE;Aïcha;;PW\nB;C;b.c;x\n",
      "Ligne 2 (N'DIAYE Aïcha) : identifiant",
    ],
    [
      "a duplicate login",
      "Nom;Prénom;Login;Mot de passe\nA;B;a.b;x\nN'DIAYE;Aïcha;a.b;y\n",
      "Ligne 3 (N'DIAYE Aïcha, a.b) : l'identifiant « a.b » figure déjà ligne 2",
    ],
  ])("%s", (_name, csv, start) => {
    const roster = readRoster(utf8(csv), "noms.csv");
    expect(roster.problems[0].message.startsWith(start)).toBe(true);
  });
});

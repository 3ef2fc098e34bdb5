// Every refusal and every row problem of the importer, word for word: what a secretary
// reads must name the file, the row, the person and the column, and say what to do.
import { readRoster } from "../../src/core/roster";

const read = (csv: string, name = "comptes.csv") => readRoster(new TextEncoder().encode(csv), name);
const HINT = "Dans la console d'administration de l'ENT, filtrez les comptes puis « Export au format CSV »";

describe("files refused, with what to do", () => {
  it.each([
    ["an empty file", "", "« comptes.csv » est vide (0 octet)."],
    ["a single header", "Login\n", "« comptes.csv » n'a pas de ligne d'en-tête lisible"],
    [
      "a header and no row",
      "Login;Mot de passe\n",
      "« comptes.csv » ne contient que la ligne d'en-tête, aucun compte.",
    ],
    [
      "an account as header",
      "jean.dupont;Mot de passe\nx;y\n",
      "La première ligne de « comptes.csv » ressemble à un compte, pas à des noms de colonnes",
    ],
    [
      "a connector's export",
      "uid;Login;Mot de passe\n1;;\n2;;\n",
      "a des colonnes « Login » et « Mot de passe » toutes vides : c'est l'export d'un connecteur (Gepi, Cerise…)",
    ],
    ["a connector with logins", "RNE;Login;Mot de passe\n1;a.b;\n", "toutes vides : c'est l'export d'un connecteur"],
    [
      "accounts all activated",
      "Login;Code d'activation\na.b;\nc.d;\n",
      "Aucun compte de « comptes.csv » n'a de Code d'activation : tous semblent déjà activés.",
    ],
    [
      "two password columns that disagree",
      "Login;Mot de passe;MDP\na.b;X1;Y2\n",
      "« comptes.csv » a deux colonnes de mot de passe, aux valeurs différentes : « Mot de passe » (colonne 2) et « MDP » (colonne 3).",
    ],
  ])("%s", (_name, csv, message) => {
    expect(() => read(csv)).toThrow(message);
  });

  it.each([
    [
      "Nom;Mot de passe\nA;X\n",
      "« comptes.csv » n'a pas de colonne d'identifiant (« Login », « Identifiant »…) : il peut servir aux autres courriers de l'établissement (convocations…), pas aux courriers ENT.",
    ],
    [
      "Nom;Login\nA;a.b\n",
      "« comptes.csv » n'a pas de colonne de mot de passe ni de code d'activation : il peut servir aux autres courriers de l'établissement (convocations…), pas aux courriers ENT.",
    ],
    [
      "Nom;Date de convocation\nA;12/09\nB;13/09\n",
      "« comptes.csv » n'a pas de colonne d'identifiant (« Login », « Identifiant »…) ni de mot de passe ni de code d'activation : il peut servir aux autres courriers de l'établissement (convocations…), pas aux courriers ENT.",
    ],
  ])("reads a list without credentials (%j) for the school's other letters, and says so", (csv, note) => {
    const roster = read(csv);
    expect(roster.records.length).toBe(csv.trim().split("\n").length - 1);
    expect(roster.problems).toEqual([]);
    expect(roster.file.notes).toContain(note);
  });

  it("says what to do after naming the problem", () => {
    expect(() => read("")).toThrow(HINT);
  });
});

describe("rows set aside or cleaned, naming the person", () => {
  // Each file has one good row besides the faulty one, so that it is accepted.
  it.each([
    [
      "Nom;Prénom;Login;Mot de passe\nDUPONT;Jean;j.d;X1;trop\nA;B;a.b;P1\n",
      "Ligne 2 (DUPONT Jean, j.d) : 5 valeurs au lieu de 4 (il y en a trop) ; les colonnes seraient décalées, la ligne est écartée. Corrigez-la dans l'ENT ou réexportez le fichier.",
    ],
    [
      "Nom;Prénom;Login;Mot de passe\nDUPONT;Jean;j.d\nA;B;a.b;P1\n",
      "Ligne 2 (DUPONT Jean, j.d) : 3 valeurs au lieu de 4 (il en manque)",
    ],
    ["Login;Mot de passe;Nom\nj.d;X1\na.b;P1;A\n", "Ligne 2 (j.d) : 2 valeurs au lieu de 3 (il en manque)"],
    ["Nom;Login;Mot de passe\nDUPONT\nA;a.b;P1\n", "Ligne 2 (DUPONT) : 1 valeurs au lieu de 3"],
    ["Remarque;Login;Mot de passe\nx\nA;a.b;P1\n", "Ligne 2 : 1 valeurs au lieu de 3"],
  ])("%j", (csv, message) => {
    const roster = read(csv);
    expect(roster.records.map((r) => r.values.login)).toEqual(["a.b"]);
    expect(roster.problems.map((p) => p.message)).toEqual([expect.stringContaining(message)]);
  });

  it("sets aside a row with an unreadable byte in a credential, cleans it elsewhere", () => {
    const roster = read("Nom;Login;Mot de passe;Remarque\nA;a.b;X\uFFFD1;ok\nB;b.c;Y2;r\uFFFDm\n");
    expect(roster.records.map((r) => r.values.login)).toEqual(["b.c"]);
    expect(roster.records[0].raw["Remarque"]).toBe("rm");
    expect(roster.problems.map((p) => [p.row, p.severity, p.message])).toEqual([
      [
        2,
        "error",
        "Ligne 2 (A, a.b), colonne « Mot de passe » : caractère illisible (octet invalide pour l'encodage du fichier) ; la ligne est écartée. Réexportez le fichier depuis l'ENT sans l'ouvrir dans Excel.",
      ],
      [
        3,
        "warning",
        "Ligne 3 (B, b.c), colonne « Remarque » : caractère illisible retiré (octet invalide pour l'encodage du fichier).",
      ],
    ]);
  });

  it("sets aside a credential with a character Word cannot hold, removes it from other columns", () => {
    const roster = read("Nom;Login;Mot de passe;Remarque\nA;a.b;X\uffff1;ok\nB;b.c;Y2;r\u0002m\n");
    expect(roster.records.map((r) => [r.values.login, r.raw["Remarque"]])).toEqual([["b.c", "rm"]]);
    expect(roster.problems.map((p) => [p.code, p.severity])).toEqual([
      ["invalid-characters", "error"],
      ["cleaned-characters", "warning"],
    ]);
    expect(roster.problems[0].message).toMatch(
      /^Ligne 2 \(A, a\.b\), colonne « Mot de passe » : caractère\(s\) .+ impossible\(s\) à mettre dans un document Word\./,
    );
    expect(roster.problems[1].message).toMatch(
      /^Ligne 3 \(B, b\.c\), colonne « Remarque » : caractère\(s\) .+ retiré\(s\) \(impossibles dans un document Word\)\./,
    );
  });

  it("notes two columns for one field, saying when their values differ", () => {
    const same = read("Nom;Nom de famille;Login;Mot de passe\nA;A;a.b;X\n");
    expect(same.file.notes).toContain(
      "Plusieurs colonnes pour « Nom » : « Nom » (colonne 1) et « Nom de famille » (colonne 2) ; la première est utilisée.",
    );
    const differ = read("Nom;Nom de famille;Login;Mot de passe\nA;B;a.b;X\n");
    expect(differ.file.notes).toContain(
      "Attention : plusieurs colonnes pour « Nom » : « Nom » (colonne 1) et « Nom de famille » (colonne 2) ; la première est utilisée (leurs valeurs diffèrent : vérifiez, ou choisissez la colonne dans le volet).",
    );
    expect(read("Login;Mot de passe;MDP\na.b;X1;X1\n").file.notes.join(" ")).toContain(
      "Plusieurs colonnes pour « Mot de passe »",
    );
  });
});

// The roster builder at its edges: which file is a connector's, which header row is an
// account, credentials of spaces only, an alias column, padded names in the report, two
// password columns that differ on one row only, a column without a header.
import { readRoster } from "../../src/core/roster";
import { buildRoster } from "../../src/core/roster/stages";
import { FileInfo } from "../../src/core/roster/types";
import { utf8 } from "./helpers/encode";
import { refusal } from "./helpers/refusal";

const read = (...lines: string[]) => readRoster(utf8(lines.join("\n")), "comptes.csv");

/** The importer's refusal of these lines (a RosterError, never another kind of failure). */
function refused(...lines: string[]) {
  const err = refusal(() => read(...lines));
  expect(err.name).toBe("RosterError");
  return err;
}

const CONNECTOR = /toutes vides : c'est l'export d'un connecteur/;
const ALL_ACTIVE = /Aucun compte de « comptes\.csv » n'a de Mot de passe : tous semblent déjà activés/;

describe("a file whose credentials are all empty", () => {
  it("is a connector's export when no login, password or alias is filled", () => {
    const err = refused("Nom;Login;Mot de passe", "A;;", "B; ;");
    expect([err.code, err.message]).toEqual(["no-credentials", expect.stringMatching(CONNECTOR)]);
  });

  it("is a file of activated accounts when only the alias column is filled", () => {
    const err = refused("Nom;Login;Mot de passe;Alias de login", "A;;;a.alias", "B;;;");
    expect([err.code, err.message]).toEqual(["no-credentials", expect.stringMatching(ALL_ACTIVE)]);
  });

  it("is read when only the passwords are filled: each row then lacks its login", () => {
    const roster = read("Nom;Login;Mot de passe", "A;;pw1", "B;;pw2");
    expect(roster.records).toEqual([]);
    expect(roster.problems.map((p) => [p.row, p.code])).toEqual([
      [2, "missing-login"],
      [3, "missing-login"],
    ]);
  });

  it("has no password when the passwords are spaces only", () => {
    expect(refused("Nom;Login;Mot de passe", "A;a.a;  ", "B;b.b; ").message).toMatch(ALL_ACTIVE);
  });

  it.each([["UID"], ["RNE"], ["ExternalId"]])("is a connector's when it has a %s column and no password", (header) => {
    const err = refused(`Nom;Login;Mot de passe;${header}`, "A;a.a;;x");
    expect(err.message).toMatch(CONNECTOR);
  });

  it("is a file of activated accounts without a connector's column", () => {
    expect(refused("Nom;Login;Mot de passe;Note", "A;a.a;;x").message).toMatch(ALL_ACTIVE);
  });
});

describe("the header row", () => {
  it("needs two named columns", () => {
    expect(refused("Login;;", "a.a;x;y").code).toBe("no-header");
  });

  it.each([["jean.dupont"], ["jean.dupont2"], ["JEAN.DUPONT"]])("%s is an account, not a header", (first) => {
    expect(refused(`${first};Xo0lI1aB`, "lea.martin;Ab12cd34").code).toBe("no-header");
  });

  it.each([["2nd.colonne"], ["jean.dupont-x"], ["jean.dupont2b"]])("%s is a header without a login", (first) => {
    // A list of another kind: read, for the school's other letters.
    expect(read(`${first};Mot de passe`, "x;y").headers).toEqual([first, "Mot de passe"]);
  });

  it("is trimmed", () => {
    expect(read(" Login ;\tMot de passe ", "a.a;pw").headers).toEqual(["Login", "Mot de passe"]);
  });

  it("names a column without a header by its number", () => {
    const roster = read("Login;Mot de passe;;Note", "a.a;pw;sans nom;n");
    expect(roster.records[0].raw).toEqual({ Login: "a.a", "Mot de passe": "pw", "Colonne 3": "sans nom", Note: "n" });
  });

  it("refuses an empty table", () => {
    const file: FileInfo = {
      name: "vide.xlsx",
      kind: "xlsx",
      encoding: "",
      delimiter: "",
      format: { id: "generique", name: "liste" },
      htmlEntitiesDecoded: false,
      notes: [],
    };
    expect(() => buildRoster({ rows: [] }, file)).toThrow(
      expect.objectContaining({ code: "empty", message: expect.stringMatching(/^« vide\.xlsx » est vide\. /) }),
    );
  });
});

describe("each row", () => {
  it("names the person without the spaces around the cells", () => {
    const roster = read("Nom;Prénom;Login;Mot de passe", "  DUPONT ; Léa ; l.d ;", "B;Tom;t.b;pw");
    expect(roster.problems[0].message).toMatch(/^Ligne 2 \(DUPONT Léa, l\.d\) : /);
  });

  it("says a short row's problem is the row's, not a column's", () => {
    const roster = read("Login;Mot de passe;Note", "a.a;pw;n", "b.b;pw");
    expect(roster.problems.map((p) => [p.row, p.code, p.field])).toEqual([[3, "too-few-fields", ""]]);
  });

  it("lists each character it removed from a column", () => {
    const roster = read("Login;Mot de passe;Note", "a.a;pw;x\u0001y\u0002z");
    expect(roster.problems[0].message).toContain("U+0001, U+0002");
  });

  it("takes the login column when the alias is spaces only", () => {
    const roster = read("Login;Mot de passe;Alias de login", "a.a;pw1;  ", "b.b;pw2;bee");
    expect(roster.records.map((r) => r.values.login)).toEqual(["a.a", "bee"]);
  });

  it("has no login when it is spaces only", () => {
    const roster = read("Login;Mot de passe", "  ;pw1", "b.b;pw2");
    expect(roster.problems.map((p) => [p.row, p.code])).toEqual([[2, "missing-login"]]);
  });

  it("has no password when it is spaces only, and says an activated account's letter differs", () => {
    const roster = read("Login;Mot de passe;Etat du compte", "a.a;  ;Actif", "b.b;  ;Inactif", "c.c;pw;Inactif");
    expect(roster.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
      [2, "already-active", "warning"],
      [3, "missing-password", "error"],
    ]);
    expect(roster.records.map((r) => r.values.login)).toEqual(["a.a", "c.c"]);
  });

  it("has no password when it is spaces only and the file has no account state", () => {
    const roster = read("Login;Mot de passe", "a.a;  ", "b.b;pw");
    expect(roster.problems.map((p) => [p.row, p.code])).toEqual([[2, "missing-password"]]);
  });

  it("is a parent's when it names children and no profile", () => {
    const roster = read("Login;Mot de passe;Élève", "a.a;pw;Zoé A", "b.b;pw;");
    expect(roster.records.map((r) => r.profile)).toEqual(["parent", "autre"]);
  });
});

describe("two password columns", () => {
  it("are refused when they differ on a single row", () => {
    const err = refused("Login;Mot de passe;Mot de passe", "a.a;pw;pw", "b.b;x;y");
    expect(err.code).toBe("ambiguous-columns");
  });

  it("are read, with a note, when they agree on every row", () => {
    const roster = read("Login;Mot de passe;Mot de passe", "a.a;pw;pw", "b.b;x;x");
    expect(roster.records.map((r) => r.values.password)).toEqual(["pw", "x"]);
    expect(roster.file.notes).toContain(
      "Plusieurs colonnes pour « Mot de passe » : « Mot de passe » (colonne 2) et « Mot de passe » (colonne 3) ; la première est utilisée.",
    );
  });
});

describe("rows shorter than the header", () => {
  it("count their missing credential cells as empty: a connector's export", () => {
    const err = refused("Nom;Prénom;Login;Mot de passe", "A;B", "C;D");
    expect([err.code, err.message]).toEqual(["no-credentials", expect.stringMatching(CONNECTOR)]);
  });

  it("count a missing password cell as empty: activated accounts", () => {
    const err = refused("Nom;Prénom;Login;Mot de passe", "A;B;a.b", "C;D;c.d");
    expect([err.code, err.message]).toEqual(["no-credentials", expect.stringMatching(ALL_ACTIVE)]);
  });

  it("count a missing alias cell as empty", () => {
    const err = refused("Nom;Login;Mot de passe;Alias de login", "A;;", "B;;");
    expect([err.code, err.message]).toEqual(["no-credentials", expect.stringMatching(CONNECTOR)]);
  });

  it("do not make two password columns differ where the second is missing and the first empty", () => {
    const roster = read("Nom;Login;Mot de passe;Classe;Mot de passe", "A;a.a;p;6A;p", "B;b.b;");
    expect(roster.records.map((r) => r.values.login)).toEqual(["a.a"]);
    expect(roster.problems.map((p) => [p.row, p.code])).toEqual([[3, "too-few-fields"]]);
  });
});

describe("a header row of one name", () => {
  it("is no header, even with other cells of spaces", () => {
    expect(refused("Login;   ;  ", "a.b;x;y").code).toBe("no-header");
  });
});

describe("alias columns", () => {
  it("take the first of two alias columns where the alias is filled", () => {
    const roster = read("Nom;Login;Mot de passe;Alias de login;Alias", "A;a.a;p;alias.un;alias.deux");
    expect(roster.records[0].values.login).toBe("alias.un");
  });

  it("give way to the login column the user chose", () => {
    const roster = readRoster(utf8("Nom;Login;Mot de passe;Alias de login\nA;a.a;p;alias.a\n"), "comptes.csv", {
      mapping: { login: "Login" },
    });
    expect(roster.records[0].values.login).toBe("a.a");
    const other = readRoster(
      utf8("Nom;Login;Mot de passe;Alias de login;Groupe\nA;a.a;p;alias.a;6A\n"),
      "comptes.csv",
      {
        mapping: { class: "Groupe" },
      },
    );
    expect(other.records[0].values.login).toBe("alias.a");
  });
});

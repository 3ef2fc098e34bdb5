// Which column fills which field when the headers alone do not settle it: the login among
// several candidates (by the shape of the values), the alias column, the "Identifiant" that
// holds internal ids, the caller's choices, the state column and the duplicates reported.
import { recogniseColumns } from "../../src/core/roster/headers";

const values = (table: Record<number, string[]>) => (index: number) => table[index] ?? [];

describe("recogniseColumns", () => {
  it("takes the login whose values look like logins (prenom.nom), not internal ids", () => {
    const r = recogniseColumns(["Identifiant", "Login"], values({ 0: ["1234", "5678", ""], 1: ["a.b", "c-d", "e_f"] }));
    expect(r.byField.login).toBe(1);
    expect(r.columns.map((c) => c.field)).toEqual([null, "login"]);
  });

  it("keeps a lone Identifiant even when its values are ids", () => {
    expect(recogniseColumns(["Identifiant"], values({ 0: ["1234"] })).byField.login).toBe(0);
  });

  it("leaves out an Identifiant of ids when an alias column can fill the login", () => {
    const r = recogniseColumns(["Identifiant", "Alias"], values({ 0: ["1234", "5678"] }));
    expect(r.byField.login).toBe(1);
    expect(r.aliasColumn).toBeUndefined();
    expect(r.columns[1]).toMatchObject({ field: "login" });
  });

  it("keeps an Identifiant half of whose values look like logins", () => {
    const r = recogniseColumns(["Identifiant", "Alias"], values({ 0: ["a.b", "1234"] }));
    expect(r.byField.login).toBe(0);
    expect(r.aliasColumn).toBe(1);
    expect(r.columns[1]).toMatchObject({ field: "login", alias: true });
  });

  it("prefers, among several login columns, the first with the most login-shaped values", () => {
    const shapes = values({ 0: ["a.b", "x"], 1: ["c.d", "e.f"], 2: ["g.h", "i.j"] });
    expect(recogniseColumns(["Login", "Username", "Identifiant ENT"], shapes).byField.login).toBe(1);
    const none = values({ 0: ["", " "], 1: ["x", "y"] });
    expect(recogniseColumns(["Login", "Username"], none).byField.login).toBe(0);
  });

  it.each([
    ["a.b", true],
    ["jean-pierre.dupont2", true],
    ["o'neil.b", true],
    ["a_b", true],
    ["a-b", true],
    ["ab", false],
    ["1a.b", false],
    ["a.", false],
    ["a..b", false],
    [" a.b ", true],
  ])("%j has the shape of a login: %s", (value, login) => {
    const r = recogniseColumns(["Identifiant", "Login"], values({ 0: [value], 1: ["zz"] }));
    expect(r.byField.login).toBe(login ? 0 : 1);
  });

  it("takes the first column of other fields, reports the duplicates unless the caller chose", () => {
    const r = recogniseColumns(["Nom", "Login", "Nom de famille", "Classe"], values({}));
    expect(r.byField.lastName).toBe(0);
    expect(r.duplicates).toEqual([{ field: "lastName", columns: [0, 2] }]);
    const chosen = recogniseColumns(["Nom", "Login", "Nom de famille"], values({}), { lastName: "Nom de famille" });
    expect(chosen.byField.lastName).toBe(2);
    expect(chosen.duplicates).toEqual([]);
  });

  it("applies the caller's mapping: a header to a field, null to none, an explicit login over the alias rule", () => {
    const headers = ["Nom", "Login", "Alias", "Remarque"];
    const r = recogniseColumns(headers, values({ 1: ["a.b"] }), { login: "Alias", lastName: null, email: "Inconnue" });
    expect(r.byField).toEqual({ login: 2 });
    expect(r.aliasColumn).toBeUndefined();
    expect(r.columns.map((c) => c.field)).toEqual([null, null, "login", null]);
    const first = recogniseColumns(["Remarque", "Login"], values({}), { firstName: "Remarque" });
    expect(first.byField).toEqual({ login: 1, firstName: 0 });
  });

  it("marks the account state column, even the first one", () => {
    expect(recogniseColumns(["Etat du compte", "Login"], values({})).stateColumn).toBe(0);
    const r = recogniseColumns(["Login", "Etat"], values({}));
    expect(r.stateColumn).toBe(1);
    expect(r.columns[1].state).toBe(true);
    expect(recogniseColumns(["Login"], values({})).stateColumn).toBeUndefined();
  });
});

// The catalog's tables, row by row: each profile's label and every word that names it, each
// ready letter's title, button label and audience, each school passage's French name. A
// word dropped from a table is an export whose people are set aside, a letter sent to the
// wrong audience, or a reminder naming a passage by its code: each row is asserted.
import {
  ACTIVATION_CODE_HEADERS,
  ACTIVE_VALUES,
  audienceText,
  FIELDS,
  INACTIVE_VALUES,
  NOT_LOGIN_HEADERS,
  passageLabel,
  peoplePerPage,
  profileNamed,
  PROFILES,
  READY_LETTERS,
} from "../../src/core/catalog";

describe("profiles", () => {
  // Their labels are asserted in catalog.test.ts.
  it("are these five, in this order", () => {
    expect(PROFILES).toEqual(["élève", "parent", "enseignant", "personnel", "autre"]);
  });

  it.each([
    ["élève", "élève"],
    ["élèves", "élève"],
    ["eleve", "élève"],
    ["Student", "élève"],
    ["students", "élève"],
    ["Parent", "parent"],
    ["parents", "parent"],
    ["Responsable", "parent"],
    ["responsables", "parent"],
    ["Relative", "parent"],
    ["enseignant", "enseignant"],
    ["Enseignants", "enseignant"],
    ["Teacher", "enseignant"],
    ["professeur", "enseignant"],
    ["Personnel", "personnel"],
    ["personnels", "personnel"],
    ["staff", "personnel"],
    ["Personnel de direction", "personnel"],
    ["autre", "autre"],
    ["Autres", "autre"],
    ["invité", "autre"],
    ["Guest", "autre"],
  ])("%s names the profile %s", (word, profile) => expect(profileNamed(word)).toBe(profile));

  it.each([[""], ["élève parent"], ["direction"], ["prof"]])("%j names no profile", (word) =>
    expect(profileNamed(word)).toBeNull(),
  );
});

describe("ready letters", () => {
  it("are these four, each with its title, button and audience", () => {
    expect(READY_LETTERS.map((l) => [l.name, l.title, l.label, l.audience])).toEqual([
      ["parents", "Courrier ENT – parents", "Parents", ["parent"]],
      ["eleves", "Courrier ENT – élèves", "Élèves", ["élève"]],
      [
        "personnels",
        "Courrier ENT – enseignants et personnels",
        "Enseignants et personnels",
        ["enseignant", "personnel"],
      ],
      [
        "cartes",
        "Cartes ENT – 8 par page",
        "Cartes (8 par page)",
        ["élève", "parent", "enseignant", "personnel", "autre"],
      ],
    ]);
  });
});

describe("school passages", () => {
  it.each([
    ["etablissement", "nom de l'établissement"],
    ["adresse-etablissement", "adresse de l'établissement"],
    ["contact-etablissement", "contact du secrétariat"],
    ["lieu-date", "lieu et date"],
    ["adresse-ent", "adresse de l'ENT"],
    ["signataire", "signataire"],
    ["contact-eleves", "personne à qui s'adresser"],
    ["referent-ent", "référent ENT"],
    ["inconnu", "inconnu"],
    ["constructor", "constructor"],
  ])("%s is called « %s »", (what, label) => expect(passageLabel(what)).toBe(label));
});

describe("fields", () => {
  // The label is the content control's title and the «placeholder» a principal reads.
  it("are labelled in French, one label each", () => {
    expect(FIELDS.map((f) => [f.id, f.label])).toEqual([
      ["firstName", "Prénom"],
      ["lastName", "Nom"],
      ["login", "Login"],
      ["password", "Mot de passe"],
      ["class", "Classe"],
      ["level", "Niveau"],
      ["profile", "Profil"],
      ["children", "Enfant(s)"],
      ["email", "Courriel"],
      ["birthDate", "Date de naissance"],
      ["school", "Établissement"],
      ["uai", "UAI"],
      ["functions", "Fonction(s)"],
    ]);
  });
});

describe("the importer's word lists", () => {
  // Each row decides how a column or a value is read: asserted whole, in order.
  it("never takes an internal id for the login", () => {
    expect(NOT_LOGIN_HEADERS).toEqual([
      "Id",
      "externalId",
      "Identifiant SIECLE",
      "Id SIECLE",
      "uid",
      "INE",
      "Identifiant interne",
    ]);
  });

  it("knows the activation-code columns", () => {
    expect(ACTIVATION_CODE_HEADERS).toEqual(["Code d'activation", "activationCode", "Code activation"]);
  });

  it("knows the values of an account's state", () => {
    expect(INACTIVE_VALUES).toEqual(["Inactif", "Inactive", "Non active", "Non actif", "Bloqué", "À activer"]);
    expect(ACTIVE_VALUES).toEqual(["Actif", "Active", "Activé", "Activée", "Enabled"]);
  });
});

describe("ready letters' pages and audiences", () => {
  it("put eight people on a page of cards and one on any other letter's", () => {
    expect(peoplePerPage("cartes")).toBe(8);
    expect(peoplePerPage("parents")).toBe(1);
    expect(peoplePerPage(undefined)).toBe(1);
  });

  it("say who a letter is for in the middle of a sentence", () => {
    expect(READY_LETTERS.map(audienceText)).toEqual([
      "parents",
      "élèves",
      "enseignants et personnels",
      "cartes (8 par page)",
    ]);
  });
});

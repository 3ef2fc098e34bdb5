// The header synonym table, row by row: each header an export may use → the field it fills
// (docs/ent-exports.md, "Column synonyms"), and the headers that must never fill a field.
import { foldKey } from "../../src/core/catalog";
import { fieldForHeader } from "../../src/core/roster";
import { isStateHeader } from "../../src/core/roster/headers";
import { moncollege } from "../../src/core/roster/formats/moncollege";

describe("fieldForHeader: every synonym fills its field", () => {
  it.each([
    ["Prénom", "firstName"],
    ["Prenom", "firstName"],
    ["firstName", "firstName"],
    ["first_name", "firstName"],
    ["Prénoms", "firstName"],
    ["Nom", "lastName"],
    ["Nom de famille", "lastName"],
    ["lastName", "lastName"],
    ["last_name", "lastName"],
    ["Nom d'usage", "lastName"],
    ["Login personnalisé (Alias)", "login"],
    ["Alias de login", "login"],
    ["Alias", "login"],
    ["Identifiant", "login"],
    ["Login", "login"],
    ["Identifiant ENT", "login"],
    ["Nom d'utilisateur", "login"],
    ["Username", "login"],
    ["Identifiant de connexion", "login"],
    ["Mot de passe", "password"],
    ["Code d'activation", "password"],
    ["Code d’activation", "password"],
    ["Mot de passe provisoire", "password"],
    ["Mot de passe temporaire", "password"],
    ["Mot de passe initial", "password"],
    ["MDP", "password"],
    ["Password", "password"],
    ["activationCode", "password"],
    ["Code activation", "password"],
    ["Mot_de_passe", "password"],
    ["*Mot de passe*", "password"],
    ["Classe", "class"],
    ["Classes", "class"],
    ["Classe(s)", "class"],
    ["Division", "class"],
    ["Niveau", "level"],
    ["Niveaux", "level"],
    ["Level", "level"],
    ["Type", "profile"],
    ["Profil", "profile"],
    ["Profils", "profile"],
    ["Profile", "profile"],
    ["Enfants", "children"],
    ["Enfant(s)", "children"],
    ["Enfant", "children"],
    ["Responsable de", "children"],
    ["Courriel", "email"],
    ["Email", "email"],
    ["E-mail", "email"],
    ["Mail", "email"],
    ["Adresse électronique", "email"],
    ["Adresse mail", "email"],
    ["Date de naissance", "birthDate"],
    ["birthDate", "birthDate"],
    ["Établissements", "school"],
    ["Établissement", "school"],
    ["Etablissement", "school"],
    ["Structure(s)", "school"],
    ["Structure", "school"],
    ["UAI", "uai"],
    ["RNE", "uai"],
    ["Code UAI", "uai"],
    ["Fonctions", "functions"],
    ["Fonction(s)", "functions"],
    ["Fonction", "functions"],
  ])("%s → %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(["Id", "externalId", "Identifiant SIECLE", "Id Siecle", "UID", "INE", "Identifiant interne"])(
    "%s is never the login (nor any field)",
    (header) => {
      expect(fieldForHeader(header)).toBeNull();
    },
  );

  it.each(["Téléphone", "Dernière connexion", "Parents", "Élève", ""])("%s is a free column", (header) => {
    expect(fieldForHeader(header)).toBeNull();
  });

  it("reads « Élève » as the children in MonCollège's export, beside the catalog's synonyms", () => {
    expect(fieldForHeader("Élève", moncollege)).toBe("children");
    expect(fieldForHeader("eleve", moncollege)).toBe("children");
    expect(fieldForHeader("Enfants", moncollege)).toBe("children");
    expect(fieldForHeader("Login", moncollege)).toBe("login");
  });
});

describe("foldKey", () => {
  it.each([
    ["Login personnalisé (Alias)", "loginpersonnalisealias"],
    ["Mot_de_passe", "motdepasse"],
    ["  CŒUR d’Élève* ", "coeurdeleve"],
    ["Œuvre", "oeuvre"],
  ])("%s → %s", (header, key) => {
    expect(foldKey(header)).toBe(key);
  });
});

describe("isStateHeader", () => {
  it.each(["Etat du compte", "État", "Etat compte", "Statut", "Statut du compte", "Activation"])(
    "%s is the state",
    (h) => {
      expect(isStateHeader(h)).toBe(true);
    },
  );
  it.each(["Type", "Date"])("%s is not", (h) => {
    expect(isStateHeader(h)).toBe(false);
  });
});

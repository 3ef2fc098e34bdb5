// The Login / Mot de passe vocabulary of the MonCollège guide (Nom;Prénom;Login;Mot de
// passe;Profil;Niveau;Classe;Élève;Etat du compte), often re-saved by Excel (Windows-1252,
// or « Texte Unicode »). Its « Élève » column names a parent row's children.
import { ExportFormat } from "./format";

export const moncollege: ExportFormat = {
  id: "moncollege",
  name: "MonCollège (Login / Mot de passe)",
  matches: (keys) =>
    keys.has("login") &&
    !keys.has("id") &&
    (keys.has("motdepasse") || keys.has("codedactivation")) &&
    (keys.has("eleve") || keys.has("etatducompte")),
  synonyms: { children: ["Élève"] },
};

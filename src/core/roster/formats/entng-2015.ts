// Open ENT NG's older headers (2014–2019): Id, Type, Nom, Prénom, Login, Code d'activation,
// then Fonction(s), Structure(s), Classe(s)… whose items each end with ", " (the trailing
// comma is dropped by splitMulti).
import { ExportFormat } from "./format";

export const entng2015: ExportFormat = {
  id: "entng-2015",
  name: "Open ENT NG, ancien export (2014-2019)",
  matches: (keys) => keys.has("id") && keys.has("login") && keys.has("codedactivation") && !keys.has("identifiant"),
};

// Open ENT NG « Export classique » (2020 and later): Id, Identifiant SIECLE, Identifiant,
// Login personnalisé (Alias), Code d'activation… every field quoted, UTF-8 with BOM; its
// unescaped inner quotes are read by the CSV parser, its alias by the login rule.
import { ExportFormat, hasAll } from "./format";

export const entngClassique: ExportFormat = {
  id: "entng-classique",
  name: "Open ENT NG, export classique",
  matches: hasAll("id", "identifiant", "codedactivation"),
};

// Account lists from connectors (Gepi's RNE/UID export, an externalId column): they look
// like exports but their Login and Mot de passe columns are always empty.
import { ExportFormat } from "./format";

export const connector: ExportFormat = {
  id: "connecteur",
  name: "Connecteur (Gepi, Cerise…)",
  matches: (keys) => keys.has("uid") || keys.has("rne") || keys.has("externalid"),
  connector: true,
};

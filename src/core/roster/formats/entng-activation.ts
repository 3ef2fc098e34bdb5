// Open ENT NG's activation-code CSV (class admin « export des codes »): no Id, an « Alias de
// login », and every value HTML-escaped (N&#39;Diaye).
import { ExportFormat } from "./format";

export const entngActivation: ExportFormat = {
  id: "entng-activation",
  name: "Open ENT NG, codes d'activation",
  matches: (keys) => keys.has("aliasdelogin") && keys.has("codedactivation") && !keys.has("id"),
  htmlEscaped: true,
};

// Whether an export's e-mail cell is one address a message can go to; if not, why, in French.
// The check is deliberately plain: the server has the last word, this catches what a
// secretary can fix in the export (a missing @, two addresses in one cell, a space).

export type AddressCheck = { ok: true; address: string } | { ok: false; reason: string };

const ATOM = /^[^\s@<>()[\]\\,;:"]+$/;

export function checkAddress(cell: string): AddressCheck {
  const value = cell.trim();
  if (value === "") return { ok: false, reason: "pas d'adresse électronique" };
  if (/[,;]/.test(value) || (value.match(/@/g) ?? []).length > 1)
    return {
      ok: false,
      reason: `plusieurs adresses dans la même case (« ${value} ») : gardez-en une seule dans l'ENT`,
    };
  if (/\s/.test(value)) return { ok: false, reason: `l'adresse « ${value} » contient une espace` };
  const at = value.indexOf("@");
  if (at < 0) return { ok: false, reason: `« ${value} » n'est pas une adresse électronique (il manque @)` };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const labels = domain.split(".");
  const localOk = ATOM.test(local) && !local.startsWith(".") && !local.endsWith(".") && !local.includes("..");
  const domainOk =
    ATOM.test(domain) &&
    labels.length >= 2 &&
    labels.every((l) => l !== "" && !l.startsWith("-") && !l.endsWith("-")) &&
    labels[labels.length - 1].length >= 2;
  if (!localOk || !domainOk) return { ok: false, reason: `« ${value} » n'est pas une adresse électronique valide` };
  return { ok: true, address: value };
}

// One way to compare what people type: headers, profile names, search queries.

/**
 * The text folded for loose comparison: no case, accents, spaces or punctuation.
 * "Login personnalisé (Alias)" → "loginpersonnalisealias"; "Mot_de_passe" → "motdepasse".
 */
export function foldKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[œŒ]/g, "oe")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

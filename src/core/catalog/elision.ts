// French elision at fields: "Parent de Anaïs" is wrong, "Parent d'Anaïs" is right. The
// word that elides travels inside the field (`ent:de:children`), so the letters and the
// in-Word preview write the same thing.

export type Preposition = "de" | "que" | "De" | "Que";

export const PREPOSITIONS: readonly Preposition[] = ["de", "que", "De", "Que"];

export function isPreposition(word: string): word is Preposition {
  return (PREPOSITIONS as readonly string[]).includes(word);
}

/** A vowel sound at the start: a, e, i, o, u, y, accented or not, æ, œ. An h is left alone. */
const VOWEL_START = /^[aeiouyàâäáãåéèêëíìîïóòôöõúùûüýÿæœ]/iu;

/**
 * The preposition and the value as French writes them: "d'Anaïs", "de Zoé", "qu'Émile".
 * A no-break space keeps "de" with the name; an empty value gives nothing at all.
 */
export function withPreposition(word: Preposition, value: string): string {
  if (value.trim() === "") return "";
  const text = value.normalize("NFC").trimStart();
  return VOWEL_START.test(text) ? `${word.slice(0, -1)}'${text}` : `${word}\u00a0${text}`;
}

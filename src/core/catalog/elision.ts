// French elision at fields: "Parent de Anaïs" is wrong, "Parent d’Anaïs" is right. The
// word that elides travels inside the field (`ent:de:children`), so the letters and the
// in-Word preview write the same thing.

export type Preposition = "de" | "que" | "De" | "Que";

export const PREPOSITIONS: readonly Preposition[] = ["de", "que", "De", "Que"];

export function isPreposition(word: string): word is Preposition {
  return (PREPOSITIONS as readonly string[]).includes(word);
}

/** A vowel at the start: a, e, i, o, u, accented or not, æ, œ. Y and h are decided below. */
const VOWEL_START = /^[aeiouàâäáãåéèêëíìîïóòôöõúùûüæœ]/i;

/** A Y sounds as a vowel before a consonant (Yves, Yvonne, Ylan) and as a consonant before a vowel (Yanis, Yaël). */
const VOWEL_Y = /^[yÿý](?![aeiouàâäáãåéèêëíìîïóòôöõúùûüæœy])/i;

/**
 * First names whose h is mute, so that "de" elides (d’Hélène, d’Hugo). Other names starting
 * with h keep "de": an aspirated h, or one sounded in the name's own language (Hamza,
 * Hassan, Harry, Houda). Written without accents, in lower case; the first name of a
 * compound name counts (Hélène-Marie).
 */
export const MUTE_H_NAMES: ReadonlySet<string> = new Set([
  "hadrien",
  "hector",
  "helena",
  "helene",
  "helio",
  "heloise",
  "henri",
  "henriette",
  "hermine",
  "hermione",
  "herve",
  "hilaire",
  "hippolyte",
  "honore",
  "honorine",
  "horace",
  "hortense",
  "hubert",
  "hugo",
  "hugues",
  "hyacinthe",
]);

function firstWord(text: string): string {
  return text
    .split(/[\s\-‐,]/)[0]
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** The value starts with a vowel sound: "de" becomes "d’". */
export function startsWithVowelSound(text: string): boolean {
  return VOWEL_START.test(text) || VOWEL_Y.test(text) || MUTE_H_NAMES.has(firstWord(text));
}

/**
 * The preposition and the value as French writes them: "d’Anaïs", "de Zoé", "qu’Émile",
 * with a typographic apostrophe. A no-break space keeps "de" with the name; an empty value
 * gives nothing at all.
 */
export function withPreposition(word: Preposition, value: string): string {
  if (value.trim() === "") return "";
  const text = value.normalize("NFC").trimStart();
  return startsWithVowelSound(text) ? `${word.slice(0, -1)}’${text}` : `${word}\u00a0${text}`;
}

// The ready letters shipped with the add-in: their name (command line, and the file
// assets/templates/<name>.docx), title and audience.
import { Profile } from "./profiles";

export type ReadyLetterName = "parents" | "eleves" | "personnels" | "cartes";

export interface ReadyLetterDef {
  name: ReadyLetterName;
  title: string;
  /** Who it is for, on the pane's button: "Parents". */
  label: string;
  /** The profiles the letter addresses; a merge selects them unless the user chooses. */
  audience: readonly Profile[];
}

export const READY_LETTERS: readonly ReadyLetterDef[] = [
  { name: "parents", title: "Courrier ENT – parents", label: "Parents", audience: ["parent"] },
  { name: "eleves", title: "Courrier ENT – élèves", label: "Élèves", audience: ["élève"] },
  {
    name: "personnels",
    title: "Courrier ENT – enseignants et personnels",
    label: "Enseignants et personnels",
    audience: ["enseignant", "personnel"],
  },
  {
    name: "cartes",
    title: "Cartes ENT – 8 par page",
    label: "Cartes (8 par page)",
    audience: ["élève", "parent", "enseignant", "personnel", "autre"],
  },
];

/** How many people a ready letter's page holds (the cards: 8). */
export function peoplePerPage(name: ReadyLetterName | undefined): number {
  return name === "cartes" ? 8 : 1;
}

/**
 * The document variable (w:docVar in settings.xml) naming the ready letter a template was
 * made from: Word keeps it through edits, so the command line knows the letter's audience.
 */
export const READY_LETTER_VARIABLE = "CourriersENT.courrier";

/** "parents", "élèves", "enseignants et personnels": who the letter is for, in a sentence. */
export function audienceText(letter: ReadyLetterDef): string {
  return letter.label.toLowerCase();
}

export function isReadyLetterName(value: string): value is ReadyLetterName {
  return READY_LETTERS.some((l) => l.name === value);
}

export function readyLetter(name: ReadyLetterName): ReadyLetterDef {
  return READY_LETTERS.find((l) => l.name === name)!;
}

// The three ready letters: where their sources and .docx live in the package.
import * as path from "path";

export const LETTERS = {
  parents: "Courrier ENT – parents",
  eleves: "Courrier ENT – élèves",
  personnels: "Courrier ENT – enseignants et personnels",
} as const;

export type LetterName = keyof typeof LETTERS;

// src/cli/templates and build/cli/templates both sit three folders below the package root.
export const TEMPLATES_DIR = path.join(__dirname, "..", "..", "..", "assets", "templates");

export const sourcePath = (name: LetterName) => path.join(TEMPLATES_DIR, "src", `${name}.txt`);
export const docxPath = (name: LetterName) => path.join(TEMPLATES_DIR, `${name}.docx`);

export function isLetterName(value: string): value is LetterName {
  return Object.prototype.hasOwnProperty.call(LETTERS, value);
}

// Checks on the rows of an export that a person cannot see in the file but that would make
// a wrong letter: a header pasted twice, a separator changed halfway, characters nobody can
// type in a login or a password, logins that differ only by case, and workbook cells that
// held an error, a boolean, a date or a formula instead of the value the ENT exported.
import { describeChar } from "../xml";
import { CellFlag, TableRow } from "./table";

/** A row equal to the header (two exports pasted together): not a person. */
export function isRepeatedHeader(cells: readonly string[], headers: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim());
  while (filled.length > headers.length && filled[filled.length - 1] === "") filled.pop();
  return filled.length === headers.length && filled.every((c, i) => c === headers[i]);
}

/** Empty cells past the last column (a trailing ";" on some rows) are no values: dropped. */
export function withoutTrailingEmpty(cells: string[], width: number): string[] {
  if (cells.length <= width || cells.slice(width).some((c) => c.trim() !== "")) return cells;
  return cells.slice(0, width);
}

const OTHER_DELIMITERS = [";", ",", "\t"];

/**
 * The delimiter the rows use when it is not the header's (the header split by ";", the
 * accounts by ","): most rows then hold a single cell that the other delimiter splits into
 * as many cells as the header has.
 */
export function rowsDelimiter(headerDelimiter: string, rows: readonly TableRow[], width: number): string | null {
  if (!headerDelimiter || rows.length === 0 || width < 2) return null;
  for (const d of OTHER_DELIMITERS) {
    if (d === headerDelimiter) continue;
    const split = rows.filter((r) => r.cells.length === 1 && r.cells[0].split(d).length >= width).length;
    if (split * 2 > rows.length) return d;
  }
  return null;
}

/** Characters that print as nothing (or as a plain space) and that nobody can type from a letter. */
const INVISIBLE_NAMES: Array<[RegExp, string]> = [
  [/\u200b/, "espace invisible"],
  [/\u200c/, "antiliant sans chasse"],
  [/\u200d/, "liant sans chasse"],
  [/\u200e/, "marque de gauche à droite"],
  [/\u200f/, "marque de droite à gauche"],
  [/\ufeff/, "marque d'ordre des octets (BOM)"],
  [/\u00a0/, "espace insécable"],
  [/\u202f/, "espace fine insécable"],
  [/\u00ad/, "trait d'union conditionnel"],
  [/[\u202a-\u202e\u2066-\u2069\u061c]/, "contrôle de direction du texte"],
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  [/[\u0000-\u001f\u007f-\u009f]/, "caractère de contrôle"],
  [
    /\u034f|\u17b4|\u17b5|[\u115f\u1160\u180e\u2000-\u200a\u2028\u2029\u205f-\u2065\u206a-\u206f\u3000\u3164\uffa0\ufff9-\ufffb]/,
    "espace ou caractère invisible",
  ],
];
const INVISIBLE = new RegExp(INVISIBLE_NAMES.map(([re]) => re.source).join("|"), "g");

/** "U+200B espace invisible", for each kind of invisible character in a value. */
export function invisibleCharacters(value: string): string[] {
  const found = new Set<string>();
  for (const [char] of value.matchAll(INVISIBLE)) {
    const name = INVISIBLE_NAMES.find(([re]) => re.test(char))![1];
    found.add(`${describeChar(char)} ${name}`);
  }
  return [...found];
}

/** The key two logins share when they differ only by case or surrounding spaces. */
export function looseLoginKey(login: string): string {
  return login.trim().toLowerCase();
}

/** What a credential is called in a sentence: "le mot de passe", "l'identifiant", "le code d'activation". */
export type CredentialWord = { the: string; a: string };

/**
 * A workbook cell in a credential column that held something else than the ENT's text:
 * an error or a boolean sets the row aside; a date or a formula is flagged.
 */
export function credentialCellProblem(
  flag: CellFlag | undefined,
  shown: string,
  word: CredentialWord,
): { code: "excel-error" | "excel-boolean" | "date-credential" | "formula-credential"; text: string } | null {
  if (!flag) return null;
  const fix = "Corrigez le classeur, ou chargez plutôt l'export CSV de l'ENT.";
  if (flag.kind === "error")
    return {
      code: "excel-error",
      text: `Excel y montre l'erreur « ${shown} », pas une valeur ; la ligne est écartée. ${fix}`,
    };
  if (flag.kind === "boolean")
    return {
      code: "excel-boolean",
      text: `Excel y a mis la valeur logique ${shown}, pas ${word.a} ; la ligne est écartée. ${fix}`,
    };
  if (flag.formula !== undefined)
    return {
      code: "formula-credential",
      text: `calculé par une formule (${flag.formula}) : vérifiez que « ${shown} » est bien ${word.the} du compte dans l'ENT.`,
    };
  if (flag.kind === "date")
    return {
      code: "date-credential",
      text: `Excel a lu la valeur comme une date (« ${shown} ») : vérifiez que c'est bien ${word.the} du compte dans l'ENT.`,
    };
  return null;
}

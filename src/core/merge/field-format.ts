// Word MERGEFIELD switches, applied to the value as Word would: \* Upper/Lower/Caps/FirstCap,
// \b (text before, only when the value is not empty), \f (text after), \@ (date picture,
// French month and day names) and \# (number picture, French separators). And the Word
// fields a letter merge cannot honour, refused by name rather than printed raw.
import { formatDate, formatNumber, parseDate } from "../pictures";
import { MergeError } from "./errors";

export interface FieldFormat {
  case?: "upper" | "lower" | "caps" | "firstcap";
  before?: string;
  after?: string;
  date?: string;
  number?: string;
}

export interface MergeFieldCode {
  name: string;
  format: FieldFormat;
}

// A switch and its text: quoted, or a word; a date or number picture written without quotes
// runs to the next switch (Word reads `\@ d MMMM yyyy` whole). (No lookbehind: Word
// 2016's webview cannot parse one.)
const SWITCH = /\\([*bf])\s*(?:"([^"]*)"|(\S+))?|\\([@#])\s*(?:"([^"]*)"|([^\\]*[^\s\\]))?/g;

/** `MERGEFIELD "Nom" \* Upper \b "M. "` → the name and its switches; null for other fields. */
export function parseMergeField(instr: string): MergeFieldCode | null {
  const m = /^\s*MERGEFIELD\s+(?:"([^"]+)"|([^\s\\]+))/i.exec(instr);
  if (!m) return null;
  const format: FieldFormat = {};
  for (const s of instr.slice(m[0].length).matchAll(SWITCH)) {
    const kind = s[1] ?? s[4];
    const arg = s[2] ?? s[3] ?? s[5] ?? s[6] ?? "";
    if (kind === "*") {
      const c = arg.toLowerCase();
      if (c === "upper" || c === "lower" || c === "caps" || c === "firstcap") format.case = c;
    } else if (kind === "b") format.before = arg;
    else if (kind === "f") format.after = arg;
    else if (kind === "@") format.date = arg;
    else if (kind === "#") format.number = arg;
  }
  return { name: (m[1] ?? m[2]).trim(), format };
}

const UNSUPPORTED: Record<string, string> = {
  NEXTIF:
    "un champ « Enregistrement suivant si » (NEXTIF) : choisissez les personnes dans le volet ou avec --profile, --class.",
  SKIPIF:
    "un champ « Ignorer l'enregistrement si » (SKIPIF) écrit d'une façon que Word lui-même n'évalue pas (il faut une comparaison) : vérifiez-le (Alt+F9 dans Word), ou choisissez les personnes dans le volet ou avec --profile, --class.",
  IF: "un champ Word « Si… Alors… Sinon » (IF) écrit d'une façon que Word lui-même n'évalue pas (il faut une comparaison, puis un ou deux textes) : vérifiez-le (Alt+F9 dans Word), ou remplacez-le par un passage conditionnel (bouton « Passage conditionnel… » du volet).",
};

/** Word's "Next Record" field (NEXT): what follows is for the next person, as on labels. */
export const isNextField = (instr: string) => /^\s*NEXT\s*$/i.test(instr);

/** Refuses, by name, a Word field that a merge cannot honour. */
export function refuseUnsupportedField(instr: string): void {
  const kind = /^\s*([A-Za-z]+)/.exec(instr)?.[1].toUpperCase();
  if (kind && Object.prototype.hasOwnProperty.call(UNSUPPORTED, kind)) {
    throw new MergeError(
      "unsupported-field",
      `Le courrier contient ${UNSUPPORTED[kind]} Champ : « ${instr.trim()} ».`,
      [kind],
    );
  }
}

/** The value as the field's switches print it. */
export function applyFormat(value: string, format: FieldFormat): string {
  let out = value;
  if (format.date !== undefined) {
    const date = parseDate(out);
    if (date) out = formatDate(date, format.date);
  }
  if (format.number !== undefined) out = formatNumber(out, format.number) ?? out;
  if (format.case === "upper") out = out.toLocaleUpperCase("fr");
  else if (format.case === "lower") out = out.toLocaleLowerCase("fr");
  else if (format.case === "caps")
    out = out
      .toLocaleLowerCase("fr")
      .replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toLocaleUpperCase("fr"));
  else if (format.case === "firstcap") out = out.charAt(0).toLocaleUpperCase("fr") + out.slice(1);
  if (out !== "") out = (format.before ?? "") + out + (format.after ?? "");
  return out;
}

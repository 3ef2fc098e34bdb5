// Word MERGEFIELD switches, applied to the value as Word would: \* Upper/Lower/Caps/FirstCap,
// \b (text before, only when the value is not empty), \f (text after), \@ (date picture,
// French month and day names) and \# (number picture, French separators). And the Word
// fields a letter merge cannot honour, refused by name rather than printed raw.
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

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
/** Word's French abbreviations (MMM), as it writes them. */
const SHORT_MONTHS = [
  "janv.",
  "févr.",
  "mars",
  "avr.",
  "mai",
  "juin",
  "juil.",
  "août",
  "sept.",
  "oct.",
  "nov.",
  "déc.",
];
const DAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

/**
 * "12/03/2011", "12/03/11", "2011-03-12", each with a time or not ("14:30", "T14:30:05"),
 * or a time alone → the moment (UTC fields); null for anything else.
 */
function parseDate(value: string): Date | null {
  const text = value.trim();
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]+(.*))?$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+(.*))?$/.exec(text);
  const timeOnly = /^\d{1,2}:\d{2}/.test(text) ? text : null;
  const [d, m, y, rest] = fr
    ? [+fr[1], +fr[2], +fr[3], fr[4]]
    : iso
      ? [+iso[3], +iso[2], +iso[1], iso[4]]
      : timeOnly
        ? [1, 1, 1900, timeOnly]
        : [0, 0, 0, undefined];
  if (!d) return null;
  const time =
    rest === undefined
      ? ["", "0", "0", "0"]
      : /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(rest.trim());
  if (!time) return null;
  const [hh, mm, ss] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
  const year = y < 100 ? 2000 + y : y;
  const date = new Date(Date.UTC(year, m - 1, d, hh, mm, ss));
  const valid = date.getUTCMonth() === m - 1 && date.getUTCDate() === d && hh < 24 && mm < 60 && ss < 60;
  return valid ? date : null;
}

// Word's date-time picture: d…dddd, M…MMMM, yy/yyyy, H/HH (24 h), h/hh (12 h), m/mm, s/ss,
// AM/PM, am/pm, A/P, a/p, 'text' quoted; anything else is printed as written.
const DATE_CODES = /dddd|ddd|dd|d|MMMM|MMM|MM|M|yyyy|yy|HH|H|hh|h|mm|m|ss|s|AM\/PM|am\/pm|A\/P|a\/p|'([^']*)'/g;

function formatDate(date: Date, picture: string): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const hours = date.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const pm = hours >= 12;
  const parts: Record<string, string> = {
    dddd: DAYS[date.getUTCDay()],
    ddd: `${DAYS[date.getUTCDay()].slice(0, 3)}.`,
    dd: pad(date.getUTCDate()),
    d: String(date.getUTCDate()),
    MMMM: MONTHS[date.getUTCMonth()],
    MMM: SHORT_MONTHS[date.getUTCMonth()],
    MM: pad(date.getUTCMonth() + 1),
    M: String(date.getUTCMonth() + 1),
    yyyy: String(date.getUTCFullYear()),
    yy: pad(date.getUTCFullYear() % 100),
    HH: pad(hours),
    H: String(hours),
    hh: pad(h12),
    h: String(h12),
    mm: pad(date.getUTCMinutes()),
    m: String(date.getUTCMinutes()),
    ss: pad(date.getUTCSeconds()),
    s: String(date.getUTCSeconds()),
    "AM/PM": pm ? "PM" : "AM",
    "am/pm": pm ? "pm" : "am",
    "A/P": pm ? "P" : "A",
    "a/p": pm ? "p" : "a",
  };
  return picture.replace(DATE_CODES, (t, quoted?: string) => (quoted !== undefined ? quoted : parts[t]));
}

/** Splits a picture at ";" outside quotes: positive; negative; zero. */
function sections(picture: string): string[] {
  const out = [""];
  let quoted = false;
  for (const c of picture) {
    if (c === "'") quoted = !quoted;
    if (c === ";" && !quoted) out.push("");
    else out[out.length - 1] += c;
  }
  return out;
}

/** Word's numeric picture: 0 # x digits, "." decimal, "," grouping; other text (quoted or not) kept. */
function formatNumber(value: string, picture: string): string | null {
  const n = Number(value.trim().replace(/\s/g, "").replace(",", "."));
  if (value.trim() === "" || !Number.isFinite(n)) return null;
  const [positive, negative, zero] = sections(picture);
  const section = n === 0 && zero !== undefined ? zero : n < 0 && negative !== undefined ? negative : positive;
  // The section's own sign: a negative section says how negatives look; otherwise "-" leads.
  const sign = n < 0 && (negative === undefined || section !== negative) ? "-" : "";
  const digits = /[0#x][0#x,.]*/.exec(section.replace(/'[^']*'/g, (q) => " ".repeat(q.length)));
  const literal = (text: string) => text.replace(/'([^']*)'/g, "$1");
  if (!digits) return sign + literal(section);
  const pic = digits[0];
  const [intPic, decPic = ""] = pic.split(".");
  const decimals = (decPic.match(/[0#x]/g) ?? []).length;
  const minInt = (intPic.match(/0/g) ?? []).length;
  const [i, f] = Math.abs(n).toFixed(decimals).split(".");
  let int = i.padStart(minInt, "0");
  if (minInt === 0 && int === "0" && decimals > 0) int = "0";
  if (intPic.includes(",")) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  const number = `${int}${f ? `,${f}` : ""}`;
  return sign + literal(section.slice(0, digits.index)) + number + literal(section.slice(digits.index + pic.length));
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

// Dates as French exports write them and as Word's \@ pictures print them: the one date
// parser of core (the importer's field formats, MERGEFIELD switches, workbook serials).

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
export function parseDate(value: string): Date | null {
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
  // Two-digit years as Windows reads them: 00–29 in the 2000s, 30–99 in the 1900s.
  const year = y < 30 ? 2000 + y : y < 100 ? 1900 + y : y;
  const date = new Date(Date.UTC(year, m - 1, d, hh, mm, ss));
  const valid = date.getUTCMonth() === m - 1 && date.getUTCDate() === d && hh < 24 && mm < 60 && ss < 60;
  return valid ? date : null;
}

// Word's date-time picture: d…dddd, M…MMMM, yy/yyyy, H/HH (24 h), h/hh (12 h), m/mm, s/ss,
// AM/PM, am/pm, A/P, a/p, 'text' quoted; anything else is printed as written.
const DATE_CODES = /dddd|ddd|dd|d|MMMM|MMM|MM|M|yyyy|yy|HH|H|hh|h|mm|m|ss|s|AM\/PM|am\/pm|A\/P|a\/p|'([^']*)'/g;

export function formatDate(date: Date, picture: string): string {
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

/** Days between the 1900 and 1904 date systems (Excel for Mac workbooks may use 1904). */
const DATE_1904_OFFSET = 1462;

/** An Excel date serial (days since 1899-12-30, with the time as a fraction) → the moment (UTC fields). */
export function excelSerialDate(serial: number, date1904 = false): Date | null {
  const days = serial + (date1904 ? DATE_1904_OFFSET : 0);
  if (!Number.isFinite(days) || days < 1) return null;
  return new Date(Math.round((days - 25569) * 86400) * 1000);
}

// Word's numeric pictures (\# switch and the catalog's number formats), with French
// separators: "," decimal, a narrow no-break space between thousands.

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
export function formatNumber(value: string, picture: string): string | null {
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
  if (intPic.includes(",")) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  const number = `${int}${f ? `,${f}` : ""}`;
  return sign + literal(section.slice(0, digits.index)) + number + literal(section.slice(digits.index + pic.length));
}

// Text → rows with papaparse: delimiter among ";", "," and tab, quotes, CRLF/LF. No dynamic
// typing: every cell stays the exact text of the file.
import Papa from "papaparse";
import { delimiterWord } from "./delimiters";
import { isBlankRow, Table, TableRow } from "./table";

const DELIMITERS = [";", ",", "\t"];

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line number of a character offset. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function guessDelimiter(headerLine: string): string {
  // The header decides: the delimiter that splits it into the most cells outside quotes.
  let best = ";";
  let bestCount = -1;
  for (const d of DELIMITERS) {
    const count = headerLine.replace(/"[^"]*"/g, "").split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function parseWithPapa(
  text: string,
  delimiter: string,
): { rows: TableRow[]; quoteErrors: number; unclosedQuoteLine?: number } {
  const starts = lineStarts(text);
  const rows: TableRow[] = [];
  let quoteErrors = 0;
  let unclosedQuoteLine: number | undefined;
  let offset = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    dynamicTyping: false,
    step: (result) => {
      const rowStart = offset;
      offset = result.meta.cursor;
      if (result.errors.some((e) => e.type === "Quotes")) quoteErrors++;
      if (result.errors.some((e) => e.code === "MissingQuotes") && unclosedQuoteLine === undefined)
        unclosedQuoteLine = lineAt(starts, rowStart);
      const cells = result.data;
      if (isBlankRow(cells)) return;
      // Papa's cursor is past the previous row's line break: the row starts where it points.
      rows.push({ line: lineAt(starts, rowStart), cells });
    },
  });
  return { rows, quoteErrors, unclosedQuoteLine };
}

/**
 * Open ENT NG quotes every field but does not escape quotes inside them
 * (`"Jean "JJ""` is the first name `Jean "JJ"`). In such a file a field ends only at
 * `"<delimiter>"` or at the end of the line, so lines are split on that boundary.
 */
function isFullyQuoted(lines: string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim() !== "");
  return nonBlank.length > 0 && nonBlank.every((l) => l.startsWith('"') && l.endsWith('"') && l.length >= 2);
}

function splitQuotedLine(line: string, delimiter: string): string[] {
  return line.slice(1, -1).split(`"${delimiter}"`);
}

/** Excel's "sep=;" first line names the delimiter; it is no header. */
const SEP_LINE = /^sep=(.)[ \t]*$/i;

export function parseCsv(input: string): Table {
  // Any mix of CRLF, LF and lone CR (old Mac) ends rows alike; no \r is left in a value.
  let text = input.replace(/\r\n?/g, "\n");
  const firstLine = text.slice(0, text.search(/\n|$/));
  const notes: string[] = [];
  const sep = SEP_LINE.exec(firstLine)?.[1];
  let delimiter: string;
  if (sep !== undefined) {
    // The line is blanked, not removed: line numbers stay those of the file.
    text = text.slice(firstLine.length);
    delimiter = sep;
    notes.push(`Première ligne « sep=${sep} » (écrite par Excel) : séparateur ${delimiterWord(sep)}.`);
  } else delimiter = guessDelimiter(firstLine);
  const parsed = parseWithPapa(text, delimiter);
  if (parsed.quoteErrors === 0) return { rows: parsed.rows, delimiter, notes };

  const lines = text.split("\n");
  if (!isFullyQuoted(lines))
    return { rows: parsed.rows, delimiter, notes, unclosedQuoteLine: parsed.unclosedQuoteLine };
  const rows: TableRow[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    rows.push({ line: i + 1, cells: splitQuotedLine(line, delimiter) });
  });
  return {
    rows,
    delimiter,
    notes: [...notes, "Guillemets non doublés à l'intérieur des valeurs (export Open ENT NG) : lus tels quels."],
  };
}

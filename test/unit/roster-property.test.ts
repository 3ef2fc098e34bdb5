import fc from "fast-check";
import Papa from "papaparse";
import { readRoster } from "../../src/core/roster";
import { invalidXmlChars } from "../../src/core/xml/entities";
import { invisibleCharacters } from "../../src/core/roster/row-checks";
import { utf16le, utf8 } from "./helpers/encode";

// Any text a person could have in an export (accents, emoji, quotes, delimiters, line
// breaks, leading zeros, spaces), except what XML cannot hold and U+FFFD, the mark of an
// unreadable byte (both reported separately).
const cellText = fc
  .string({ unit: "grapheme", maxLength: 12 })
  .filter((s) => invalidXmlChars(s).length === 0 && !s.includes("\uFFFD"));
// A password nobody can type (invisible or control characters, line breaks) is set aside:
// hostile-imports.test.ts.
const secret = cellText.filter((s) => s.trim() !== "" && invisibleCharacters(s).length === 0);

const people = fc.array(fc.record({ nom: cellText, prenom: cellText, password: secret, note: cellText }), {
  minLength: 1,
  maxLength: 15,
});

// Line breaks inside a quoted value read as "\n" whatever the file used: no "\r" in a value.
const read = (value: string) => value.replace(/\r\n?/g, "\n");

describe("property: any value a CSV writer writes reads back identical", () => {
  it.each([
    [";", "\r\n", "utf8-bom"],
    [",", "\n", "utf8"],
    ["\t", "\r\n", "utf16le"],
  ])("delimiter %j, line end %j, %s", (delimiter, newline, encoding) => {
    fc.assert(
      // What Excel and hand edits add (issue 30): its "sep=" first line, empty cells after the
      // last column on some rows, the header pasted again between rows.
      fc.property(
        people,
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(3)),
        fc.boolean(),
        (rows, quoteAll, sep, trailing, headerAgain) => {
          const header = ["Nom", "Prénom", "Login", "Mot de passe", "Remarque"];
          const data = [
            header,
            ...rows.map((r, i) => [
              r.nom,
              r.prenom,
              `eleve.${i}`,
              r.password,
              r.note,
              ...Array(trailing[i] ?? 0).fill(""),
            ]),
          ];
          const again = headerAgain && rows.length > 1 ? 2 : -1;
          if (again > 0) data.splice(again, 0, header);
          const body = Papa.unparse(data, { delimiter, newline, quotes: quoteAll });
          const csv = sep ? `sep=${delimiter}${newline}${body}` : body;
          const bytes = encoding === "utf16le" ? utf16le(csv) : utf8(csv, encoding === "utf8-bom");
          const roster = readRoster(bytes, "propriete.csv");
          expect(roster.problems.filter((p) => p.code !== "repeated-header")).toEqual([]);
          expect(roster.problems.length).toBe(again > 0 ? 1 : 0);
          expect(
            roster.records.map((r) => [
              r.values.lastName,
              r.values.firstName,
              r.values.login,
              r.values.password,
              r.raw["Remarque"],
            ]),
          ).toEqual(rows.map((r, i) => [read(r.nom), read(r.prenom), `eleve.${i}`, read(r.password), read(r.note)]));
        },
      ),
      { numRuns: 150 },
    );
  });
});

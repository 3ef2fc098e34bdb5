// Hostile and malformed exports: each ends in a clear French refusal or a correct result,
// never a silently wrong letter (issue: "Nothing silently wrong").
import { strToU8, zipSync } from "fflate";
import { readRoster, Roster } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";

const bytesOf = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));

const people = (roster: Roster) => roster.records.map((r) => [r.row, r.values.login, r.values.password]);
const problems = (roster: Roster) => roster.problems.map((p) => [p.row, p.code, p.severity]);

describe("ambiguous columns are never guessed silently", () => {
  it("refuses two password columns that disagree, naming both", () => {
    const csv = "Nom;Prénom;Login;Mot de passe;Mot de passe;Classe\nA;B;a.b;PW1;;6A\nC;D;c.d;PW2;XX;6B\n";
    expect(() => readRoster(utf8(csv), "double.csv")).toThrow(
      expect.objectContaining({
        code: "ambiguous-columns",
        message: expect.stringContaining("« Mot de passe » (colonne 4) et « Mot de passe » (colonne 5)"),
      }),
    );
  });

  it("uses the first of two class columns, by rule, and says so", () => {
    const csv = "Nom;Prénom;Login;Mot de passe;Classe;Classe\nA;B;a.b;PW1;6A;3C\n";
    const roster = readRoster(utf8(csv), "classes.csv");
    expect(roster.records[0].values.class).toBe("6A");
    expect(roster.records[0].raw["Classe"]).toBe("6A");
    expect(roster.file.notes).toContainEqual(
      "Attention : plusieurs colonnes pour « Classe » : « Classe » (colonne 5) et « Classe » (colonne 6) ; la première est utilisée (leurs valeurs diffèrent : vérifiez, ou choisissez la colonne dans le volet).",
    );
  });
});

describe("line endings", () => {
  it.each([
    ["mixed CRLF, LF and lone CR", "Login;Mot de passe\r\na.b;PW1\nc.d;PW2\re.f;PW3\r\ng.h;PW4\n"],
    ["LF header, CRLF rows", "Login;Mot de passe\na.b;PW1\r\nc.d;PW2\r\ne.f;PW3\r\ng.h;PW4\r\n"],
  ])("%s: one row per line, no \\r in a value, right row numbers", (_name, csv) => {
    const roster = readRoster(utf8(csv), "fins.csv");
    expect(people(roster)).toEqual([
      [2, "a.b", "PW1"],
      [3, "c.d", "PW2"],
      [4, "e.f", "PW3"],
      [5, "g.h", "PW4"],
    ]);
    expect(roster.problems).toEqual([]);
    expect(roster.dataRows).toBe(4);
  });
});

describe("undecodable bytes", () => {
  it("sets aside a row whose password holds an unreadable byte, and names it", () => {
    const bytes = bytesOf(
      [0xef, 0xbb, 0xbf],
      "Nom;Prénom;Login;Mot de passe;Remarque\nN'DIAYE;Aïcha;aicha.ndiaye;PW",
      [0xff],
      "1;x\nB;Léo;l.b;PW2;y",
      [0xfe],
      "\n",
    );
    const roster = readRoster(bytes, "octets.csv");
    expect(people(roster)).toEqual([[3, "l.b", "PW2"]]);
    expect(roster.records[0].raw["Remarque"]).toBe("y");
    expect(problems(roster)).toEqual([
      [2, "unreadable-characters", "error"],
      [3, "unreadable-characters", "warning"],
    ]);
    expect(roster.problems[0].message).toBe(
      "Ligne 2 (N'DIAYE Aïcha, aicha.ndiaye), colonne « Mot de passe » : caractère illisible (octet invalide pour l'encodage du fichier) ; la ligne est écartée. Réexportez le fichier depuis l'ENT sans l'ouvrir dans Excel.",
    );
    expect(JSON.stringify(roster.records)).not.toContain("\uFFFD");
  });
});

describe("every row problem names the person when it can", () => {
  it.each([
    [
      "a ragged row",
      "Nom;Prénom;Login;Mot de passe;Classe\nN'DIAYE;Aïcha;aicha.ndiaye;PW1\n",
      "Ligne 2 (N'DIAYE Aïcha, aicha.ndiaye) : 4 valeurs au lieu de 5",
    ],
    [
      "a missing password",
      "Nom;Prénom;Login;Mot de passe\nN'DIAYE;Aïcha;aicha.ndiaye;\nB;C;b.c;x\n",
      "Ligne 2 (N'DIAYE Aïcha, aicha.ndiaye) : « Mot de passe » vide",
    ],
    [
      "a missing login",
      "Nom;Prénom;Login;Mot de passe\nN'DIAYE;Aïcha;;PW\nB;C;b.c;x\n",
      "Ligne 2 (N'DIAYE Aïcha) : identifiant",
    ],
    [
      "a duplicate login",
      "Nom;Prénom;Login;Mot de passe\nA;B;a.b;x\nN'DIAYE;Aïcha;a.b;y\n",
      "Ligne 3 (N'DIAYE Aïcha, a.b) : l'identifiant « a.b » figure déjà ligne 2",
    ],
  ])("%s", (_name, csv, start) => {
    const roster = readRoster(utf8(csv), "noms.csv");
    expect(roster.problems[0].message.startsWith(start)).toBe(true);
  });
});

describe("an unbalanced quote", () => {
  it("is called what it is, with its line", () => {
    const csv = 'Nom;Prénom;Login;Mot de passe\nA;B;a.b;PW1\nC;"D;c.d;PW2\nE;F;e.f;PW3\n';
    expect(() => readRoster(utf8(csv), "guillemet.csv")).toThrow(
      expect.objectContaining({
        code: "unclosed-quote",
        message: expect.stringMatching(/^« guillemet.csv », ligne 3 : un guillemet \("\) ouvre une valeur/),
      }),
    );
  });
});

/** A workbook written by hand: each sheet's <sheetData> rows, optionally every element prefixed (x:row). */
function workbook(sheets: string[], prefix = ""): Uint8Array {
  const px = prefix ? `${prefix}:` : "";
  const ns = `xmlns${prefix ? `:${prefix}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("r1", "officeDocument", "xl/workbook.xml")}</Relationships>`,
    "xl/workbook.xml": `<${px}workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${px}sheets>${sheets
      .map((_s, i) => `<${px}sheet name="Feuil${i + 1}" sheetId="${i + 1}" r:id="rS${i + 1}"/>`)
      .join("")}</${px}sheets></${px}workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_s, i) => rel(`rS${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`))
      .join("")}</Relationships>`,
  };
  sheets.forEach((rows, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<${px}worksheet ${ns}><${px}sheetData>${rows.replace(/<(\/?)(row|c|is|t|v)\b/g, `<$1${px}$2`)}</${px}sheetData></${px}worksheet>`;
  });
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const ACCOUNTS = `<row r="1">${inline("A1", "Login")}${inline("B1", "Mot de passe")}</row><row r="2">${inline("A2", "a.b")}${inline("B2", "001000")}</row>`;

describe("workbooks as they come", () => {
  it("reads a workbook written with prefixed XML (x:row, .NET SDK style)", () => {
    const roster = readRoster(workbook([ACCOUNTS], "x"), "sdk.xlsx");
    expect(people(roster)).toEqual([[2, "a.b", "001000"]]);
  });

  it("reads the accounts from the first sheet that has any, and says which", () => {
    const roster = readRoster(workbook(["", ACCOUNTS]), "feuilles.xlsx");
    expect(people(roster)).toEqual([[2, "a.b", "001000"]]);
    expect(roster.file.notes).toContain(
      "Les comptes ont été lus sur la feuille « Feuil2 » : la feuille « Feuil1 » est vide.",
    );
  });

  it("warns that Excel may have dropped leading zeros from credentials stored as numbers", () => {
    const rows = `<row r="1">${inline("A1", "Login")}${inline("B1", "Mot de passe")}</row><row r="2">${inline("A2", "a.b")}<c r="B2"><v>1000</v></c></row>`;
    const roster = readRoster(workbook([rows]), "nombres.xlsx");
    expect(people(roster)).toEqual([[2, "a.b", "1000"]]);
    expect(roster.file.notes).toContain(
      "Attention : dans « nombres.xlsx », la colonne « Mot de passe » contient des nombres ; Excel a pu retirer des zéros en tête (001000 devient 1000). Chargez plutôt l'export CSV de l'ENT, tel quel.",
    );
    expect(readRoster(workbook([ACCOUNTS]), "texte.xlsx").file.notes).toEqual([]);
  });
});

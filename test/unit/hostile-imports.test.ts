// What Excel, other tools and attackers do to an export (issue 30), one row each: a correct
// result or a clear French refusal naming the file, row, column and person; never a wrong
// password, never a frozen reader.
import { strToU8, zipSync } from "fflate";
import { readRoster, Roster, MAX_FILE_BYTES, MAX_ROWS } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";
import { refusal } from "./helpers/refusal";

const people = (roster: Roster) => roster.records.map((r) => [r.row, r.values.login, r.values.password]);
const problems = (roster: Roster) => roster.problems.map((p) => [p.row, p.code, p.severity]);
const HEAD = "Nom;Prénom;Login;Mot de passe;Classe";

describe("rows of a CSV", () => {
  it("skips a header line repeated further down (two exports pasted together) and says where", () => {
    const csv = `${HEAD}\nA;Zoé;zoe.a;PW1;6A\n${HEAD}\nB;Léo;leo.b;PW2;6B\n`;
    const roster = readRoster(utf8(csv), "deux.csv");
    expect(people(roster)).toEqual([
      [2, "zoe.a", "PW1"],
      [4, "leo.b", "PW2"],
    ]);
    expect(problems(roster)).toEqual([[3, "repeated-header", "warning"]]);
    expect(roster.problems[0].message).toBe(
      "Ligne 3 : la ligne d'en-tête se répète (deux exports collés l'un à l'autre ?) ; elle est ignorée, ce n'est pas une personne.",
    );
  });

  it("honours Excel's « sep=; » first line", () => {
    const roster = readRoster(utf8(`sep=;\n${HEAD}\nA;Zoé;zoe.a;PW1;6A\n`), "sep.csv");
    expect(people(roster)).toEqual([[3, "zoe.a", "PW1"]]);
    expect(roster.file.delimiter).toBe(";");
    expect(roster.file.notes).toContain("Première ligne « sep=; » (écrite par Excel) : séparateur point-virgule (;).");
  });

  it("tolerates empty cells after the last column (a trailing « ; » on some rows)", () => {
    const csv = `${HEAD}\nA;Zoé;zoe.a;PW1;6A;\nB;Léo;leo.b;PW2;6B\nC;Ali;ali.c;PW3;6C;;\n`;
    const roster = readRoster(utf8(csv), "fin.csv");
    expect(people(roster)).toEqual([
      [2, "zoe.a", "PW1"],
      [3, "leo.b", "PW2"],
      [4, "ali.c", "PW3"],
    ]);
    expect(roster.problems).toEqual([]);
    // A real value beyond the last column is still refused: the columns would shift.
    const shifted = readRoster(utf8(`${HEAD}\nA;Zoé;zoe.a;PW1;6A;x\nB;Léo;leo.b;PW2;6B\n`), "fin.csv");
    expect(problems(shifted)).toEqual([[2, "too-many-fields", "error"]]);
  });

  it("reports logins that differ only by case or surrounding spaces, naming both rows", () => {
    const csv = `${HEAD}\nDUPONT;Jean;j.dupont;PW1;6A\nDUPONT;Jean;J.Dupont ;PW2;6A\n`;
    const roster = readRoster(utf8(csv), "casse.csv");
    expect(people(roster)).toHaveLength(2);
    expect(problems(roster)).toEqual([[3, "probable-duplicate", "warning"]]);
    expect(roster.problems[0].message).toBe(
      "Ligne 3 (DUPONT Jean, J.Dupont) : l'identifiant « J.Dupont  » ne diffère de celui de la ligne 2 (« j.dupont ») que par les majuscules ou des espaces : sans doute la même personne saisie deux fois. Vérifiez dans l'ENT ; deux courriers sont faits.",
    );
  });

  it.each([
    ["\u200b", "U+200B espace invisible"],
    ["\ufeff", "U+FEFF marque d'ordre des octets (BOM)"],
    ["\u200f", "U+200F marque de droite à gauche"],
    ["\u00a0", "U+00A0 espace insécable"],
    ["\u0007", "U+0007 caractère de contrôle"],
  ])("sets aside a row whose login or password holds %j, naming the character", (char, named) => {
    const csv = `${HEAD}\nA;Zoé;zoe${char}.a;PW1;6A\nB;Léo;leo.b;PW${char}2;6B\nC;Ali;ali.c;PW3;6C\n`;
    const roster = readRoster(utf8(csv), "invisible.csv");
    expect(people(roster)).toEqual([[4, "ali.c", "PW3"]]);
    expect(problems(roster)).toEqual([
      [2, "invisible-characters", "error"],
      [3, "invisible-characters", "error"],
    ]);
    expect(roster.problems[1].message).toBe(
      `Ligne 3 (B Léo, leo.b), colonne « Mot de passe » : caractère ${named} ; la personne ne pourrait pas le taper, la ligne est écartée. Corrigez la valeur dans l'ENT puis réexportez.`,
    );
  });

  it("says so when the header is separated by « ; » and the rows by « , »", () => {
    const csv = `${HEAD}\nA,Zoé,zoe.a,PW1,6A\nB,Léo,leo.b,PW2,6B\n`;
    expect(refusal(() => readRoster(utf8(csv), "melange.csv"))).toEqual({
      name: "RosterError",
      code: "mixed-delimiters",
      message:
        "« melange.csv » sépare les noms de colonnes par des points-virgules (;) mais les comptes par des virgules (,) : le fichier a été modifié ou assemblé à la main. Réexportez-le depuis l'ENT, sans l'ouvrir dans Excel.",
    });
  });

  it("sets aside the rows of a UTF-8 file without BOM that hold invalid bytes; the others keep their accents", () => {
    const bytes = Uint8Array.from([
      ...Buffer.from(`${HEAD}\nLÉGER;Zoé;zoe.leger;PW1;6A\nB;L`, "utf8"),
      0xe9, // "é" in Windows-1252, invalid in UTF-8
      ...Buffer.from("o;leo.b;PW2;6B\nÇA;Noël;noel.ca;PW3;6C\n", "utf8"),
    ]);
    const roster = readRoster(bytes, "mixte.csv");
    expect(roster.records.map((r) => [r.values.lastName, r.values.firstName])).toEqual([
      ["LÉGER", "Zoé"],
      ["ÇA", "Noël"],
    ]);
    expect(problems(roster)).toEqual([[3, "unreadable-characters", "error"]]);
    expect(roster.file.encoding).toBe("UTF-8");
  });
});

/** A workbook from raw parts: sheets (name, XML of sheetData's rows, state), shared strings, extra XML. */
function workbook(
  sheets: Array<{ name: string; rows: string; state?: string; after?: string }>,
  shared: string[] = [],
): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
        )
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (s, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          "",
        )}<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    // Style 1: built-in format 14, a date.
    "xl/styles.xml": strToU8(
      `<?xml version="1.0"?><styleSheet ${ns}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `<?xml version="1.0"?><sst ${ns}>${shared.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`,
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><worksheet ${ns}><sheetData>${s.rows}</sheetData>${s.after ?? ""}</worksheet>`,
    );
  });
  return zipSync(files);
}

const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const header = (r = 1) =>
  `<row r="${r}">${str(`A${r}`, "Nom")}${str(`B${r}`, "Prénom")}${str(`C${r}`, "Login")}${str(`D${r}`, "Mot de passe")}${str(`E${r}`, "Classe")}</row>`;
const person = (r: number, login: string, password: string, klass = "6A") =>
  `<row r="${r}">${str(`A${r}`, "NOM")}${str(`B${r}`, login.split(".")[0])}${str(`C${r}`, login)}${password}${klass ? str(`E${r}`, klass) : ""}</row>`;

describe("workbooks", () => {
  it("sets aside a row whose credential is an Excel error or a boolean, naming the value", () => {
    const rows =
      header() +
      person(2, "zoe.a", `<c r="D2" t="e"><v>#N/A</v></c>`) +
      person(3, "leo.b", `<c r="D3" t="e"><v>#REF!</v></c>`) +
      person(4, "ali.c", `<c r="D4" t="b"><v>1</v></c>`) +
      person(5, "noe.d", str("D5", "Kp9qW2zz"));
    const roster = readRoster(workbook([{ name: "Comptes", rows }]), "erreurs.xlsx");
    expect(people(roster)).toEqual([[5, "noe.d", "Kp9qW2zz"]]);
    expect(problems(roster)).toEqual([
      [2, "excel-error", "error"],
      [3, "excel-error", "error"],
      [4, "excel-boolean", "error"],
    ]);
    expect(roster.problems[0].message).toBe(
      "Ligne 2 (NOM zoe, zoe.a), colonne « Mot de passe » : Excel y montre l'erreur « #N/A », pas une valeur ; la ligne est écartée. Corrigez le classeur, ou chargez plutôt l'export CSV de l'ENT.",
    );
    expect(roster.problems[2].message).toBe(
      "Ligne 4 (NOM ali, ali.c), colonne « Mot de passe » : Excel y a mis la valeur logique VRAI, pas un mot de passe ; la ligne est écartée. Corrigez le classeur, ou chargez plutôt l'export CSV de l'ENT.",
    );
  });

  it("flags a credential computed by a formula, or shown as a date", () => {
    const rows =
      header() +
      person(2, "zoe.a", `<c r="D2"><f>RANDBETWEEN(100000,999999)</f><v>482913</v></c>`) +
      person(3, "leo.b", `<c r="D3" s="1"><v>45537</v></c>`);
    const roster = readRoster(workbook([{ name: "Comptes", rows }]), "formules.xlsx");
    expect(problems(roster)).toEqual([
      [2, "formula-credential", "warning"],
      [3, "date-credential", "warning"],
    ]);
    expect(roster.problems[0].message).toBe(
      "Ligne 2 (NOM zoe, zoe.a), colonne « Mot de passe » : calculé par une formule (RANDBETWEEN(100000,999999)) : vérifiez que « 482913 » est bien le mot de passe du compte dans l'ENT.",
    );
  });

  it("reads the first visible sheet, not a hidden one with last year's accounts, and says which", () => {
    const old = header() + person(2, "ancien.compte", str("D2", "VIEUX1"));
    const current = header() + person(2, "zoe.a", str("D2", "NEUF1"));
    const roster = readRoster(
      workbook([
        { name: "2025", rows: old, state: "hidden" },
        { name: "Comptes 2026", rows: current },
      ]),
      "masquee.xlsx",
    );
    expect(people(roster)).toEqual([[2, "zoe.a", "NEUF1"]]);
    expect(roster.file.notes).toContain(
      "Attention : comptes lus sur la feuille « Comptes 2026 » ; la feuille « 2025 » (masquée) contient aussi des données, qui n'ont pas été lues.",
    );
  });

  it("gives each row of a merged cell the merged value (a class merged down its pupils)", () => {
    const rows =
      header() +
      person(2, "zoe.a", str("D2", "PW1"), "6A") +
      person(3, "leo.b", str("D3", "PW2"), "") +
      person(4, "ali.c", str("D4", "PW3"), "") +
      person(5, "noe.d", str("D5", "PW4"), "6B");
    const roster = readRoster(
      workbook([{ name: "Comptes", rows, after: '<mergeCells count="1"><mergeCell ref="E2:E4"/></mergeCells>' }]),
      "fusion.xlsx",
    );
    expect(roster.records.map((r) => r.values.class)).toEqual(["6A", "6A", "6A", "6B"]);
  });

  it.each([
    ["a column beyond XFD", header() + `<row r="3"><c r="ZZZZZZZZ3" t="inlineStr"><is><t>x</t></is></c></row>`],
    ["a row beyond 1,048,576", header() + `<row r="99999999">${str("A99999999", "x")}</row>`],
  ])("refuses %s at once", (_what, rows) => {
    const started = Date.now();
    expect(refusal(() => readRoster(workbook([{ name: "Comptes", rows }]), "ref.xlsx"))).toMatchObject({
      code: "bad-workbook",
      message: expect.stringMatching(
        /^« ref\.xlsx » n'est pas un classeur Excel lisible \(cellule .+ hors des limites d'Excel\)/,
      ),
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.each([
    ["<si> never closed", [], "<si><t>x</t>".repeat(400)],
    ["<row> never closed", null, `<row r="1"><c r="A1"><v>1</v></c>`.repeat(300)],
  ])("refuses a workbook whose %s in linear time", (_what, shared, rows) => {
    const started = Date.now();
    const sheets = [{ name: "Comptes", rows: shared === null ? rows : header() }];
    const bytes = workbook(sheets, []);
    const broken =
      shared === null
        ? bytes
        : (() => {
            // The shared strings part replaced by unclosed items.
            const files = { ...require("fflate").unzipSync(bytes) } as Record<string, Uint8Array>;
            files["xl/sharedStrings.xml"] = strToU8(
              `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${rows}</sst>`,
            );
            return zipSync(files);
          })();
    expect(refusal(() => readRoster(broken, "ouvert.xlsx"))).toMatchObject({ code: "bad-workbook" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses two zip entries with one name", () => {
    const bytes = workbook([
      { name: "A", rows: header() },
      { name: "B", rows: header() },
    ]);
    // sheet2.xml renamed sheet1.xml, in its local header and in the central directory.
    const twice = Buffer.from(bytes);
    for (let at = twice.indexOf("xl/worksheets/sheet2.xml"); at >= 0; at = twice.indexOf("xl/worksheets/sheet2.xml"))
      twice.write("xl/worksheets/sheet1.xml", at, "latin1");
    expect(refusal(() => readRoster(new Uint8Array(twice), "double.xlsx"))).toEqual({
      name: "RosterError",
      code: "bad-workbook",
      message: expect.stringContaining(
        "l'archive contient deux fois la partie « xl/worksheets/sheet1.xml » (un fichier modifié à la main, ou piégé : laquelle lire ?)",
      ),
    });
  });
});

describe("limits", () => {
  it("refuses a file above the stated size before reading it", () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41);
    expect(refusal(() => readRoster(big, "enorme.csv"))).toEqual({
      name: "RosterError",
      code: "too-big",
      message: `« enorme.csv » fait 50,0 Mo : c'est bien plus qu'un export de comptes (au plus 50 Mo). Vérifiez que c'est le bon fichier. Dans la console d'administration de l'ENT, filtrez les comptes puis « Export au format CSV », et choisissez ce fichier tel quel (sans l'ouvrir dans Excel).`,
    });
  });

  it("refuses more rows than any school has", () => {
    const csv = `Login;Mot de passe\n${"a.b;PW\n".repeat(MAX_ROWS + 1)}`;
    expect(refusal(() => readRoster(utf8(csv), "lignes.csv"))).toMatchObject({
      code: "too-big",
      message: expect.stringMatching(/^« lignes\.csv » a plus de 200\u202f000 lignes/),
    });
  });
});

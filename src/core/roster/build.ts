// Rows → roster: every data row becomes a record or a listed problem.
import { FIELD_IDS, FieldId, fieldDef, isActivationCodeHeader } from "../catalog";
import { describeChar, invalidXmlChars, stripInvalidXml } from "../xml";
import { EXPORT_HINT, RosterError } from "./errors";
import { ExportFormat, GENERIC_FORMAT } from "./formats";
import { recogniseColumns } from "./headers";
import { TableRow } from "./table";
import { ColumnMapping, FileInfo, Roster, RosterRecord, RowProblem } from "./types";
import { normaliseProfile, parseInactive, splitMulti } from "./values";
import { delimiterWord } from "./csv";
import {
  credentialCellProblem,
  CredentialWord,
  invisibleCharacters,
  isRepeatedHeader,
  looseLoginKey,
  rowsDelimiter,
  withoutTrailingEmpty,
} from "./row-checks";

function problem(
  row: number,
  field: string,
  code: RowProblem["code"],
  message: string,
  severity: RowProblem["severity"] = "error",
): RowProblem {
  return { row, field, code, message, severity };
}

const LOGIN_WORD: CredentialWord = { the: "l'identifiant", a: "un identifiant" };
const PASSWORD_WORD: CredentialWord = { the: "le mot de passe", a: "un mot de passe" };
const CODE_WORD: CredentialWord = { the: "le code d'activation", a: "un code d'activation" };

/** "point-virgule (;)" → "points-virgules (;)", "virgule (,)" → "virgules (,)". */
function plural(word: string): string {
  return word
    .replace(/^point-virgule/, "points-virgules")
    .replace(/^virgule/, "virgules")
    .replace(/^tabulation/, "tabulations");
}

/** Replaces a byte the text decoder could not read. */
const UNREADABLE = "\uFFFD";

/** "Ligne 5 (N'DIAYE Aïcha, aicha.ndiaye)": the row and, when the file gives them, who it is. */
function whereIs(line: number, cells: string[], byField: Partial<Record<FieldId, number>>): string {
  const cell = (id: FieldId) => {
    const index = byField[id];
    return index === undefined ? "" : (cells[index] ?? "").trim();
  };
  const name = [cell("lastName"), cell("firstName")].filter(Boolean).join(" ");
  const who = [name, cell("login")].filter(Boolean).join(", ");
  return who ? `Ligne ${line} (${who})` : `Ligne ${line}`;
}

/**
 * Two columns for one field are never guessed silently: two password columns that
 * disagree refuse the file; otherwise the first column is used and the report says so.
 */
function checkDuplicates(
  duplicates: Array<{ field: FieldId; columns: number[] }>,
  headers: string[],
  rows: TableRow[],
  file: FileInfo,
): void {
  for (const { field, columns } of duplicates) {
    const named = columns.map((c) => `« ${headers[c]} » (colonne ${c + 1})`).join(" et ");
    const differ = rows.some((r) => columns.some((c) => (r.cells[c] ?? "") !== (r.cells[columns[0]] ?? "")));
    if (field === "password" && differ) {
      throw new RosterError(
        "ambiguous-columns",
        file.name,
        `« ${file.name} » a deux colonnes de mot de passe, aux valeurs différentes : ${named}. Impossible de savoir laquelle imprimer : gardez-en une seule dans le fichier, ou réexportez-le depuis l'ENT.`,
      );
    }
    file.notes.push(
      `${differ ? "Attention : p" : "P"}lusieurs colonnes pour « ${fieldDef(field).label} » : ${named} ; la première est utilisée${differ ? " (leurs valeurs diffèrent : vérifiez, ou choisissez la colonne dans le volet)" : ""}.`,
    );
  }
}

function checkHeader(headers: string[], fileName: string): void {
  const filled = headers.filter((h) => h.trim() !== "");
  if (filled.length < 2) {
    throw new RosterError(
      "no-header",
      fileName,
      `« ${fileName} » n'a pas de ligne d'en-tête lisible (noms de colonnes séparés par des points-virgules). ${EXPORT_HINT}`,
    );
  }
}

export function buildRoster(
  table: { rows: TableRow[]; numericColumns?: number[] },
  file: FileInfo,
  mapping: ColumnMapping = {},
  format: ExportFormat = GENERIC_FORMAT,
): Roster {
  const name = file.name;
  if (table.rows.length === 0) throw new RosterError("empty", name, `« ${name} » est vide. ${EXPORT_HINT}`);
  const [headerRow, ...allRows] = table.rows;
  const headers = headerRow.cells.map((h) => h.trim());
  checkHeader(headers, name);
  const problems: RowProblem[] = [];
  // The header again further down (two exports pasted together): no person, said once per line.
  const dataRows = allRows.filter((row) => {
    if (!isRepeatedHeader(row.cells, headers)) return true;
    problems.push(
      problem(
        row.line,
        "",
        "repeated-header",
        `Ligne ${row.line} : la ligne d'en-tête se répète (deux exports collés l'un à l'autre ?) ; elle est ignorée, ce n'est pas une personne.`,
        "warning",
      ),
    );
    return false;
  });
  // Empty header cells after the last column (a trailing ";"), where no row has a value.
  while (
    headers.length > 2 &&
    headers[headers.length - 1] === "" &&
    dataRows.every((r) => (r.cells[headers.length - 1] ?? "").trim() === "")
  )
    headers.pop();
  const other = rowsDelimiter(file.delimiter, dataRows, headers.length);
  if (other)
    throw new RosterError(
      "mixed-delimiters",
      name,
      `« ${name} » sépare les noms de colonnes par des ${plural(delimiterWord(file.delimiter))} mais les comptes par des ${plural(delimiterWord(other))} : le fichier a été modifié ou assemblé à la main. Réexportez-le depuis l'ENT, sans l'ouvrir dans Excel.`,
    );
  if (dataRows.length === 0) {
    throw new RosterError(
      "no-data",
      name,
      `« ${name} » ne contient que la ligne d'en-tête, aucun compte. Vérifiez les filtres de l'export dans l'ENT, puis exportez à nouveau.`,
    );
  }
  const width = headers.length;
  const columnValues = (index: number) => dataRows.map((r) => r.cells[index] ?? "");
  const recognition = recogniseColumns(headers, columnValues, mapping, format);
  const { byField, aliasColumn, stateColumn } = recognition;

  if (byField.login === undefined && headers.some((h) => /^[a-z]+\.[a-z]+\d*$/i.test(h)))
    throw new RosterError(
      "no-header",
      name,
      `La première ligne de « ${name} » ressemble à un compte, pas à des noms de colonnes : le fichier n'a pas d'en-tête. ${EXPORT_HINT}`,
    );
  const loginIndex = byField.login;
  const passwordIndex = byField.password;
  // Any list serves the school's other letters (convocations…): without an identifier or a
  // password column, the file is read as it is; a letter that prints them is refused at merge.
  const missing = [
    loginIndex === undefined ? "d'identifiant (« Login », « Identifiant »…)" : "",
    passwordIndex === undefined ? "de mot de passe ni de code d'activation" : "",
  ].filter(Boolean);
  if (missing.length)
    file.notes.push(
      `« ${name} » n'a pas de colonne ${missing.join(" ni ")} : il peut servir aux autres courriers de l'établissement (convocations…), pas aux courriers ENT.`,
    );
  const codeColumn = passwordIndex !== undefined && isActivationCodeHeader(headers[passwordIndex]);
  checkDuplicates(recognition.duplicates, headers, dataRows, file);
  const numericCredentials: NonNullable<Roster["numericCredentials"]> = [];
  for (const index of [loginIndex, passwordIndex])
    if (index !== undefined && table.numericColumns?.includes(index)) {
      file.notes.push(
        `Attention : dans « ${name} », la colonne « ${headers[index]} » contient des nombres ; Excel a pu retirer des zéros en tête (001000 devient 1000). Chargez plutôt l'export CSV de l'ENT, tel quel.`,
      );
      const rows = dataRows.filter((r) => /^\d+$/.test((r.cells[index] ?? "").trim())).map((r) => r.line);
      if (rows.length) numericCredentials.push({ header: headers[index], rows });
    }
  const filled = (index: number | undefined) => (r: TableRow) =>
    index !== undefined && (r.cells[index] ?? "").trim() !== "";
  const anyCredential = dataRows.some(
    (r) => filled(loginIndex)(r) || filled(passwordIndex)(r) || filled(aliasColumn)(r),
  );
  const anyPassword = dataRows.some(filled(passwordIndex));
  if (loginIndex === undefined || passwordIndex === undefined) {
    // A list of another kind: its rows are what they are.
  } else if (!anyCredential || (!anyPassword && format.connector)) {
    throw new RosterError(
      "no-credentials",
      name,
      `« ${name} » a des colonnes « ${headers[loginIndex]} » et « ${headers[passwordIndex]} » toutes vides : c'est l'export d'un connecteur (Gepi, Cerise…), pas celui des comptes de l'ENT. ${EXPORT_HINT}`,
    );
  } else if (!anyPassword) {
    throw new RosterError(
      "no-credentials",
      name,
      `Aucun compte de « ${name} » n'a de ${headers[passwordIndex]} : tous semblent déjà activés. Dans l'ENT, filtrez les comptes « Inactif » avant l'export, ou envoyez plutôt la procédure « mot de passe oublié ».`,
    );
  }

  const records: RosterRecord[] = [];
  const firstRowOfLogin = new Map<string, number>();
  const firstOfLooseLogin = new Map<string, { line: number; login: string }>();
  const credentialColumns = new Map<number, CredentialWord>();
  if (loginIndex !== undefined) credentialColumns.set(loginIndex, LOGIN_WORD);
  if (passwordIndex !== undefined) credentialColumns.set(passwordIndex, codeColumn ? CODE_WORD : PASSWORD_WORD);
  if (aliasColumn !== undefined) credentialColumns.set(aliasColumn, LOGIN_WORD);
  const criticalColumns = new Set<number>(Object.values(byField));
  if (aliasColumn !== undefined) criticalColumns.add(aliasColumn);

  for (const { line, cells: read, flags } of dataRows) {
    const cells = withoutTrailingEmpty(read, width);
    const at = whereIs(line, cells, byField);
    if (cells.length !== width) {
      const fewer = cells.length < width;
      problems.push(
        problem(
          line,
          "",
          fewer ? "too-few-fields" : "too-many-fields",
          `${at} : ${cells.length} valeurs au lieu de ${width} (${fewer ? "il en manque" : "il y en a trop"}) ; les colonnes seraient décalées, la ligne est écartée. Corrigez-la dans l'ENT ou réexportez le fichier.`,
        ),
      );
      continue;
    }
    const raw: Record<string, string> = {};
    const clean: string[] = [];
    let rejected = false;
    for (let i = 0; i < width; i++) {
      let value = cells[i];
      const bad = invalidXmlChars(value);
      const word = credentialColumns.get(i);
      const cellProblem = word ? credentialCellProblem(flags?.[i], value, word) : null;
      const invisible = word && !value.includes(UNREADABLE) ? invisibleCharacters(value) : [];
      if (cellProblem) {
        const setAside = cellProblem.code === "excel-error" || cellProblem.code === "excel-boolean";
        problems.push(
          problem(
            line,
            headers[i],
            cellProblem.code,
            `${at}, colonne « ${headers[i]} » : ${cellProblem.text}`,
            setAside ? "error" : "warning",
          ),
        );
        if (setAside) rejected = true;
      }
      if (invisible.length) {
        // Printed, it would look right, and the person could never type it.
        problems.push(
          problem(
            line,
            headers[i],
            "invisible-characters",
            `${at}, colonne « ${headers[i]} » : caractère ${invisible.join(", ")} ; la personne ne pourrait pas le taper, la ligne est écartée. Corrigez la valeur dans l'ENT puis réexportez.`,
          ),
        );
        rejected = true;
      } else if (value.includes(UNREADABLE)) {
        // A byte the file's encoding cannot read: never printed, least of all in a credential.
        const critical = criticalColumns.has(i);
        problems.push(
          problem(
            line,
            headers[i],
            "unreadable-characters",
            critical
              ? `${at}, colonne « ${headers[i]} » : caractère illisible (octet invalide pour l'encodage du fichier) ; la ligne est écartée. Réexportez le fichier depuis l'ENT sans l'ouvrir dans Excel.`
              : `${at}, colonne « ${headers[i]} » : caractère illisible retiré (octet invalide pour l'encodage du fichier).`,
            critical ? "error" : "warning",
          ),
        );
        if (critical) rejected = true;
        value = value.split(UNREADABLE).join("");
      } else if (bad.length) {
        const chars = [...new Set(bad.map(describeChar))].join(", ");
        if (criticalColumns.has(i)) {
          problems.push(
            problem(
              line,
              headers[i],
              "invalid-characters",
              `${at}, colonne « ${headers[i]} » : caractère(s) ${chars} impossible(s) à mettre dans un document Word. Corrigez la valeur dans l'ENT puis réexportez.`,
            ),
          );
          rejected = true;
        } else {
          problems.push(
            problem(
              line,
              headers[i],
              "cleaned-characters",
              `${at}, colonne « ${headers[i]} » : caractère(s) ${chars} retiré(s) (impossibles dans un document Word).`,
              "warning",
            ),
          );
          value = stripInvalidXml(value);
        }
      }
      clean.push(value);
      // Two columns with one header: the first keeps the name (ent:col:<header> reads it).
      const key = headers[i] || `Colonne ${i + 1}`;
      if (!Object.prototype.hasOwnProperty.call(raw, key)) raw[key] = value;
    }
    if (rejected) continue;

    const alias = aliasColumn !== undefined ? clean[aliasColumn] : "";
    const login = alias.trim() !== "" ? alias : loginIndex !== undefined ? clean[loginIndex] : "";
    const password = passwordIndex !== undefined ? clean[passwordIndex] : "";
    if (loginIndex !== undefined && login.trim() === "") {
      problems.push(
        problem(
          line,
          headers[loginIndex],
          "missing-login",
          `${at} : identifiant (« ${headers[loginIndex]} ») vide ; pas de courrier possible. Vérifiez ce compte dans l'ENT.`,
        ),
      );
      continue;
    }
    // Without a state column, an activation-code export (Open ENT NG) says an account is
    // already activated by leaving its code empty: no password is ever exported.
    const inactive =
      stateColumn !== undefined
        ? parseInactive(cells[stateColumn])
        : codeColumn && password.trim() === ""
          ? false
          : undefined;
    // The export says the account is already active: its letter says « Mot de passe oublié ».
    const activated = passwordIndex !== undefined && password.trim() === "" && inactive === false;
    if (passwordIndex === undefined) {
      // No password column: nothing to check.
    } else if (activated) {
      problems.push(
        problem(
          line,
          headers[passwordIndex],
          "already-active",
          `${at} : compte déjà activé, sans « ${headers[passwordIndex]} » ; un courrier prêt à l'emploi lui indique le lien « Mot de passe oublié ». (Filtre « inactifs seulement » pour l'écarter.)`,
          "warning",
        ),
      );
    } else if (password.trim() === "") {
      problems.push(
        problem(
          line,
          headers[passwordIndex],
          "missing-password",
          `${at} : « ${headers[passwordIndex]} » vide ; le compte est probablement déjà activé. Donnez-lui plutôt la procédure « mot de passe oublié ».`,
        ),
      );
      continue;
    }
    const first = loginIndex === undefined ? undefined : firstRowOfLogin.get(login);
    if (loginIndex !== undefined && first !== undefined) {
      problems.push(
        problem(
          line,
          headers[loginIndex],
          "duplicate-login",
          `${at} : l'identifiant « ${login} » figure déjà ligne ${first} ; un seul courrier est fait (celui de la ligne ${first}). Vérifiez le fichier.`,
        ),
      );
      continue;
    }
    firstRowOfLogin.set(login, line);
    const loose = loginIndex === undefined ? undefined : firstOfLooseLogin.get(looseLoginKey(login));
    if (loose && loginIndex !== undefined)
      problems.push(
        problem(
          line,
          headers[loginIndex],
          "probable-duplicate",
          `${at} : l'identifiant « ${login} » ne diffère de celui de la ligne ${loose.line} (« ${loose.login} ») que par les majuscules ou des espaces : sans doute la même personne saisie deux fois. Vérifiez dans l'ENT ; deux courriers sont faits.`,
          "warning",
        ),
      );
    else firstOfLooseLogin.set(looseLoginKey(login), { line, login });

    const values = {} as Record<FieldId, string>;
    const lists: RosterRecord["lists"] = {};
    for (const id of FIELD_IDS) {
      const index = byField[id];
      const value = id === "login" ? login : index === undefined ? "" : clean[index];
      if (fieldDef(id).multi) {
        const items = splitMulti(value);
        lists[id] = items;
        values[id] = items.join(", ");
      } else values[id] = value;
    }
    const profile = normaliseProfile(values.profile, values.children !== "");
    records.push({ row: line, values, lists, profile, inactive, raw });
  }
  const roster: Roster = { file, headers, columns: recognition.columns, records, problems, dataRows: dataRows.length };
  if (numericCredentials.length) roster.numericCredentials = numericCredentials;
  return roster;
}

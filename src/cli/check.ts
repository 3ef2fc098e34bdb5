// `courriers-ent check FILE [--json]`: the importer's report, for people or as JSON.
import { fieldDef, FIELD_IDS, PROFILE_LABELS, PROFILES } from "../core/catalog";
import { delimiterName, classesOf, distinctValues, levelOf, noteLine, Roster, RosterRecord } from "../core/roster";
import { parseArgs } from "./args";
import { CliError, CliIo } from "./io";
import { loadRoster } from "./load";
import { notesJson, problemJson } from "./problem-json";

function rosterJson(roster: Roster): object {
  return {
    file: {
      name: roster.file.name,
      format: roster.file.format,
      encoding: roster.file.encoding,
      delimiter: roster.file.delimiter,
    },
    notes: notesJson(roster.file.notes),
    classes: distinctValues(roster.records, classesOf),
    levels: distinctValues(roster.records, levelOf),
    columns: roster.columns.map((c) => ({ header: c.header, field: c.field })),
    records: roster.records.map((r) => ({ row: r.row, ...r.values, profile: r.profile })),
    problems: roster.problems.map(problemJson),
  };
}

function rosterReport(roster: Roster): string {
  const lines: string[] = [];
  const { file } = roster;
  lines.push(`Fichier : ${file.name}`);
  lines.push(`Export : ${file.format.name}`);
  lines.push(
    `Encodage : ${file.encoding}${file.kind === "csv" ? ` ; séparateur : ${delimiterName(file.delimiter)}` : ""}`,
  );
  for (const note of file.notes) lines.push(noteLine(note));
  lines.push("", "Colonnes reconnues :");
  for (const c of roster.columns) {
    const what = c.field
      ? `${fieldDef(c.field).label}${c.alias ? " (alias, prioritaire s'il est rempli)" : ""}`
      : c.state
        ? "état du compte (filtre « inactifs seulement »)"
        : "colonne libre";
    lines.push(`  ${c.header || `(colonne ${c.index + 1} sans nom)`} → ${what}`);
  }
  const missing = FIELD_IDS.filter((id) => !roster.columns.some((c) => c.field === id)).map((id) => fieldDef(id).label);
  if (missing.length) lines.push(`  (absents du fichier : ${missing.join(", ")})`);
  const errors = roster.problems.filter((p) => p.severity === "error");
  const warnings = roster.problems.filter((p) => p.severity === "warning");
  lines.push("", `Lignes de données : ${roster.dataRows}`, `Courriers possibles : ${roster.records.length}`);
  for (const profile of PROFILES) {
    const n = roster.records.filter((r) => r.profile === profile).length;
    if (n) lines.push(`  ${PROFILE_LABELS[profile]} : ${n}`);
  }
  // What --class and --level accept, as the file writes them.
  const counted = (pick: (r: RosterRecord) => string[]) =>
    distinctValues(roster.records, pick)
      .map((v) => `${v} (${roster.records.filter((r) => pick(r).includes(v)).length})`)
      .join(", ");
  if (roster.records.some((r) => r.lists.class?.length)) lines.push(`Classes : ${counted(classesOf)}`);
  if (roster.records.some((r) => r.values.level)) lines.push(`Niveaux : ${counted(levelOf)}`);
  lines.push(`Lignes écartées : ${errors.length}`);
  for (const p of errors) lines.push(`  - ${p.message}`);
  if (warnings.length) {
    lines.push(`Avertissements : ${warnings.length}`);
    for (const p of warnings) lines.push(`  - ${p.message}`);
  }
  return lines.join("\n");
}

export function checkCommand(argv: string[], io: CliIo): number {
  const { positional, options } = parseArgs(argv, [], ["json"]);
  if (positional.length !== 1)
    throw new CliError("usage", "indiquez un fichier : courriers-ent check FICHIER [--json]");
  const roster = loadRoster(positional[0], io);
  io.out(options.has("json") ? JSON.stringify(rosterJson(roster), null, 2) : rosterReport(roster));
  return 0;
}

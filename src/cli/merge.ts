// `courriers-ent merge`: the whole job from the command line — read the export, select,
// merge into the template, write the letters, and say which rows were skipped and why.
import * as path from "path";
import { audienceText, passageLabel, ReadyLetterDef } from "../core/catalog";
import {
  classGroups,
  MergeError,
  mergeLetters,
  MergeResult,
  NO_CLASS,
  schoolName,
  unchangedPassages,
} from "../core/merge";
import { noteLine, Roster, RosterRecord } from "../core/roster";
import { parseArgs, requireArgs } from "./args";
import { cannotWrite, CliError, CliIo, EXIT } from "./io";
import { loadRoster } from "./load";
import { notesJson, problemJson } from "./problem-json";
import { readTemplate, selectFromOptions, SELECTION_FLAGS, SELECTION_VALUED } from "./selection";

const USAGE =
  "courriers-ent merge FICHIER --template COURRIER.docx --out COURRIERS.docx [--profile P] [--class C[,C…]] [--level N] [--inactive-only] [--accept-excel-numbers] [--sort classe|nom|fichier] [--keep-fields] [--by-class [--recto-verso] | --receipts-only] [--qr-url MODÈLE] [--json]";

export function mergeCommand(argv: string[], io: CliIo): number {
  const args = parseArgs(
    argv,
    ["template", "out", "qr-url", ...SELECTION_VALUED],
    [...SELECTION_FLAGS, "keep-fields", "json", "by-class", "receipts-only", "recto-verso"],
  );
  requireArgs(
    args,
    [
      ["template", "--template COURRIER.docx (le courrier à remplir)"],
      ["out", "--out COURRIERS.docx (le fichier à créer)"],
    ],
    USAGE,
  );
  const { positional, options } = args;
  const template = options.get("template") as string;
  const out = options.get("out") as string;
  const roster = loadRoster(positional[0], io);
  const templateBytes = readTemplate(template, io);
  // Bundles are handed out class by class: the letters follow the classes, then the names.
  if (options.has("by-class") || options.has("receipts-only")) options.set("sort", "class");
  const { records, letter } = selectFromOptions(options, roster, templateBytes);
  let result: MergeResult;
  try {
    const byClass = options.has("by-class") || options.has("receipts-only");
    result = mergeLetters(templateBytes, records, roster, {
      keepFields: options.has("keep-fields"),
      qrUrl: typeof options.get("qr-url") === "string" ? (options.get("qr-url") as string) : undefined,
      bundles: byClass
        ? {
            rectoVerso: options.has("recto-verso"),
            receiptsOnly: options.has("receipts-only"),
            school: schoolName(templateBytes, records),
          }
        : undefined,
    });
  } catch (err) {
    // The engine does not know the template's file name: the message gets it, the code stays.
    if (err instanceof MergeError)
      throw new CliError(err.code, `${path.basename(template)} : ${err.message}`, EXIT.template, { cause: err });
    throw err;
  }
  try {
    io.writeFile(out, result.docx);
  } catch (err) {
    throw cannotWrite(out, err);
  }
  const pink = unchangedPassages(templateBytes);
  const done: Done = { out, roster, records, result, pink, letter };
  io.out(options.has("json") ? JSON.stringify(mergeJson(done), null, 2) : mergeReport(done));
  return EXIT.ok;
}

interface Done {
  out: string;
  roster: Roster;
  records: RosterRecord[];
  result: MergeResult;
  pink: string[];
  /** The ready letter whose audience chose the records, if one did. */
  letter: ReadyLetterDef | null;
}

function mergeJson({ out, roster, records, result, pink, letter }: Done): object {
  return {
    out,
    letters: result.letters,
    audience: letter ? letter.audience : null,
    notes: notesJson(roster.file.notes),
    filtered: roster.records.length - records.length,
    skipped: roster.problems.filter((p) => p.severity === "error").map(problemJson),
    warnings: [
      ...roster.problems.filter((p) => p.severity === "warning").map(problemJson),
      ...result.warnings.map((w) => problemJson({ ...w, code: "cleaned-characters" })),
    ],
    unchangedPassages: pink,
  };
}

function mergeReport({ out, roster, records, result, pink, letter }: Done): string {
  const skipped = roster.problems.filter((p) => p.severity === "error");
  const s = (n: number) => (n > 1 ? "s" : "");
  const pages = Math.ceil(result.letters / result.perPage);
  // Bundles go by class; people without one (staff, parents of an export without classes)
  // make a bundle of their own, which is no class.
  const groups = result.classes ? classGroups(records) : [];
  const named = groups.filter((g) => g.name !== NO_CLASS).length;
  const bundles =
    named === groups.length
      ? `${named} classe${s(named)}`
      : named === 0
        ? "1 liasse (personnes sans classe)"
        : `${named} classe${s(named)} et 1 liasse de personnes sans classe`;
  const lines = [
    result.receiptsOnly
      ? `Listes d'émargement de ${bundles} écrites dans ${out} (${result.letters} personne${s(result.letters)}).`
      : result.perPage > 1
        ? `${result.letters} personne${s(result.letters)} sur ${pages} page${s(pages)} (${result.perPage} par page) écrites dans ${out}.`
        : `${result.letters} courrier${s(result.letters)} écrit${s(result.letters)} dans ${out}.`,
  ];
  if (result.classes && !result.receiptsOnly)
    lines.push(`${bundles} : pour chacune, une page de garde, ses courriers et sa liste d'émargement.`);
  // Without --profile, a ready letter leaves out the people it is not written for: say so.
  const others = letter ? roster.records.filter((r) => !letter.audience.includes(r.profile)).length : 0;
  // Cards say their count once (above); the audience line only when some are left out.
  if (letter && !result.receiptsOnly && !(result.perPage > 1 && others === 0)) {
    const more = others
      ? ` ; ${others} autre${s(others)} compte${s(others)} ne ${others > 1 ? "sont" : "est"} pas concerné${s(others)} par ce courrier (--profile pour en décider autrement)`
      : "";
    lines.push(`${result.letters} courrier${s(result.letters)} pour les ${audienceText(letter)}${more}.`);
  }
  // How the file was read matters here too, not only in `check`: Excel numbers, a hidden sheet…
  for (const note of roster.file.notes) lines.push(noteLine(note));
  const filtered = roster.records.length - records.length - others;
  if (filtered > 0) lines.push(`${filtered} personne${s(filtered)} non retenue${s(filtered)} par les filtres.`);
  if (skipped.length) {
    lines.push(`${skipped.length} ligne${s(skipped.length)} du fichier écartée${s(skipped.length)} :`);
    for (const p of skipped) lines.push(`  - ${p.message}`);
  }
  for (const w of [...roster.problems.filter((p) => p.severity === "warning"), ...result.warnings])
    lines.push(`  ! ${w.message}`);
  if (pink.length) {
    lines.push(
      `Attention : passages en rose non complétés dans le modèle (${pink.map(passageLabel).join(", ")}) ; ils sont imprimés tels quels.`,
    );
  }
  return lines.join("\n");
}

// `courriers-ent template parents|eleves|personnels --out FILE.docx`: writes a ready letter.
import * as fs from "fs";
import { parseArgs } from "./args";
import { CliError, CliIo } from "./io";
import { docxPath, isLetterName, LETTERS } from "./templates/catalog";

export function templateCommand(argv: string[], io: CliIo): number {
  const { positional, options } = parseArgs(argv, ["out"], []);
  const out = options.get("out");
  const names = Object.keys(LETTERS).join("|");
  if (positional.length !== 1 || typeof out !== "string")
    throw new CliError(`usage : courriers-ent template ${names} --out FICHIER.docx`);
  const name = positional[0];
  if (!isLetterName(name))
    throw new CliError(`courrier inconnu : « ${name} ». Courriers disponibles : ${names.split("|").join(", ")}.`);
  try {
    io.writeFile(out, fs.readFileSync(docxPath(name)));
  } catch (err) {
    throw new CliError(`impossible d'écrire « ${out} » (${(err as { code?: string }).code ?? "erreur"}).`);
  }
  io.out(`${LETTERS[name]} écrit dans ${out}. Complétez les passages en rose, puis lancez « courriers-ent merge ».`);
  return 0;
}

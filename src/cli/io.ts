// What the command line needs from the outside world, so tests can run it in-process.
import * as fs from "fs";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(file: string): Uint8Array;
  writeFile(file: string, data: Uint8Array): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  readFile: (file) => fs.readFileSync(file),
  writeFile: (file, data) => fs.writeFileSync(file, data),
};

/** A user-facing failure: printed in French on stderr, exit code 2, no stack trace. */
export class CliError extends Error {}

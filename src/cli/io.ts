// What the command line needs from the outside world, so tests can run it in-process.
import * as fs from "fs";
import { CourriersError } from "../core/errors";

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

/** Exit codes, one per kind of failure (documented in --help and the README). */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  exportFile: 3,
  template: 4,
  output: 5,
} as const;

export type CliErrorCode =
  | "usage"
  | "unknown-command"
  | "unknown-option"
  | "missing-value"
  | "unknown-profile"
  | "unknown-sort"
  | "unknown-letter"
  | "file-not-found"
  | "not-a-file"
  | "read-failed"
  | "template-not-found"
  | "write-failed";

/** A command-line failure: printed in French (or as JSON), with its exit code, no stack trace. */
export class CliError extends CourriersError {
  constructor(
    code: CliErrorCode | string,
    message: string,
    readonly exitCode: number = EXIT.usage,
    options: { cause?: unknown } = {},
  ) {
    super(code, message, options);
  }
}

/** Why a file could not be read or written, from Node's error code. */
export function fsReason(err: unknown): string {
  return (err as { code?: string }).code ?? "erreur";
}

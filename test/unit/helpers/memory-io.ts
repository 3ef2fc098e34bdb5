import * as fs from "fs";
import { CliIo } from "../../../src/cli/io";

/** A CliIo that records output and keeps written files in memory. */
export function memoryIo(): CliIo & { stdout(): string; stderr(): string; files: Map<string, Uint8Array> } {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, Uint8Array>();
  return {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (f) => files.get(f) ?? fs.readFileSync(f),
    writeFile: (f, d) => files.set(f, d),
    stdout: () => out.join("\n"),
    stderr: () => err.join("\n"),
    files,
  };
}

import * as fs from "fs";
import { CliIo } from "../../../src/cli/io";

/** A CliIo that records output and keeps written files in memory. */
export function memoryIo(
  extra: Partial<CliIo> = {},
): CliIo & { stdout(): string; stderr(): string; files: Map<string, Uint8Array>; text(file: string): string } {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, Uint8Array>();
  const locks = new Set<string>();
  return {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (f) => files.get(f) ?? fs.readFileSync(f),
    writeFile: (f, d) => files.set(f, d),
    appendDurably: (f, t) => {
      const before = files.get(f) ?? new Uint8Array();
      files.set(f, new Uint8Array([...before, ...new TextEncoder().encode(t)]));
    },
    lockFile: (f) => {
      if (locks.has(f)) return { heldBy: { pid: 1, since: "2026-09-01T08:00:00.000Z" } };
      locks.add(f);
      return { release: () => void locks.delete(f) };
    },
    env: {},
    askSecret: () => Promise.reject(new Error("no terminal")),
    onInterrupt: () => () => undefined,
    sleep: () => Promise.resolve(),
    stdout: () => out.join("\n"),
    stderr: () => err.join("\n"),
    files,
    text: (f) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(files.get(f)),
    ...extra,
  };
}

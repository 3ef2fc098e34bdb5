// What the command line needs from the outside world, so tests can run it in-process.
import * as fs from "fs";
import * as path from "path";
import { CourriersError } from "../core/errors";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(file: string): Uint8Array;
  writeFile(file: string, data: Uint8Array): void;
  /**
   * Takes a lock file beside a journal, so that two runs never send from one journal at
   * once: the way to release it, or who holds it.
   */
  lockFile?(file: string): { release: () => void } | { heldBy: { pid: number; since: string } };
  /** Creates a folder and its parents (--dry-run's), readable by the user only. */
  makeDir?(dir: string): void;
  /** Appends a line and waits until it is on disk (the sending journal survives a crash). */
  appendDurably?(file: string, text: string): void;
  /** Environment variables (the SMTP password). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Asks for a secret on the terminal without echoing it; rejects without a terminal. */
  askSecret?(prompt: string): Promise<string>;
  /** Calls `stop` on Ctrl+C; returns a function that stops listening. */
  onInterrupt?(stop: () => void): () => void;
  sleep?(ms: number): Promise<void>;
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function readLock(file: string): { pid: number; since: string } | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, "utf8")) as { pid?: unknown; since?: unknown };
    return typeof value.pid === "number" ? { pid: value.pid, since: String(value.since ?? "") } : null;
  } catch {
    return null;
  }
}

/** Whether a process runs (signal 0 tests without sending anything; EPERM: it runs as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return fsReason(err) === "EPERM";
  }
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  readFile: (file) => fs.readFileSync(file),
  // Letters, journals, reports and .eml files hold passwords or name people: the user's only.
  writeFile: (file, data) => fs.writeFileSync(file, data, { mode: 0o600 }),
  makeDir: (dir) => void fs.mkdirSync(dir, { recursive: true, mode: 0o700 }),
  lockFile(file) {
    // Twice at most: a lock left by a process that no longer runs is taken over.
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = fs.openSync(file, "wx", 0o600);
        fs.writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
        fs.closeSync(fd);
        const release = () => fs.rmSync(file, { force: true });
        process.once("exit", release);
        return {
          release: () => {
            process.off("exit", release);
            release();
          },
        };
      } catch (err) {
        if (fsReason(err) !== "EEXIST" || attempt > 0) throw err;
        const holder = readLock(file);
        if (holder && isRunning(holder.pid)) return { heldBy: holder };
        fs.rmSync(file, { force: true });
      }
    }
  },
  appendDurably(file, text) {
    const fd = fs.openSync(file, "a", 0o600);
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
  env: process.env,
  askSecret,
  // Ctrl+C, a closed terminal (SIGHUP) and the end of a session (SIGTERM) all stop the same
  // way: the message in hand finishes and is journalled, so that a re-run sends nobody twice.
  onInterrupt(stop) {
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
    return () => {
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
    };
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Reads a line from the terminal with echo off (the SMTP password). */
function askSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.reject(new Error("no terminal"));
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let secret = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(secret);
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === "\r" || c === "\n") return done();
        if (c === "\u0003") return done(new Error("interrupted"));
        if (c === "\u007f" || c === "\b") secret = secret.slice(0, -1);
        else secret += c;
      }
    };
    stdin.on("data", onData);
  });
}

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
  | "write-failed"
  | "excel-numbers"
  | "journal-locked"
  | "smtp-url"
  | "smtp-password"
  | "smtp-auth"
  | "smtp-tls";

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

/**
 * A file the command could not write, said by its cause: a folder that does not exist, a
 * right the user lacks, or a file another program holds open (`held`: which, and what to do).
 */
export function cannotWrite(
  file: string,
  err: unknown,
  held = "Le fichier est peut-être ouvert dans Word : fermez-le et réessayez.",
): CliError {
  const reason = fsReason(err);
  const dir = path.dirname(file);
  const message =
    reason === "ENOENT"
      ? `impossible d'écrire « ${file} » : le dossier « ${dir} » n'existe pas : créez-le, ou choisissez un dossier qui existe.`
      : reason === "EACCES"
        ? `impossible d'écrire « ${file} » : vous n'avez pas le droit d'écrire dans le dossier « ${dir} ». Choisissez un autre dossier (Documents, par exemple).`
        : reason === "EISDIR"
          ? `impossible d'écrire « ${file} » : c'est un dossier. Donnez un nom de fichier (par exemple ${path.join(file, "courriers.docx")}).`
          : `impossible d'écrire « ${file} » (${reason}). ${held}`;
  return new CliError("write-failed", message, EXIT.output, { cause: err });
}

/** Why a file could not be read or written, from Node's error code. */
export function fsReason(err: unknown): string {
  return (err as { code?: string }).code ?? "erreur";
}

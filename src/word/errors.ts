// A failure talking to Word, with a French message saying what to do and Word's own error
// kept as the cause.
import { CourriersError } from "../core/errors";

export type WordErrorCode =
  | "read-failed"
  | "open-failed"
  | "insert-failed"
  | "too-old"
  | "restore-failed"
  | "tracking-changes"
  | "preview-unrecorded";

export class WordError extends CourriersError {
  declare readonly code: WordErrorCode;

  constructor(code: WordErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

export function describeOfficeError(err: unknown): string {
  if (err && typeof err === "object" && "message" in err) return String((err as { message: unknown }).message);
  return String(err);
}

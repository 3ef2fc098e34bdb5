/** A failure talking to Word, with a French message saying what to do. */
export class WordError extends Error {
  constructor(
    readonly code: "read-failed" | "open-failed" | "insert-failed" | "too-old" | "restore-failed",
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "WordError";
  }
}

export function describeOfficeError(err: unknown): string {
  if (err && typeof err === "object" && "message" in err) return String((err as { message: unknown }).message);
  return String(err);
}

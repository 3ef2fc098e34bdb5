/** A template or merge problem, in French, for the person running the merge. */
export class MergeError extends Error {
  constructor(
    readonly code: "not-docx" | "unknown-fields" | "no-fields" | "bad-template" | "no-records",
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = "MergeError";
  }
}

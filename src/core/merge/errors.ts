// A template or merge problem, in French, for the person running the merge.
import { CourriersError } from "../errors";

export type MergeErrorCode =
  | "not-docx"
  | "unknown-fields"
  | "unknown-condition"
  | "unsupported-field"
  | "empty-password"
  | "protected"
  | "too-big"
  | "too-many-parts"
  | "cancelled"
  | "no-fields"
  | "bad-template"
  | "no-records"
  | "tracked-changes"
  | "broken-field";

export class MergeError extends CourriersError {
  declare readonly code: MergeErrorCode;

  constructor(
    code: MergeErrorCode,
    message: string,
    readonly fields: string[] = [],
    options: { cause?: unknown } = {},
  ) {
    super(code, message, options);
  }
}

// An e-mail problem the user must fix before anything is sent, in French.
import { CourriersError } from "../errors";

export type MailErrorCode =
  | "no-email-column"
  | "no-login-column"
  | "unknown-subject-field"
  | "secret-in-subject"
  | "bad-journal"
  | "sign-in-failed"
  | "sign-in-expired"
  | "sign-in-cancelled";

export class MailError extends CourriersError {
  declare readonly code: MailErrorCode;

  constructor(code: MailErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

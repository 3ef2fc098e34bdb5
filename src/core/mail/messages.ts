// One message per person: to their address, the subject with their fields, their own
// letter as the HTML body and as plain text, and optionally the letter as a .docx. Those
// without a usable address are listed for a paper letter, with the reason.
import { fieldIdOf, mergeLetters, MergeSource, resolveField } from "../merge";
import { RosterRecord } from "../roster";
import { checkAddress } from "./address";
import { MailError } from "./errors";
import { letterHtml } from "./letter-html";
import { readLetter } from "./letter-model";
import { letterText } from "./letter-text";

export const DEFAULT_SUBJECT = "Vos identifiants pour l'ENT du collège";

export interface Recipient {
  record: RosterRecord;
  to: string;
}

export interface PaperLetter {
  record: RosterRecord;
  /** Why no message: no address, or an address that cannot be one. */
  reason: string;
}

export interface LetterMessage {
  to: string;
  /** The person's name, shown beside the address ("Aïcha N'DIAYE"). */
  toName: string;
  subject: string;
  html: string;
  text: string;
  attachment?: { filename: string; content: Uint8Array };
}

/** Who gets a message, and who gets a paper letter instead (and why). */
export function recipients(
  records: readonly RosterRecord[],
  source: MergeSource,
): { send: Recipient[]; paper: PaperLetter[] } {
  if (!source.columns.some((c) => c.field === "email"))
    throw new MailError(
      "no-email-column",
      "L'export n'a pas de colonne d'adresse électronique (« Courriel », « E-mail », « Adresse mail »…). Exportez les comptes avec leur courriel, ou indiquez quelle colonne la contient.",
    );
  // The journal knows a person by their identifier: without one it could not promise "never twice".
  if (!source.columns.some((c) => c.field === "login"))
    throw new MailError(
      "no-login-column",
      "L'envoi par courriel tient un journal par identifiant, pour n'envoyer jamais deux fois le même message : ce fichier n'a pas de colonne d'identifiant (« Login », « Identifiant »…). Imprimez plutôt ces courriers.",
    );
  const send: Recipient[] = [];
  const paper: PaperLetter[] = [];
  for (const record of records) {
    const check = checkAddress(record.values.email);
    if (check.ok) send.push({ record, to: check.address });
    else paper.push({ record, reason: check.reason });
  }
  return { send, paper };
}

/**
 * The subject for each person: `{Prénom}` or `«Prénom»` is replaced by the person's value
 * (any field or column the letters may use). An unknown name is refused before sending.
 */
export function subjectFor(pattern: string, source: MergeSource): (record: RosterRecord) => string {
  const parts: Array<string | ((r: RosterRecord) => string)> = [];
  let last = 0;
  for (const m of pattern.matchAll(/\{([^{}]+)\}|«\s*([^«»]+?)\s*»/g)) {
    const name = (m[1] ?? m[2]).trim();
    const value = resolveField({ kind: "mergefield", name }, source);
    // A subject travels in the clear, is listed in every mailbox and kept in logs.
    if (fieldIdOf({ kind: "mergefield", name }, source) === "password")
      throw new MailError(
        "secret-in-subject",
        `L'objet du message ne peut pas contenir le mot de passe (« ${name} ») : l'objet s'affiche dans les listes de messages et reste dans les journaux des serveurs. Retirez-le de l'objet ; le courrier le contient déjà.`,
      );
    if (!value)
      throw new MailError(
        "unknown-subject-field",
        `L'objet du message utilise « ${name} », que l'export ne contient pas. Champs possibles : Prénom, Nom, Login, Classe, Enfant(s)…`,
      );
    parts.push(pattern.slice(last, m.index), value);
    last = m.index! + m[0].length;
  }
  parts.push(pattern.slice(last));
  return (record) =>
    parts
      .map((p) => (typeof p === "string" ? p : p(record)))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
}

/** A file name from a login: letters, digits, dot, dash and underscore only. */
const safeName = (login: string) =>
  login
    .normalize("NFD")
    .replace(/[^\w.-]+/g, "_")
    .replace(/^[._]+/, "") || "courrier";

/** The message for one person: their letter, merged alone, as HTML and text (and .docx if asked). */
export function letterMessage(
  template: Uint8Array,
  recipient: Recipient,
  source: MergeSource,
  options: { subject: (record: RosterRecord) => string; attach?: boolean },
): LetterMessage {
  const docx = mergeLetters(template, [recipient.record], source).docx;
  const letter = readLetter(docx);
  const subject = options.subject(recipient.record);
  const message: LetterMessage = {
    to: recipient.to,
    toName: `${recipient.record.values.firstName} ${recipient.record.values.lastName}`.trim(),
    subject,
    html: letterHtml(letter, subject),
    text: letterText(letter),
  };
  if (options.attach)
    message.attachment = { filename: `courrier-ENT-${safeName(recipient.record.values.login)}.docx`, content: docx };
  return message;
}

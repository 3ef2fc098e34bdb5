// The SMTP side of `courriers-ent send`: the --smtp address read safely (TLS required except
// on this computer, no password in it), a pooled nodemailer transport, and the sending
// loop's SMTP channel, which sorts each failure into what to do: retry, come back to this
// person, journal as uncertain, skip this person, or stop the run.
import { createTransport, Transporter } from "nodemailer";
import type { Attempt, Channel, LetterMessage } from "../core/mail";
import { CliError, EXIT } from "./io";

export interface SmtpTarget {
  host: string;
  port: number;
  /** smtps: TLS from the first byte; smtp: STARTTLS. */
  implicitTls: boolean;
  user?: string;
  loopback: boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "[::1]", "localhost"]);

/** Reads `smtp://user@host:587` or `smtps://user@host:465`; refuses a password inside. */
export function parseSmtpUrl(text: string): SmtpTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(
      "smtp-url",
      `--smtp : « ${text} » n'est pas une adresse de serveur. Exemple : smtp://prenom.nom@smtp.ac-exemple.fr:587`,
    );
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    throw new CliError(
      "smtp-url",
      `--smtp : l'adresse doit commencer par smtp:// (STARTTLS, port 587) ou smtps:// (TLS, port 465), pas « ${url.protocol}// ».`,
    );
  if (url.password)
    throw new CliError(
      "smtp-password",
      "--smtp : ne mettez pas le mot de passe dans l'adresse (il resterait dans l'historique du terminal). Définissez la variable d'environnement COURRIERS_SMTP_PASSWORD, ou laissez la commande vous le demander.",
    );
  if (!url.hostname) throw new CliError("smtp-url", `--smtp : « ${text} » ne nomme aucun serveur.`);
  const implicitTls = url.protocol === "smtps:";
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : implicitTls ? 465 : 587,
    implicitTls,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    loopback: LOOPBACK.has(url.hostname),
  };
}

/**
 * A pooled transport (one connection reused). STARTTLS is required on smtp:// except toward
 * this computer itself (a local relay); certificates are always checked, against `ca` too.
 */
/**
 * Whether the current message's body went out whole (nodemailer logs it at the end of DATA):
 * a connection lost after that may have delivered it, so it must not be sent again unasked.
 */
export interface BodyWatch {
  bodySent: boolean;
}

export function smtpTransport(
  target: SmtpTarget,
  password: string | undefined,
  ca?: string,
  watch?: BodyWatch,
): Transporter {
  const quiet = () => undefined;
  return createTransport({
    logger: watch && {
      trace: quiet,
      debug: quiet,
      warn: quiet,
      error: quiet,
      fatal: quiet,
      info: (entry: { tnx?: string; outByteCount?: number }) => {
        if (entry?.tnx === "message" && entry.outByteCount !== undefined) watch.bodySent = true;
      },
    },
    pool: true,
    maxConnections: 1,
    host: target.host,
    port: target.port,
    secure: target.implicitTls,
    requireTLS: !target.implicitTls && !target.loopback,
    auth: target.user ? { user: target.user, pass: password ?? "" } : undefined,
    tls: { minVersion: "TLSv1.2", ...(ca ? { ca } : {}) },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

/**
 * "later": one recipient's temporary refusal (452 mailbox full at RCPT TO): the others go on
 * first. (Uncertain — the body went whole, then the answer was lost — is the channel's to
 * say: it watches the body, see BodyWatch.)
 */
export type FailureKind = "auth" | "tls" | "retry" | "later" | "refused";

interface SmtpFailure {
  code?: string;
  /** The SMTP command nodemailer was answering ("RCPT TO", "DATA"…). */
  command?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME/;
const CONNECTION = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "ECONNRESET",
  "ECONNREFUSED",
  "EDNS",
  "EPIPE",
  "ECLOSED",
]);

/** What a failure means for the run. */
export function failureKind(err: unknown): FailureKind {
  const e = (err ?? {}) as SmtpFailure;
  const cause = (err as { cause?: SmtpFailure })?.cause;
  if (
    e.code === "EAUTH" ||
    e.code === "ENOAUTH" ||
    e.responseCode === 535 ||
    e.responseCode === 534 ||
    e.responseCode === 530
  )
    return "auth";
  if (
    e.code === "ETLS" ||
    CERTIFICATE.test(e.code ?? "") ||
    CERTIFICATE.test(cause?.code ?? "") ||
    /certificate/i.test(e.message ?? "")
  )
    return "tls";
  const temporary = e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500;
  if (temporary && e.command === "RCPT TO") return "later";
  if (temporary) return "retry";
  if (e.responseCode !== undefined && e.responseCode >= 500) return "refused";
  if (CONNECTION.has(e.code ?? "")) return "retry";
  return "refused";
}

/** The server's words, shortened, for the report. */
export function failureDetail(err: unknown): string {
  const e = (err ?? {}) as SmtpFailure;
  const text = (e.response ?? e.message ?? String(err)).replace(/\s+/g, " ").trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export function authError(target: SmtpTarget, err: unknown): CliError {
  return new CliError(
    "smtp-auth",
    `Le serveur ${target.host} a refusé l'identifiant « ${target.user ?? ""} » ou son mot de passe (${failureDetail(err)}). Vérifiez-les (COURRIERS_SMTP_PASSWORD) ; avec Microsoft 365, utilisez un mot de passe d'application. Aucun message n'a été envoyé avec ces identifiants.`,
    EXIT.usage,
    { cause: err },
  );
}

export function tlsError(target: SmtpTarget, err: unknown): CliError {
  return new CliError(
    "smtp-tls",
    `Connexion chiffrée impossible avec ${target.host}:${target.port} (${failureDetail(err)}). Vérifiez le port (587 avec smtp://, 465 avec smtps://) ; si le serveur utilise un certificat interne, indiquez son autorité avec --ca FICHIER.pem.`,
    EXIT.usage,
    { cause: err },
  );
}

/** nodemailer's message for one letter. */
export function mailOf(from: string, message: LetterMessage) {
  return {
    from,
    to: message.toName ? { name: message.toName, address: message.to } : message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: { "Content-Language": "fr" },
    attachments: message.attachment
      ? [{ filename: message.attachment.filename, content: Buffer.from(message.attachment.content) }]
      : [],
  };
}

/** The school's SMTP server as a channel of the sending loop (core/mail/send-loop.ts). */
export function smtpChannel(
  transport: Transporter,
  target: SmtpTarget,
  from: string,
  perMinute: number,
  watch: BodyWatch,
): Channel {
  return {
    name: `le serveur ${target.host}`,
    perMinute,
    send: async (message): Promise<Attempt> => {
      watch.bodySent = false;
      try {
        const info = await transport.sendMail(mailOf(from, message));
        return { ok: true, id: String(info.messageId ?? "") };
      } catch (error) {
        const detail = failureDetail(error);
        // The whole body went and no answer came back: the server may have it. Never retried.
        if (watch.bodySent && (error as SmtpFailure)?.responseCode === undefined)
          return {
            ok: false,
            kind: "uncertain",
            detail: `réponse du serveur perdue après l'envoi (${detail}) : ne repartira qu'avec --resend-uncertain`,
          };
        const kind = failureKind(error);
        if (kind === "auth") return { ok: false, kind: "stop", reason: "auth", detail, error };
        if (kind === "tls") return { ok: false, kind: "stop", reason: "tls", detail, error };
        return { ok: false, kind, detail };
      }
    },
  };
}

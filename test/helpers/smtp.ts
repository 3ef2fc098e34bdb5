// A real SMTP server on 127.0.0.1 for the sending tests (smtp-server, by nodemailer's
// authors): STARTTLS with a self-signed certificate made for the test, AUTH PLAIN/LOGIN,
// and the faults a school's server shows (busy for a while, a refused recipient). Each
// accepted message is parsed with mailparser.
import { ParsedMail, simpleParser } from "mailparser";
import { AddressInfo } from "net";
import { testCertificate } from "./test-certificate";
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from "smtp-server";

export interface Received {
  to: string[];
  raw: string;
  mail: ParsedMail;
}

export interface SmtpOptions {
  user?: string;
  password?: string;
  /** Answer this many MAIL FROM with a temporary 421/451 first. */
  busyFor?: number;
  busyCode?: 421 | 451;
  /** Refuse these recipients with 550. */
  refuse?: string[];
  /** Answer 452 (mailbox full, try later) at RCPT TO for these recipients, this many times each (Infinity: always). */
  mailboxFull?: Record<string, number>;
  /**
   * Messages to these recipients are stored, then the connection is cut before the answer:
   * the sender cannot know the message went (a reply lost after DATA).
   */
  loseReplyFor?: string[];
  /** Called for each message before it is accepted; may hold the answer (to kill the sender meanwhile). */
  beforeAccept?: (count: number) => Promise<void> | void;
}

export interface TestSmtp {
  port: number;
  /** The certificate to trust (PEM). */
  ca: string;
  received: Received[];
  attempts: number;
  logins: number;
  close(): Promise<void>;
}

export async function startSmtp(options: SmtpOptions = {}): Promise<TestSmtp> {
  const { key, cert } = await testCertificate();
  const user = options.user ?? "secretariat";
  const password = options.password ?? "s3cret-Été";
  const state: TestSmtp = { port: 0, ca: cert, received: [], attempts: 0, logins: 0, close: async () => undefined };
  let busy = options.busyFor ?? 0;
  const server = new SMTPServer({
    key,
    cert,
    secure: false,
    name: "smtp.test",
    authMethods: ["PLAIN", "LOGIN"],
    // AUTH only after STARTTLS (as on any real server).
    allowInsecureAuth: false,
    size: 20 * 1024 * 1024,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) {
        state.logins++;
        return callback(null, { user: auth.username });
      }
      const err = Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 });
      return callback(err);
    },
    onMailFrom(_address, _session, callback) {
      state.attempts++;
      if (busy > 0) {
        busy--;
        const code = options.busyCode ?? 451;
        return callback(
          Object.assign(new Error(`4.3.2 Service temporarily unavailable, try again later`), { responseCode: code }),
        );
      }
      return callback();
    },
    onRcptTo(address, _session, callback) {
      const full = options.mailboxFull?.[address.address] ?? 0;
      if (full > 0) {
        options.mailboxFull![address.address] = full - 1;
        return callback(Object.assign(new Error("4.2.2 Mailbox full, try again later"), { responseCode: 452 }));
      }
      if (options.refuse?.includes(address.address))
        return callback(Object.assign(new Error("5.1.1 Mailbox unavailable"), { responseCode: 550 }));
      return callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        try {
          await options.beforeAccept?.(state.received.length + 1);
        } catch (err) {
          return callback(err as Error);
        }
        const mail = await simpleParser(raw);
        const to = session.envelope.rcptTo.map((r) => r.address);
        state.received.push({ to, raw, mail });
        if (to.some((a) => options.loseReplyFor?.includes(a))) {
          // smtp-server keeps its connections; this one's socket closes with no answer.
          const connections = (server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> })
            .connections;
          for (const c of connections) if (c.id === session.id) c._socket.destroy();
          return;
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

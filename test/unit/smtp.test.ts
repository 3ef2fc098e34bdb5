// The --smtp address and what each SMTP failure means for the run.
import { failureKind, parseSmtpUrl, smtpTransport } from "../../src/cli/smtp";

describe("parseSmtpUrl", () => {
  it.each([
    [
      "smtp://prenom.nom@smtp.ac-exemple.fr:587",
      { host: "smtp.ac-exemple.fr", port: 587, implicitTls: false, user: "prenom.nom", loopback: false },
    ],
    [
      "smtp://ce.0000000x%40ac-exemple.fr@smtp.office365.com",
      { host: "smtp.office365.com", port: 587, implicitTls: false, user: "ce.0000000x@ac-exemple.fr", loopback: false },
    ],
    [
      "smtps://u@smtp.ac-exemple.fr",
      { host: "smtp.ac-exemple.fr", port: 465, implicitTls: true, user: "u", loopback: false },
    ],
    ["smtp://127.0.0.1:2525", { host: "127.0.0.1", port: 2525, implicitTls: false, user: undefined, loopback: true }],
    ["smtp://[::1]:25", { host: "::1", port: 25, implicitTls: false, user: undefined, loopback: true }],
    ["smtp://localhost", { host: "localhost", port: 587, implicitTls: false, user: undefined, loopback: true }],
  ])("%s", (url, target) => {
    expect(parseSmtpUrl(url)).toEqual(target);
  });

  it.each([
    ["smtp.ac-exemple.fr", "n'est pas une adresse de serveur"],
    ["http://smtp.ac-exemple.fr", "doit commencer par smtp://"],
    ["smtp://u:motdepasse@smtp.ac-exemple.fr", "ne mettez pas le mot de passe dans l'adresse"],
  ])("refuses %s", (url, message) => {
    expect(() => parseSmtpUrl(url)).toThrow(message);
  });

  it("requires STARTTLS except toward this computer, and checks certificates", () => {
    const options = (url: string) =>
      (smtpTransport(parseSmtpUrl(url), "x") as unknown as { transporter: { options: Record<string, unknown> } })
        .transporter.options;
    expect(options("smtp://u@smtp.ac-exemple.fr")).toMatchObject({
      requireTLS: true,
      secure: false,
      pool: true,
      maxConnections: 1,
    });
    expect(options("smtps://u@smtp.ac-exemple.fr")).toMatchObject({ requireTLS: false, secure: true });
    expect(options("smtp://127.0.0.1:2525")).toMatchObject({ requireTLS: false, auth: undefined });
    expect(options("smtp://u@smtp.ac-exemple.fr").tls).toEqual({ minVersion: "TLSv1.2" });
  });
});

describe("failureKind", () => {
  it.each([
    [{ code: "EAUTH", responseCode: 535 }, "auth"],
    [{ code: "EENVELOPE", responseCode: 530 }, "auth"],
    [{ code: "ENOAUTH" }, "auth"],
    [{ code: "ETLS", message: "STARTTLS not supported" }, "tls"],
    [{ code: "ESOCKET", cause: { code: "DEPTH_ZERO_SELF_SIGNED_CERT" } }, "tls"],
    [{ code: "ESOCKET", message: "unable to verify the first certificate" }, "tls"],
    [{ code: "EENVELOPE", responseCode: 451 }, "retry"],
    [{ code: "EMESSAGE", responseCode: 421 }, "retry"],
    [{ code: "ECONNECTION" }, "retry"],
    [{ code: "ETIMEDOUT" }, "retry"],
    [{ code: "ECONNRESET" }, "retry"],
    [{ code: "EENVELOPE", responseCode: 550 }, "refused"],
    [{ code: "EMESSAGE", responseCode: 552 }, "refused"],
    [{ message: "?" }, "refused"],
  ])("%j → %s", (err, kind) => {
    const error = Object.assign(new Error((err as { message?: string }).message ?? "x"), err);
    expect(failureKind(error)).toBe(kind);
  });
});

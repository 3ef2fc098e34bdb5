/**
 * @jest-environment ./test/helpers/jsdom-environment.js
 */
// Signing in to Microsoft 365 on the strict Office mock: nested app authentication where the
// host supports NestedAppAuth 1.1, the Office dialog elsewhere; and what the dialog path does
// with each answer its page gives (a token, an error, the user closing it, Word refusing it).
import { authority, authWay, signIn } from "../../src/word/auth";
import { MailError } from "../../src/core/mail";
import { technicalDetail } from "../../src/core/errors";
import { installWordMock } from "./word-mock";

const TOKEN = JSON.stringify({ ok: true, token: "jeton-dialogue", username: "secretariat@college.example" });

describe("authWay", () => {
  it("takes nested app authentication where Office supports NestedAppAuth 1.1", () => {
    const host = installWordMock({ nestedAppAuth: true });
    expect(authWay()).toBe("naa");
    expect(host.log.calls).toEqual([{ api: "Requirements.isSetSupported", args: ["NestedAppAuth", "1.1"] }]);
  });

  it("takes the Office dialog elsewhere, and where the requirement check itself fails", () => {
    installWordMock({ nestedAppAuth: false });
    expect(authWay()).toBe("dialog");
    (globalThis as { Office?: unknown }).Office = {};
    expect(authWay()).toBe("dialog");
  });
});

describe("nested app authentication that cannot give a token", () => {
  it("falls back to the Office dialog, as Microsoft's samples do (never an MSAL popup of the pane's own)", async () => {
    // NestedAppAuth 1.1 announced, but no broker answers here: MSAL cannot sign in silently.
    const opened: unknown[] = [];
    const open = window.open;
    window.open = (...args: unknown[]) => void opened.push(args) as unknown as Window;
    try {
      const host = installWordMock({ nestedAppAuth: true, dialogs: [{ message: TOKEN }] });
      const user = await signIn("3f5d2c1a-8b7e-4d6f-9a0b-1c2d3e4f5a6b", "college-exemple.fr");
      expect(await user.token()).toBe("jeton-dialogue");
      expect(host.log.of("UI.displayDialogAsync")).toHaveLength(1);
      expect(opened).toEqual([]);
    } finally {
      window.open = open;
    }
  });
});

describe("a sign-in that fails every way", () => {
  it("keeps why nested app authentication could not sign in, under the dialog's own failure", async () => {
    installWordMock({
      nestedAppAuth: true,
      dialogs: [{ message: JSON.stringify({ ok: false, error: "AADSTS65001 consentement manquant" }) }],
    });
    const err = await signIn("3f5d2c1a-8b7e-4d6f-9a0b-1c2d3e4f5a6b", "college-exemple.fr").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).message).toMatch(/AADSTS65001/);
    const detail = technicalDetail(err).split("\ncausé par : ");
    // The dialog's refusal, then nested app authentication's popup, then its silent attempt.
    expect(detail.length).toBeGreaterThanOrEqual(3);
    expect(detail[0]).toMatch(/AADSTS65001/);
    expect(detail.slice(1).join("\n")).toMatch(
      /BrowserAuthError|NestedAppAuthError|InteractionRequired|ClientAuthError/,
    );
  });
});

describe("signing in through the Office dialog", () => {
  it("opens our own auth-dialog.html and keeps the token and address its page sends, in memory", async () => {
    const host = installWordMock({
      dialogs: [{ message: TOKEN }, { message: TOKEN.replace("jeton-dialogue", "jeton-2") }],
    });
    const user = await signIn("3f5d2c1a-8b7e-4d6f-9a0b-1c2d3e4f5a6b");
    expect(await user.token()).toBe("jeton-dialogue");
    expect(user.address()).toBe("secretariat@college.example");
    expect(host.log.calls.map((c) => c.api)).toEqual([
      "Requirements.isSetSupported",
      "UI.displayDialogAsync",
      "Requirements.isSetSupported",
      "Dialog.addEventHandler",
      "Dialog.addEventHandler",
      "Dialog.close",
    ]);
    const [url, opts] = host.log.calls[1].args as [string, object];
    expect(url).toBe(new URL("auth-dialog.html", location.href).href);
    // Opened from the user's click (the pane signs in first thing): no Office prompt needed.
    expect(opts).toEqual({ height: 60, width: 30, promptBeforeOpen: false });
    // A 401 mid-run asks for a new token: no window opens without a click (browsers block it);
    // the run stops and the pane asks the user to click « Envoyer » again.
    const expired = await user.token(true).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(MailError);
    expect((expired as MailError).code).toBe("sign-in-expired");
    expect(host.log.calls.filter((c) => c.api === "UI.displayDialogAsync")).toHaveLength(1);
  });

  it("takes a token only from our own page's origin, where Office says the origin (DialogOrigin 1.1)", async () => {
    const host = installWordMock({
      dialogOrigin: true,
      dialogs: [{ message: TOKEN, origin: "https://attaquant.example" }],
    });
    const failure = await signIn("3f5d2c1a-8b7e-4d6f-9a0b-1c2d3e4f5a6b").catch((e: unknown) => e);
    expect((failure as MailError).code).toBe("sign-in-failed");
    expect((failure as MailError).message).toBe(
      "La fenêtre de connexion a reçu une réponse d'une autre adresse (https://attaquant.example) : elle a été ignorée. Réessayez.",
    );
    expect(host.log.of("Dialog.close")).toHaveLength(1);
    installWordMock({ dialogOrigin: true, dialogs: [{ message: TOKEN }] });
    expect(await (await signIn("3f5d2c1a-8b7e-4d6f-9a0b-1c2d3e4f5a6b")).token()).toBe("jeton-dialogue");
  });

  it("signs in against the school's own tenant, never /common (single-tenant registration)", () => {
    expect(authority("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")).toBe(
      "https://login.microsoftonline.com/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    );
    expect(authority("college-exemple.fr")).toBe("https://login.microsoftonline.com/college-exemple.fr");
  });

  it.each([
    [{ event: 12006 }, "sign-in-cancelled", "Connexion à Microsoft 365 annulée : aucun message n'a été envoyé."],
    [
      { event: 12002 },
      "sign-in-failed",
      "La fenêtre de connexion à Microsoft 365 s'est fermée (code 12002). Réessayez.",
    ],
    [
      { openError: { code: 12007, message: "Une boîte de dialogue est déjà ouverte." } },
      "sign-in-failed",
      "Word n'a pas pu ouvrir la fenêtre de connexion à Microsoft 365 (Une boîte de dialogue est déjà ouverte.). Autorisez les fenêtres du complément puis réessayez.",
    ],
    [
      { message: JSON.stringify({ ok: false, error: "consent_required" }) },
      "sign-in-failed",
      "Connexion à Microsoft 365 impossible (consent_required). Vérifiez que votre compte a une boîte aux lettres Exchange Online et que l'administrateur a autorisé Courriers ENT à envoyer du courrier (Mail.Send).",
    ],
    [
      { message: JSON.stringify({ ok: false, error: "user_cancelled" }) },
      "sign-in-cancelled",
      "Connexion à Microsoft 365 annulée : aucun message n'a été envoyé.",
    ],
    [{ message: "pas du JSON" }, "sign-in-failed", "Connexion à Microsoft 365 impossible (réponse illisible)."],
  ])("%j ends the sign-in with %s, in French", async (dialog, code, message) => {
    installWordMock({ dialogs: [dialog] });
    const failure = await signIn("3f5d2c1a-8b7e-4d6f-9a0b-1c2d3e4f5a6b").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MailError);
    expect((failure as MailError).code).toBe(code);
    expect((failure as MailError).message.startsWith(message.replace(/\.$/, ""))).toBe(true);
  });
});

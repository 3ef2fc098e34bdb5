/**
 * @jest-environment ./test/helpers/jsdom-environment.js
 */
// Step 5 "Envoyer par courriel" in a DOM over the strict Word mock: the message without a
// client id; with one, who gets a message and who gets paper, a subject naming an unknown
// field, sign-in through the Office dialog, a run against the local Graph fake (fetch is
// pointed at it), pause and resume, the journal offered and refused when unreadable, and
// forgotten with the data.
import { readyLetter } from "../fixtures";
import { installWordMock, MockOptions, WordHost } from "./word-mock";
import { $, BODY, flush, objectUrls, text } from "./pane-dom";
import { FakeGraph, startFakeGraph } from "../helpers/fake-graph";
import { CSV, WITH_ADDRESS } from "../helpers/mail-people";
import { bodyOoxmlOf } from "../helpers/body-ooxml";

const CLIENT_ID = "3f5d2c1a-8b7e-4d6f-9a0b-1c2d3e4f5a6b";
const SIGNED_IN = JSON.stringify({ ok: true, token: "jeton-1", username: "secretariat@college.example" });

async function until(what: () => boolean, label: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (what()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`jamais vrai : ${label}`);
}
const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
  // The pane's fetch reaches Graph's address; here, the local fake.
  (globalThis as { fetch?: unknown }).fetch = (url: string, init: Parameters<FakeGraph["post"]>[1]) =>
    graph.post(url.replace("https://graph.microsoft.com/v1.0", graph.url), init);
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.sent.length = 0;
  graph.delayMs = 0;
});
afterEach(() => delete (globalThis as { ADDIN_CLIENT_ID?: string }).ADDIN_CLIENT_ID);

async function openPane(clientId: string | undefined, options: MockOptions = {}): Promise<WordHost> {
  document.body.innerHTML = BODY;
  if (clientId) (globalThis as { ADDIN_CLIENT_ID?: string }).ADDIN_CLIENT_ID = clientId;
  const host = installWordMock({ file: readyLetter("parents"), ...options });
  // A fresh registry rather than isolateModules: the step's chunk is required later, and must
  // share the pane's modules (its errors are the pane's CourriersError).
  jest.resetModules();
  require("../../src/taskpane/taskpane");
  await flush();
  return host;
}

async function loadFile(input: string, name: string, content: string): Promise<void> {
  const el = $<HTMLInputElement>(input);
  Object.defineProperty(el, "files", { value: [new File([content], name)], configurable: true });
  el.dispatchEvent(new Event("change"));
  await flush();
}

async function openMailStep(): Promise<void> {
  $("mail-toggle").click();
  await until(() => !$("mail-ready").hidden, "étape 5 prête");
}

/** Clicks a sending button (the mock's letter has its pink passages completed: no question). */
async function start(id: string): Promise<void> {
  $(id).click();
  await flush();
  expect($("confirm-replace").hidden).toBe(true);
}

describe("step 5 without a client id", () => {
  it("explains that sending needs Microsoft 365, who can turn it on, and the paper way", async () => {
    await openPane(undefined);
    await loadFile("file-input", "parents.csv", CSV);
    $("mail-toggle").click();
    await flush();
    // For a secretary: who to ask, and the paper alternative; no command line, no README.
    expect(text("mail-unavailable")).toContain("Demandez à l'administrateur informatique de l'établissement");
    expect(text("mail-unavailable")).toContain("créez les courriers (étape 4) et imprimez-les");
    expect(text("mail-unavailable")).not.toMatch(/courriers-ent|README|--/);
    expect($("mail-ready").hidden).toBe(true);
    expect(text("privacy")).toBe("Vos données restent sur cet ordinateur : rien n'est envoyé ni enregistré.");
  });
});

describe("step 5 in Word 2016/2019's panes (no Web Crypto: Internet Explorer 11, Edge Legacy)", () => {
  const crypto = globalThis.crypto;
  afterEach(() => Object.defineProperty(globalThis, "crypto", { value: crypto, configurable: true }));

  it("says in French that e-mail cannot be sent from this Word, and never loads the sign-in", async () => {
    Object.defineProperty(globalThis, "crypto", { value: {}, configurable: true });
    const host = await openPane(CLIENT_ID, { dialogs: [{ message: SIGNED_IN }] });
    await loadFile("file-input", "parents.csv", CSV);
    $("mail-toggle").click();
    await flush();
    expect(text("mail-unavailable")).toMatch(/^L'envoi par courriel n'est pas disponible dans cette version de Word/);
    expect($("mail-ready").hidden).toBe(true);
    expect(host.log.of("UI.displayDialogAsync")).toEqual([]);
  });
});

describe("step 5 with a client id", () => {
  it("asks for the file first, then lists who gets a message and who gets paper", async () => {
    await openPane(CLIENT_ID);
    expect(text("privacy")).toContain("seuls partent les courriels que vous envoyez");
    $("mail-toggle").click();
    await until(() => text("mail-unavailable").includes("Choisissez d'abord"), "fichier demandé");
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    expect(text("mail-recipients")).toBe("4 messages à envoyer ; 3 personnes sans adresse : courrier papier.");
    expect(text("mail-paper-summary")).toBe("Sans courriel (3) : à imprimer");
    expect($("mail-paper-list").children).toHaveLength(3);
    // Under a minute the pace needs no word (the step keeps to Word's pane).
    expect($("mail-limits").hidden).toBe(true);
    expect($<HTMLInputElement>("mail-subject").value).toBe("Vos identifiants pour l'ENT du collège");
    expect(text("mail-send")).toBe("Envoyer les 4 messages");
    expect($<HTMLButtonElement>("mail-send").disabled).toBe(false);
  });

  it("refuses a subject naming a field the export lacks, and an empty subject", async () => {
    await openPane(CLIENT_ID);
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    const subject = $<HTMLInputElement>("mail-subject");
    subject.value = "Identifiants de {Surnom}";
    subject.dispatchEvent(new Event("input"));
    await flush();
    expect(text("mail-subject-error")).toContain("L'objet du message utilise « Surnom »");
    expect(subject.getAttribute("aria-invalid")).toBe("true");
    expect($<HTMLButtonElement>("mail-send").disabled).toBe(true);
    subject.value = "  ";
    subject.dispatchEvent(new Event("input"));
    await flush();
    expect(text("mail-subject-error")).toBe("Indiquez l'objet du message.");
  });

  it("renders step 5 alone on each keystroke in the subject: the other steps' controls stay as they are", async () => {
    await openPane(CLIENT_ID);
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    const person = $("people-list").firstElementChild;
    const column = document.querySelector("#columns-body select");
    const paper = $("paper-count").firstChild;
    expect(person).not.toBeNull();
    expect(column).not.toBeNull();
    const subject = $<HTMLInputElement>("mail-subject");
    subject.focus();
    subject.value = "Vos identifiants, {Prénom}";
    subject.dispatchEvent(new Event("input"));
    await flush();
    expect($("people-list").firstElementChild).toBe(person);
    expect(document.querySelector("#columns-body select")).toBe(column);
    expect($("paper-count").firstChild).toBe(paper);
    expect(document.activeElement).toBe(subject);
    expect(text("mail-subject-error")).toBe("");
  });

  it("signs in through the Office dialog, sends each message once, pauses, offers the journal, and forgets it with the data", async () => {
    const host = await openPane(CLIENT_ID, { dialogs: [{ message: SIGNED_IN }] });
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    graph.delayMs = 150;
    await start("mail-send");
    await until(() => text("mail-counts").startsWith("Acceptés : 1 "), "un message envoyé");
    $("mail-pause").click();
    await flush();
    expect(text("mail-pause")).toBe("Reprendre");
    await until(() => text("mail-counts").endsWith("en pause"), "en pause");
    const during = graph.sent.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(graph.sent.length).toBe(during);
    $("mail-pause").click();
    await until(() => text("mail-status").startsWith("4 messages acceptés par Microsoft 365."), "fin de l'envoi");
    expect(graph.sent.map((m) => m.to).sort()).toEqual(WITH_ADDRESS.map((p) => p[7]).sort());
    expect(host.log.calls.filter((c) => c.api === "UI.displayDialogAsync")).toHaveLength(1);
    expect($("mail-journal-download").hidden).toBe(false);
    expect($("mail-journal-link").getAttribute("download")).toBe("envoi-parents.jsonl");
    const journal = await blobText(objectUrls[objectUrls.length - 1]);
    expect(
      journal
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).login),
    ).toHaveLength(4);
    expect(text("mail-recipients")).toBe(
      "0 message à envoyer ; 4 déjà envoyés (journal) ; 3 personnes sans adresse : courrier papier.",
    );
    // Never « Envoyer les 0 »: the button says there is nothing left.
    expect(text("mail-send")).toBe("Aucun message à envoyer");
    expect($("mail-run-controls").hidden).toBe(true);
    // The closed step says what was done.
    $("merge-toggle").click();
    await flush();
    expect(text("mail-outline")).toBe("4 messages envoyés");
    // "Effacer les données": the pane forgets the journal (it names people); the document
    // keeps its own, so that the same file chosen again sends nobody twice.
    $("data-toggle").click();
    await flush();
    $("clear-data").click();
    await flush();
    expect($("mail-journal-download").hidden).toBe(true);
    expect(text("mail-outline")).toBe("");
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    expect(text("mail-recipients")).toBe(
      "0 message à envoyer ; 4 déjà envoyés (journal) ; 3 personnes sans adresse : courrier papier.",
    );
  });

  it("opens the sign-in window first thing on the click (a window opened after Word's answers would be blocked), and once", async () => {
    const host = await openPane(CLIENT_ID, { dialogs: [{ message: SIGNED_IN }] });
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    const before = host.log.calls.length;
    await start("mail-send");
    await until(() => text("mail-status").startsWith("4 messages acceptés"), "fin");
    const after = host.log.calls.slice(before).map((c) => c.api);
    expect(after.indexOf("UI.displayDialogAsync")).toBeGreaterThanOrEqual(0);
    expect(after.indexOf("UI.displayDialogAsync")).toBeLessThan(after.indexOf("Document.getFileAsync"));
    expect(after.filter((a) => a === "UI.displayDialogAsync")).toHaveLength(1);
  });

  it("keeps the journal in the document after each message: closed mid-run and opened again, it resumes and sends nobody twice", async () => {
    const host = await openPane(CLIENT_ID, { dialogs: [{ message: SIGNED_IN }] });
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    graph.delayMs = 300;
    await start("mail-send");
    await until(() => text("mail-counts").startsWith("Acceptés : 2 "), "deux messages acceptés");
    // Before the pane goes, the browser asks (beforeunload).
    const leaving = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
    // The pane goes: the page stops (here: cancelled, then the page replaced).
    $("mail-cancel").click();
    await until(() => text("mail-status").startsWith("Envoi annulé"), "arrêté");
    const first = graph.sent.map((m) => m.to);
    const lines = (host.doc.settings["courriersEnt.envois"] as { lines: string[] }).lines;
    expect(lines.map((l) => JSON.parse(l).to)).toEqual(first);
    expect(lines.join("\n")).not.toMatch(/motdepasse|password/i);

    await openPane(CLIENT_ID, { dialogs: [{ message: SIGNED_IN }], settings: host.doc.settings });
    expect($("mail-resume").hidden).toBe(false);
    expect(text("mail-resume")).toMatch(
      new RegExp(
        `^Un envoi par courriel est parti de ce document \\(${first.length} messages?, le dernier le \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\\)\\. Pour le reprendre, choisissez le même fichier exporté : personne ne recevra son message deux fois\\.$`,
      ),
    );
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    expect($("mail-resume").hidden).toBe(true);
    expect(text("mail-recipients")).toMatch(new RegExp(`^${4 - first.length} messages? à envoyer ; `));
    graph.delayMs = 0;
    await start("mail-send");
    await until(
      () => text("mail-status").includes("acceptés par Microsoft 365") || text("mail-status").includes("accepté par"),
      "fin",
    );
    const all = graph.sent.map((m) => m.to);
    expect(all.sort()).toEqual(WITH_ADDRESS.map((p) => p[7]).sort());
    expect(new Set(all).size).toBe(all.length);
  });

  it("aborts the request in flight on « Annuler », journals it « incertain », and resends it only when asked", async () => {
    await openPane(CLIENT_ID, { dialogs: [{ message: SIGNED_IN }] });
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    graph.afterAccept.push("hang");
    await start("mail-send");
    await until(() => graph.sent.length === 1, "la requête est partie");
    $("mail-cancel").click();
    await until(() => text("mail-status").startsWith("Envoi annulé"), "annulé sans attendre la réponse");
    expect(text("mail-status")).toContain("1 message incertain : Microsoft 365 ne l'a pas confirmé (voir la liste).");
    expect(text("mail-recipients")).toBe(
      "3 messages à envoyer ; 1 incertain (voir ci-dessous) ; 3 personnes sans adresse : courrier papier.",
    );
    expect($("mail-uncertain").hidden).toBe(false);
    expect(text("mail-uncertain-summary")).toBe("Messages incertains (1)");
    const uncertain = graph.sent[0].to;
    expect(text("mail-uncertain-list")).toContain(`<${uncertain}>`);
    // The run sends the others, never the uncertain one.
    await start("mail-send");
    await until(() => text("mail-status").startsWith("3 messages acceptés"), "les autres");
    expect(graph.sent.filter((m) => m.to === uncertain)).toHaveLength(1);
    // Asked, after a question, it goes again.
    $("mail-resend-uncertain").click();
    await until(() => !$("confirm-replace").hidden, "question");
    expect(text("confirm-replace-text")).toBe(
      "1 personne a peut-être déjà reçu son message. Le renvoyer quand même ? Ne le faites qu'après avoir vérifié qu'il n'est pas arrivé.",
    );
    $("confirm-replace-yes").click();
    await until(() => text("mail-status").startsWith("1 message accepté"), "renvoyé");
    expect(graph.sent.filter((m) => m.to === uncertain)).toHaveLength(2);
    expect($("mail-uncertain").hidden).toBe(true);
  });

  it("says « accepté », not delivered, with what to do about bounces; Sent Items only when ticked", async () => {
    await openPane(CLIENT_ID, { dialogs: [{ message: SIGNED_IN }] });
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    expect($<HTMLInputElement>("mail-sent-items").checked).toBe(false);
    expect(text("mail-sent-items-help")).toContain("chaque message contient le mot de passe de la personne");
    await start("mail-send");
    await until(() => text("mail-status").startsWith("4 messages acceptés"), "fin");
    expect(text("mail-status")).toContain(
      "Un message accepté peut encore revenir « non remis » dans votre boîte de réception (adresse erronée, boîte pleine) : remettez alors le courrier papier.",
    );
    expect(graph.sent.map((m) => m.saveToSentItems)).toEqual([false, false, false, false]);
    graph.sent.length = 0;
    $<HTMLInputElement>("mail-sent-items").checked = true;
    $("mail-resend-uncertain").click(); // nothing uncertain: does nothing
    $("mail-sample").click();
    await until(() => text("mail-status").startsWith("Exemple accepté"), "exemple");
    expect(graph.sent.map((m) => m.saveToSentItems)).toEqual([true]);
  });

  it("names the footer Word could not give (getFileAsync failed) and sends nothing unless told to", async () => {
    const footer = "Courrier personnel et confidentiel";
    await openPane(CLIENT_ID, {
      dialogs: [{ message: SIGNED_IN }],
      file: null,
      ooxml: bodyOoxmlOf(readyLetter("parents")),
      headerFooter: { "footer:Primary": footer },
    });
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    $("mail-send").click();
    await until(() => !$("confirm-replace").hidden, "question posée");
    expect(text("confirm-replace-text")).toBe(
      `Word n'a fourni que le corps du courrier : pied de page « ${footer} » manque dans les messages. Envoyer quand même ?`,
    );
    $("confirm-replace-no").click();
    await flush();
    expect(graph.sent).toEqual([]);
    $("mail-send").click();
    await until(() => !$("confirm-replace").hidden, "question posée");
    $("confirm-replace-yes").click();
    await until(() => text("mail-status").startsWith("4 messages acceptés par Microsoft 365."), "fin de l'envoi");
    expect(graph.sent).toHaveLength(4);
  });

  it("cancels a run between two messages and says how many did not go", async () => {
    await openPane(CLIENT_ID, { dialogs: [{ message: SIGNED_IN }] });
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    graph.delayMs = 200;
    await start("mail-send");
    await until(() => text("mail-counts").startsWith("Acceptés : 1 "), "un message envoyé");
    $("mail-cancel").click();
    await until(() => text("mail-status").startsWith("Envoi annulé"), "annulé");
    expect(text("mail-status")).toMatch(
      /^Envoi annulé : [12] messages? acceptés? par Microsoft 365, [23] non envoyés\./,
    );
  });

  it("names an unreadable journal in French and keeps going", async () => {
    await openPane(CLIENT_ID);
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    await loadFile("mail-journal", "envoi-parents.jsonl", 'pas du json\n{"login":"a","to":"a@example.test"}\n');
    await until(() => !$("message").hidden, "erreur affichée");
    expect(text("message")).toBe(
      "Le journal d'envoi « envoi-parents.jsonl » est illisible à la ligne 1. Ne le modifiez pas à la main ; s'il n'appartient pas à cet envoi, choisissez le journal de cet envoi.",
    );
    expect(text("mail-recipients")).toContain("4 messages à envoyer");
  });

  it("loads a journal back: those it lists are not sent again", async () => {
    await openPane(CLIENT_ID);
    await loadFile("file-input", "parents.csv", CSV);
    await openMailStep();
    const [first, second] = WITH_ADDRESS;
    const lines = [first, second].map((p) =>
      JSON.stringify({ login: p[2], to: p[7], messageId: "", at: "2026-09-01T08:00:00.000Z" }),
    );
    await loadFile("mail-journal", "envoi-parents.jsonl", `${lines.join("\n")}\n`);
    await until(() => text("mail-status").includes("chargé"), "journal chargé");
    expect(text("mail-status")).toBe(
      "Journal « envoi-parents.jsonl » chargé : 2 messages déjà envoyés, qui ne repartiront pas.",
    );
    expect(text("mail-recipients")).toBe(
      "2 messages à envoyer ; 2 déjà envoyés (journal) ; 3 personnes sans adresse : courrier papier.",
    );
  });
});

/**
 * @jest-environment ./test/helpers/jsdom-environment.js
 */
// The pane's view code in a DOM (jsdom) over the strict Word mock: what a secretary sees after
// each action, including the failures a user meets (a restore that fails, Word refusing to
// open the letters, the pane closed during the preview).
import { strFromU8, unzipSync } from "fflate";
import * as fs from "fs";
import { exportPath, readyLetter } from "../fixtures";
import { installWordMock, MockOptions, WordHost } from "./word-mock";
import { makeXlsx } from "../unit/helpers/xlsx";
import { $, BODY, flush, text } from "./pane-dom";

const PARENTS_CSV = fs.readFileSync(exportPath("moncollege-parents.csv"));
/** The ready letter's ENT address is still the model: the merge says, as the command line does, that no QR code is printed. */
const NO_QR =
  "Codes QR non imprimés : l'adresse de l'ENT du courrier n'est pas complétée (passage rose « adresse de l'ENT »). Complétez-la, ou indiquez l'adresse des codes QR (dans le volet, « Adresse des codes QR » ; en ligne de commande, --qr-url).";

async function openPane(options: MockOptions = {}): Promise<WordHost> {
  document.body.innerHTML = BODY;
  const host = installWordMock({ file: readyLetter("parents"), ...options });
  jest.isolateModules(() => require("../../src/taskpane/taskpane"));
  await flush();
  return host;
}

async function loadFile(name: string, bytes: Uint8Array): Promise<void> {
  const input = $<HTMLInputElement>("file-input");
  // Node's File: jsdom's has no arrayBuffer().
  Object.defineProperty(input, "files", { value: [new File([bytes as BlobPart], name)], configurable: true });
  input.dispatchEvent(new Event("change"));
  await flush();
}

async function click(id: string): Promise<void> {
  $(id).click();
  await flush();
}

function choose(id: string, ...values: string[]): Promise<void> {
  const select = $<HTMLSelectElement>(id);
  for (const o of select.options) o.selected = values.includes(o.value);
  select.dispatchEvent(new Event("change"));
  return flush();
}

describe("the pane, step by step", () => {
  it("says Word is ready, then reads the export and says what it found", async () => {
    await openPane();
    expect(text("host-status")).toBe("Word prêt (PC).");
    expect($("data-summary").hidden).toBe(true);
    await loadFile("parents.csv", PARENTS_CSV);
    expect(text("file-line")).toBe("parents.csv — Windows-1252, séparateur point-virgule (;) — 40 comptes lus");
    expect(text("profile-counts")).toBe("Parents : 40");
    expect(text("letter-count")).toBe("40 courriers seront créés.");
    expect($("data-summary").hidden).toBe(false);
    expect(text("problems-summary")).toMatch(/^Aucune ligne écartée|lignes? écartées?/);
  });

  it("says again, at Fusion and before a file too big is even read, what the user must weigh", async () => {
    await openPane();
    // A workbook whose passwords Excel holds as numbers, one row set aside.
    const xlsx = makeXlsx([
      [{ s: "Nom" }, { s: "Prénom" }, { s: "Login" }, { s: "Mot de passe" }],
      [{ s: "A" }, { s: "Zoé" }, { s: "zoe.a" }, { n: 1000 }],
      [{ s: "B" }, { s: "Léo" }, { s: "" }, { n: 2000 }],
    ]);
    await loadFile("comptes.xlsx", xlsx);
    expect($("merge-file-notes").hidden).toBe(false);
    expect(text("merge-file-notes")).toContain(
      "1 ligne du fichier écartée : pas de courrier pour cette personne (voir « Données »).",
    );
    expect(text("merge-file-notes")).toContain(
      "Attention : dans « comptes.xlsx », la colonne « Mot de passe » contient des nombres",
    );
    // A file above the limit is refused from its size, its bytes never read.
    const input = $<HTMLInputElement>("file-input");
    const huge = { name: "enorme.csv", size: 60 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error("lu")) };
    Object.defineProperty(input, "files", { value: [huge], configurable: true });
    input.dispatchEvent(new Event("change"));
    await flush();
    expect(text("message")).toMatch(/^« enorme\.csv » fait 60,0 Mo : c'est bien plus qu'un export de comptes/);
  });

  it("filters by level, class, profile and account state, and counts the letters", async () => {
    await openPane();
    await loadFile("parents.csv", PARENTS_CSV);
    const levels = [...$<HTMLSelectElement>("level-filter").options].map((o) => o.value);
    expect(levels[0]).toBe("");
    await choose("level-filter", "6EME");
    const sixth = Number(/^(\d+)/.exec(text("letter-count"))![1]);
    expect(sixth).toBeGreaterThan(0);
    expect(sixth).toBeLessThan(40);
    await choose("level-filter", "");
    expect(text("letter-count")).toBe("40 courriers seront créés.");
    const allClasses = () => $("class-filters").querySelector<HTMLInputElement>("input[data-all]")!;
    expect(allClasses().parentElement!.textContent).toBe("Toutes (40)");
    expect(allClasses().checked).toBe(true);
    const firstClass = $("class-filters").querySelector<HTMLInputElement>("input:not([data-all])")!;
    expect(firstClass.parentElement!.textContent).toMatch(/^\S+ \(\d+\)$/);
    firstClass.click();
    await flush();
    expect(Number(/^(\d+)/.exec(text("letter-count"))![1])).toBeLessThan(40);
    expect(allClasses().checked).toBe(false);
    // « Toutes » unticks the classes ticked: every class again.
    allClasses().click();
    await flush();
    expect(allClasses().checked).toBe(true);
    expect($("class-filters").querySelectorAll("input:checked")).toHaveLength(1);
    expect(text("letter-count")).toBe("40 courriers seront créés.");
    const parent = $("profile-filters").querySelector<HTMLInputElement>('input[value="parent"]')!;
    parent.click();
    await flush();
    expect($("profile-filters").querySelector<HTMLInputElement>('input[value="parent"]')!.checked).toBe(true);
    expect($("profile-filters").querySelector<HTMLInputElement>("input[data-all]")!.checked).toBe(false);
    expect(text("letter-count")).toBe("40 courriers seront créés.");
    await choose("sort-select", "name");
    expect($<HTMLSelectElement>("sort-select").value).toBe("name");
  });

  it("refuses a file that is not an export, in French, naming it", async () => {
    await openPane();
    await loadFile("photo.png", new Uint8Array([1, 2, 3]));
    expect(text("message")).toContain("« photo.png » n'est pas un export de l'ENT");
    await loadFile("rentree.csv", new TextEncoder().encode("%PDF-1.4"));
    expect(text("message")).toContain("« rentree.csv » est un document PDF");
    expect($("message").hidden).toBe(false);
  });

  it("forgets everything read from the file on « Effacer les données », problems included", async () => {
    await openPane();
    const withProblem = "Nom;Prénom;Login;Mot de passe\nA;B;a.b;X1\nC;D;;Y2\n";
    await loadFile("pb.csv", new TextEncoder().encode(withProblem));
    expect(text("problems-list")).toContain("Ligne 3");
    await click("clear-data");
    for (const id of [
      "file-line",
      "profile-counts",
      "problems-list",
      "problems-summary",
      "columns-body",
      "letter-count",
    ])
      expect(text(id)).toBe("");
    expect($("data-summary").hidden).toBe(true);
    expect(document.activeElement?.id).toBe("file-input");
  });

  it("lists the people kept, searchable, each with a box to untick", async () => {
    await openPane();
    await loadFile("parents.csv", PARENTS_CSV);
    expect($("people-list").querySelectorAll("input")).toHaveLength(40);
    const query = $<HTMLInputElement>("people-query");
    query.value = "morel";
    query.dispatchEvent(new Event("input"));
    const found = [...$("people-list").querySelectorAll("label")];
    expect(found.map((l) => l.textContent)).toEqual([expect.stringMatching(/^MOREL Œlise — lise\.morel/)]);
    found[0].querySelector("input")!.click();
    await flush();
    expect(text("letter-count")).toBe("39 courriers seront créés.");
    expect(text("people-summary")).toBe("Personnes retenues : 39 sur 40 (1 décochée)");
    expect(text("merge-start")).toBe("Créer les 39 courriers");
    // One person left: the button says so in the singular.
    await loadFile("un.csv", new TextEncoder().encode("Nom;Prénom;Login;Mot de passe\nA;Zoé;zoe.a;PW1\n"));
    expect(text("merge-start")).toBe("Créer le courrier");
  });

  it("copies the list of problems, one per line, naming each person", async () => {
    await openPane();
    const csv = "Nom;Prénom;Login;Mot de passe\nN'DIAYE;Aïcha;aicha.ndiaye;\nB;Léo;l.b;x\n";
    await loadFile("pb.csv", new TextEncoder().encode(csv));
    let copied = "";
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: async (t: string) => void (copied = t) },
      configurable: true,
    });
    await click("problems-copy");
    expect(copied).toMatch(/^Ligne 2 \(N'DIAYE Aïcha, aicha\.ndiaye\) : « Mot de passe » vide/);
    expect(text("problems-copied")).toContain("Liste copiée");
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: async () => Promise.reject(new Error("refusé")) },
      configurable: true,
    });
    await click("problems-copy");
    expect(text("problems-copied")).toContain("copiez-la avec Ctrl+C");
  });

  it("lets the user choose which column fills a field", async () => {
    await openPane();
    await loadFile("parents.csv", PARENTS_CSV);
    const select = [...$("columns-body").querySelectorAll("select")].find(
      (s) => s.getAttribute("aria-label") === "Champ rempli par la colonne Élève",
    )!;
    expect(select.value).toBe("children");
    select.value = "";
    select.dispatchEvent(new Event("change"));
    await flush();
    const labels = [...$("field-buttons").querySelectorAll("button")].map((b) => b.textContent);
    expect(labels).toContain("Élève");
    expect(labels).not.toContain("Enfant(s)");
  });

  it("inserts a ready letter, repairs its tags and reports the pink passages", async () => {
    const host = await openPane({ apiVersion: "1.5", resetTagsOnInsert: true });
    await loadFile("parents.csv", PARENTS_CSV);
    $("ready-letters").querySelector<HTMLButtonElement>('[data-letter="parents"]')!.click();
    await flush();
    expect(host.log.of("Document.insertFileFromBase64")).toHaveLength(1);
    expect(host.doc.controls.filter((c) => c.tag === "ent:password")).toHaveLength(1);
    expect(text("document-report")).toContain("Champs utilisés :");
    expect(text("document-report")).toContain("Mot de passe");
    expect(text("document-report")).toContain("Passages en rose à compléter");
    // Every field the letter uses, nested ones included, and its conditional passages.
    const items = [...$("document-report").querySelectorAll("ul")].map((ul) =>
      [...ul.querySelectorAll("li")].map((li) => li.textContent),
    );
    expect(items[0]).toEqual(expect.arrayContaining(["Prénom", "Nom", "Enfant(s)", "Classe", "Login", "Mot de passe"]));
    expect(items[1]).toEqual(
      expect.arrayContaining([
        "Si le compte n'est pas encore activé",
        "Si le compte est déjà activé",
        "Si le code QR est imprimé",
      ]),
    );
  });

  it("preselects a ready letter's audience and says how many accounts it leaves out", async () => {
    await openPane({ apiVersion: "1.5" });
    await loadFile("entng-export.csv", fs.readFileSync(exportPath("entng-export.csv")));
    const all = Number(/\d+/.exec(text("merge-start").replace(/\s/g, ""))![0]);
    expect($("merge-audience").hidden).toBe(true);
    $("ready-letters").querySelector<HTMLButtonElement>('[data-letter="parents"]')!.click();
    await flush();
    const checked = [...$("profile-filters").querySelectorAll<HTMLInputElement>("input:checked")].map((b) => b.value);
    expect(checked).toEqual(["parent"]);
    const parents = Number(/\d+/.exec(text("merge-start").replace(/\s/g, ""))![0]);
    expect(parents).toBeLessThan(all);
    expect($("merge-audience").hidden).toBe(false);
    expect(text("merge-audience").replace(/\s/g, " ")).toContain(
      `${parents} courriers pour les parents ; ${all - parents} autres comptes ne sont pas concernés par ce courrier`,
    );
  });

  it("makes the selection a conditional passage from the condition chosen", async () => {
    const host = await openPane({ selectedText: "Parent de «Enfant(s)»" });
    const select = $<HTMLSelectElement>("condition-select");
    const option = [...select.options].find((o) => o.textContent === "si « Enfant(s) » est rempli")!;
    select.value = option.value;
    await click("conditional-insert");
    expect(host.doc.controls.at(-1)).toMatchObject({ tag: "ent:if:children", title: "Si « Enfant(s) » est rempli" });
    expect(text("message")).toBe("");
  });

  it("inserts the QR code's place at the cursor", async () => {
    const host = await openPane();
    const qr = [...$("field-buttons").querySelectorAll("button")].find((b) => b.textContent === "Code QR")!;
    qr.click();
    await flush();
    expect(host.doc.controls.map((c) => [c.tag, c.title, c.text])).toEqual([["ent:qr", "Code QR", "«Code QR»"]]);
  });

  it("inserts a field at the cursor from its button", async () => {
    const host = await openPane();
    await loadFile("parents.csv", PARENTS_CSV);
    const login = [...$("field-buttons").querySelectorAll("button")].find((b) => b.textContent === "Login")!;
    expect(login.disabled).toBe(false);
    login.click();
    await flush();
    expect(host.doc.controls.map((c) => c.tag)).toEqual(["ent:login"]);
  });
});

describe("the preview", () => {
  const fields = [
    { tag: "ent:login", text: "«Login»" },
    { tag: "ent:password", text: "«Mot de passe»" },
  ];

  it("shows the person's QR code once the letter has the ENT's address, and puts «Code QR» back", async () => {
    const qrFields = [
      { tag: "ent:edit:adresse-ent", text: "https://ent.college.fr" },
      { tag: "ent:qr", text: "«Code QR»" },
    ];
    const host = await openPane({ controls: qrFields });
    await loadFile("parents.csv", PARENTS_CSV);
    await click("preview-start");
    const pictures = host.log.of("ContentControl.insertInlinePictureFromBase64");
    expect(pictures).toHaveLength(1);
    expect(pictures[0].args[1]).toBe("Replace");
    expect(Buffer.from(String(pictures[0].args[0]), "base64").subarray(1, 4).toString()).toBe("PNG");
    expect(host.doc.controls[1].picture).toBe(pictures[0].args[0]);
    await click("preview-stop");
    expect(host.doc.controls[1]).toMatchObject({ text: "«Code QR»" });
    expect(host.doc.controls[1].picture).toBeUndefined();
  });

  it("says in the QR code's place that the ENT's address is to complete while it is the model", async () => {
    const host = await openPane({
      controls: [
        { tag: "ent:edit:adresse-ent", text: "https://ent.exemple.fr" },
        { tag: "ent:qr", text: "«Code QR»" },
      ],
    });
    await loadFile("parents.csv", PARENTS_CSV);
    await click("preview-start");
    expect(host.log.of("ContentControl.insertInlinePictureFromBase64")).toHaveLength(0);
    expect(host.doc.controls[1].text).toBe("«Code QR : complétez l'adresse de l'ENT»");
  });

  it("shows one person, moves on, finds another and restores the field names", async () => {
    const host = await openPane({ controls: fields });
    await loadFile("parents.csv", PARENTS_CSV);
    await choose("sort-select", "file");
    await click("preview-start");
    expect(text("preview-position")).toBe("1 / 40");
    expect(host.doc.controls[0].text).not.toBe("«Login»");
    const first = text("preview-person");
    await click("preview-next");
    expect(text("preview-position")).toBe("2 / 40");
    expect(text("preview-person")).not.toBe(first);
    await click("preview-prev");
    await click("preview-prev");
    expect(text("preview-position")).toBe("40 / 40");
    $<HTMLInputElement>("preview-query").value = "Œlise Morel";
    $("preview-search").dispatchEvent(new Event("submit"));
    await flush();
    expect(text("preview-person")).toContain("lise.morel");
    // The document shows the password masked; the pane shows it in full.
    expect(host.doc.controls[1].text).toBe("••••••••");
    expect(text("preview-password")).toBe("EGX0HBcr");
    expect($("preview-password-warning").hidden).toBe(true);
    $<HTMLInputElement>("preview-show-password").checked = true;
    $("preview-show-password").dispatchEvent(new Event("change"));
    await flush();
    expect($("preview-password-warning").hidden).toBe(false);
    expect(host.doc.controls[1].text).toBe("EGX0HBcr");
    $<HTMLInputElement>("preview-query").value = "personne";
    $("preview-search").dispatchEvent(new Event("submit"));
    await flush();
    expect(text("message")).toBe("Personne ne correspond à « personne » parmi les courriers choisis.");
    await click("preview-stop");
    expect(text("preview-position")).toBe("– / 40");
    expect(host.doc.controls.map((c) => c.text)).toEqual(["«Login»", "«Mot de passe»"]);
    expect($<HTMLButtonElement>("preview-stop").disabled).toBe(true);
  });

  it("reprints one person's letter from the preview (the lost-letter case)", async () => {
    const host = await openPane({ controls: fields });
    await loadFile("parents.csv", PARENTS_CSV);
    expect($<HTMLButtonElement>("preview-only").disabled).toBe(true);
    await click("preview-start");
    await click("preview-next");
    const person = text("preview-person");
    await click("preview-only");
    expect(host.doc.created).toHaveLength(1);
    const xml = strFromU8(unzipSync(Buffer.from(host.doc.created[0], "base64"))["word/document.xml"]);
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(1);
    expect(xml).toContain(`>${/\(([^)]+)\)/.exec(person)![1]}<`);
    expect(text("merge-status")).toBe(
      `1 courrier créé : il est ouvert dans un nouveau document Word, prêt à imprimer. ${NO_QR}`,
    );
    expect(text("preview-position")).toMatch(/^– \//);
    expect(host.doc.controls.map((c) => c.text)).toEqual(["«Login»", "«Mot de passe»"]);
  });

  it("asks, on opening, before putting back the values a previous preview recorded, and says so", async () => {
    const left = fields.map((f) => ({ ...f, text: f.tag === "ent:password" ? "EGX0HBcr" : f.text }));
    const host = await openPane({ controls: left, settings: { "courriersEnt.apercu": { ids: [1000, 1001] } } });
    expect(text("confirm-replace-text")).toBe(
      "Un aperçu n'a pas été terminé : un champ de ce document montre encore les valeurs d'une personne. Remettre les noms des champs ?",
    );
    expect(host.doc.controls.map((c) => c.text)).toEqual(["«Login»", "EGX0HBcr"]);
    await click("confirm-replace-yes");
    expect(host.doc.controls.map((c) => c.text)).toEqual(["«Login»", "«Mot de passe»"]);
    expect(text("message")).toContain("Les noms des champs ont été remis (un champ).");
  });

  it("opens on merged letters with kept fields without asking or changing anything", async () => {
    const letters = fields.map((f, i) => ({ ...f, text: ["jean.dupont", "EGX0HBcr"][i] }));
    const host = await openPane({ controls: letters });
    expect($("confirm-replace").hidden).toBe(true);
    expect(host.doc.controls.map((c) => c.text)).toEqual(["jean.dupont", "EGX0HBcr"]);
    expect(host.log.of("ContentControl.insertText")).toEqual([]);
  });

  it.each([
    ["#262626", "dark"],
    ["#FFFFFF", "light"],
  ])("follows Office's theme (background %s: %s)", async (background, theme) => {
    await openPane({ themeBackground: background });
    expect(document.documentElement.dataset.theme).toBe(theme);
  });

  it("keeps waiting for a slow Word, saying so, and enables Word's buttons when it comes", async () => {
    jest.useFakeTimers();
    let ready: (info: { host: string; platform: string }) => void = () => undefined;
    const opening = openPane({ ready: new Promise((resolve) => (ready = resolve)) });
    await jest.advanceTimersByTimeAsync(10000);
    expect(text("host-status")).toContain("Word tarde à répondre");
    ready({ host: "Word", platform: "Mac" });
    jest.useRealTimers();
    await opening;
    await flush();
    expect(text("host-status")).toBe("Word prêt (Mac).");
  });

  it("stays on, says so and keeps « Quitter l'aperçu » when Word cannot restore the fields", async () => {
    const host = await openPane({ controls: fields });
    await loadFile("parents.csv", PARENTS_CSV);
    await click("preview-start");
    const shown = host.doc.controls[1].text;
    host.log.calls.length = 0;
    // From now on every write of a field fails.
    const failing = installWordMock({
      controls: host.doc.controls,
      fail: { "ContentControl.insertText": { code: "GeneralException", message: "Document verrouillé" } },
    });
    await click("preview-stop");
    expect(text("message")).toContain("Word n'a pas pu remettre les noms des champs");
    expect(text("message")).toContain("Document verrouillé");
    expect(text("preview-position")).toBe("1 / 40");
    expect($<HTMLButtonElement>("preview-stop").disabled).toBe(false);
    expect(failing.doc.controls[1].text).toBe(shown);
    // « Effacer les données » must not forget the file while the document still shows a person.
    await click("clear-data");
    expect(text("message")).toContain("Word n'a pas pu remettre les noms des champs");
    expect(text("file-line")).toContain("40 comptes lus");
  });

  it("puts the field names back when the pane is closed during the preview", async () => {
    const host = await openPane({ controls: fields });
    await loadFile("parents.csv", PARENTS_CSV);
    await click("preview-start");
    expect(host.doc.controls[0].text).not.toBe("«Login»");
    window.dispatchEvent(new Event("pagehide"));
    await flush();
    expect(host.doc.controls.map((c) => c.text)).toEqual(["«Login»", "«Mot de passe»"]);
  });

  it("leaves the preview before loading another file", async () => {
    const host = await openPane({ controls: fields });
    await loadFile("parents.csv", PARENTS_CSV);
    await click("preview-start");
    await loadFile("parents.csv", PARENTS_CSV);
    expect(host.doc.controls.map((c) => c.text)).toEqual(["«Login»", "«Mot de passe»"]);
  });
});

describe("creating the letters", () => {
  it("opens one new document and says how many letters it holds", async () => {
    const host = await openPane({ controls: [{ tag: "ent:login", text: "«Login»" }] });
    await loadFile("parents.csv", PARENTS_CSV);
    expect(text("merge-start")).toBe("Créer les 40 courriers");
    await click("merge-start");
    expect(host.doc.opened).toBe(1);
    expect(text("merge-status")).toBe(
      `40 courriers créés : ils sont ouverts dans un nouveau document Word, prêts à imprimer. ${NO_QR}`,
    );
    // A warning (no QR code) is not a success message.
    expect($("merge-status").className).toBe("status");
    expect($("merge-download").hidden).toBe(true);
  });

  it("groups the letters by class with a cover and a receipt sheet, or makes the receipts alone, saying the pages", async () => {
    const host = await openPane({ controls: [{ tag: "ent:login", text: "«Login»" }] });
    await loadFile("parents.csv", PARENTS_CSV);
    expect(text("paper-count")).toBe("40 courriers → 40 pages ; en cartes : 5 pages.");
    expect($<HTMLInputElement>("recto-verso").disabled).toBe(true);
    $<HTMLInputElement>("by-class").click();
    await flush();
    expect($<HTMLInputElement>("recto-verso").disabled).toBe(false);
    // Per class: one cover and one receipt page (fewer than 24 people each). A parent of
    // children in two classes has one letter, in the first child's class.
    const said = /^40 personnes, (\d+) classes → environ (\d+) pages à imprimer\.$/.exec(text("paper-count"))!;
    const classes = Number(said[1]);
    expect(Number(said[2])).toBe(40 + 2 * classes);
    await click("merge-start");
    const body = (b64: string) => strFromU8(unzipSync(Buffer.from(b64, "base64"))["word/document.xml"]);
    const bundled = body(host.doc.created[0]);
    expect(bundled.match(/liste d(&apos;|'|’)émargement \(/g)).toHaveLength(classes);
    expect(text("merge-status")).toMatch(new RegExp(`^40 courriers créés, en ${classes} liasses par classe`));
    $<HTMLInputElement>("receipts-only").click();
    await flush();
    expect(text("merge-start")).toBe("Créer les listes d'émargement");
    expect($<HTMLInputElement>("recto-verso").disabled).toBe(true);
    await click("merge-start");
    const receipts = body(host.doc.created[1]);
    expect(receipts.match(/liste d(&apos;|'|’)émargement \(/g)).toHaveLength(classes);
    expect(receipts).not.toContain("«Login»");
    expect(text("merge-status")).toMatch(new RegExp(`^Listes d'émargement de ${classes} classes créées`));
  });

  it("gives the QR codes the address pattern typed in « Codes QR… »", async () => {
    const host = await openPane({ controls: [{ tag: "ent:login", text: "«Login»" }] });
    await loadFile("parents.csv", PARENTS_CSV);
    $<HTMLInputElement>("qr-url").value = " https://ent.autre.fr/?u={login} ";
    await click("merge-start");
    const files = unzipSync(Buffer.from(host.doc.created[0], "base64"));
    expect(Object.keys(files).filter((f) => f.startsWith("word/media/ent-qr-"))).toHaveLength(40);
  });

  it("offers the .docx as a download when Word refuses to open it", async () => {
    const host = await openPane({
      fail: { "DocumentCreated.open": { code: "GeneralException", message: "Ouverture refusée" } },
    });
    await loadFile("parents.csv", PARENTS_CSV);
    await click("merge-start");
    expect(host.doc.opened).toBe(0);
    expect($("merge-download").hidden).toBe(false);
    expect(text("merge-status")).toContain("Ouverture refusée");
    expect(text("merge-status")).toContain("Téléchargez-les puis ouvrez le fichier dans Word.");
    expect($<HTMLAnchorElement>("download-link").href).toMatch(/^blob:/);
    await click("clear-data");
    expect($("merge-download").hidden).toBe(true);
  });

  it("warns about pink passages left unchanged, naming them, before creating the letters", async () => {
    const host = await openPane({
      controls: [
        { tag: "ent:login", text: "«Login»" },
        { tag: "ent:edit:signataire", text: "Le principal, Prénom NOM" },
      ],
    });
    await loadFile("parents.csv", PARENTS_CSV);
    await click("merge-start");
    expect($("confirm-replace").hidden).toBe(false);
    expect(text("confirm-replace-text")).toContain("Passages en rose non complétés : signataire.");
    expect(text("confirm-replace-yes")).toBe("Créer quand même");
    await click("confirm-replace-no");
    expect(host.doc.created).toEqual([]);
    $("merge-start").focus();
    await click("merge-start");
    expect(document.activeElement).toBe($("confirm-replace-yes"));
    await click("confirm-replace-yes");
    expect(host.doc.created).toHaveLength(1);
    // The focus goes back to the button that asked, never to the page's body.
    expect(document.activeElement).toBe($("merge-start"));
    // Once created, the closed step says so.
    await click("data-toggle");
    expect(text("merge-outline")).toBe("40 courriers créés");
  });

  it("on Word on the web, offers the download alongside the new document it cannot confirm", async () => {
    const host = await openPane({ ready: Promise.resolve({ host: "Word", platform: "OfficeOnline" }) });
    await loadFile("parents.csv", PARENTS_CSV);
    await click("merge-start");
    expect(host.doc.opened).toBe(1);
    expect(text("merge-status")).toContain("dans un autre onglet");
    expect(text("merge-status")).toContain("S'il n'apparaît pas, téléchargez-les ici.");
    expect($("merge-download").hidden).toBe(false);
    expect($("merge-retry").hidden).toBe(false);
  });

  it.each(["Mac", "iOS", "OfficeOnline"])(
    "on %s where opening fails, offers the download and a new try at opening, never writing into this document",
    async (platform) => {
      const host = await openPane({
        ready: Promise.resolve({ host: "Word", platform }),
        fail: { "DocumentCreated.open": { code: "GeneralException", message: "Ouverture refusée" } },
      });
      await loadFile("parents.csv", PARENTS_CSV);
      await click("merge-start");
      expect($("merge-download").hidden).toBe(false);
      expect(text("merge-download")).toContain("dossier Téléchargements");
      expect(document.getElementById("merge-insert-here")).toBeNull();
      expect($("merge-retry").hidden).toBe(false);
      expect(text("merge-retry")).toContain("Rien n'est écrit dans ce document-ci");
      host.log.calls.length = 0;
      await click("merge-open-again");
      // A new document again, never the letter's own: no insertion here, whatever the host.
      expect(host.log.of("Application.createDocument")).toHaveLength(1);
      expect(host.log.apis().filter((a) => /insertFile|insertText|insertParagraph/.test(a))).toEqual([]);
      expect(text("message")).toContain("Ouverture refusée");
    },
  );

  it("saves the letters through msSaveOrOpenBlob where <a download> does nothing (Internet Explorer 11)", async () => {
    const saved: Array<[Blob, string]> = [];
    Object.defineProperty(navigator, "msSaveOrOpenBlob", {
      value: (blob: Blob, name: string) => saved.push([blob, name]) > 0,
      configurable: true,
    });
    try {
      await openPane({ fail: { "DocumentCreated.open": { code: "GeneralException", message: "Ouverture refusée" } } });
      await loadFile("parents.csv", PARENTS_CSV);
      await click("merge-start");
      await click("download-link");
      expect(saved.map(([blob, name]) => [blob.size > 1000, name])).toEqual([[true, "courriers-ent.docx"]]);
    } finally {
      delete (navigator as { msSaveOrOpenBlob?: unknown }).msSaveOrOpenBlob;
    }
  });

  it("asks before creating letters whose passwords Excel stored as numbers, naming the rows, and creates nothing on « Annuler »", async () => {
    const host = await openPane();
    const rows = [
      ["Nom", "Prénom", "Login", "Mot de passe", "Profil"].map((s) => ({ s })),
      [{ s: "A" }, { s: "Zoé" }, { s: "zoe.a" }, { n: 2532 }, { s: "Parent" }],
    ];
    await loadFile("comptes.xlsx", makeXlsx(rows));
    await click("merge-start");
    expect(text("confirm-replace-text")).toMatch(
      /^« comptes\.xlsx » : Excel a enregistré comme des nombres la colonne « Mot de passe » \(ligne 2\).* Créer quand même \?$/,
    );
    await click("confirm-replace-no");
    expect(host.doc.created).toEqual([]);
  });

  it("asks before a ready letter replaces a document that is not empty, and does nothing on « Annuler »", async () => {
    const host = await openPane({ bodyText: "Mon brouillon de courrier" });
    $("ready-letters").querySelector<HTMLButtonElement>('[data-letter="parents"]')!.click();
    await flush();
    expect($("confirm-replace").hidden).toBe(false);
    expect(host.log.of("Body.insertFileFromBase64")).toEqual([]);
    await click("confirm-replace-no");
    expect($("confirm-replace").hidden).toBe(true);
    expect(host.log.of("Body.insertFileFromBase64")).toEqual([]);
    $("ready-letters").querySelector<HTMLButtonElement>('[data-letter="parents"]')!.click();
    await flush();
    await click("confirm-replace-yes");
    expect(host.log.of("Body.insertFileFromBase64")).toHaveLength(1);
  });

  it("says in French why no letter could be made", async () => {
    await openPane({ file: readyLetter("personnels") });
    await loadFile("x.csv", new TextEncoder().encode("Nom;Login;Mot de passe\nA;a.b;X1\n"));
    await click("merge-start");
    expect(text("message")).toBe(
      "Le courrier utilise un champ que le fichier ne contient pas : « Prénom ». Retirez ce champ du courrier ou choisissez un export qui a cette colonne.",
    );
    expect($<HTMLProgressElement>("merge-progress").hidden).toBe(true);
  });
});

describe("outside Word", () => {
  it("says Word is not there, disables the Word buttons and still reads a file", async () => {
    await openPane({ ready: Promise.resolve({ host: "Excel", platform: "PC" }) });
    expect(text("host-status")).toContain("Word n'est pas disponible");
    await loadFile("parents.csv", PARENTS_CSV);
    expect(text("file-line")).toContain("40 comptes lus");
    expect($<HTMLButtonElement>("merge-start").disabled).toBe(true);
    expect($<HTMLButtonElement>("preview-start").disabled).toBe(true);
    expect($<HTMLButtonElement>("check-document").disabled).toBe(true);
  });
});

describe("one step open at a time", () => {
  const open = () => ["data", "letter", "preview", "merge"].filter((s) => !$(`${s}-body`).hidden);
  const expanded = (s: string) => $(`${s}-toggle`).getAttribute("aria-expanded");

  it("opens the next step by itself, and says on one line what each closed step holds", async () => {
    await openPane({ apiVersion: "1.5" });
    expect(open()).toEqual(["data"]);
    expect(expanded("data")).toBe("true");
    expect(expanded("letter")).toBe("false");
    await loadFile("parents.csv", PARENTS_CSV);
    expect(open()).toEqual(["letter"]);
    expect(document.activeElement).toBe($("letter-toggle"));
    expect(text("data-outline")).toBe("parents.csv — 40 parents");
    expect(text("letter-outline")).toBe("");
    $("ready-letters").querySelector<HTMLButtonElement>('[data-letter="parents"]')!.click();
    await flush();
    expect(open()).toEqual(["preview"]);
    expect(text("letter-outline")).toMatch(/^Courrier parents — \d passages à compléter$/);
    expect(text("merge-outline")).toBe("40 courriers à créer");
    await click("preview-start");
    await click("letter-toggle");
    expect(open()).toEqual(["letter"]);
    expect(text("preview-outline")).toBe("1 / 40");
    await click("preview-toggle");
    await click("preview-stop");
    expect(open()).toEqual(["merge"]);
    expect(expanded("merge")).toBe("true");
    expect(text("merge-outline")).toBe("");
  });

  it("goes on to the letter when rows were set aside, saying so in the data's line (one click away), and opens the data again after « Effacer les données »", async () => {
    await openPane();
    await loadFile("pb.csv", new TextEncoder().encode("Nom;Prénom;Login;Mot de passe\nA;B;a.b;X1\nC;D;;Y2\n"));
    // The pane fits Word's 350 × 700 without scrolling: the data step closes on its summary.
    expect(open()).toEqual(["letter"]);
    expect(text("data-outline")).toBe("pb.csv — 1 autre ; 1 ligne écartée");
    await click("data-toggle");
    expect(open()).toEqual(["data"]);
    expect(text("problems-summary")).toMatch(/1 ligne écartée/);
    await click("merge-toggle");
    expect(open()).toEqual(["merge"]);
    expect(text("data-outline")).toBe("pb.csv — 1 autre ; 1 ligne écartée");
    await click("data-toggle");
    await click("clear-data");
    expect(open()).toEqual(["data"]);
    await click("letter-toggle");
    expect(text("data-outline")).toBe("aucun fichier");
  });

  it("stays on the data outside Word", async () => {
    await openPane({ ready: Promise.resolve({ host: "Excel", platform: "PC" }) });
    await loadFile("parents.csv", PARENTS_CSV);
    expect(open()).toEqual(["data"]);
  });
});

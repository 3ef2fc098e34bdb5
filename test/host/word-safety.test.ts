// Issue 27: the pane never destroys or leaks what the user holds in Word. Each test is one
// row of the trial: merged letters opened with the pane, the blank-document fallback, Track
// Changes on every write path, the e-mail path's lost header, the font after the password,
// and what the pane loads of every control.
import {
  fillPreview,
  insertConditionalPassage,
  insertField,
  insertLetterFile,
  insertQrField,
  repairTags,
  restoreLeftoverPreview,
  restorePreview,
  documentFields,
} from "../../src/word";
import { readyLetter } from "../fixtures";
import { installWordMock } from "./word-mock";

/** Calls that change the document. */
const WRITES = /insertText|insertContentControl|=$|insertFile|insertParagraph|insertInlinePicture|Body\.clear/;
const writes = (apis: string[]) => apis.filter((a) => WRITES.test(a));

/** A document of letters merged with « Garder les champs »: every control shows a person's value. */
const keptFieldLetters = () =>
  ["Aïcha", "aicha.moreau", "EGX0HBcr", "Jean", "jean.dupont", "k8Rt2pLm"].map((text, i) => ({
    tag: ["ent:firstName", "ent:login", "ent:password"][i % 3],
    text,
  }));

const PREVIEW_SETTING = "courriersEnt.apercu";

describe("the pane only ever undoes what it did", () => {
  it("leaves merged letters with kept fields untouched at start-up, writing nothing", async () => {
    const { doc, log } = installWordMock({ controls: keptFieldLetters() });
    expect(await restoreLeftoverPreview(async () => true)).toBe(0);
    expect(doc.controls.map((c) => c.text)).toEqual(keptFieldLetters().map((c) => c.text));
    expect(writes(log.apis())).toEqual([]);
  });

  it("records the preview in the document's settings before writing (control ids, no values), and clears it after", async () => {
    const { doc, log } = installWordMock({
      controls: [
        { tag: "ent:firstName", text: "«Prénom»" },
        { tag: "ent:edit:signataire", text: "Le principal" },
        { tag: "ent:password", text: "«Mot de passe»" },
      ],
    });
    await fillPreview((tag) => (tag === "ent:password" ? "001000" : "Aïcha"));
    expect(doc.settings[PREVIEW_SETTING]).toEqual({ ids: [1000, 1002] });
    expect(JSON.stringify(doc.settings)).not.toMatch(/Aïcha|001000/);
    // Saved before any value is written.
    const apis = log.apis();
    expect(apis.indexOf("Settings.saveAsync")).toBeLessThan(apis.indexOf("ContentControl.insertText"));
    await restorePreview();
    expect(doc.settings[PREVIEW_SETTING]).toBeUndefined();
    expect(doc.controls.map((c) => c.text)).toEqual(["«Prénom»", "Le principal", "«Mot de passe»"]);
  });

  it("refuses the preview, writing no value, when Word cannot record it in the document", async () => {
    const { doc, log } = installWordMock({
      controls: [{ tag: "ent:password", text: "«Mot de passe»" }],
      settingsSaveFails: { code: 5001, message: "Erreur interne" },
    });
    await expect(fillPreview(() => "001000")).rejects.toMatchObject({
      code: "preview-unrecorded",
      message: expect.stringContaining("l'aperçu n'a rien écrit"),
    });
    expect(log.of("ContentControl.insertText")).toEqual([]);
    expect(doc.controls[0].text).toBe("«Mot de passe»");
  });

  it("asks first, then puts back only the controls the unfinished preview recorded", async () => {
    const controls = [
      { tag: "ent:firstName", text: "Aïcha" },
      { tag: "ent:password", text: "••••••" },
      // Not recorded: the user's own text in a field, kept as it is.
      { tag: "ent:login", text: "aicha.moreau" },
    ];
    const { doc } = installWordMock({ controls, settings: { [PREVIEW_SETTING]: { ids: [1000, 1001] } } });
    const questions: number[] = [];
    expect(await restoreLeftoverPreview(async (n) => (questions.push(n), true))).toBe(2);
    expect(questions).toEqual([2]);
    expect(doc.controls.map((c) => c.text)).toEqual(["«Prénom»", "«Mot de passe»", "aicha.moreau"]);
    expect(doc.settings[PREVIEW_SETTING]).toBeUndefined();
  });

  it("changes nothing when the user declines", async () => {
    const { doc, log } = installWordMock({
      controls: [{ tag: "ent:password", text: "••••••" }],
      settings: { [PREVIEW_SETTING]: { ids: [1000] } },
    });
    expect(await restoreLeftoverPreview(async () => false)).toBe(0);
    expect(doc.controls[0].text).toBe("••••••");
    expect(writes(log.apis())).toEqual([]);
  });
});

describe("Track Changes: every write path refuses while Word tracks (WordApi 1.4)", () => {
  const tracked = (extra = {}) =>
    installWordMock({
      apiVersion: "1.4",
      changeTracking: "TrackAll",
      textBefore: "Bonjour ",
      selectedText: "Passage choisi",
      controls: [{ tag: "ent:password", text: "«Mot de passe»" }],
      settings: { [PREVIEW_SETTING]: { ids: [1000] } },
      ...extra,
    });

  it.each<[string, () => Promise<unknown>]>([
    ["inserting a field", () => insertField({ kind: "field", id: "password" })],
    ["inserting the QR code", () => insertQrField()],
    ["making a passage conditional", () => insertConditionalPassage({ kind: "state", is: "active" })],
    ["inserting a ready letter", () => insertLetterFile(readyLetter("parents"), "pied")],
    ["repairing tags", () => repairTags([{ tag: "ent:login", title: "Login" }])],
    ["starting the preview", () => fillPreview(() => "x")],
    ["leaving the preview", () => restorePreview()],
    ["putting back a left-over preview", () => restoreLeftoverPreview(async () => true)],
  ])("%s", async (_, write) => {
    const { log, doc } = tracked();
    await expect(write()).rejects.toMatchObject({
      code: "tracking-changes",
      message: expect.stringMatching(/^Le suivi des modifications est activé : .*Révision › Suivi des modifications/),
    });
    expect(writes(log.apis())).toEqual([]);
    expect(doc.controls[0].text).toBe("«Mot de passe»");
  });

  it("writes as before when tracking is off, and below WordApi 1.4 (where Word cannot tell)", async () => {
    const off = tracked({ changeTracking: "Off" });
    await insertField({ kind: "field", id: "login" });
    expect(off.log.of("Document.load")[0].args).toEqual(["changeTrackingMode"]);
    const old = tracked({ apiVersion: "1.3" });
    await insertField({ kind: "field", id: "login" });
    expect(old.log.of("Document.load")).toEqual([]);
    expect(old.doc.controls).toHaveLength(2);
  });
});

describe("after the password field, typed text returns to the paragraph's font (office-js #6448)", () => {
  it("sets the paragraph's font where the user types next", async () => {
    const { doc } = installWordMock({ textBefore: "Mot de passe : ", paragraphFont: "Marianne" });
    await insertField({ kind: "field", id: "password" });
    expect(doc.controls[doc.controls.length - 1].font.name).toBe("Consolas");
    expect(doc.fontAfter).toEqual(["Marianne"]);
  });

  it("leaves the font alone after a field in the paragraph's own font", async () => {
    const { doc } = installWordMock({ textBefore: "Bonjour " });
    await insertField({ kind: "field", id: "firstName" });
    expect(doc.fontAfter).toEqual([]);
  });
});

describe("the pane loads only the control properties it reads", () => {
  it.each<[string, () => Promise<unknown>]>([
    ["listing the fields", () => documentFields(new Map())],
    ["the preview", () => fillPreview(() => "x")],
    ["leaving the preview", () => restorePreview()],
    ["repairing tags", () => repairTags([{ tag: "ent:login", title: "Login" }])],
    ["inserting a field", () => insertField({ kind: "field", id: "login" })],
  ])("%s", async (_, run) => {
    const { log } = installWordMock({
      textBefore: "«Prénom»",
      tagsBefore: ["ent:firstName"],
      controls: keptFieldLetters(),
    });
    await run();
    const loads = log.of("ContentControlCollection.load").map((c) => String(c.args[0]));
    expect(loads.length).toBeGreaterThan(0);
    for (const props of loads) expect(props.split(",")).not.toContain("items");
  });
});

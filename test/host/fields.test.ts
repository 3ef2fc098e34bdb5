// Fields and preview on the strict Word host: the exact Office calls, their arguments and
// the number of round trips of each operation.
import {
  insertField,
  insertConditionalPassage,
  documentFields,
  repairTags,
  fillPreview,
  restorePreview,
  restoreLeftoverPreview,
  maskedPassword,
} from "../../src/word";
import { FIELDS, FieldRef } from "../../src/core/catalog";
import { installWordMock } from "./word-mock";

/** The calls that change the document, in order, without reads and navigation. */
const writes = (apis: string[]) =>
  apis.filter((a) => /insertText|insertContentControl|=$|select$|insertFile|createDocument|open$/.test(a));

describe("insertField", () => {
  it.each(FIELDS.map((f) => [f.id, f.label, f.font]))(
    "inserts %s as a content control tagged, titled in French, with its font",
    async (id, label, font) => {
      const { log, doc } = installWordMock({ textBefore: "Bonjour " });
      const result = await insertField({ kind: "field", id } as FieldRef);
      expect(result).toEqual({ tag: `ent:${id}`, spaced: false });
      expect(log.syncs).toBe(2); // one to read around the cursor, one to insert
      expect(writes(log.apis())).toEqual([
        "Range.insertText",
        "Range.insertContentControl",
        "ContentControl.tag=",
        "ContentControl.title=",
        "ContentControl.appearance=",
        // The field's font, then the paragraph's where the user types next (office-js #6448).
        ...(font ? ["Font.name=", "Font.name="] : []),
        "Range.select",
      ]);
      expect(log.of("Range.insertText")[0].args).toEqual([`«${label}»`, "Replace"]);
      expect(log.of("ContentControl.tag=")[0].args).toEqual([`ent:${id}`]);
      expect(log.of("ContentControl.title=")[0].args).toEqual([label]);
      expect(log.of("ContentControl.appearance=")[0].args).toEqual(["BoundingBox"]);
      expect(log.of("ContentControl.getRange")[0].args).toEqual(["After"]);
      expect(log.of("Range.select")[0].args).toEqual(["Start"]); // the cursor goes after the field
      const control = doc.controls[doc.controls.length - 1];
      expect(control).toMatchObject({ tag: `ent:${id}`, title: label, text: `«${label}»`, appearance: "BoundingBox" });
      expect(control.font.name).toBe(font);
    },
  );

  it("queues nothing that writes before the first sync has told where the cursor is", async () => {
    const { log } = installWordMock({ textBefore: "Bonjour " });
    await insertField({ kind: "field", id: "login" });
    const apis = log.apis();
    const firstSync = apis.indexOf("RequestContext.sync");
    expect(writes(apis.slice(0, firstSync))).toEqual([]);
    expect(apis.slice(0, firstSync)).toEqual([
      "Word.run",
      "Document.getSelection",
      "ParagraphCollection.getFirst",
      "Range.getRange",
      "Range.getRange",
      "Range.expandTo",
      "Range.load",
      "ContentControlCollection.load",
      "ContentControl.load",
      "Requirements.isSetSupported",
    ]);
    expect(log.of("Range.load")[0].args).toEqual(["text"]);
    expect(log.of("ContentControl.load")[0].args).toEqual(["tag"]);
  });

  it("puts the password in Consolas", async () => {
    const { doc, log } = installWordMock();
    await insertField({ kind: "field", id: "password" });
    expect(log.of("Font.name=")[0].args).toEqual(["Consolas"]);
    expect(doc.controls[0].font.name).toBe("Consolas");
  });

  it("inserts another column of the export under its own header", async () => {
    const { doc } = installWordMock();
    await insertField({ kind: "column", header: "Téléphone" });
    expect(doc.controls[0]).toMatchObject({ tag: "ent:col:Téléphone", title: "Téléphone", text: "«Téléphone»" });
  });

  it("puts a space between two fields inserted one after the other", async () => {
    const { doc, log } = installWordMock({ textBefore: "Bonjour «Prénom»", tagsBefore: ["ent:firstName"] });
    expect(await insertField({ kind: "field", id: "lastName" })).toEqual({ tag: "ent:lastName", spaced: true });
    expect(log.of("Range.insertText").map((c) => c.args)).toEqual([
      [" ", "Replace"],
      ["«Nom»", "After"],
    ]);
    expect(doc.inserted).toEqual([
      { text: " ", location: "Replace" },
      { text: "«Nom»", location: "After" },
    ]);
    expect(log.syncs).toBe(2);
  });

  it("adds no space after ordinary text ending in », nor after a school passage", async () => {
    const { log } = installWordMock({ textBefore: "« Mot de passe oublié »", tagsBefore: ["ent:edit:lieu-date"] });
    expect((await insertField({ kind: "field", id: "login" })).spaced).toBe(false);
    expect(log.of("Range.insertText")).toHaveLength(1);
  });

  it("adds no space after a field that is not the last thing before the cursor", async () => {
    const { log } = installWordMock({ textBefore: "«Prénom» et ", tagsBefore: ["ent:firstName"] });
    expect((await insertField({ kind: "field", id: "login" })).spaced).toBe(false);
    expect(log.of("Range.insertText").map((c) => c.args)).toEqual([["«Login»", "Replace"]]);
  });

  it("says in French what went wrong when Word refuses the insertion", async () => {
    installWordMock({
      fail: { "Range.insertContentControl": { code: "InvalidArgument", message: "Argument non valide" } },
    });
    await expect(insertField({ kind: "field", id: "login" })).rejects.toThrow(
      "Impossible d'insérer le champ « Login » : Argument non valide. Cliquez dans le texte du document puis réessayez.",
    );
  });
});

describe("insertConditionalPassage", () => {
  it("wraps the selection in a control tagged ent:if:<condition>, titled in French, in two round trips", async () => {
    const { log, doc } = installWordMock({ selectedText: "Parent de «Enfant(s)»" });
    await insertConditionalPassage({ kind: "field", id: "children", negated: false });
    expect(log.syncs).toBe(2);
    expect(writes(log.apis())).toEqual([
      "Range.insertContentControl",
      "ContentControl.tag=",
      "ContentControl.title=",
      "ContentControl.appearance=",
    ]);
    expect(doc.controls).toEqual([
      expect.objectContaining({
        tag: "ent:if:children",
        title: "Si « Enfant(s) » est rempli",
        text: "Parent de «Enfant(s)»",
      }),
    ]);
  });

  it.each([
    [{ selectedText: "" }, "Sélectionnez d'abord le texte"],
    [{ selectedText: "«Login»", insideTag: "ent:login" }, "La sélection est dans un champ"],
  ])("refuses %j in French and changes nothing", async (options, message) => {
    const { log, doc } = installWordMock(options);
    await expect(insertConditionalPassage({ kind: "credential", is: "password" })).rejects.toThrow(message);
    expect(writes(log.apis())).toEqual([]);
    expect(doc.controls).toEqual([]);
  });

  it("says what Word refused", async () => {
    installWordMock({
      selectedText: "x",
      fail: { "Range.insertContentControl": { code: "InvalidArgument", message: "Argument non valide" } },
    });
    await expect(insertConditionalPassage({ kind: "state", is: "active" })).rejects.toMatchObject({
      code: "insert-failed",
      message: expect.stringContaining("Impossible de rendre la sélection conditionnelle : Argument non valide."),
    });
  });
});

describe("insertField inside another field", () => {
  it("refuses, in French, and inserts nothing", async () => {
    const { log, doc } = installWordMock({ insideTag: "ent:login" });
    await expect(insertField({ kind: "field", id: "password" })).rejects.toThrow("Le curseur est dans un champ");
    expect(writes(log.apis())).toEqual([]);
    expect(log.syncs).toBe(1);
    expect(doc.controls).toEqual([]);
  });

  it("accepts the cursor inside a school passage or a control that is not ours", async () => {
    for (const insideTag of ["ent:edit:signataire", "autre"]) {
      const { doc } = installWordMock({ insideTag });
      await insertField({ kind: "field", id: "firstName" });
      expect(doc.controls).toHaveLength(1);
    }
  });
});

describe("documentFields", () => {
  it("lists the fields used and the pink passages still unchanged, in one round trip", async () => {
    const { log } = installWordMock({
      controls: [
        { tag: "ent:firstName", text: "«Prénom»" },
        { tag: "ent:edit:lieu-date", text: "À Ville, le 1er septembre 2026" },
        { tag: "ent:edit:signataire", text: "La principale, Mme Durand" },
        { tag: "ent:firstName", text: "«Prénom»" },
        { tag: "ent:col:Téléphone", text: "«Téléphone»" },
        { tag: "autre", text: "x" },
      ],
    });
    const defaults = new Map([
      ["lieu-date", "À Ville, le 1er septembre 2026"],
      ["signataire", "Le principal, Prénom NOM"],
    ]);
    expect(await documentFields(defaults)).toEqual({
      tags: ["ent:firstName", "ent:col:Téléphone"],
      unchangedPassages: ["lieu-date"],
    });
    expect(log.syncs).toBe(1);
    expect(log.of("ContentControlCollection.load")[0].args).toEqual(["items/tag,items/text"]);
    expect(writes(log.apis())).toEqual([]);
  });
});

describe("documentFields on a sheet of cards", () => {
  it("counts a passage completed on one card as completed", async () => {
    installWordMock({
      controls: [
        { tag: "ent:edit:adresse-ent", text: "https://ent.college.fr" },
        { tag: "ent:edit:adresse-ent", text: "https://ent.exemple.fr" },
        { tag: "ent:edit:signataire", text: "Le principal, Prénom NOM" },
        { tag: "ent:edit:signataire", text: "Le principal, Prénom NOM" },
      ],
    });
    const defaults = new Map([
      ["adresse-ent", "https://ent.exemple.fr"],
      ["signataire", "Le principal, Prénom NOM"],
    ]);
    expect((await documentFields(defaults)).unchangedPassages).toEqual(["signataire"]);
  });
});

describe("repairTags", () => {
  const letter = [
    { tag: "ent:edit:etablissement", title: "À compléter : nom de l'établissement" },
    { tag: "ent:password", title: "Mot de passe" },
    { tag: "ent:login", title: "Login" },
  ];

  it("gives back every tag and title Word reset on insertion, pink passages included", async () => {
    const { doc, log } = installWordMock({
      controls: [
        { tag: "", text: "Collège …" },
        { tag: "", text: "«Mot de passe»" },
        { tag: "ent:login", title: "Login", text: "«Login»" },
      ],
    });
    expect(await repairTags(letter)).toBe(2);
    expect(doc.controls.map((c) => [c.tag, c.title])).toEqual(letter.map((c) => [c.tag, c.title]));
    expect(log.syncs).toBe(2);
    expect(log.of("ContentControl.tag=").map((c) => c.args[0])).toEqual(["ent:edit:etablissement", "ent:password"]);
  });

  it("falls back to a field's «Label» when Word lists other controls than the letter's", async () => {
    const { doc } = installWordMock({
      controls: [
        { tag: "", text: "«Mot de passe»" },
        { tag: "", text: "libre" },
      ],
    });
    expect(await repairTags(letter)).toBe(1);
    expect(doc.controls.map((c) => c.tag)).toEqual(["ent:password", ""]);
    expect(doc.controls[0].title).toBe("Mot de passe");
  });

  it("makes no second round trip when nothing needs repair", async () => {
    const { log } = installWordMock({ controls: letter.map((c) => ({ ...c, text: "x" })) });
    expect(await repairTags(letter)).toBe(0);
    expect(log.syncs).toBe(1);
  });
});

describe("preview", () => {
  const controls = () => [
    { tag: "ent:firstName", text: "«Prénom»" },
    { tag: "ent:password", text: "«Mot de passe»" },
    { tag: "ent:edit:signataire", text: "Le principal" },
    { tag: "ent:col:Fax", text: "«Fax»" },
  ];

  it("fills every field with one person's values in two round trips, then restores the field names", async () => {
    const { doc, log } = installWordMock({ controls: controls() });
    const values: Record<string, string> = { "ent:firstName": "Aïcha", "ent:password": "001000" };
    expect(await fillPreview((tag) => values[tag] ?? null)).toBe(3);
    // The password is masked in the document: AutoSave could keep it in the template.
    expect(doc.controls.map((c) => c.text)).toEqual(["Aïcha", "••••••", "Le principal", "«Fax : absent du fichier»"]);
    expect(log.syncs).toBe(2);
    expect(log.of("ContentControl.insertText").map((c) => c.args[1])).toEqual(["Replace", "Replace", "Replace"]);
    await restorePreview();
    expect(log.syncs).toBe(4);
    expect(doc.controls.map((c) => c.text)).toEqual(["«Prénom»", "«Mot de passe»", "Le principal", "«Fax»"]);
    expect(doc.controls.some((c) => c.text.includes("001000"))).toBe(false);
  });

  it("writes the real password only when asked", async () => {
    const { doc } = installWordMock({ controls: controls() });
    await fillPreview((tag) => (tag === "ent:password" ? "Il1O0" : "x"), { showPassword: true });
    expect(doc.controls[1].text).toBe("Il1O0");
    expect(maskedPassword("Il1O0")).toBe("•••••");
    expect(maskedPassword("🔑é")).toBe("••");
  });

  it("refuses while Word tracks changes (WordApi 1.4), writing nothing", async () => {
    const { doc, log } = installWordMock({ controls: controls(), apiVersion: "1.4", changeTracking: "TrackAll" });
    await expect(fillPreview(() => "x")).rejects.toMatchObject({
      code: "tracking-changes",
      message: expect.stringContaining("Le suivi des modifications est activé"),
    });
    expect(log.of("Document.load")[0].args).toEqual(["changeTrackingMode"]);
    expect(log.of("ContentControl.insertText")).toEqual([]);
    expect(doc.controls[1].text).toBe("«Mot de passe»");
    installWordMock({ controls: controls(), apiVersion: "1.4", changeTracking: "Off" });
    await expect(fillPreview(() => "x")).resolves.toBe(3);
  });

  it("does not ask about change tracking below WordApi 1.4", async () => {
    const { log } = installWordMock({ controls: controls(), apiVersion: "1.3", changeTracking: "TrackAll" });
    await fillPreview(() => "x");
    expect(log.of("Document.load")).toEqual([]);
  });

  it("puts back, at start-up and once asked, fields a previous preview recorded and left with a person's values", async () => {
    const left = controls();
    left[0].text = "Aïcha";
    left[1].text = "001000";
    const { doc, log } = installWordMock({
      controls: left,
      settings: { "courriersEnt.apercu": { ids: [1000, 1001, 1003] } },
    });
    expect(await restoreLeftoverPreview(async () => true)).toBe(2);
    expect(doc.controls.map((c) => c.text)).toEqual(["«Prénom»", "«Mot de passe»", "Le principal", "«Fax»"]);
    expect(log.syncs).toBe(3); // read, read again after the question, write
    expect(doc.settings).toEqual({});
    const clean = installWordMock({ controls: controls(), settings: { "courriersEnt.apercu": { ids: [1000] } } });
    expect(await restoreLeftoverPreview(async () => true)).toBe(0);
    expect(clean.log.syncs).toBe(1);
    expect(clean.doc.settings).toEqual({});
  });

  it("changes nothing in the document when the sync that writes fails", async () => {
    const { doc } = installWordMock({
      controls: controls(),
      fail: { "ContentControl.insertText": { code: "GeneralException", message: "Échec" } },
    });
    await expect(fillPreview(() => "x")).rejects.toThrow("Échec");
    expect(doc.controls.map((c) => c.text)).toEqual(["«Prénom»", "«Mot de passe»", "Le principal", "«Fax»"]);
  });
});

import { insertField, documentFields, repairFieldTags, fillPreview, restorePreview } from "../../src/word";
import { FIELDS, FieldRef } from "../../src/core/fields";
import { installWordMock } from "./word-mock";

describe("insertField", () => {
  it.each(FIELDS.map((f) => [f.id, f.label, f.font]))(
    "inserts %s as a content control tagged, titled in French, with its font",
    async (id, label, font) => {
      const { log, controls } = installWordMock({ textBefore: "Bonjour " });
      const result = await insertField({ kind: "field", id } as FieldRef);
      expect(result).toEqual({ tag: `ent:${id}`, spaced: false });
      expect(log.inserted).toEqual([{ text: `«${label}»`, location: "Replace" }]);
      const control = controls[controls.length - 1];
      expect(control).toMatchObject({ tag: `ent:${id}`, title: label, appearance: "BoundingBox" });
      expect(control.font.name).toBe(font);
      expect(log.selected).toEqual(["Start"]); // the cursor goes after the field
    },
  );

  it("puts the password in Consolas", async () => {
    const { controls } = installWordMock();
    await insertField({ kind: "field", id: "password" });
    expect(controls[0].font.name).toBe("Consolas");
  });

  it("inserts another column of the export under its own header", async () => {
    const { controls } = installWordMock();
    await insertField({ kind: "column", header: "Téléphone" });
    expect(controls[0]).toMatchObject({ tag: "ent:col:Téléphone", title: "Téléphone" });
  });

  it("puts a space between two fields inserted one after the other", async () => {
    const { log } = installWordMock({ textBefore: "Bonjour «Prénom»", tagsBefore: ["ent:firstName"] });
    expect(await insertField({ kind: "field", id: "lastName" })).toEqual({ tag: "ent:lastName", spaced: true });
    expect(log.inserted).toEqual([
      { text: " ", location: "Replace" },
      { text: "«Nom»", location: "After" },
    ]);
  });

  it("adds no space after ordinary text ending in », nor after a school passage", async () => {
    const { log } = installWordMock({ textBefore: "« Mot de passe oublié »", tagsBefore: ["ent:edit:lieu-date"] });
    expect((await insertField({ kind: "field", id: "login" })).spaced).toBe(false);
    expect(log.inserted).toHaveLength(1);
  });
});

describe("insertField inside another field", () => {
  it("refuses, in French, and inserts nothing", async () => {
    const { log, controls } = installWordMock({ insideTag: "ent:login" });
    await expect(insertField({ kind: "field", id: "password" })).rejects.toThrow("Le curseur est dans un champ");
    expect(log.inserted).toEqual([]);
    expect(controls).toEqual([]);
  });

  it("accepts the cursor inside a school passage", async () => {
    const { controls } = installWordMock({ insideTag: "ent:edit:signataire" });
    await insertField({ kind: "field", id: "firstName" });
    expect(controls).toHaveLength(1);
  });
});

describe("documentFields", () => {
  it("lists the fields used and the pink passages still unchanged", async () => {
    installWordMock({
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
  });
});

describe("repairFieldTags", () => {
  it("gives back tag and title to fields whose tags Word reset on insertion", async () => {
    const { controls } = installWordMock({
      controls: [
        { tag: "", text: "«Mot de passe»" },
        { tag: "ent:login", text: "«Login»" },
        { tag: "", text: "libre" },
      ],
    });
    const repaired = await repairFieldTags((label) =>
      label === "Mot de passe" ? { kind: "field", id: "password" } : null,
    );
    expect(repaired).toBe(1);
    expect(controls.map((c) => c.tag)).toEqual(["ent:password", "ent:login", ""]);
    expect(controls[0].title).toBe("Mot de passe");
  });
});

describe("preview", () => {
  it("fills every field with one person's values, then restores the field names", async () => {
    const { controls, log } = installWordMock({
      controls: [
        { tag: "ent:firstName", text: "«Prénom»" },
        { tag: "ent:password", text: "«Mot de passe»" },
        { tag: "ent:edit:signataire", text: "Le principal" },
        { tag: "ent:col:Fax", text: "«Fax»" },
      ],
    });
    const values: Record<string, string> = { "ent:firstName": "Aïcha", "ent:password": "001000" };
    expect(await fillPreview((tag) => values[tag] ?? null)).toBe(3);
    expect(controls.map((c) => c.text)).toEqual(["Aïcha", "001000", "Le principal", "«Fax : absent du fichier»"]);
    expect(log.syncs).toBe(2);
    await restorePreview();
    expect(controls.map((c) => c.text)).toEqual(["«Prénom»", "«Mot de passe»", "Le principal", "«Fax»"]);
    expect(controls.some((c) => c.text.includes("001000"))).toBe(false);
  });
});

// Word's complex fields as Word writes them: field characters with other attributes, the
// instruction split over several runs, a field with no result yet, an IF around a
// MERGEFIELD, a field that spans two paragraphs (left alone), fields that are not ours (kept),
// and the result's formatting carried to the value.
import { extractFields, FieldSlot } from "../../src/core/merge/fields";
import { MARK } from "../../src/core/merge/markers";

const begin = (attrs = "") => `<w:r><w:fldChar ${attrs}w:fldCharType="begin"/></w:r>`;
const instr = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
const separate = (attrs = "") => `<w:r><w:fldChar ${attrs}w:fldCharType="separate"/></w:r>`;
const end = (attrs = "") => `<w:r><w:fldChar w:fldCharType="end" ${attrs}/></w:r>`;
const result = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t>${text}</w:t></w:r>`;

function extract(xml: string): { out: string; slots: FieldSlot[] } {
  const slots: FieldSlot[] = [];
  const out = extractFields(xml, slots, { keepFields: false });
  return { out: out.split(MARK).join("¦"), slots };
}

describe("complex fields", () => {
  it("reads a MERGEFIELD whose field characters carry other attributes and whose code is split over runs", () => {
    const xml = `<w:p>${begin('w:dirty="true" ')}${instr(" MERGEFIELD ")}${instr("Mot_de_passe")}${instr(" \\* MERGEFORMAT ")}${separate('w:fldLock="1" ')}${result("«Mot_de_passe»", '<w:rFonts w:ascii="Consolas"/><w:b/>')}${end('w:dirty="false"')}</w:p>`;
    const { out, slots } = extract(xml);
    expect(slots.map((s) => [s.name, s.rPr])).toEqual([
      [{ kind: "mergefield", name: "Mot_de_passe" }, '<w:rPr><w:rFonts w:ascii="Consolas"/><w:b/></w:rPr>'],
    ]);
    expect(out).toMatch(/^<w:p>¦F0[^<]*¦<\/w:p>$/);
  });

  it("takes the formatting of the field's first run where it has no result yet", () => {
    const xml = `<w:p><w:r><w:rPr><w:i/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>${instr(" MERGEFIELD Login ")}${end()}</w:p>`;
    const { slots } = extract(xml);
    expect(slots.map((s) => [s.name.kind === "mergefield" && s.name.name, s.rPr])).toEqual([
      ["Login", "<w:rPr><w:i/></w:rPr>"],
    ]);
  });

  it("reads an IF around a MERGEFIELD as one conditional value", () => {
    const xml = `<w:p>${begin()}${instr(" IF ")}${begin()}${instr(" MERGEFIELD Profil ")}${separate()}${result("«Profil»")}${end()}${instr(' = "Parent" "Madame, Monsieur" "Bonjour" ')}${separate()}${result("Bonjour")}${end()}</w:p>`;
    const { out, slots } = extract(xml);
    expect(slots).toHaveLength(1);
    expect(slots[0].name).toEqual({ kind: "mergefield", name: "Profil" });
    expect(slots[0].expr).toMatchObject({ kind: "if", right: ["Parent"], then: ["Madame, Monsieur"] });
    expect(out).toMatch(/^<w:p>¦F0[^<]*¦<\/w:p>$/);
  });

  it("leaves a field that spans two paragraphs, and fields that are not merge fields", () => {
    const split = `<w:p>${begin()}${instr(" MERGEFIELD Nom ")}${separate()}</w:p><w:p>${result("«Nom»")}${end()}</w:p>`;
    expect(extract(split).slots).toEqual([]);
    const page = `<w:p>${begin()}${instr(" PAGE ")}${separate()}${result("1")}${end()}</w:p>`;
    const { out, slots } = extract(page);
    expect(slots).toEqual([]);
    expect(out).toBe(page);
  });

  it("finds a MERGEFIELD inside a field that is not ours", () => {
    const xml = `<w:p>${begin()}${instr(" QUOTE ")}${begin()}${instr(" MERGEFIELD Nom ")}${separate()}${result("«Nom»")}${end()}${separate()}${result("«Nom»")}${end()}</w:p>`;
    expect(extract(xml).slots.map((s) => s.name)).toEqual([{ kind: "mergefield", name: "Nom" }]);
  });

  it("reads two fields in a row, each once", () => {
    const field = (name: string) =>
      `${begin()}${instr(` MERGEFIELD ${name} `)}${separate()}${result(`«${name}»`)}${end()}`;
    const { out, slots } = extract(`<w:p>${field("Prénom")}${result(" ")}${field("Nom")}</w:p>`);
    expect(slots.map((s) => s.name.kind === "mergefield" && s.name.name)).toEqual(["Prénom", "Nom"]);
    expect(out).toMatch(/^<w:p>¦F0[^<]*¦<w:r><w:t> <\/w:t><\/w:r>¦F1[^<]*¦<\/w:p>$/);
  });

  it("leaves a field never ended as it is", () => {
    const xml = `<w:p>${begin()}${instr(" MERGEFIELD Nom ")}${separate()}${result("«Nom»")}</w:p>`;
    expect(extract(xml)).toEqual({ out: xml, slots: [] });
  });
});

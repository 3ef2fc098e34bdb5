// The field reader's small parts: a field's own run properties, a control's properties, a
// MERGEFIELD's name, and the paragraph a conditional passage takes with it.
import { extractFields, FieldSlot, firstRunProps, mergeFieldName, sdtValue } from "../../src/core/merge/fields";
import { MARK } from "../../src/core/merge/markers";

describe("firstRunProps", () => {
  it.each([
    ["no run", "<w:p/>", null],
    ["a run without properties", "<w:r><w:t>x</w:t></w:r>", ""],
    [
      "a run with properties",
      '<w:r><w:rPr><w:b/><w:sz w:val="30"/></w:rPr><w:t>x</w:t></w:r>',
      '<w:rPr><w:b/><w:sz w:val="30"/></w:rPr>',
    ],
    ["after whitespace", "<w:r>\n  <w:rPr><w:i/></w:rPr><w:t>x</w:t></w:r>", "<w:rPr><w:i/></w:rPr>"],
    [
      "the placeholder style removed",
      '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/><w:b/></w:rPr></w:r>',
      "<w:rPr><w:b/></w:rPr>",
    ],
    ["nothing left but the placeholder style", '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr></w:r>', ""],
    ["the first run only", "<w:r><w:t>a</w:t></w:r><w:r><w:rPr><w:b/></w:rPr></w:r>", ""],
    ["a run property later in the run is not the run's", "<w:r><w:t>a</w:t><w:rPr><w:b/></w:rPr></w:r>", ""],
  ])("%s", (_name, xml, expected) => {
    expect(firstRunProps(xml)).toBe(expected);
  });
});

describe("sdtValue", () => {
  it('reads a property\'s value, decoded, and gives "" when absent', () => {
    const sdtPr = '<w:sdtPr><w:alias w:val="Parent d&apos;élève"/><w:tag w:val="ent:col:R&amp;D"/></w:sdtPr>';
    expect(sdtValue(sdtPr, "w:alias")).toBe("Parent d'élève");
    expect(sdtValue(sdtPr, "w:tag")).toBe("ent:col:R&D");
    expect(sdtValue(sdtPr, "w:id")).toBe("");
    expect(sdtValue("<w:sdtPr><w:tag/></w:sdtPr>", "w:tag")).toBe("");
  });
});

describe("mergeFieldName", () => {
  it.each([
    [" MERGEFIELD Nom ", "Nom"],
    [' MERGEFIELD "Mot de passe" \\* MERGEFORMAT ', "Mot de passe"],
    ["MERGEFIELD  Mot_de_passe  \\* Upper", "Mot_de_passe"],
    ["mergefield prénom", "prénom"],
    [" PAGE ", null],
    [' IF { MERGEFIELD Nom } = "" "a" "b" ', null],
    ["", null],
  ])("%j → %j", (instr, name) => {
    expect(mergeFieldName(instr)).toBe(name);
  });
});

describe("a passage that is all its paragraph holds", () => {
  const passage = (inner: string) =>
    `<w:sdt><w:sdtPr><w:tag w:val="ent:if:children"/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
  const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
  const read = (xml: string) => extractFields(xml, [] as FieldSlot[], { keepFields: false });
  const C = `${MARK}Cchildren${MARK}`;
  const E = `${MARK}E${MARK}`;

  it("takes the paragraph inside the passage, properties and all", () => {
    expect(read(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${passage(run("Parent"))}</w:p>`)).toBe(
      `${C}<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run("Parent")}</w:p>${E}`,
    );
    expect(read(`<w:p><w:pPr/>${passage(run("x"))}</w:p>`)).toBe(`${C}<w:p><w:pPr/>${run("x")}</w:p>${E}`);
  });

  it("leaves the paragraph alone when something else is in it, before or after", () => {
    const before = `<w:p>${run("A")}${passage(run("x"))}</w:p>`;
    expect(read(before)).toBe(`<w:p>${run("A")}${C}${run("x")}${E}</w:p>`);
    const after = `<w:p>${passage(run("x"))}${run("B")}</w:p>`;
    expect(read(after)).toBe(`<w:p>${C}${run("x")}${E}${run("B")}</w:p>`);
  });

  it("leaves alone a passage spanning paragraphs (it holds them already)", () => {
    const block = passage(`<w:p>${run("a")}</w:p><w:p>${run("b")}</w:p>`);
    expect(read(block)).toBe(`${C}<w:p>${run("a")}</w:p><w:p>${run("b")}</w:p>${E}`);
  });
});

// Word's styles and properties at their edges, as the e-mail body reads them: every highlight
// colour, colours and sizes that are not quite numbers, the default paragraph style however
// Word marks it (and only a paragraph style), headings by name and by id, lists without a
// format, and the document defaults.
import { letter, p, r } from "./helpers/letter";

type Look = Record<string, unknown>;
const runLook = (rPr: string) =>
  (letter(p(r("x", rPr))).body[0] as unknown as { inlines: Array<{ look: Look }> }).inlines[0].look;
const paraLook = (pPr: string, styles?: string) =>
  (letter(p(r("x"), pPr), { styles }).body[0] as unknown as { look: Look }).look;

describe("run properties", () => {
  it.each([
    ["yellow", "#FFFF00"],
    ["green", "#00FF00"],
    ["cyan", "#00FFFF"],
    ["magenta", "#FF00FF"],
    ["blue", "#0000FF"],
    ["red", "#FF0000"],
    ["lightGray", "#D3D3D3"],
    ["darkGray", "#A9A9A9"],
  ])("highlight %s is %s", (name, colour) => expect(runLook(`<w:highlight w:val="${name}"/>`).background).toBe(colour));

  it.each([
    ['<w:color w:val="1F3864"/>', { color: "#1F3864" }],
    ['<w:color w:val="x1F3864"/>', { color: undefined }],
    ['<w:color w:val="1F3864x"/>', { color: undefined }],
    ['<w:sz w:val="x24"/>', {}],
    ['<w:sz w:val="24x"/>', {}],
    ['<w:b w:val="off"/>', { bold: false }],
    ['<w:b w:val="1"/>', { bold: true }],
    ['<w:rFonts w:ascii="Arial" w:hAnsi="Verdana"/>', { font: "Arial" }],
    ['<w:shd w:val="clear" w:fill="x00000"/>', {}],
  ])("rPr %s gives %j", (rPr, look) => expect(runLook(rPr)).toEqual(look));
});

describe("paragraph properties", () => {
  it.each([
    ['<w:ind w:left="x720"/>', {}],
    ['<w:ind w:left="720x"/>', {}],
    ['<w:ind w:left="-360"/>', { indentLeft: -18 }],
    ['<w:spacing w:after="120pt"/>', {}],
  ])("pPr %s gives %j", (pPr, look) => expect(paraLook(pPr)).toEqual(look));

  it("reads the list level, 0 when Word leaves it out", () => {
    expect(paraLook('<w:numPr><w:numId w:val="3"/></w:numPr>')).toEqual({ numbering: { numId: "3", level: 0 } });
    expect(paraLook('<w:numPr><w:ilvl w:val="2"/><w:numId w:val="3"/></w:numPr>')).toEqual({
      numbering: { numId: "3", level: 2 },
    });
  });
});

describe("styles", () => {
  const normal = (def: string, type = "paragraph") =>
    `<w:style w:type="${type}" w:default="${def}" w:styleId="Std"><w:name w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>`;

  it.each([["1"], ["true"], ["on"]])("takes the paragraph style marked default=%s for unstyled paragraphs", (def) => {
    expect(paraLook("", normal(def)).align).toBe("center");
  });

  it.each([["0"], ["false"], ["yes"]])("ignores default=%s", (def) => {
    expect(paraLook("", normal(def)).align).toBeUndefined();
  });

  it("ignores a default character style, and a style without an id", () => {
    expect(paraLook("", normal("1", "character")).align).toBeUndefined();
    const noId =
      '<w:style w:type="paragraph" w:default="1"><w:name w:val="Normal"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>';
    expect(paraLook("", noId).align).toBeUndefined();
  });

  it("applies the document defaults under every style", () => {
    const defaults =
      '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160"/></w:pPr></w:pPrDefault></w:docDefaults>';
    const l = letter(p(r("x")), { styles: defaults });
    const block = l.body[0] as unknown as { look: Look; inlines: Array<{ look: Look }> };
    expect(block.look).toEqual({ spaceAfter: 8 });
    expect(block.inlines[0].look).toEqual({ size: 10 });
  });

  it.each([
    ["Titre1", "x", 1],
    ["MonTitre1", "x", undefined],
    ["Titre1bis", "x", undefined],
    ["A", "heading 2", 2],
    ["A", "my heading 2", undefined],
    ["A", "heading 2 char", undefined],
    ["Titre", "x", 1],
    ["Soustitre", "x", undefined],
    ["Title2", "x", undefined],
  ])("style id %s named %s is a heading of level %s", (id, name, level) => {
    const styles = `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
    expect(paraLook(`<w:pStyle w:val="${id}"/>`, styles).heading).toBe(level);
  });

  it("numbers a list whose level has no format, and bullets a list Word does not define", () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>';
    const item = (numId: string) => p(r("x"), `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>`);
    const l = letter(item("1") + item("9"), { numbering });
    expect(l.body.map((b) => (b as { list?: { bullet: boolean } }).list?.bullet)).toEqual([false, true]);
  });
});

// Edges of the package layer, each the cause of a document Word would refuse or a template
// read wrongly: relationships kept exactly as written (external targets, odd spacing),
// target paths resolved, content types of a template (.dotx) turned into a document's, the
// main part found through _rels/.rels, and top-level XML scanning past declarations.
import { strToU8, zipSync } from "fflate";
import { ContentTypes, OpcPackage, Relationships, relsPathOf, resolveTarget } from "../../src/core/opc";
import { openDocx } from "../../src/core/merge/docx-package";
import { normaliseProfile, parseInactive } from "../../src/core/roster/values";
import { splitMulti } from "../../src/core/roster";
import { topLevelElements } from "../../src/core/xml";

const T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

describe("Relationships", () => {
  it("keeps what it does not touch exactly, closes open elements, and adds escaped entries", () => {
    const xml = `${HEAD}<Relationship Id="rId1" Type="${T}/styles" Target="styles.xml"/><Relationship Target="http://x.fr/?a=1&amp;b=2" TargetMode="External" Id="rId2" Type="${T}/hyperlink"></Relationship></Relationships>`;
    const rels = new Relationships(xml);
    expect(rels.list()).toEqual([
      { id: "rId1", type: `${T}/styles`, target: "styles.xml" },
      { id: "rId2", type: `${T}/hyperlink`, target: "http://x.fr/?a=1&b=2" },
    ]);
    rels.add({ id: 'r"3', type: `${T}/image`, target: "media/a&b<.png" });
    expect(rels.toXml()).toBe(
      `${HEAD}<Relationship Id="rId1" Type="${T}/styles" Target="styles.xml"/><Relationship Target="http://x.fr/?a=1&amp;b=2" TargetMode="External" Id="rId2" Type="${T}/hyperlink"/><Relationship Id="r&quot;3" Type="${T}/image" Target="media/a&amp;b&lt;.png"/></Relationships>`,
    );
    expect(rels.byId("rId2")?.target).toBe("http://x.fr/?a=1&b=2");
    expect(rels.ofKind("styles", "image").map((r) => r.id)).toEqual(["rId1", 'r"3']);
    expect(rels.removeKinds("hyperlink", "footer")).toBe(1);
    expect(rels.list().map((r) => r.id)).toEqual(["rId1", 'r"3']);
  });

  it("starts from an empty part, or from one without relationships, keeping its head", () => {
    expect(new Relationships().toXml()).toBe(`${HEAD.replace("\r\n", "")}</Relationships>`);
    expect(new Relationships(`${HEAD}</Relationships>`).toXml()).toBe(`${HEAD}</Relationships>`);
    const one = new Relationships(`${HEAD}<Relationship Id="a" Type="${T}/x" Target="t"/></Relationships>`);
    expect(one.list()).toHaveLength(1);
  });

  it.each([
    ["word/document.xml", "word/_rels/document.xml.rels"],
    ["", "_rels/.rels"],
    ["document.xml", "_rels/document.xml.rels"],
  ])("relsPathOf(%j) = %j", (part, rels) => expect(relsPathOf(part)).toBe(rels));

  it.each([
    ["word/document.xml", "header1.xml", "word/header1.xml"],
    ["word/document.xml", "./media/../media/a.png", "word/media/a.png"],
    ["word/document.xml", "../customXml/item1.xml", "customXml/item1.xml"],
    ["word/document.xml", "/word/styles.xml", "word/styles.xml"],
    ["word/document.xml", "media//b.png", "word/media/b.png"],
    ["", "word/document.xml", "word/document.xml"],
  ])("resolveTarget(%j, %j) = %j", (from, target, path) => expect(resolveTarget(from, target)).toBe(path));
});

describe("ContentTypes", () => {
  const DOC = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  const DOT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
  const types = (main: string) =>
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${main}"/><Override PartName="word/x.xml" ContentType="text/x"/><Override ContentType="text/y"/></Types>`;

  it("reads overrides with or without the leading slash, and turns a template's main part into a document's", () => {
    const ct = new ContentTypes(types(DOT));
    expect(ct.typeOf("word/document.xml")).toBe(DOT);
    expect(ct.typeOf("word/x.xml")).toBe("text/x");
    ct.asDocument("word/document.xml");
    ct.addOverride("word/header1-ent1.xml", "text/h");
    expect(ct.typeOf("word/document.xml")).toBe(DOC);
    expect(ct.toXml()).toBe(
      types(DOC).replace("</Types>", '<Override PartName="/word/header1-ent1.xml" ContentType="text/h"/></Types>'),
    );
  });

  it("leaves a document's main part as it is", () => {
    const ct = new ContentTypes(types(DOC));
    ct.asDocument("word/document.xml");
    expect(ct.toXml()).toBe(types(DOC));
  });
});

describe("the main part", () => {
  const CT = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

  it("is found through _rels/.rels, wherever it lives", () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8(CT),
      "_rels/.rels": strToU8(
        `${HEAD}<Relationship Id="r" Type="${T}/officeDocument" Target="doc/main.xml"/></Relationships>`,
      ),
      "doc/main.xml": strToU8("<w:document/>"),
    });
    expect(openDocx(docx).mainPath).toBe("doc/main.xml");
    expect(
      OpcPackage.unzip(docx, (e) => e)
        .contentTypes()
        .typeOf("doc/main.xml"),
    ).toBeUndefined();
  });

  it("is word/document.xml without _rels/.rels; its absence is refused in French", () => {
    expect(
      openDocx(zipSync({ "[Content_Types].xml": strToU8(CT), "word/document.xml": strToU8("<w:document/>") })).mainPath,
    ).toBe("word/document.xml");
    expect(() => openDocx(zipSync({ "[Content_Types].xml": strToU8(CT), "word/autre.xml": strToU8("<x/>") }))).toThrow(
      "Le modèle n'est pas un document Word (.docx) : la partie principale du document est absente.",
    );
  });
});

describe("top-level elements", () => {
  it("skips declarations, comments and stray text", () => {
    const xml =
      '<?xml version="1.0"?><!-- note --> texte <w:p>a</w:p><!--x--><w:tbl><w:tr/></w:tbl>< pas un élément <w:sectPr/>';
    expect(topLevelElements(xml).map((e) => [e.name, xml.slice(e.start, e.end)])).toEqual([
      ["w:p", "<w:p>a</w:p>"],
      ["w:tbl", "<w:tbl><w:tr/></w:tbl>"],
      ["w:sectPr", "<w:sectPr/>"],
    ]);
  });
});

describe("value rules", () => {
  it.each([
    ["6A, 4B", ["6A", "4B"]],
    ["3D, ", ["3D"]],
    ["3D,", ["3D"]],
    ["5A,5B", ["5A,5B"]],
    ["  ", []],
    ["Dupont, Jean,  Martin", ["Dupont", "Jean", "Martin"]],
  ])("splitMulti(%j)", (value, items) => expect(splitMulti(value)).toEqual(items));

  it.each([
    ["", true, "parent"],
    ["  ", false, "autre"],
    ["Élève", true, "élève"],
    ["inconnu", true, "autre"],
  ])("normaliseProfile(%j, children %s) = %s", (value, children, profile) =>
    expect(normaliseProfile(value, children)).toBe(profile),
  );

  it.each([
    ["Inactif", true],
    ["ACTIVÉ", false],
    ["actif", false],
    ["peut-être", undefined],
    ["", undefined],
  ])("parseInactive(%j) = %s", (value, inactive) => expect(parseInactive(value)).toBe(inactive));
});

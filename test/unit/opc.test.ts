// The package layer on its own: relationships, content types, parts.
import { strToU8, zipSync } from "fflate";
import {
  ContentTypes,
  OpcPackage,
  RELATIONSHIP_TYPES,
  Relationships,
  relsPathOf,
  resolveTarget,
} from "../../src/core/opc";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/header" Target="header1.xml"/><Relationship Id="rId2" Type="${REL}/hyperlink" Target="https://ent.example/?a=1&amp;b=2" TargetMode="External"/><Relationship Id="rId3" Type="${REL}/footer" Target="footer1.xml"></Relationship></Relationships>`;

describe("Relationships", () => {
  it("reads each relationship, entities decoded", () => {
    const rels = new Relationships(RELS);
    expect(rels.list()).toEqual([
      { id: "rId1", type: `${REL}/header`, target: "header1.xml" },
      { id: "rId2", type: `${REL}/hyperlink`, target: "https://ent.example/?a=1&b=2" },
      { id: "rId3", type: `${REL}/footer`, target: "footer1.xml" },
    ]);
    expect(rels.ofKind("footer", "header").map((r) => r.id)).toEqual(["rId1", "rId3"]);
    expect(rels.byId("rId2")?.target).toBe("https://ent.example/?a=1&b=2");
    expect(rels.byId("rId9")).toBeUndefined();
  });

  it("writes untouched relationships as they were, external mode included", () => {
    const xml = new Relationships(RELS).toXml();
    expect(xml).toContain(`Target="https://ent.example/?a=1&amp;b=2" TargetMode="External"/>`);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships')).toBe(true);
    expect(xml.endsWith("</Relationships>")).toBe(true);
    expect(new Relationships(xml).list()).toEqual(new Relationships(RELS).list());
  });

  it("adds (escaped) and removes by kind", () => {
    const rels = new Relationships(RELS);
    rels.add({ id: "rIdEnt1L1", type: `${REL}/header`, target: "header1-ent1.xml" });
    rels.add({ id: "x", type: "t", target: 'a&"b' });
    expect(rels.removeKinds("hyperlink", "footer")).toBe(2);
    const xml = rels.toXml();
    expect(xml).toContain(`<Relationship Id="rIdEnt1L1" Type="${REL}/header" Target="header1-ent1.xml"/>`);
    expect(xml).toContain('Target="a&amp;&quot;b"');
    expect(new Relationships(xml).list().map((r) => r.id)).toEqual(["rId1", "rIdEnt1L1", "x"]);
  });

  it("closes a relationship written with an end tag, and keeps the head of a part without any", () => {
    const xml = new Relationships(RELS).toXml();
    expect(xml).toContain(`<Relationship Id="rId3" Type="${REL}/footer" Target="footer1.xml"/>`);
    expect(xml).not.toContain("</Relationship>");
    expect(xml.match(/<Relationship\s/g)).toHaveLength(3);
    expect(xml.match(/\/>/g)).toHaveLength(3);
    const bare = new Relationships('<?xml version="1.0"?><Relationships xmlns="x"></Relationships>');
    bare.add({ id: "a", type: "t", target: "c" });
    expect(bare.toXml()).toBe(
      '<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="a" Type="t" Target="c"/></Relationships>',
    );
    const none = new Relationships();
    none.add({ id: "a", type: "t", target: "c" });
    expect(none.toXml()).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="t" Target="c"/></Relationships>',
    );
    expect(RELATIONSHIP_TYPES).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships");
  });

  it("starts an empty part when there is none", () => {
    const rels = new Relationships("");
    expect(rels.list()).toEqual([]);
    rels.add({ id: "a", type: "b", target: "c" });
    expect(new Relationships(rels.toXml()).list()).toEqual([{ id: "a", type: "b", target: "c" }]);
    const empty = new Relationships('<Relationships xmlns="x"></Relationships>');
    expect(empty.toXml()).toBe('<Relationships xmlns="x"></Relationships>');
  });
});

describe("part paths", () => {
  it.each([
    ["word/document.xml", "header1.xml", "word/header1.xml"],
    ["word/document.xml", "./media/a.png", "word/media/a.png"],
    ["word/document.xml", "../customXml/item1.xml", "customXml/item1.xml"],
    ["word/document.xml", "/word/footer1.xml", "word/footer1.xml"],
    ["", "word/document.xml", "word/document.xml"],
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
  ])("%s + %s → %s", (from, target, path) => {
    expect(resolveTarget(from, target)).toBe(path);
  });

  it.each([
    ["word/document.xml", "word/_rels/document.xml.rels"],
    ["word/header1.xml", "word/_rels/header1.xml.rels"],
    ["document.xml", "_rels/document.xml.rels"],
  ])("relationships of %s are in %s", (part, rels) => {
    expect(relsPathOf(part)).toBe(rels);
  });
});

const TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`;

describe("ContentTypes", () => {
  it("reads overrides and adds new ones", () => {
    const types = new ContentTypes(TYPES);
    expect(types.typeOf("word/header1.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    );
    expect(types.typeOf("word/footer1.xml")).toBeUndefined();
    types.addOverride("word/header1-ent2.xml", "application/x-h");
    expect(types.typeOf("word/header1-ent2.xml")).toBe("application/x-h");
    expect(types.toXml()).toContain(
      '<Override PartName="/word/header1-ent2.xml" ContentType="application/x-h"/></Types>',
    );
  });

  it("turns a template's main part (.dotx) into a document's", () => {
    const types = new ContentTypes(TYPES);
    types.asDocument("word/document.xml");
    expect(types.typeOf("word/document.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    );
    expect(types.toXml()).not.toContain("template.main");
    const doc = new ContentTypes(types.toXml());
    doc.asDocument("word/document.xml");
    expect(doc.toXml()).toBe(types.toXml());
  });
});

describe("OpcPackage", () => {
  const zip = zipSync({
    "_rels/.rels": strToU8(
      `<Relationships><Relationship Id="r" Type="${REL}/officeDocument" Target="/word/document.xml"/></Relationships>`,
    ),
    "word/document.xml": strToU8("<w:document>é</w:document>"),
    "word/_rels/document.xml.rels": strToU8(RELS),
    "[Content_Types].xml": strToU8(TYPES),
  });

  it("reads parts as text and follows relationships", () => {
    const pkg = OpcPackage.unzip(zip, () => new Error("no"));
    expect(pkg.has("word/document.xml")).toBe(true);
    expect(pkg.has("toString")).toBe(false);
    expect(pkg.text("word/document.xml")).toBe("<w:document>é</w:document>");
    expect(pkg.text("word/absent.xml")).toBeUndefined();
    expect(pkg.related("", "officeDocument")).toEqual([
      { id: "r", type: `${REL}/officeDocument`, path: "word/document.xml" },
    ]);
    expect(pkg.related("word/document.xml", "header", "footer").map((p) => p.path)).toEqual([
      "word/header1.xml",
      "word/footer1.xml",
    ]);
    expect(pkg.relationships("word/header1.xml").list()).toEqual([]);
    expect(pkg.contentTypes().typeOf("word/header1.xml")).toContain("header+xml");
  });

  it("throws the caller's error for bytes that are not a zip", () => {
    const err = new Error("pas un zip");
    expect(() => OpcPackage.unzip(strToU8("Nom;Prénom"), () => err)).toThrow(err);
  });
});

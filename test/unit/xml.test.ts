// The small XML scanners and character helpers the importer and the engine stand on, case by case.
import { XmlError } from "../../src/core/errors";
import {
  attrValue,
  elementEnd,
  findElement,
  nextStart,
  previousStart,
  topLevelElements,
} from "../../src/core/xml/scan";
import { decodeEntities, describeChar, escapeXml, invalidXmlChars, stripInvalidXml } from "../../src/core/xml/entities";
import { childElements, parseXml } from "../../src/core/xml/tree";

describe("elementEnd", () => {
  it.each([
    ["<w:p>a</w:p>tail", 0, "w:p", 12],
    ["<w:p><w:p>in</w:p></w:p>x", 0, "w:p", 24],
    ["<w:p/>x", 0, "w:p", 6],
    ["<w:p a='1'/><w:p>b</w:p>", 12, "w:p", 24],
    ["<w:p><w:pPr/></w:p>", 0, "w:p", 19], // w:pPr is not w:p
    ["x<w:r><w:t>a</w:t></w:r>", 1, "w:r", 24],
  ])("%s from %i (%s) ends at %i", (xml, start, name, end) => {
    expect(elementEnd(xml, start, name)).toBe(end);
  });

  it("throws a coded XmlError, in French, on an element that never closes", () => {
    expect(() => elementEnd("<w:p><w:r>", 5, "w:r")).toThrow(
      expect.objectContaining({
        code: "bad-xml",
        element: "w:r",
        offset: 5,
        message: "l'élément <w:r> n'est pas fermé (position 5)",
      }),
    );
    expect(() => elementEnd("<w:p><w:r>", 0, "w:p")).toThrow(XmlError);
  });
});

describe("nextStart and previousStart", () => {
  const xml = "<w:p><w:pPr/><w:r/></w:p><w:p/>";
  it.each([
    ["w:p", 0, 0],
    ["w:p", 1, 25],
    ["w:p", 26, -1],
    ["w:pPr", 0, 5],
    ["w:r", 0, 13],
  ])("next <%s> from %i is at %i", (name, from, at) => {
    expect(nextStart(xml, name, from)).toBe(at);
  });
  it.each([
    ["w:p", 25, 0],
    ["w:p", 26, 25],
    ["w:p", 0, -1],
    ["w:r", 14, 13],
    ["w:r", 13, -1],
  ])("last <%s> before %i is at %i", (name, before, at) => {
    expect(previousStart(xml, name, before)).toBe(at);
  });
});

describe("findElement", () => {
  const xml = "<a><w:t>x</w:t><w:t>y</w:t></a>";
  it("finds the first element from a position", () => {
    expect(findElement(xml, "w:t")).toEqual({ start: 3, end: 15, text: "<w:t>x</w:t>" });
    expect(findElement(xml, "w:t", 4)).toEqual({ start: 15, end: 27, text: "<w:t>y</w:t>" });
  });
  it("finds nothing that starts at or past the limit, or at all", () => {
    expect(findElement(xml, "w:t", 0, 3)).toBeNull();
    expect(findElement(xml, "w:t", 0, 4)).not.toBeNull();
    expect(findElement(xml, "w:b")).toBeNull();
  });
  it("finds an element at the very start", () => {
    expect(findElement("<w:t>x</w:t>", "w:t")?.start).toBe(0);
  });
});

describe("attrValue", () => {
  it.each([
    ['<w:tag w:val="ent:login"/>', "w:val", "ent:login"],
    ['<x a="1" b="2">', "b", "2"],
    ['<x ab="1" b="2">', "b", "2"],
    ['<x a="">', "a", ""],
    ['<x a="1">', "c", undefined],
  ])("%s %s → %s", (tag, name, value) => {
    expect(attrValue(tag, name)).toBe(value);
  });
});

describe("topLevelElements", () => {
  it("lists top-level elements with their names, skipping declarations, comments and text", () => {
    const xml = '<?xml version="1.0"?>text<!-- c --><w:p>a<w:p/></w:p> <w:tbl/><w:sectPr></w:sectPr>';
    expect(topLevelElements(xml)).toEqual([
      { name: "w:p", start: 35, end: 53 },
      { name: "w:tbl", start: 54, end: 62 },
      { name: "w:sectPr", start: 62, end: 83 },
    ]);
  });
  it("passes over a lone < that starts no element", () => {
    expect(topLevelElements("a < b <w:p/>")).toEqual([{ name: "w:p", start: 6, end: 12 }]);
    expect(topLevelElements("")).toEqual([]);
    expect(topLevelElements("no element")).toEqual([]);
  });
});

describe("decodeEntities", () => {
  it.each([
    ["N&#39;Diaye", "N'Diaye"],
    ["&amp;&lt;&gt;&quot;&apos;&nbsp;", "&<>\"'\u00a0"],
    ["&#x45;&#X46;&#233;", "EFé"],
    ["&#x1F600;", "😀"],
    ["&unknown; &amp", "&unknown; &amp"],
    ["&#x110000;", "&#x110000;"],
    ["sans entité", "sans entité"],
  ])("%s → %s", (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});

describe("escapeXml", () => {
  it("escapes the five XML special characters and nothing else", () => {
    expect(escapeXml(`a&b<c>d"e'f é`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f é");
  });
});

describe("invalid XML characters", () => {
  it.each([
    ["\u0000", true],
    ["\u0008", true],
    ["\t", false],
    ["\n", false],
    ["\r", false],
    ["\u000b", true],
    ["\u000c", true],
    ["\u001f", true],
    [" ", false],
    ["\ufffe", true],
    ["\uffff", true],
    ["\ud800", true],
    ["\udc00", true],
    ["😀", false],
    ["é", false],
  ])("%j is invalid: %s", (c, invalid) => {
    expect(invalidXmlChars(`a${c}b`)).toEqual(invalid ? [c] : []);
    expect(stripInvalidXml(`a${c}b`)).toBe(invalid ? "ab" : `a${c}b`);
  });

  it("names characters for messages", () => {
    expect(describeChar("\u0007")).toBe("U+0007");
    expect(describeChar("😀")).toBe("U+1F600");
  });
});

describe("previousStart: the name ends at any character that may follow it in a tag", () => {
  it.each([
    ["<w:p w:rsidR='1'>", true],
    ["<w:p\tw:rsidR='1'>", true],
    ["<w:p\nw:rsidR='1'>", true],
    ["<w:p\rw:rsidR='1'>", true],
    ["<w:p>", true],
    ["<w:p/>", true],
    ["<w:pPr>", false],
    ["<w:p-x>", false],
  ])("%j is a <w:p>: %s", (tag, found) => {
    expect(previousStart(`${tag}texte`, "w:p", tag.length + 2)).toBe(found ? 0 : -1);
  });
});

describe("topLevelElements: a tag inside a comment or a processing instruction is not an element", () => {
  it.each([["<!-- <w:p> --><w:tbl/>"], ['<?mso-application progid="<w:p>"?><w:tbl/>']])("%j", (xml) => {
    expect(topLevelElements(xml).map((e) => e.name)).toEqual(["w:tbl"]);
  });
});

describe("parseXml at its edges", () => {
  it("skips a comment holding tags, a DOCTYPE and a stray end tag before the document element", () => {
    const root = parseXml('</x><!DOCTYPE html PUBLIC "x"><!-- <b>commentaire</b> --><a><b/></a>');
    expect(root).toEqual({ name: "a", attrs: {}, children: [{ name: "b", attrs: {}, children: [] }] });
  });

  it("keeps a CDATA section of several characters as it is, entities and all", () => {
    expect(parseXml("<a><![CDATA[x < y &amp; z]]></a>").children).toEqual(["x < y &amp; z"]);
  });

  it("reads attributes with spaces around '=' and single-quoted values of several characters", () => {
    expect(parseXml("<a x = \"1\" y='deux mots' z='' />").attrs).toEqual({ x: "1", y: "deux mots", z: "" });
  });

  it("gives the document itself, empty, when there is no element", () => {
    expect(parseXml("")).toEqual({ name: "#document", attrs: {}, children: [] });
    expect(parseXml("du texte")).toEqual({ name: "#document", attrs: {}, children: ["du texte"] });
  });

  it("lists child elements, all or by name, without the text between them", () => {
    const root = parseXml("<a>t<b i='1'/>u<c/><b i='2'/></a>");
    expect(childElements(root).map((e) => e.name)).toEqual(["b", "c", "b"]);
    expect(childElements(root, "b").map((e) => e.attrs.i)).toEqual(["1", "2"]);
  });
});

describe("decodeEntities beyond Unicode", () => {
  it("leaves a reference past U+10FFFF as written", () => {
    expect(decodeEntities("a&#x110000;b&#1114112;")).toBe("a&#x110000;b&#1114112;");
    expect(decodeEntities("&#x10FFFF;")).toBe("\u{10FFFF}");
  });
});

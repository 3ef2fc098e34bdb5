// The flat OPC package Word's getOoxml() returns, turned back into a .docx part by part:
// XML parts, base64 binary parts (any length, wrapped lines), content types, relationships.
import { strFromU8, unzipSync } from "fflate";
import { flatOpcToDocx } from "../../src/core/merge";

const part = (name: string, type: string, inner: string) =>
  `<pkg:part pkg:name="${name}" pkg:contentType="${type}">${inner}</pkg:part>`;
const xmlPart = (name: string, type: string, xml: string) => part(name, type, `<pkg:xmlData>${xml}</pkg:xmlData>`);
const flat = (...parts: string[]) =>
  `<?xml version="1.0"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${parts.join("")}</pkg:package>`;
const MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

describe("flatOpcToDocx", () => {
  it("writes each XML part with its declaration, and its content type (none for relationships)", () => {
    const docx = flatOpcToDocx(
      flat(
        xmlPart("/_rels/.rels", "application/vnd.openxmlformats-package.relationships+xml", "<Relationships/>"),
        xmlPart("/word/document.xml", MAIN, "<w:document/>"),
      ),
    );
    const files = unzipSync(docx);
    expect(Object.keys(files).sort()).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    expect(strFromU8(files["word/document.xml"])).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document/>',
    );
    const types = strFromU8(files["[Content_Types].xml"]);
    expect(types).toContain(`<Override PartName="/word/document.xml" ContentType="${MAIN}"/>`);
    expect(types).not.toContain("/_rels/.rels");
    expect(types).toContain(
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    );
  });

  it.each([
    ["", []],
    ["QQ==", [0x41]],
    ["QUI=", [0x41, 0x42]],
    ["QUJD", [0x41, 0x42, 0x43]],
    ["/+8A\n  AQID", [0xff, 0xef, 0x00, 0x01, 0x02, 0x03]],
  ])("decodes the base64 binary part %j", (b64, expected) => {
    const docx = flatOpcToDocx(
      flat(
        xmlPart("/word/document.xml", MAIN, "<w:document/>"),
        part("/word/media/image1.png", "image/png", `<pkg:binaryData>${b64}</pkg:binaryData>`),
      ),
    );
    const files = unzipSync(docx);
    expect([...files["word/media/image1.png"]]).toEqual(expected);
    expect(strFromU8(files["[Content_Types].xml"])).toContain(
      '<Override PartName="/word/media/image1.png" ContentType="image/png"/>',
    );
  });

  it("skips nameless and empty parts, and refuses a package without a main document", () => {
    const docx = flatOpcToDocx(
      flat(
        xmlPart("", "application/xml", "<x/>"),
        part("/word/vide.xml", "application/xml", ""),
        xmlPart("/word/document.xml", MAIN, "<w:document/>"),
      ),
    );
    expect(Object.keys(unzipSync(docx)).sort()).toEqual(["[Content_Types].xml", "word/document.xml"]);
    expect(() => flatOpcToDocx(flat(xmlPart("/word/styles.xml", "application/xml", "<w:styles/>")))).toThrow(
      "Word a fourni un contenu sans document principal : enregistrez le courrier puis réessayez.",
    );
  });
});

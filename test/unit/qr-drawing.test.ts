// The QR code as the letter carries it: 27 mm square, an alt text saying what it opens, one
// image per distinct address, the drawing prefixes declared once on the document (or on the
// picture when the root cannot take them), and the user's own address pattern.
import { qrPlan, QrImages, withDrawingNamespaces } from "../../src/core/merge/qr-codes";
import { RosterRecord } from "../../src/core/roster";
import { makeDocx, p, r } from "./helpers/docx";
import { record } from "./helpers/records";

const person = (login: string) => record({ login, password: "Ab12" });

describe("QrImages", () => {
  it("draws a 27 mm code saying it opens the activation page, for that person", () => {
    const images = new QrImages({ urlOf: (rec) => `https://ent.example/auth/activation?login=${rec.values.login}` });
    const run = images.run(person("léa.m"), 7);
    expect(run.match(/cx="972000" cy="972000"/g)).toHaveLength(2);
    expect(run).toContain(
      '<wp:docPr id="7" name="Code QR 7" descr="Code QR : page d&apos;activation de l&apos;ENT pour léa.m"/>',
    );
    expect(run).toContain('<a:blip r:embed="rIdEntQr1"/>');
    expect(run).toMatch(/^<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent /);
  });

  it("says the ENT's address when the code opens the ENT, escaped", () => {
    const images = new QrImages({ urlOf: () => "https://ent.example/?a=1&b=2" });
    expect(images.run(person("x"), 1)).toContain(
      'descr="Code QR : adresse de l&apos;ENT (https://ent.example/?a=1&amp;b=2)"',
    );
  });

  it("makes one image per distinct address", () => {
    const images = new QrImages({
      urlOf: (rec) => (rec.values.login === "c" ? "https://b.example" : "https://a.example"),
    });
    images.run(person("a"), 1);
    images.run(person("b"), 2);
    expect(images.run(person("c"), 3)).toContain('r:embed="rIdEntQr2"');
    expect(images.parts.map((i) => [i.path, i.rId])).toEqual([
      ["word/media/ent-qr-1.png", "rIdEntQr1"],
      ["word/media/ent-qr-2.png", "rIdEntQr2"],
    ]);
  });

  it("declares the drawing prefixes on the picture when the document's root does not", () => {
    const images = new QrImages({ urlOf: () => "https://a.example" });
    images.rootDeclares = false;
    expect(images.run(person("a"), 1)).toContain(
      '<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><wp:extent',
    );
  });
});

describe("withDrawingNamespaces", () => {
  it("adds to the document's root only the prefixes it lacks", () => {
    const prefix =
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>';
    expect(withDrawingNamespaces(prefix)).toBe(
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>',
    );
  });

  it("gives nothing for a main part whose root is not w:document", () => {
    expect(withDrawingNamespaces("<x:document><w:body>")).toBeNull();
  });
});

describe("qrPlan with the user's pattern", () => {
  it("fills the pattern, with an empty ENT address when the letter has none", () => {
    const plan = qrPlan(makeDocx({ body: p(r("x")) }), { headers: [], columns: [] }, "{ent}/connexion?login={login}");
    expect(typeof plan).toBe("object");
    expect((plan as { urlOf(r: RosterRecord): string }).urlOf(person("léa"))).toBe("/connexion?login=l%C3%A9a");
  });
});

// The package's small parts at their edges: an empty package's content types and
// relationships, a template's main part turned into a document's and nothing else, the
// overrides added written in order, relationships without attributes, and the error base
// class's cause and the internal error's wording.
import { CourriersError, InternalError } from "../../src/core/errors";
import { ContentTypes, OpcPackage, Relationships } from "../../src/core/opc";

const DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
const MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";
const types = (main: string) =>
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

describe("an empty package", () => {
  const pkg = new OpcPackage({});

  it("has no content types and no relationships, written as an empty list", () => {
    expect(pkg.contentTypes().toXml()).toBe("");
    expect(pkg.relationships("").list()).toEqual([]);
    expect(pkg.relationships("word/document.xml").toXml()).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
    );
  });
});

describe("content types", () => {
  it("turn a template's main part into a document's, in the map and in the XML", () => {
    const ct = new ContentTypes(types(TEMPLATE_MAIN));
    ct.asDocument("word/document.xml");
    expect(ct.typeOf("word/document.xml")).toBe(DOCUMENT_MAIN);
    expect(ct.toXml()).toBe(types(DOCUMENT_MAIN));
  });

  it("leave any other main part as it is", () => {
    const ct = new ContentTypes(types(MACRO_MAIN));
    ct.asDocument("word/document.xml");
    expect(ct.typeOf("word/document.xml")).toBe(MACRO_MAIN);
    expect(ct.toXml()).toBe(types(MACRO_MAIN));
  });

  it("write the overrides added, in order, before the end of the list", () => {
    const ct = new ContentTypes(types(DOCUMENT_MAIN));
    ct.addOverride("word/header9.xml", "h");
    ct.addOverride("word/footer9.xml", "f");
    expect(ct.toXml()).toBe(
      types(DOCUMENT_MAIN).replace(
        "</Types>",
        '<Override PartName="/word/header9.xml" ContentType="h"/><Override PartName="/word/footer9.xml" ContentType="f"/></Types>',
      ),
    );
  });
});

describe("relationships", () => {
  it("read a relationship without its attributes as empty values, and written closed", () => {
    const rels = new Relationships('<Relationships><Relationship></Relationship><Relationship Id="x"></Relationships>');
    expect(rels.list()).toEqual([{ id: "x", type: "", target: "" }]);
    expect(rels.toXml()).toBe('<Relationships><Relationship Id="x"/></Relationships>');
  });

  it("keep the head of a list that has no relationship yet", () => {
    const rels = new Relationships("<Relationships a='1'></Relationships>");
    expect(rels.toXml()).toBe("<Relationships a='1'></Relationships>");
    expect(new Relationships("</Relationships>").toXml()).toBe("</Relationships>");
  });
});

describe("errors", () => {
  it("carry a cause only when given one", () => {
    expect(Object.prototype.hasOwnProperty.call(new CourriersError("x", "m"), "cause")).toBe(false);
    expect(new CourriersError("x", "m", { cause: "pourquoi" }).cause).toBe("pourquoi");
  });

  it("say an internal error in French, naming what broke", () => {
    expect(new InternalError("lecture du modèle").message).toBe(
      "Erreur interne de Courriers ENT (lecture du modèle). Rechargez le complément ; si elle revient, signalez-la.",
    );
  });
});

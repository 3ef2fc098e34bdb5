// What the engine reads of a template besides its letters: which field is the password (the
// empty-password refusal depends on it), which ready letter it came from, its footer's text,
// and which school passages still show their model text.
import { fieldIdOf, MergeSource } from "../../src/core/merge/resolve";
import { footerText, readyLetterOf, templateFields, unchangedPassages } from "../../src/core/merge/inspect";
import { cc, makeDocx, p, r, W_NS } from "./helpers/docx";
import { mergeSource } from "./helpers/records";

describe("fieldIdOf, for a MERGEFIELD", () => {
  const of = (name: string, s: MergeSource) => fieldIdOf({ kind: "mergefield", name }, s);

  it("is the catalog field its name stands for when the export has that field, whatever its header", () => {
    const s = mergeSource(["Login", "login"], ["Password", "password"]);
    expect(of("Mot de passe", s)).toBe("password");
    expect(of("Identifiant", s)).toBe("login");
  });

  it("is nothing when the export lacks the field its name stands for", () => {
    expect(of("Mot de passe", mergeSource(["Login", "login"]))).toBeNull();
  });

  it("is the field the importer found for the column it names, compared loosely", () => {
    const s = mergeSource(["Classe", "class"], ["Sésame", "password"]);
    expect(of("sesame", s)).toBe("password");
    expect(of("Sésame", s)).toBe("password");
  });

  it("is nothing for a column of the school's own or an unknown name", () => {
    const s = mergeSource(["Option", null]);
    expect(of("Option", s)).toBeNull();
    expect(of("Inconnu", s)).toBeNull();
  });

  it("reads a tag without looking at the export", () => {
    expect(fieldIdOf({ kind: "tag", tag: "ent:password" }, mergeSource())).toBe("password");
  });
});

describe("readyLetterOf", () => {
  const settings = (vars: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings ${W_NS}><w:docVars>${vars}</w:docVars></w:settings>`;

  it("reads our document variable among others", () => {
    const docx = makeDocx({
      body: p(r("x")),
      settings: settings(
        '<w:docVar w:name="Autre" w:val="eleves"/><w:docVar w:name="CourriersENT.courrier" w:val="parents"/>',
      ),
    });
    expect(readyLetterOf(docx)).toBe("parents");
  });

  it("gives nothing for an unknown letter name, a variable without value, or no variable", () => {
    const unknown = settings('<w:docVar w:name="CourriersENT.courrier" w:val="autre"/>');
    expect(readyLetterOf(makeDocx({ body: p(r("x")), settings: unknown }))).toBeNull();
    const empty = settings('<w:docVar w:name="CourriersENT.courrier"/>');
    expect(readyLetterOf(makeDocx({ body: p(r("x")), settings: empty }))).toBeNull();
    expect(readyLetterOf(makeDocx({ body: p(r("x")) }))).toBeNull();
  });
});

describe("footerText", () => {
  it("is the footer's text, runs joined as written, not the header's", () => {
    const docx = makeDocx({
      body: p(r("x")),
      header: p(r("En-tête")),
      footer: p(r("Collège ") + r("J. Moulin &amp; Cie")),
    });
    expect(footerText(docx)).toBe("Collège J. Moulin & Cie");
  });
});

describe("templateFields and unchangedPassages", () => {
  it("lists fields in order, body then header and footer, and no school passage", () => {
    const passage = `<w:sdt><w:sdtPr><w:tag w:val="ent:edit:intro"/></w:sdtPr><w:sdtContent>${p(cc("class", "Classe"))}</w:sdtContent></w:sdt>`;
    const docx = makeDocx({ body: passage + p(cc("login", "Login")), footer: p(cc("uai", "UAI")) });
    expect(templateFields(docx)).toEqual([
      { kind: "tag", tag: "ent:class" },
      { kind: "tag", tag: "ent:login" },
      { kind: "tag", tag: "ent:uai" },
    ]);
  });

  it("does not count a field showing its placeholder as a school passage", () => {
    const field = `<w:sdt><w:sdtPr><w:tag w:val="ent:login"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${r("«Login»")}</w:sdtContent></w:sdt>`;
    const passage = `<w:sdt><w:sdtPr><w:tag w:val="ent:edit:intro"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${p(r("Modèle"))}</w:sdtContent></w:sdt>`;
    expect(unchangedPassages(makeDocx({ body: p(field) + passage }))).toEqual(["intro"]);
  });
});

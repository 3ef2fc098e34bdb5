// A template holding tracked revisions would copy them into every letter (a deleted word kept
// in each letter's history, a password typed during a tracked preview): it is refused, in
// whichever part the revision stands, and the letters never open with tracking on.
import { mergeLetters } from "../../src/core/merge";
import { readRoster, Roster } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";
import { cc, makeDocx, p, r, unzipText, W_NS } from "./helpers/docx";
import { refusal } from "./helpers/refusal";

let roster: Roster;
beforeEach(() => {
  roster = readRoster(utf8("Nom;Prénom;Login;Mot de passe\nMOREAU;Aïcha;aicha.moreau;001000\n"), "test.csv");
});

const AUTHOR = 'w:id="7" w:author="Secrétariat" w:date="2026-09-01T10:00:00Z"';
const FIELD = p(cc("login", "Login"));

describe("a template with tracked revisions", () => {
  it.each([
    [
      "an insertion in the body",
      { body: FIELD + p(`<w:ins ${AUTHOR}>${r("ajouté")}</w:ins>`) },
      "le corps du courrier",
    ],
    [
      "a deletion in the body",
      { body: FIELD + p(`<w:del ${AUTHOR}><w:r><w:delText>retiré</w:delText></w:r></w:del>`) },
      "le corps du courrier",
    ],
    ["a moved passage", { body: FIELD + p(`<w:moveTo ${AUTHOR}>${r("déplacé")}</w:moveTo>`) }, "le corps du courrier"],
    [
      "a formatting change",
      {
        body: FIELD + p(`<w:r><w:rPr><w:b/><w:rPrChange ${AUTHOR}><w:rPr/></w:rPrChange></w:rPr><w:t>gras</w:t></w:r>`),
      },
      "le corps du courrier",
    ],
    [
      "a deletion in the header",
      { body: FIELD, header: p(`<w:del ${AUTHOR}><w:r><w:delText>Ancien nom</w:delText></w:r></w:del>`) },
      "l'en-tête ou le pied de page",
    ],
    ["an empty insertion mark", { body: FIELD + p(`<w:ins ${AUTHOR}/>`) }, "le corps du courrier"],
  ])("is refused for %s, saying to accept or reject them", (_, parts, where) => {
    const e = refusal(() => mergeLetters(makeDocx(parts), roster.records, roster));
    expect(e.code).toBe("tracked-changes");
    expect(e.message).toMatch(/^Le modèle contient une modification suivie \(dans /);
    expect(e.message).toContain("chaque courrier la garderait");
    expect(e.message).toContain(where);
    expect(e.message).toContain("acceptez ou refusez");
  });

  it("counts every revision in its message", () => {
    const two =
      FIELD + p(`<w:ins ${AUTHOR}>${r("a")}</w:ins><w:del ${AUTHOR}><w:r><w:delText>b</w:delText></w:r></w:del>`);
    expect(refusal(() => mergeLetters(makeDocx({ body: two }), roster.records, roster)).message).toContain(
      "2 modifications suivies",
    );
  });

  it("is not confused by names that merely start like a revision (table borders insideH, delText alone)", () => {
    const table = `<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc>${FIELD}</w:tc></w:tr></w:tbl>`;
    expect(mergeLetters(makeDocx({ body: table + p("") }), roster.records, roster).letters).toBe(1);
  });
});

describe("the letters never open with change tracking on", () => {
  it.each([
    "<w:trackRevisions/>",
    '<w:trackRevisions w:val="true"/>',
    '<w:trackRevisions w:val="1"></w:trackRevisions>',
  ])("drops %s from the letters' settings", (mark) => {
    const settings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings ${W_NS}><w:zoom w:percent="100"/>${mark}<w:defaultTabStop w:val="708"/></w:settings>`;
    const out = unzipText(mergeLetters(makeDocx({ body: FIELD, settings }), roster.records, roster).docx);
    expect(out["word/settings.xml"]).not.toContain("trackRevisions");
    expect(out["word/settings.xml"]).toContain('<w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/>');
  });
});

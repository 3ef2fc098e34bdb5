// Page numbers and duplex. Word tells a recto from a verso by the page number, so a letter
// section that restarts at 1 is "odd" wherever it falls: the letters restart only where the
// template prints page numbers, and never in recto-verso bundles.
import { strFromU8, unzipSync } from "fflate";
import { mergeLetters } from "../../src/core/merge";
import { readRoster, Roster } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";
import { cc, makeDocx, p, r } from "./helpers/docx";

let roster: Roster;
beforeEach(() => {
  roster = readRoster(
    utf8(
      "Nom;Prénom;Login;Mot de passe;Classe\nMOREAU;Aïcha;aicha.moreau;001000;6A\nDUPONT;Jean;jean.dupont;k8Rt2p;5B\n",
    ),
    "test.csv",
  );
});

const BODY = p(cc("login", "Login"));
const simplePage = p(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`);
const complexPages = p(
  `${r("Page ")}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
);
const sections = (docx: Uint8Array) =>
  strFromU8(unzipSync(docx)["word/document.xml"]).match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)!;

describe("page numbers", () => {
  it.each([
    ["no page field", p(r("Courrier confidentiel")), false],
    ["a simple PAGE field", simplePage, true],
    ["a complex NUMPAGES field", complexPages, true],
  ])("a template with %s: each letter restarts at 1 only where numbers are printed", (_, footer, restarts) => {
    const out = mergeLetters(makeDocx({ body: BODY, footer }), roster.records, roster);
    for (const s of sections(out.docx)) expect(/w:start="1"/.test(s)).toBe(restarts);
    expect(out.warnings).toEqual([]);
  });

  it("drops the template's own restart where it prints no number", () => {
    const sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgNumType w:fmt="decimal" w:start="3"/></w:sectPr>';
    const out = mergeLetters(makeDocx({ body: BODY, sect }), roster.records, roster);
    for (const s of sections(out.docx)) expect(s).toContain('<w:pgNumType w:fmt="decimal"/>');
  });

  it("never restarts in recto-verso bundles, and says the numbers follow on", () => {
    const out = mergeLetters(makeDocx({ body: BODY, footer: simplePage }), roster.records, roster, {
      bundles: { rectoVerso: true },
    });
    for (const s of sections(out.docx)) expect(s).not.toMatch(/w:start=/);
    expect(out.warnings).toEqual([
      expect.objectContaining({ field: "Numéros de page", message: expect.stringMatching(/^Recto verso : le modèle/) }),
    ]);
  });
});

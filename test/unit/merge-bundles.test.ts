// Per-class bundles through the whole merge: class by class, each class's cover, its letters,
// its receipt; the last receipt ends the document with the bundles' section; without a
// school name nothing stands in for it; receipts alone leave the letters out.
import { mergeLetters } from "../../src/core/merge";
import { readRoster, Roster } from "../../src/core/roster";
import { cc, makeDocx, p, paragraphsText, r, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";

// In class order, as the pane and the CLI sort them before a bundled merge.
const CSV = "Nom;Prénom;Login;Mot de passe;Classe\nB;Bob;bob.b;Y2;6A\nA;Ana;ana.a;X1;6B\nC;Cy;cy.c;Z3;6B\n";
const TEMPLATE = makeDocx({
  body: p(r("Identifiant : ") + cc("login", "Identifiant")),
  header: p(cc("class", "Classe")),
});

let roster: Roster;
// Per test, not at load: see 'Static mutants' in docs/testing.md.
beforeEach(() => {
  roster = readRoster(utf8(CSV), "eleves.csv");
});

const body = (docx: Uint8Array) => unzipText(docx)["word/document.xml"];

describe("bundles", () => {
  it("give each class, in the order the records come, its cover, its letters and its receipt, with no school name invented", () => {
    const result = mergeLetters(TEMPLATE, roster.records, roster, { bundles: {} });
    expect(result).toMatchObject({ letters: 3, classes: 2, receiptsOnly: false });
    const texts = paragraphsText(body(result.docx)).filter((t) => t !== "");
    expect(texts).toEqual([
      "Classe 6A",
      "1 courrier d’identifiants ENT",
      "À remettre par\u00a0: ______________________________",
      "Le\u00a0: ____ / ____ / ________",
      "La liste d’émargement suit les courriers\u00a0: faites-la signer à chaque remise.",
      "Identifiant : bob.b",
      "Classe 6A — liste d’émargement (1 courrier)",
      "Nom et prénom",
      "Identifiant",
      "Date",
      "Signature",
      "B Bob",
      "bob.b",
      "Classe 6B",
      "2 courriers d’identifiants ENT",
      "À remettre par\u00a0: ______________________________",
      "Le\u00a0: ____ / ____ / ________",
      "La liste d’émargement suit les courriers\u00a0: faites-la signer à chaque remise.",
      "Identifiant : ana.a",
      "Identifiant : cy.c",
      "Classe 6B — liste d’émargement (2 courriers)",
      "Nom et prénom",
      "Identifiant",
      "Date",
      "Signature",
      "A Ana",
      "ana.a",
      "C Cy",
      "cy.c",
    ]);
  });

  it("end the first receipt with a section break and the last one with the document's last section", () => {
    const xml = body(mergeLetters(TEMPLATE, roster.records, roster, { bundles: {} }).docx);
    const tables = xml.split("</w:tbl>");
    expect(tables).toHaveLength(3);
    expect(tables[1].startsWith("<w:p><w:pPr><w:sectPr>")).toBe(true);
    expect(tables[2]).toMatch(/^<w:p\/><w:sectPr>[\s\S]*<\/w:sectPr><\/w:body><\/w:document>$/);
    // Blank header and footer, page numbers following on (a restart breaks duplex in Word), the letter's page size.
    expect(tables[2]).toContain('<w:headerReference w:type="default" r:id="rIdEntVideH"/>');
    expect(tables[2]).not.toContain("w:start");
    expect(tables[2]).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  });

  it("copy a header holding a field for each letter, under a name of its own", () => {
    const files = unzipText(mergeLetters(TEMPLATE, roster.records, roster, { bundles: {} }).docx);
    expect(Object.keys(files).filter((f) => /^word\/header1-ent\d+\.xml$/.test(f))).toEqual([
      "word/header1-ent1.xml",
      "word/header1-ent2.xml",
      "word/header1-ent3.xml",
    ]);
    expect([1, 2, 3].map((n) => paragraphsText(files[`word/header1-ent${n}.xml`])[0])).toEqual(["6A", "6B", "6B"]);
  });

  it("name the school on every cover and receipt when given", () => {
    const xml = body(mergeLetters(TEMPLATE, roster.records, roster, { bundles: { school: "Collège Brassens" } }).docx);
    expect(xml.match(/>Collège Brassens</g)).toHaveLength(2);
    expect(xml.match(/>Collège Brassens — Classe 6[AB] — liste/g)).toHaveLength(2);
  });

  it("leave the letters and covers out when only the receipts are wanted", () => {
    const result = mergeLetters(TEMPLATE, roster.records, roster, { bundles: { receiptsOnly: true } });
    expect(result).toMatchObject({ classes: 2, receiptsOnly: true });
    const texts = paragraphsText(body(result.docx));
    expect(texts.filter((t) => t.startsWith("Identifiant :") || t.startsWith("Classe 6"))).toEqual([
      "Classe 6A — liste d’émargement (1 courrier)",
      "Classe 6B — liste d’émargement (2 courriers)",
    ]);
  });

  it("are left out of the result when not asked for", () => {
    const result = mergeLetters(TEMPLATE, roster.records, roster);
    expect(result.classes).toBeUndefined();
    expect(body(result.docx)).not.toContain("émargement");
  });
});

describe("a parent of children in several classes", () => {
  const FAMILY =
    "Nom;Prénom;Login;Mot de passe;Profil;Classe;Élève\n" +
    "N'DIAYE;Aïcha;aicha.ndiaye;K7pQ2x;Parent;6A, 5B;Anaïs N'DIAYE, Océane N'DIAYE\n" +
    "MOREL;Lise;lise.morel;X1;Parent;5B;Élodie MOREL\n";

  it("gets one letter, in the first class the export gives, and the other class's receipt says where it went", () => {
    const family = readRoster(utf8(FAMILY), "parents.csv");
    const result = mergeLetters(TEMPLATE, family.records, family, { bundles: {} });
    expect(result).toMatchObject({ letters: 2, classes: 2 });
    const texts = paragraphsText(body(result.docx)).filter((t) => t !== "");
    const receipt5B = texts.slice(texts.indexOf("Parents — 5B — liste d’émargement (1 courrier)"));
    expect(receipt5B).toContain("lise.morel");
    expect(receipt5B.some((t) => t.startsWith("N'DIAYE Aïcha\n"))).toBe(true);
    expect(receipt5B).toContain("Courrier remis avec les Parents — 6A");
    expect(receipt5B).not.toContain("aicha.ndiaye");
    expect(texts.filter((t) => t === "Identifiant : aicha.ndiaye")).toHaveLength(1);
  });
});

// A parent of several children: each child named with its class where the export pairs
// them, "et" before the last, the shared family name said once; "votre enfant" or "vos
// enfants" by the count.
import { familyPhrase } from "../../src/core/merge/family";
import { mergeLetters } from "../../src/core/merge";
import { readRoster } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";
import { cc, makeDocx, p, paragraphsText, r, unzipText } from "./helpers/docx";

describe("familyPhrase", () => {
  it.each<[string[], string[], string]>([
    [["Anaïs N'DIAYE"], ["6A"], "d’Anaïs N'DIAYE"],
    [
      ["Anaïs N'DIAYE", "Océane N'DIAYE", "Ismaël N'DIAYE"],
      ["6A", "5B", "3C"],
      "d’Anaïs (6A), d’Océane (5B) et d’Ismaël N'DIAYE (3C)",
    ],
    [["Zoé MARTIN", "Hugo MARTIN"], ["6A", "4B"], "de\u00a0Zoé (6A) et d’Hugo MARTIN (4B)"],
    [["Zoé MARTIN", "Yanis DUPONT"], ["6A", "4B"], "de\u00a0Zoé MARTIN (6A) et de\u00a0Yanis DUPONT (4B)"],
    [["Léa DE LA FONTAINE", "Noé DE LA FONTAINE"], ["5A", "5A"], "de\u00a0Léa (5A) et de\u00a0Noé DE LA FONTAINE (5A)"],
    // Classes the export does not pair with the children: left out rather than guessed.
    [["Anaïs N'DIAYE", "Océane N'DIAYE"], ["6A"], "d’Anaïs et d’Océane N'DIAYE"],
    [["Anaïs N'DIAYE", "Océane N'DIAYE"], [], "d’Anaïs et d’Océane N'DIAYE"],
  ])("%j in %j → %s", (children, classes, phrase) => {
    expect(familyPhrase("de", children, classes)).toBe(phrase);
  });
});

describe("a parents' letter", () => {
  const CSV =
    "Nom;Prénom;Login;Mot de passe;Profil;Classe;Élève\n" +
    "N'DIAYE;Aïcha;aicha.ndiaye;K7pQ2x;Parent;6A, 5B, 3C;Anaïs N'DIAYE, Océane N'DIAYE, Ismaël N'DIAYE\n" +
    "MOREL;Lise;lise.morel;X1;Parent;5B;Élodie MOREL\n";
  const tag = (id: string, label: string) =>
    `<w:sdt><w:sdtPr><w:alias w:val="${label}"/><w:tag w:val="ent:if:${id}"/></w:sdtPr><w:sdtContent>`;
  const body =
    p(
      r("Parent ") +
        cc("de:children", "Enfant(s)") +
        tag("one-child", "Un enfant") +
        r(" – classe ") +
        cc("class", "Classe") +
        "</w:sdtContent></w:sdt>",
    ) +
    p(
      r("La scolarité de ") +
        tag("one-child", "Un enfant") +
        r("votre enfant") +
        "</w:sdtContent></w:sdt>" +
        tag("several-children", "Plusieurs enfants") +
        r("vos enfants") +
        "</w:sdtContent></w:sdt>" +
        r("."),
    ) +
    p(cc("login", "Login"));

  it("names each child with its class, and says « vos enfants » to a family", () => {
    const roster = readRoster(utf8(CSV), "parents.csv");
    const out = mergeLetters(makeDocx({ body }), roster.records, roster);
    const texts = paragraphsText(unzipText(out.docx)["word/document.xml"]).filter((t) => t);
    expect(texts).toEqual([
      "Parent d’Anaïs (6A), d’Océane (5B) et d’Ismaël N'DIAYE (3C)",
      "La scolarité de vos enfants.",
      "aicha.ndiaye",
      "Parent d’Élodie MOREL – classe 5B",
      "La scolarité de votre enfant.",
      "lise.morel",
    ]);
  });
});

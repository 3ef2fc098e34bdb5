// The letter writer at its edges: a password of spaces is an empty password, the empty cards
// of a last page are not people without a password, an empty value writes no run at all.
import { mergeLetters } from "../../src/core/merge";
import { readRoster, Roster } from "../../src/core/roster";
import { cc, makeDocx, p, paragraphsText, r, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";
import { refusal } from "./helpers/refusal";

let roster: Roster;
// Per test, not at load: see 'Static mutants' in docs/testing.md.
beforeEach(() => {
  roster = readRoster(
    utf8("Nom;Prénom;Login;Mot de passe;Courriel\nA;Ana;ana.a;X1;\nB;Bob;bob.b;Y2;b@x.fr\nC;Cy;cy.c;Z3;\n"),
    "t.csv",
  );
});

const NEXT = '<w:sdt><w:sdtPr><w:tag w:val="ent:next"/></w:sdtPr><w:sdtContent/></w:sdt>';

describe("the letter writer", () => {
  it("refuses a password of spaces as it refuses an empty one, naming the row and the login", () => {
    roster.records[1].values.password = "   ";
    const template = makeDocx({ body: p(r("Mot de passe : ") + cc("password", "Mot de passe")) });
    expect(refusal(() => mergeLetters(template, roster.records, roster))).toMatchObject({
      code: "empty-password",
      message: expect.stringMatching(/^Ligne 3 \(bob\.b\) : ce compte est déjà activé/),
    });
  });

  it("leaves the last page's extra cards empty rather than refusing them an empty password", () => {
    const template = makeDocx({
      body: p(r("Mdp : ") + cc("password", "Mot de passe")) + p(NEXT + r("Mdp : ") + cc("password", "Mot de passe")),
    });
    const { docx, perPage } = mergeLetters(template, roster.records, roster);
    expect(perPage).toBe(2);
    const texts = paragraphsText(unzipText(docx)["word/document.xml"]).filter((t) => t.startsWith("Mdp"));
    expect(texts).toEqual(["Mdp : X1", "Mdp : Y2", "Mdp : Z3", "Mdp : "]);
  });

  it("writes no run for an empty value", () => {
    const template = makeDocx({ body: p(r("Courriel :") + cc("email", "Courriel")) });
    const xml = unzipText(mergeLetters(template, roster.records, roster).docx)["word/document.xml"];
    // Each letter is one paragraph: its section break, then the text, and nothing after it.
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) =>
      m[0].replace(/<w:pPr>[\s\S]*<\/w:pPr>/, ""),
    );
    expect(paragraphs[0]).toBe('<w:p><w:r><w:t xml:space="preserve">Courriel :</w:t></w:r></w:p>');
    expect(paragraphs[1]).toBe(
      '<w:p><w:r><w:t xml:space="preserve">Courriel :</w:t></w:r><w:r><w:t xml:space="preserve">b@x.fr</w:t></w:r></w:p>',
    );
  });
});

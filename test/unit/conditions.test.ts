// Conditional passages (ent:if:<condition>) kept or removed per person, inline or with
// their paragraph, and the fields they guard.
import * as fs from "fs";
import * as path from "path";
import { mergeLetters, MergeError } from "../../src/core/merge";
import { TEMPLATES_DIR } from "../fixtures";
import { readRoster, Roster } from "../../src/core/roster";
import { cc, makeDocx, p, paragraphsText, r, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";

const ifControl = (condition: string, inner: string) =>
  `<w:sdt><w:sdtPr><w:alias w:val="Si"/><w:tag w:val="ent:if:${condition}"/><w:id w:val="9"/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;

const PARENTS = [
  "Nom;Prénom;Login;Code d'activation;Profil;Élève;Classe;Etat du compte",
  "A;Léa;l.a;ABC123;Parent;Zoé A;6A;Inactif",
  "B;Tom;t.b;DEF456;Parent;;;Actif",
].join("\n");
const NO_CHILDREN = ["Nom;Prénom;Login;Mot de passe", "C;Ana;a.c;Xy12"].join("\n");

function lettersText(csv: string, body: string): string[][] {
  const roster = readRoster(utf8(csv), "t.csv");
  const { docx } = mergeLetters(makeDocx({ body: p(cc("login", "Login")) + body }), roster.records, roster);
  const xml = unzipText(docx)["word/document.xml"];
  // One group of paragraphs per letter: a letter ends with the paragraph holding its section break.
  const groups: string[][] = [[]];
  for (const m of xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)) {
    const text = paragraphsText(m[0])[0] ?? "";
    if (text !== "") groups[groups.length - 1].push(text);
    if (m[0].includes("<w:sectPr>")) groups.push([]);
  }
  return groups.filter((g) => g.length);
}

describe("conditional passages", () => {
  it.each([
    ["children", ["Parent de Zoé A"], []],
    ["not:children", [], ["Parent de Zoé A"]],
    ["activation-code", ["Parent de Zoé A"], ["Parent de Zoé A"]],
    ["password", [], []],
    ["inactive", ["Parent de Zoé A"], []],
    ["active", [], ["Parent de Zoé A"]],
  ])("ent:if:%s on a whole paragraph keeps it or removes it with its paragraph", (condition, first, second) => {
    const body = p(ifControl(condition, r("Parent de Zoé A")));
    const [a, b] = lettersText(PARENTS, body);
    expect(a.slice(1)).toEqual(first);
    expect(b.slice(1)).toEqual(second);
  });

  it("leaves no empty paragraph where a whole-paragraph passage goes", () => {
    const roster = readRoster(utf8(PARENTS), "t.csv");
    const body = p(cc("login", "Login")) + p(ifControl("children", r("Parent de Zoé A"))) + p(r("Fin"));
    const xml = unzipText(mergeLetters(makeDocx({ body }), roster.records, roster).docx)["word/document.xml"];
    expect(xml.match(/<w:p>/g)).toHaveLength(5);
  });

  it("removes the paragraph of a passage holding other passages, as all it holds", () => {
    const roster = readRoster(utf8(PARENTS), "t.csv");
    const nested = ifControl("children", r("Parent") + ifControl("class", r(" – classe ") + cc("class", "Classe")));
    const body = p(cc("login", "Login")) + p(nested) + p(r("Fin"));
    const xml = unzipText(mergeLetters(makeDocx({ body }), roster.records, roster).docx)["word/document.xml"];
    expect(xml.match(/<w:p>/g)).toHaveLength(5);
    expect(paragraphsText(xml).filter((t) => t)).toEqual(["l.a", "Parent – classe 6A", "Fin", "t.b", "Fin"]);
  });

  it("keeps or removes an inline passage, leaving the rest of the paragraph", () => {
    const body = p(r("Parent") + ifControl("class", r(" – classe ") + cc("class", "Classe")) + r("."));
    const [a, b] = lettersText(PARENTS, body);
    expect(a[1]).toBe("Parent – classe 6A.");
    expect(b[1]).toBe("Parent.");
  });

  it("chooses the wording by the kind of credential", () => {
    const body = p(
      ifControl("activation-code", r("Code d'activation")) + ifControl("password", r("Mot de passe provisoire")),
    );
    expect(lettersText(PARENTS, body)[0][1]).toBe("Code d'activation");
    expect(lettersText(NO_CHILDREN, body)[0][1]).toBe("Mot de passe provisoire");
  });

  it("lets a passage guard fields the file does not have (a field absent counts as empty)", () => {
    const body = p(ifControl("children", r("Parent ") + cc("de:children", "Enfant(s)"))) + p(r("Fin"));
    expect(lettersText(NO_CHILDREN, body)).toEqual([["a.c", "Fin"]]);
  });

  it("still refuses such a field outside its passage, and an unknown condition", () => {
    const roster = readRoster(utf8(NO_CHILDREN), "t.csv");
    const unguarded = makeDocx({ body: p(cc("children", "Enfant(s)")) });
    expect(() => mergeLetters(unguarded, roster.records, roster)).toThrow(
      expect.objectContaining({ code: "unknown-fields" }),
    );
    const unknown = makeDocx({ body: p(cc("login", "Login")) + p(ifControl("majeur", r("x"))) });
    let err: unknown;
    try {
      mergeLetters(unknown, roster.records, roster);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MergeError);
    expect(err).toMatchObject({ code: "unknown-condition", fields: ["majeur"] });
    expect((err as Error).message).toContain("« majeur »");
  });

  it("nests passages and never removes the paragraph carrying the section break", () => {
    const body =
      p(ifControl("children", r("A") + ifControl("not:class", r("B")) + r("C"))) + p(ifControl("password", r("Z")));
    const [a, b] = lettersText(PARENTS, body);
    expect(a.slice(1)).toEqual(["AC"]);
    expect(b.slice(1)).toEqual([]);
    const xml = unzipText(
      mergeLetters(
        makeDocx({ body: p(cc("login", "Login")) + p(ifControl("password", r("Z"))) }),
        readRoster(utf8(PARENTS), "t.csv").records,
        readRoster(utf8(PARENTS), "t.csv"),
      ).docx,
    )["word/document.xml"];
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(2);
  });
});

describe("already-activated accounts", () => {
  const CSV = [
    "Nom;Prénom;Login;Code d'activation;Profil;Élève;Classe;Etat du compte",
    "A;Léa;l.a;ABC123;Parent;Zoé A;6A;Inactif",
    "B;Tom;t.b;;Parent;Ugo B;5B;Actif",
    "C;Ana;a.c;;Parent;Eva C;4C;Inactif",
  ].join("\n");
  let roster: Roster;
  // Per test, not at load: see 'Static mutants' in docs/testing.md.
  beforeEach(() => {
    roster = readRoster(utf8(CSV), "t.csv");
  });

  it("are records with a warning when the export says they are active; without a code otherwise, rows set aside", () => {
    expect(roster.records.map((r) => [r.values.login, r.inactive])).toEqual([
      ["l.a", true],
      ["t.b", false],
    ]);
    expect(roster.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
      [3, "already-active", "warning"],
      [4, "missing-password", "error"],
    ]);
  });

  it("get the ready letter's « Mot de passe oublié » paragraph instead of an empty code and the steps", () => {
    const template = fs.readFileSync(path.join(TEMPLATES_DIR, "parents.docx"));
    const { docx } = mergeLetters(template, roster.records, roster);
    const [active, activated] = unzipText(docx)["word/document.xml"].split(/<w:sectPr>[\s\S]*?<\/w:sectPr>/);
    const text = (xml: string) => paragraphsText(xml).join("\n");
    expect(text(active)).toContain("Code d’activation\u00a0:\u00a0ABC123");
    expect(text(active)).toContain("Première connexion, en cinq étapes");
    expect(text(active)).not.toContain("déjà activé :");
    expect(text(activated)).toContain("Votre compte est déjà activé\u00a0: connectez-vous");
    expect(text(activated)).not.toMatch(/Code d'activation|Première connexion|Saisissez/);
  });

  it("are refused, by row, by a letter that would print their empty password", () => {
    const plain = makeDocx({ body: p(cc("login", "Login")) + p(cc("password", "Mot de passe")) });
    expect(() => mergeLetters(plain, roster.records, roster)).toThrow(
      expect.objectContaining({
        code: "empty-password",
        message: expect.stringMatching(/^Ligne 3 \(t\.b\) : ce compte est déjà activé/),
      }),
    );
    const guarded = makeDocx({
      body: p(cc("login", "Login")) + p(ifControl("inactive", cc("password", "Mot de passe"))),
    });
    expect(mergeLetters(guarded, roster.records, roster).letters).toBe(2);
  });
});

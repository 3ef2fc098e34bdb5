import * as fs from "fs";
import { editPassages, readyLetterOf, templateFields } from "../../src/core/merge";
import { buildLetterParts } from "../../src/cli/templates/build";
import { READY_LETTERS } from "../../src/core/catalog";
import { docxPath, sourcePath } from "../../src/cli/templates/paths";
import { parseLetterSource } from "../../src/cli/templates/letter-source";
import { unzipText } from "./helpers/docx";

describe.each(READY_LETTERS.map((l) => [l.name, l] as const))("ready letter %s", (name, letter) => {
  const source = fs.readFileSync(sourcePath(name), "utf8");
  const committed = unzipText(fs.readFileSync(docxPath(name)));

  it("is up to date with its source (run `npm run templates` after editing the source)", () => {
    expect(committed).toEqual(buildLetterParts(source, letter));
  });

  it("follows French typography: a no-break space before : ; ! ? » and after «", () => {
    const text = [...committed["word/document.xml"].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toMatch(/identifiant\u00a0:/i);
    expect(text).not.toMatch(/ [:;!?»]|« /);
  });

  it("names itself in a document variable, so a merge knows its audience", () => {
    expect(readyLetterOf(fs.readFileSync(docxPath(name)))).toBe(name);
  });

  it("uses the credentials fields as content controls, the password in Consolas", () => {
    const tags = templateFields(fs.readFileSync(docxPath(name))).map((f) => (f.kind === "tag" ? f.tag : f.name));
    expect(tags).toEqual(expect.arrayContaining(["ent:firstName", "ent:lastName", "ent:login", "ent:password"]));
    const doc = committed["word/document.xml"];
    expect(doc).toMatch(
      /<w:sdtPr><w:rPr><w:rFonts w:ascii="Consolas"[^>]*\/><w:b\/>[\s\S]*?<w:tag w:val="ent:password"\/>/,
    );
    expect(doc).toContain('<w:t xml:space="preserve">«Mot de passe»</w:t>');
  });

  it("marks the school passages as pink ent:edit controls that typing replaces", () => {
    const doc = committed["word/document.xml"];
    // A card names only the ENT's address; a letter, the school, the date and the signatory too.
    const passages = name === "cartes" ? ["adresse-ent"] : ["etablissement", "lieu-date", "adresse-ent", "signataire"];
    for (const what of passages) {
      expect(doc).toMatch(
        new RegExp(
          `<w:tag w:val="ent:edit:${what}"/><w:id w:val="\\d+"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:rPr>(<w:b/>)?<w:color w:val="C2185B"/>(<w:sz w:val="28"/>)?`,
        ),
      );
    }
  });

  it("is A4 and says the letters O/0 and l/1 differ", () => {
    expect(committed["word/document.xml"]).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    // A card has no room for the sentence: its password is in Consolas all the same.
    if (name !== "cartes") expect(source).toMatch(/zéro \(0\)[\s\S]*lettre O[\s\S]*un \(1\)[\s\S]*lettre l/);
  });
});

it("addresses parents with their children (elided: d’Anaïs), and the class where there is one child", () => {
  const addressee = parseLetterSource(fs.readFileSync(sourcePath("parents"), "utf8")).filter(
    (p) => p.kind === "addressee",
  );
  expect(addressee[1].inlines).toEqual([
    {
      kind: "if",
      condition: "children",
      inlines: [
        { kind: "text", text: "Parent " },
        { kind: "field", id: "children", before: "de" },
        {
          kind: "if",
          condition: "one-child",
          inlines: [
            {
              kind: "if",
              condition: "class",
              inlines: [
                { kind: "text", text: " – classe " },
                { kind: "field", id: "class" },
              ],
            },
          ],
        },
      ],
    },
  ]);
});

it("has five numbered first-login steps in each letter", () => {
  for (const { name } of READY_LETTERS.filter((l) => l.name !== "cartes")) {
    expect(parseLetterSource(fs.readFileSync(sourcePath(name), "utf8")).filter((p) => p.kind === "steps")).toHaveLength(
      5,
    );
  }
});

it("lists each ready letter's pink passages with their model text", () => {
  const passages = editPassages(fs.readFileSync(docxPath("parents")));
  expect(passages.get("lieu-date")).toBe("À Ville, le 1er septembre 2026");
  expect(passages.get("signataire")).toBe("Le principal, Prénom NOM");
  expect(passages.get("adresse-etablissement")).toBe("1 rue de l’École – 00000 Ville");
});

it("writes French typography: typographic apostrophes, « 1er » in superscript, no « Classe de »", () => {
  for (const { name } of READY_LETTERS) {
    const xml = new TextDecoder().decode(
      require("fflate").unzipSync(fs.readFileSync(docxPath(name)))["word/document.xml"],
    );
    const texts = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts.filter((t) => t.includes("'") || t.includes("&apos;"))).toEqual([]);
    expect(texts.join("")).not.toContain("Classe de");
    if (name !== "cartes")
      expect(xml).toContain('<w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">er</w:t>');
  }
});

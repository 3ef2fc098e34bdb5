// Word's fields as schools' own templates hold them (issue 31), one row each: merged as Word
// merges them, or refused naming the field as written. Never a record lost, never a field's
// name or code printed, never a letter Word or the Open XML validator rejects.
import { mergeLetters, templateFields } from "../../src/core/merge";
import { readRoster, Roster } from "../../src/core/roster";
import { asMacroTemplate, makeDocx, p, paragraphsText, r, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";
import { refusal } from "./helpers/refusal";
import { strToU8, unzipSync, zipSync } from "fflate";

const CSV = [
  "Nom;Prénom;Login;Mot de passe;Genre;Revenu;Date de naissance;Ville",
  "MOREAU;Aïcha;aicha.moreau;PW1;Female;1234.5;05/03/2012;Lyon",
  "DUPONT;Jean;jean.dupont;PW2;Male;-20;24/12/2011;",
  "LEGER;Zoé;zoe.leger;PW3;Female;0;01/08/2012;Paris",
  "NDIAYE;Ali;ali.ndiaye;PW4;Male;15;09/09/2012;Lyon",
  "PETIT;Léo;leo.petit;PW5;Male;7;31/01/2013;Nice",
].join("\n");
let roster: Roster;
beforeEach(() => {
  roster = readRoster(utf8(CSV), "eleves.csv");
});

/** A complex field: begin, code (nested fields as given), separate, result, end. */
const field = (code: string, result = "«x»") =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r>${code}<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const code = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
const mergefield = (name: string, switches = "") => field(code(` MERGEFIELD ${name} ${switches}`), `«${name}»`);

function merged(body: string, docx = makeDocx({ body })) {
  const out = mergeLetters(docx, roster.records, roster);
  return { ...out, parts: unzipText(out.docx) };
}
describe("labels drawn as text boxes (mc:AlternateContent: a DrawingML choice and its VML fallback)", () => {
  /** One label: a text box whose content is stored twice, as Word stores it. */
  const label = (content: string) =>
    `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Zone de texte 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>${content}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/><v:shape id="Zone1" o:spid="_x0000_s1026" type="#_x0000_t202"><v:textbox><w:txbxContent>${content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;

  it("counts each NEXT once: every record on a label, none lost", () => {
    const next = field(code(" NEXT "), "«Enregistrement suivant»");
    const body =
      label(p(mergefield("Login"))) + label(p(next + mergefield("Login"))) + label(p(next + mergefield("Login")));
    const { parts, letters } = merged(body);
    expect(letters).toBe(5);
    const doc = parts["word/document.xml"];
    const shown = [...doc.matchAll(/<w:txbxContent>([\s\S]*?)<\/w:txbxContent>/g)].map((m) => paragraphsText(m[1])[0]);
    // The fallback copies go (Word 2010 and later, and LibreOffice, read the choice).
    expect(shown).toEqual(["aicha.moreau", "jean.dupont", "zoe.leger", "ali.ndiaye", "leo.petit", ""]);
    expect(doc).not.toContain("mc:Fallback");
  });

  it("never writes a VML shape type's id twice in one document", () => {
    const pict = `<w:p><w:r><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"/><v:shape id="Zone1" type="#_x0000_t202"><v:textbox><w:txbxContent>${p(mergefield("Login"))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
    const doc = merged(pict).parts["word/document.xml"];
    expect(doc.match(/<v:shapetype\b/g)).toHaveLength(1);
    expect(doc.match(/type="#_x0000_t202"/g)).toHaveLength(5);
  });
});

describe("broken or foreign templates", () => {
  it("refuses a field that begins and never ends, naming its code, rather than print the code", () => {
    const body = p(r("Bonjour ") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` + code(" MERGEFIELD Prénom "));
    expect(refusal(() => mergeLetters(makeDocx({ body }), roster.records, roster))).toEqual({
      name: "MergeError",
      code: "broken-field",
      message:
        "Le modèle contient un champ qui commence sans jamais finir (« MERGEFIELD Prénom ») : Word le montre tel quel. Dans Word, appuyez sur Alt+F9 pour voir les codes de champ, supprimez ce champ et insérez-le de nouveau.",
    });
  });

  it("drops a .dotm's macros: the letters are a plain document", () => {
    const { parts } = merged("", asMacroTemplate(makeDocx({ body: p(mergefield("Login")) })));
    expect(Object.keys(parts)).not.toContain("word/vbaProject.bin");
    expect(parts["word/_rels/document.xml.rels"]).not.toContain("vbaProject");
    expect(parts["[Content_Types].xml"]).not.toMatch(/macroEnabled|vbaProject/);
    expect(parts["[Content_Types].xml"]).toContain(
      'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"',
    );
  });

  it("drops an image linked to an outside address: opening the letters fetches nothing", () => {
    const files = unzipSync(
      makeDocx({
        body:
          p(mergefield("Login")) +
          `<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:link="rIdX"/></w:drawing></w:r></w:p>`,
      }),
    );
    files["word/_rels/document.xml.rels"] = strToU8(
      new TextDecoder()
        .decode(files["word/_rels/document.xml.rels"])
        .replace(
          "</Relationships>",
          '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://traceur.example/pixel.png" TargetMode="External"/></Relationships>',
        ),
    );
    const { parts, warnings } = merged("", zipSync(files));
    expect(parts["word/_rels/document.xml.rels"]).not.toContain("traceur.example");
    expect(parts["word/document.xml"]).not.toContain('r:link="rIdX"');
    expect(warnings.map((w) => w.message)).toContain(
      "Une image du modèle était liée à une adresse extérieure (https://traceur.example/pixel.png) : elle a été retirée des courriers, qui n'appellent ainsi aucun site à l'ouverture. Insérez l'image dans le modèle (Insertion › Images › Cet appareil) pour l'imprimer.",
    );
  });

  it("keeps a template's own control characters as text, never taking them for its markers", () => {
    // U+0001 is no XML 1.0 character: a template may only hold it escaped, and never as a marker.
    const body = p(r("A\u0001B") + mergefield("Login"));
    const out = refusal(() => mergeLetters(makeDocx({ body }), roster.records, roster));
    expect(out).toMatchObject({ name: "MergeError", code: "bad-template" });
    expect(out.message).toMatch(/caractère U\+0001/);
  });
});

describe("Word's field grammar: nested fields anywhere in an IF, nested IF, COMPARE, switches", () => {
  /** Each letter's text, paragraphs joined (a letter ends with the paragraph holding its section break). */
  const texts = (body: string) => {
    const groups: string[][] = [[]];
    for (const para of merged(body).parts["word/document.xml"].match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? []) {
      groups[groups.length - 1].push(paragraphsText(para)[0] ?? "");
      if (para.includes("<w:sectPr")) groups.push([]);
    }
    return groups.filter((g) => g.length).map((g) => g.join(" | "));
  };
  const nested = (inner: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r>${inner}<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const m = (name: string, switches = "") => nested(code(` MERGEFIELD ${name} ${switches}`));
  const login = p(mergefield("Login"));

  it("prints a merge field nested in an IF's result, with its own switches", () => {
    const body =
      login +
      p(
        field(code(" IF ") + m("Revenu") + code(' > 0 " (surplus de ') + m("Revenu", '\\# "0.00 €"') + code(') " "" ')),
      );
    expect(texts(body)).toEqual([
      "aicha.moreau |  (surplus de 1234,50 €) ",
      "jean.dupont | ",
      "zoe.leger | ",
      "ali.ndiaye |  (surplus de 15,00 €) ",
      "leo.petit |  (surplus de 7,00 €) ",
    ]);
  });

  it("compares a quoted nested field, with \\* MERGEFORMAT on the IF", () => {
    const body = login + p(field(code(' IF "') + m("Genre") + code('" = "Male" "M." "Mme" \\* MERGEFORMAT ')));
    expect(texts(body).map((t) => t.split(" | ")[1])).toEqual(["Mme", "M.", "Mme", "M.", "M."]);
  });

  it("evaluates an IF nested in an IF, and COMPARE", () => {
    const inner = nested(code(" IF ") + m("Ville") + code(' = "Lyon" "lyonnais" "ailleurs" '));
    const body =
      login +
      p(field(code(" IF ") + m("Ville") + code(' = "" "sans ville" "') + inner + code('" '))) +
      p(
        field(
          code(" IF ") +
            nested(code(" COMPARE ") + m("Revenu") + code(" > 10 ")) +
            code(' = 1 "plus" "moins" \\* Upper '),
        ),
      );
    expect(texts(body).map((t) => t.split(" | ").slice(1).join(" "))).toEqual([
      "lyonnais PLUS",
      "sans ville MOINS",
      "ailleurs MOINS",
      "lyonnais PLUS",
      "ailleurs MOINS",
    ]);
  });

  it("refuses a calculation it cannot make, naming the field as written with its nested field", () => {
    const body = login + p(field(code(" = ") + m("Revenu") + code(" * 2 ")));
    expect(refusal(() => mergeLetters(makeDocx({ body }), roster.records, roster))).toMatchObject({
      code: "unsupported-field",
      message: expect.stringContaining("Champ : « = { MERGEFIELD Revenu } * 2 »."),
    });
  });

  it("writes GREETINGLINE and ADDRESSBLOCK from the file's columns, with French defaults", () => {
    const greeting = (instr: string) =>
      `<w:fldSimple w:instr="${instr.replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}"><w:r><w:t>«GreetingLine»</w:t></w:r></w:fldSimple>`;
    const body =
      login +
      p(
        greeting(
          ' GREETINGLINE \\f "<<_BEFORE_ Bonjour >><<_FIRST0_ >><<_LAST0_>><<_AFTER_,>>" \\l 1036 \\e "Madame, Monsieur," ',
        ),
      ) +
      p(greeting(" GREETINGLINE \\l 1036 ")) +
      p(greeting(' ADDRESSBLOCK \\f "<<_FIRST0_>> <<_LAST0_>>" \\l 1036 '));
    expect(texts(body)[0]).toBe("aicha.moreau | Bonjour Aïcha MOREAU, | Madame, Monsieur, | Aïcha MOREAU\nLyon");
    expect(texts(body)[1]).toBe("jean.dupont | Bonjour Jean DUPONT, | Madame, Monsieur, | Jean DUPONT");
  });
});

it("lists every merge field an IF reads among the template's fields", () => {
  const body = p(
    field(
      code(' IF "') +
        field(code(" MERGEFIELD Genre ")) +
        code('" = "Male" "M. ') +
        field(code(" MERGEFIELD Nom ")) +
        code('" "Mme" '),
    ),
  );
  expect(templateFields(makeDocx({ body }))).toEqual([
    { kind: "mergefield", name: "Genre" },
    { kind: "mergefield", name: "Nom" },
  ]);
});

describe("any list with any letter (a convocation, a meeting)", () => {
  const LIST = "Nom;Prénom;Date de convocation;Salle\nMOREAU;Aïcha;12/09/2026;B12\nDUPONT;Jean;13/09/2026;C3\n";

  it("merges a letter that names no credential with a list that has none", () => {
    const list = readRoster(utf8(LIST), "convocations.csv");
    const body = p(
      r("Madame, Monsieur ") +
        mergefield("Nom") +
        r(", rendez-vous le ") +
        mergefield("Date_de_convocation", '\\@ "dddd d MMMM"') +
        r(" en salle ") +
        mergefield("Salle"),
    );
    const out = mergeLetters(makeDocx({ body }), list.records, list);
    expect(out.letters).toBe(2);
    expect(paragraphsText(unzipText(out.docx)["word/document.xml"]).filter(Boolean)).toEqual([
      "Madame, Monsieur MOREAU, rendez-vous le samedi 12 septembre en salle B12",
      "Madame, Monsieur DUPONT, rendez-vous le dimanche 13 septembre en salle C3",
    ]);
  });

  it("refuses an ENT letter with that list, naming the columns it lacks", () => {
    const list = readRoster(utf8(LIST), "convocations.csv");
    const body = p(mergefield("Login") + mergefield("Mot_de_passe"));
    expect(refusal(() => mergeLetters(makeDocx({ body }), list.records, list))).toMatchObject({
      code: "unknown-fields",
      message: expect.stringContaining("que le fichier ne contient pas : « Login », « Mot_de_passe »"),
    });
  });
});

it("merges the fields of headers, footers and footnotes of a document that has notes", () => {
  const files = unzipSync(
    makeDocx({
      body: p(r("Courrier") + '<w:r><w:footnoteReference w:id="1"/></w:r>') + p(mergefield("Login")),
      header: p(r("En-tête de ") + mergefield("Prénom")),
      footer: p(r("Pied de ") + mergefield("Nom")),
    }),
  );
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  files["word/footnotes.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Note pour </w:t></w:r>${field(code(" MERGEFIELD Login "), "«Login»")}</w:p></w:footnote></w:footnotes>`,
  );
  const dec = new TextDecoder();
  files["word/_rels/document.xml.rels"] = strToU8(
    dec
      .decode(files["word/_rels/document.xml.rels"])
      .replace(
        "</Relationships>",
        '<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
      ),
  );
  files["[Content_Types].xml"] = strToU8(
    dec
      .decode(files["[Content_Types].xml"])
      .replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
      ),
  );
  const { parts } = merged("", zipSync(files));
  // What the letters show: the headers and footers their sections use, and the notes.
  const rels = parts["word/_rels/document.xml.rels"];
  const used = [...parts["word/document.xml"].matchAll(/<w:(?:header|footer)Reference [^>]*r:id="([^"]+)"/g)].map(
    (m) => new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels)![1],
  );
  const all = [...used.map((target) => `word/${target}`), "word/footnotes.xml"]
    .map((path) => paragraphsText(parts[path]).join(" "))
    .join(" | ");
  for (const person of roster.records) {
    expect(all).toContain(`En-tête de ${person.values.firstName}`);
    expect(all).toContain(`Pied de ${person.values.lastName}`);
    expect(all).toContain(`Note pour ${person.values.login}`);
  }
  expect(all).not.toMatch(/«|MERGEFIELD/);
});

it("drops an attached template on a server and any object linked outside: opening the letters reaches nothing", () => {
  const files = unzipSync(
    makeDocx({
      body:
        p(mergefield("Login")) +
        `<w:p><w:r><w:object><o:OLEObject Type="Link" r:id="rIdO" ProgID="Excel.Sheet.12"/></w:object></w:r></w:p>`,
      settings: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:attachedTemplate r:id="rIdT"/></w:settings>`,
    }),
  );
  const dec = new TextDecoder();
  const addRel = (path: string, rel: string) =>
    (files[path] = strToU8(
      (files[path]
        ? dec.decode(files[path])
        : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
      ).replace("</Relationships>", `${rel}</Relationships>`),
    ));
  addRel(
    "word/_rels/document.xml.rels",
    '<Relationship Id="rIdO" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="file://serveur/partage/notes.xlsx" TargetMode="External"/>',
  );
  addRel(
    "word/_rels/settings.xml.rels",
    '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///\\\\serveur\\modeles\\Normal.dotm" TargetMode="External"/>',
  );
  const { parts, warnings } = merged("", zipSync(files));
  expect(parts["word/_rels/document.xml.rels"]).not.toContain("serveur");
  expect(parts["word/_rels/settings.xml.rels"]).not.toContain("serveur");
  expect(parts["word/settings.xml"]).not.toContain("attachedTemplate");
  expect(parts["word/document.xml"]).not.toContain('r:id="rIdO"');
  expect(warnings.map((w) => w.message)).toEqual([
    "Le modèle chargeait un élément à une adresse extérieure (file://serveur/partage/notes.xlsx) : il a été retiré des courriers, qui n'appellent ainsi aucun site à l'ouverture.",
  ]);
});

it("leaves out the people a SKIPIF field skips, and says who", () => {
  const skipif = field(code(" SKIPIF ") + field(code(" MERGEFIELD Ville ")) + code(' = "" '), "");
  const { letters, warnings, parts } = merged(p(skipif + mergefield("Login")));
  expect(letters).toBe(4);
  expect(parts["word/document.xml"]).not.toContain("jean.dupont");
  expect(warnings.map((w) => w.message)).toContain(
    "Ligne 3 (DUPONT Jean) : pas de courrier, le champ « Ignorer l'enregistrement si » (SKIPIF) du modèle l'écarte.",
  );
});

describe("GREETINGLINE and ADDRESSBLOCK with every part of an address", () => {
  const ADDRESSES = [
    "Civilité;Nom;Prénom;Login;Mot de passe;Adresse;Code postal;Ville;Pays",
    "M.;DUPONT;Jean;jean.dupont;PW1;12 rue des Lilas;69001;Lyon;France",
    ";MOREAU;Aïcha;aicha.moreau;PW2;;;Nice;",
  ].join("\n");
  const simple = (instr: string) =>
    `<w:p><w:fldSimple w:instr="${instr.replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}"><w:r><w:t>«x»</w:t></w:r></w:fldSimple></w:p>`;
  /** Each person's paragraphs (the field's lines joined by " / "), login first. */
  function letters(body: string): string[][] {
    const list = readRoster(utf8(ADDRESSES), "adresses.csv");
    const out = mergeLetters(makeDocx({ body: p(mergefield("Login")) + body }), list.records, list);
    const groups: string[][] = [[]];
    for (const para of unzipText(out.docx)["word/document.xml"].match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? []) {
      const text = [...para.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((x) => x[1] ?? " / ").join("");
      groups[groups.length - 1].push(text);
      if (para.includes("<w:sectPr")) groups.push([]);
    }
    return groups.filter((g) => g.length);
  }

  it("writes the whole address without a picture: title and names, street, postcode and city, country", () => {
    const [jean, aicha] = letters(simple(" ADDRESSBLOCK \\l 1036 "));
    expect(jean[1]).toBe("M. Jean DUPONT / 12 rue des Lilas / 69001 Lyon / France");
    // Parts the file leaves empty are left out, lines and all.
    expect(aicha[1]).toBe("Aïcha MOREAU / Nice");
  });

  it("fills a picture's title, names and the text after each only where the part has a value", () => {
    const [jean, aicha] = letters(
      simple(' ADDRESSBLOCK \\f "<<_TITLE0_ >><<_LAST0_>> (<<_FIRST0_>>)" \\l 1036 ') +
        simple(' GREETINGLINE \\f "<<_BEFORE_ Cher >><<_TITLE0_ >><<_LAST0_>><<_AFTER_ ,>>" \\e "Madame, Monsieur," '),
    );
    expect(jean.slice(1)).toEqual(["M. DUPONT (Jean) / 12 rue des Lilas / 69001 Lyon / France", "Cher M. DUPONT,"]);
    expect(aicha.slice(1)).toEqual(["MOREAU (Aïcha) / Nice", "Cher MOREAU,"]);
  });

  it("says the default greeting when the picture names nobody (a title alone is no name)", () => {
    const [jean, aicha] = letters(
      simple(' GREETINGLINE \\f "<<_BEFORE_ Bonjour >><<_TITLE0_>><<_AFTER_,>>" \\e "Madame, Monsieur," '),
    );
    expect(jean[1]).toBe("Madame, Monsieur,");
    expect(aicha[1]).toBe("Madame, Monsieur,");
  });
});

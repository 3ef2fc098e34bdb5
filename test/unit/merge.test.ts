import { strToU8, unzipSync, zipSync } from "fflate";
import {
  controlTags,
  editPassages,
  mergeLetters,
  MergeError,
  MergeSource,
  resolveField,
  templateFields,
  unchangedPassages,
} from "../../src/core/merge";
import { readRoster, Roster, RosterRecord } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";
import { cc, makeDocx, p, paragraphsText, r, unzipText } from "./helpers/docx";

const CSV = [
  "Nom;Prénom;Login;Mot de passe;Classe;Élève;Téléphone",
  "MOREAU;Aïcha;aicha.moreau;001000;4C;Léa MOREAU;01 02",
  "DUPONT;Jean;jean.dupont;a&b<c>\"d'e;6A, 5B;Hugo DUPONT, Zoé DUPONT;",
  // A tab in a value is written as Word's tab (in a name: a password with one is set aside).
  "ÉMOJI\tX;Zoë 👩‍🏫;zoe.emoji;xy9;3D;;",
].join("\n");
let roster: Roster;
// Per test, not at load: see 'Static mutants' in docs/testing.md.
beforeEach(() => {
  roster = readRoster(utf8(CSV), "test.csv");
});
/** A header with a field, for tests whose body has none (a letter needs at least one). */
const WITH_FIELD = { header: p(cc("login", "Login")) };
const CONSOLAS = '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:b/>';

function merge(
  body: string,
  opts: Parameters<typeof makeDocx>[0] extends infer T ? Partial<T> : never = {},
  keepFields = false,
) {
  const out = mergeLetters(makeDocx({ body, ...opts }), roster.records, roster, { keepFields });
  return { ...out, parts: unzipText(out.docx) };
}

function letters(documentXml: string): string[][] {
  // Split the body's paragraphs at each section break: one group per letter.
  const groups: string[][] = [[]];
  for (const m of documentXml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>|<w:sectPr>/g)) {
    if (m[0] !== "<w:sectPr>") groups[groups.length - 1].push(paragraphsText(m[0])[0] ?? "");
    if (/<w:sectPr/.test(m[0])) groups.push([]);
  }
  return groups.filter((g) => g.length);
}

describe("merge: content-control fields", () => {
  const body =
    p(r("Bonjour ") + cc("firstName", "Prénom") + r(" ") + cc("lastName", "Nom")) +
    p(r("Mot de passe : ") + cc("password", "Mot de passe", CONSOLAS));
  let count: number, parts: Record<string, string>, doc: string;
  // Per test, not at load: see 'Static mutants' in docs/testing.md.
  beforeEach(() => {
    ({ letters: count, parts } = merge(body));
    doc = parts["word/document.xml"];
  });

  it("writes one letter per record, in order, with exact values", () => {
    expect(count).toBe(3);
    expect(letters(doc)).toEqual([
      ["Bonjour Aïcha MOREAU", "Mot de passe : 001000"],
      ["Bonjour Jean DUPONT", "Mot de passe : a&b<c>\"d'e"],
      ["Bonjour Zoë 👩‍🏫 ÉMOJI\tX", "Mot de passe : xy9"],
    ]);
  });

  it("escapes XML special characters and keeps the password's formatting", () => {
    expect(doc).toContain(
      `<w:r><w:rPr>${CONSOLAS}</w:rPr><w:t xml:space="preserve">a&amp;b&lt;c&gt;&quot;d&apos;e</w:t></w:r>`,
    );
    expect(doc).toContain(`<w:t xml:space="preserve">ÉMOJI</w:t><w:tab/><w:t xml:space="preserve">X</w:t>`);
  });

  it("leaves plain text, no content controls and no «placeholders»", () => {
    expect(doc).not.toContain("<w:sdt>");
    expect(doc).not.toContain("«");
  });

  it("puts a next-page section break between letters, numbers following on (the template prints none), none after the last", () => {
    const sects = doc.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!;
    expect(sects).toHaveLength(3);
    for (const s of sects) {
      expect(s).not.toContain("w:start");
      expect(s).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
      expect(s).not.toContain("<w:type");
    }
    // the last sectPr is the body's own, right before </w:body>: no empty page at the end
    expect(doc).toMatch(/<\/w:p><w:sectPr>[\s\S]*?<\/w:sectPr><\/w:body>/);
    expect(doc.match(/<w:pPr><w:sectPr>/g)).toHaveLength(2);
  });

  it("shares headers and footers that hold no field", () => {
    expect(Object.keys(parts).filter((k) => /header|footer/.test(k) && k.endsWith(".xml"))).toEqual([
      "word/header1.xml",
      "word/footer1.xml",
    ]);
    expect(doc.match(/r:id="rIdH1"/g)).toHaveLength(3);
  });
});

describe("merge: field shapes", () => {
  it("reads split runs, tables, text boxes, block controls and classic MERGEFIELDs", () => {
    const complex = (name: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGE</w:instrText></w:r><w:r><w:instrText xml:space="preserve">FIELD ${name} \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>«${name}»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const body = [
      p(
        r("Simple : ") +
          `<w:fldSimple w:instr=" MERGEFIELD Mot_de_passe "><w:r><w:rPr><w:rFonts w:ascii="Consolas"/></w:rPr><w:t>«Mot_de_passe»</w:t></w:r></w:fldSimple>`,
      ),
      p(r("Complexe : ") + complex("Prénom") + r(" / ") + complex('"Élève"')),
      `<w:tbl><w:tr><w:tc><w:p>${r("Classe : ")}${cc("class", "Classe")}</w:p></w:tc><w:tc><w:tbl><w:tr><w:tc>${p(cc("login", "Login"))}</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>`,
      p(
        `<w:r><w:drawing><wp:inline><wp:docPr id="7" name="Zone de texte"/><w:txbxContent>${p(r("Boîte : ") + cc("col:Téléphone", "Téléphone"))}</w:txbxContent></wp:inline></w:drawing></w:r>`,
      ),
      `<w:sdt><w:sdtPr><w:tag w:val="ent:children"/><w:id w:val="5"/></w:sdtPr><w:sdtContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>«Enfant(s)»</w:t></w:r></w:p></w:sdtContent></w:sdt>`,
    ].join("");
    const { parts } = merge(body);
    const first = letters(parts["word/document.xml"])[0];
    expect(first).toEqual([
      "Simple : 001000",
      "Complexe : Aïcha / Léa MOREAU",
      "Classe : 4C",
      "aicha.moreau",
      "Boîte : 01 02",
      "Léa MOREAU",
      "",
    ]); // a block control ends the body: an empty paragraph carries the break
    const doc = parts["word/document.xml"];
    expect(doc).toContain(
      '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Léa MOREAU</w:t></w:r></w:p>',
    );
    expect(doc).toContain('<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Aïcha</w:t></w:r>');
    expect(doc).not.toMatch(/MERGEFIELD|fldChar|fldSimple/);
    expect(letters(doc)[1][2]).toBe("Classe : 6A, 5B");
  });

  it("merges fields in headers and footers, one copy per letter", () => {
    const { parts } = merge(p(r("Corps")), {
      header: p(r("Pour ") + cc("firstName", "Prénom")),
      footer: p(r("Login ") + cc("login", "Login")),
    });
    const headers = Object.keys(parts).filter((k) => /^word\/header1-ent\d+\.xml$/.test(k));
    expect(headers).toHaveLength(3);
    expect(paragraphsText(parts["word/header1-ent2.xml"])).toEqual(["Pour Jean"]);
    expect(paragraphsText(parts["word/footer1-ent3.xml"])).toEqual(["Login zoe.emoji"]);
    const doc = parts["word/document.xml"];
    const refs = [...doc.matchAll(/<w:headerReference w:type="default" r:id="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(new Set(refs).size).toBe(3);
    for (const id of refs) expect(parts["word/_rels/document.xml.rels"]).toContain(`Id="${id}"`);
    expect(parts["[Content_Types].xml"]).toContain(
      'PartName="/word/footer1-ent3.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"',
    );
  });

  it("keeps fields as content controls on request, with unique ids and no placeholder state", () => {
    const body = p(
      cc("firstName", "Prénom") +
        `<w:sdt><w:sdtPr><w:tag w:val="ent:login"/><w:id w:val="42"/><w:showingPlcHdr/><w:dataBinding w:xpath="/a" w:storeItemID="{X}"/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Login</w:t></w:r></w:sdtContent></w:sdt>`,
    );
    const doc = merge(body, {}, true).parts["word/document.xml"];
    expect(doc.match(/<w:tag w:val="ent:firstName"\/>/g)).toHaveLength(3);
    expect(doc).not.toMatch(/showingPlcHdr|dataBinding|PlaceholderText/);
    const ids = [...doc.matchAll(/<w:id w:val="(-?\d+)"\/>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(letters(doc)[2][0]).toBe("Zoë 👩‍🏫zoe.emoji");
  });

  it("unwraps the school passages (ent:edit) and keeps other content controls", () => {
    const body =
      p(
        `<w:sdt><w:sdtPr><w:tag w:val="ent:edit:ecole"/><w:id w:val="1"/></w:sdtPr><w:sdtContent>${r("Collège Denis Poisson")}</w:sdtContent></w:sdt>`,
      ) +
      p(
        `<w:sdt><w:sdtPr><w:tag w:val="autre"/><w:id w:val="2"/></w:sdtPr><w:sdtContent>${r("garde")}</w:sdtContent></w:sdt>`,
      );
    const doc = merge(body, WITH_FIELD).parts["word/document.xml"];
    expect(doc).not.toContain("ent:edit");
    expect(doc.match(/<w:tag w:val="autre"\/>/g)).toHaveLength(3);
    expect(letters(doc)[0]).toEqual(["Collège Denis Poisson", "garde"]);
  });
});

describe("merge: ids stay unique", () => {
  it("renumbers drawings, bookmarks, paragraph ids; drops _GoBack", () => {
    const body =
      `<w:p w14:paraId="1A2B3C4D" w14:textId="77777777"><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/><w:bookmarkStart w:id="3" w:name="Signature"/>${r("x")}<w:bookmarkEnd w:id="3"/></w:p>` +
      p(
        `<w:hyperlink w:anchor="Signature">${r("voir")}</w:hyperlink><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Logo"/></wp:inline></w:drawing></w:r>`,
      );
    const doc = merge(body, WITH_FIELD).parts["word/document.xml"];
    const paraIds = [...doc.matchAll(/w14:paraId="([0-9A-F]{8})"/g)].map((m) => m[1]);
    expect(paraIds).toHaveLength(3);
    expect(new Set(paraIds).size).toBe(3);
    expect(paraIds.every((id) => parseInt(id, 16) < 0x80000000)).toBe(true);
    const docPr = [...doc.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(docPr).size).toBe(3);
    const names = [...doc.matchAll(/w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(names.map((n) => n[1])).toEqual(["Signature", "Signature_2", "Signature_3"]);
    expect(new Set(names.map((n) => n[0])).size).toBe(3);
    expect([...doc.matchAll(/w:anchor="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "Signature",
      "Signature_2",
      "Signature_3",
    ]);
    expect(doc).not.toContain("_GoBack");
  });
});

describe("merge: VML shapes (text boxes of older Word templates)", () => {
  it("gives every letter's shapes their own ids", () => {
    const shape = (id: string) =>
      `<w:r><w:pict><v:shape id="${id}" o:spid="_x0000_s1025" type="#_x0000_t202" style="width:100pt;height:20pt"><v:textbox><w:txbxContent>${p(r("Cadre"))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    const doc = merge(p(shape("Zone1")) + p(shape("Zone2")), WITH_FIELD).parts["word/document.xml"];
    const ids = [...doc.matchAll(/<v:shape id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    const spids = [...doc.matchAll(/o:spid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(spids).size).toBe(6);
    expect(ids.slice(0, 2)).toEqual(["Zone1", "Zone2"]); // the first letter keeps the template's ids
  });
});

describe("merge: comments", () => {
  it("leaves reviewers' comments out of the letters", () => {
    const body = p(
      `<w:commentRangeStart w:id="0"/>${r("Texte")}<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="Marquedecommentaire"/></w:rPr><w:commentReference w:id="0"/></w:r>`,
    );
    const doc = merge(body, WITH_FIELD).parts["word/document.xml"];
    expect(doc).not.toMatch(/comment/);
    expect(letters(doc)[0]).toEqual(["Texte"]);
  });
});

describe("merge: errors and cleaning", () => {
  it("names unknown fields before any work", () => {
    const docx = makeDocx({
      body: p(
        cc("email", "Courriel") +
          `<w:fldSimple w:instr=" MERGEFIELD Adresse_postale "><w:r><w:t>x</w:t></w:r></w:fldSimple>`,
      ),
    });
    expect(() => mergeLetters(docx, roster.records, roster)).toThrow(MergeError);
    expect(() => mergeLetters(docx, roster.records, roster)).toThrow(/« Courriel », « Adresse_postale »/);
  });

  it("refuses a letter without any field, which would print the same page for everyone", () => {
    expect(() => mergeLetters(makeDocx({ body: p(r("Bonjour")) }), roster.records, roster)).toThrow(
      /aucun champ de fusion/,
    );
  });

  it("says when the template is not a .docx", () => {
    expect(() => mergeLetters(utf8("pas un docx"), roster.records, roster)).toThrow(/n'est pas un document Word/);
  });

  it("drops characters XML cannot hold and reports them", () => {
    const records = [{ ...roster.records[0], raw: { ...roster.records[0].raw, Téléphone: "01\u000702" } }];
    const out = mergeLetters(makeDocx({ body: p(cc("col:Téléphone", "Téléphone")) }), records, roster);
    expect(paragraphsText(unzipText(out.docx)["word/document.xml"])[0]).toBe("0102");
    expect(out.warnings).toEqual([{ row: 2, field: "Téléphone", message: expect.stringContaining("U+0007") }]);
  });

  it("removes the template's mail-merge data source from settings", () => {
    const settings = `<?xml version="1.0"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="textFile"/></w:mailMerge><w:zoom w:percent="100"/></w:settings>`;
    const { parts } = merge(p(cc("login", "Login")), { settings });
    expect(parts["word/settings.xml"]).not.toContain("mailMerge");
    expect(parts["word/settings.xml"]).toContain("<w:zoom");
  });

  it("removes the data source's relationships, a self-closed mailMerge and an outside attached template, keeping the rest", () => {
    const settings = `<?xml version="1.0"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:zoom w:percent="100"/><w:mailMerge/><w:attachedTemplate r:id="rIdT"/></w:settings>`;
    const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const settingsRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdM" Type="${R}/mailMergeSource" Target="file:///C:/ENT/parents.csv" TargetMode="External"/><Relationship Id="rIdH" Type="${R}/mailMergeHeaderSource" Target="file:///C:/ENT/entete.csv" TargetMode="External"/><Relationship Id="rIdD" Type="http://schemas.microsoft.com/office/2006/relationships/recipientData" Target="file:///C:/ENT/recipients.xml" TargetMode="External"/><Relationship Id="rIdT" Type="${R}/attachedTemplate" Target="file:///C:/Modeles/Normal.dotm" TargetMode="External"/></Relationships>`;
    const files = unzipSync(makeDocx({ body: p(cc("login", "Login")), settings }));
    files["word/_rels/settings.xml.rels"] = strToU8(settingsRels);
    const parts = unzipText(mergeLetters(zipSync(files), roster.records, roster).docx);
    expect(parts["word/settings.xml"]).not.toContain("mailMerge");
    // Word would reach for the attached template at each opening (template-cleanup.ts).
    expect(parts["word/settings.xml"]).not.toContain("attachedTemplate");
    expect(parts["word/settings.xml"]).toContain('<w:zoom w:percent="100"/>');
    const rels = parts["word/_rels/settings.xml.rels"];
    expect(rels).not.toMatch(/mailMerge|recipientData|parents\.csv|Normal\.dotm/);
  });

  it("lists a template's fields", () => {
    const docx = makeDocx({
      body: p(
        cc("firstName", "Prénom") + `<w:fldSimple w:instr=" MERGEFIELD Login "><w:r><w:t>x</w:t></w:r></w:fldSimple>`,
      ),
      header: p(cc("col:Téléphone", "Téléphone")),
    });
    expect(templateFields(docx)).toEqual([
      { kind: "tag", tag: "ent:firstName" },
      { kind: "mergefield", name: "Login" },
      { kind: "tag", tag: "ent:col:Téléphone" },
    ]);
  });
});

describe("merge: templates with several sections", () => {
  it("keeps each letter's sections, restarting page numbers (the footer prints them) only at the letter's first", () => {
    const firstSect =
      '<w:sectPr><w:type w:val="continuous"/><w:pgSz w:w="11906" w:h="16838"/><w:cols w:space="708"/></w:sectPr>';
    const body =
      p(r("Page un ") + cc("login", "Login"), "") +
      `<w:p><w:pPr>${firstSect}</w:pPr></w:p>` +
      p(r("Page deux ") + cc("password", "Mot de passe"));
    const footer = p(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`);
    const doc = merge(body, { footer }).parts["word/document.xml"];
    const sects = doc.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!;
    expect(sects).toHaveLength(6); // two per letter
    expect(sects.filter((s) => s.includes('w:start="1"'))).toHaveLength(3);
    expect(sects.filter((s) => s.includes("continuous"))).toHaveLength(0); // a letter always starts a page
    expect(
      letters(doc)
        .flat()
        .filter((t) => t),
    ).toEqual([
      "Page un aicha.moreau",
      "Page deux 001000",
      "Page un jean.dupont",
      "Page deux a&b<c>\"d'e",
      "Page un zoe.emoji",
      "Page deux xy9",
    ]);
  });

  it("merges fields inside a school passage", () => {
    const body = p(
      `<w:sdt><w:sdtPr><w:tag w:val="ent:edit:signataire"/><w:id w:val="9"/></w:sdtPr><w:sdtContent>${r("Pour ")}${cc("firstName", "Prénom")}</w:sdtContent></w:sdt>`,
    );
    expect(letters(merge(body).parts["word/document.xml"]).map((l) => l[0])).toEqual([
      "Pour Aïcha",
      "Pour Jean",
      "Pour Zoë 👩‍🏫",
    ]);
  });
});

describe("merge: where the section break goes", () => {
  it.each([
    ["an empty paragraph", "<w:p/>", /<w:p><w:pPr><w:sectPr>/],
    [
      "a paragraph without properties",
      `<w:p>${r("fin")}</w:p>`,
      /<w:p><w:pPr><w:sectPr>[\s\S]*?<\/w:sectPr><\/w:pPr><w:r>/,
    ],
    [
      "a paragraph with properties (the section goes last in them, as the schema wants)",
      `<w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>${r("fin")}</w:p>`,
      /<w:pPr><w:spacing w:after="0"\/><w:jc w:val="center"\/><w:sectPr>[\s\S]*?<\/w:sectPr><\/w:pPr><w:r>/,
    ],
    [
      "a self-closing pPr and a text box with its own paragraphs",
      `<w:p><w:pPr/><w:r><w:txbxContent><w:p><w:pPr><w:jc w:val="left"/></w:pPr>${r("boîte")}</w:p></w:txbxContent></w:r></w:p>`,
      /<w:p><w:pPr><w:sectPr>[\s\S]*?<\/w:sectPr><\/w:pPr><w:r><w:txbxContent><w:p><w:pPr><w:jc w:val="left"\/><\/w:pPr>/,
    ],
  ])("after %s", (_name, last, expected) => {
    const doc = merge(p(cc("login", "Login")) + last).parts["word/document.xml"];
    expect(doc).toMatch(expected);
    expect(doc.match(/<w:sectPr>/g)).toHaveLength(3);
  });
});

describe("merge: last element a table", () => {
  it("adds a section paragraph after the table for every letter but the last", () => {
    const doc = merge(`<w:tbl><w:tr><w:tc>${p(cc("login", "Login"))}</w:tc></w:tr></w:tbl>`).parts["word/document.xml"];
    expect(doc.match(/<\/w:tbl><w:p><w:pPr><w:sectPr>/g)).toHaveLength(2);
    expect(doc).toMatch(/<\/w:tbl><w:sectPr>/);
  });
});

describe("merge: several people per page (cards, labels)", () => {
  const card = (first: boolean) =>
    `<w:tc><w:sdt><w:sdtPr><w:tag w:val="ent:if:login"/><w:id w:val="${first ? 1 : 2}"/></w:sdtPr><w:sdtContent>` +
    p(
      (first ? "" : `<w:sdt><w:sdtPr><w:tag w:val="ent:next"/><w:id w:val="9"/></w:sdtPr><w:sdtContent/></w:sdt>`) +
        r("Id : ") +
        cc("login", "Login"),
    ) +
    p(r("Mdp : ") + cc("password", "Mot de passe")) +
    "</w:sdtContent></w:sdt></w:tc>";
  const table = (cards: number) =>
    `<w:tbl><w:tr>${Array.from({ length: cards }, (_, i) => card(i === 0)).join("")}</w:tr></w:tbl><w:p/>`;

  it("gives each card the next person, and leaves the last page's extra cards empty", () => {
    const { parts, letters: made } = merge(table(3));
    const doc = parts["word/document.xml"];
    const pages = letters(doc).map((page) => page.filter((t) => t !== ""));
    const n = roster.records.length;
    expect(made).toBe(n);
    expect(pages).toHaveLength(Math.ceil(n / 3));
    expect(pages.flat().filter((t) => t.startsWith("Id : "))).toEqual(
      roster.records.map((r) => `Id : ${r.values.login}`),
    );
    expect(pages.flat().filter((t) => t.startsWith("Mdp : "))).toEqual(
      roster.records.map((r) => `Mdp : ${r.values.password}`),
    );
    expect(doc).not.toContain("ent:next");
    // The last page: its unused cards are empty cells, not "Id :" with nothing after it.
    expect(pages[pages.length - 1]).toHaveLength(2 * (n % 3 || 3));
  });

  it("reads Word's «Next Record» field (NEXT) the same way", () => {
    const next = '<w:fldSimple w:instr=" NEXT "><w:r><w:t>«Enregistrement suivant»</w:t></w:r></w:fldSimple>';
    const complexNext =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const { parts } = merge(
      p(cc("login", "Login")) + p(next + cc("login", "Login")) + p(complexNext + cc("login", "Login")),
    );
    const pages = letters(parts["word/document.xml"]);
    expect(pages[0]).toEqual(roster.records.slice(0, 3).map((r) => r.values.login));
    expect(parts["word/document.xml"]).not.toMatch(/NEXT|Enregistrement suivant/);
  });
});

describe("what a template names, and how each field finds its value", () => {
  const source = {
    headers: ["Nom", "Login", "Mot de passe", "Date de naissance", ""],
    columns: [
      { header: "Nom", field: "lastName" as const },
      { header: "Login", field: "login" as const },
      { header: "Mot de passe", field: "password" as const },
      { header: "Date de naissance", field: null },
    ] as unknown as MergeSource["columns"],
  };
  const record = {
    row: 2,
    profile: "parent",
    values: { lastName: "MOREL", login: "lise.morel", password: "EGX0HBcr" },
    raw: { Nom: "MOREL", Login: "lise.morel", "Mot de passe": "EGX0HBcr", "Date de naissance": "01/02/2012", "": "?" },
  } as unknown as RosterRecord;
  const value = (name: string) => resolveField({ kind: "mergefield", name }, source)?.(record) ?? null;

  it.each([
    ["Login", "lise.morel"],
    ["Identifiant", "lise.morel"], // a synonym of the Login header
    ["Mot_de_passe", "EGX0HBcr"],
    ["date_de_naissance", "01/02/2012"], // a column named loosely
    ["Date de naissance", "01/02/2012"],
    ["_", null], // folds to nothing: never the export's unnamed column
    ["INE", null],
  ])("MERGEFIELD %s gives %j", (name, expected) => expect(value(name)).toBe(expected));

  it("gives an empty value where a record lacks the column", () => {
    const fill = resolveField({ kind: "mergefield", name: "Date de naissance" }, source)!;
    expect(fill({ ...record, raw: {} } as RosterRecord)).toBe("");
  });

  it("lists the merge fields but not the school passages", () => {
    const docx = makeDocx({ body: p(cc("edit:etablissement", "Établissement")) + p(cc("login", "Login")) });
    expect(templateFields(docx)).toEqual([{ kind: "tag", tag: "ent:login" }]);
  });

  it("gives each body control's tag and title, in order, and which passages still show their model text", () => {
    const passage = (what: string, text: string, placeholder: boolean) =>
      `<w:sdt><w:sdtPr><w:alias w:val="${what}"/><w:tag w:val="ent:edit:${what}"/>${placeholder ? "<w:showingPlcHdr/>" : ""}</w:sdtPr><w:sdtContent>${p(r(text))}</w:sdtContent></w:sdt>`;
    const docx = makeDocx({
      body:
        passage("etablissement", "Nom du collège", true) +
        passage("signataire", "Mme X", false) +
        p(cc("login", "Login")),
    });
    expect(controlTags(docx)).toEqual([
      { tag: "ent:edit:etablissement", title: "etablissement" },
      { tag: "ent:edit:signataire", title: "signataire" },
      { tag: "ent:login", title: "Login" },
    ]);
    expect(unchangedPassages(docx)).toEqual(["etablissement"]);
    expect(editPassages(docx)).toEqual(
      new Map([
        ["etablissement", "Nom du collège"],
        ["signataire", "Mme X"],
      ]),
    );
  });
});

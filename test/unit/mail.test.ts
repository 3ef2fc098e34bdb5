// The message engine, piece by piece: a letter's OOXML as e-mail HTML and text, the address
// check, the subject with fields, the journal.
import { strToU8, zipSync } from "fflate";
import {
  checkAddress,
  journalKey,
  journalLine,
  letterText,
  readLetter,
  recipients,
  sentKeys,
  subjectFor,
} from "../../src/core/mail";
import { readRoster, Roster } from "../../src/core/roster";
import { parseXml } from "../../src/core/xml";
import { W_NS } from "./helpers/docx";
import { bodyOf, html, letter, p, r, REL } from "./helpers/letter";

describe("a letter as an e-mail body", () => {
  it("keeps bold, italic, underline, colour, size and the password's monospace font, escaping the text", () => {
    const l = letter(
      p(r("Gras", "<w:b/>") + r("Italique", "<w:i/>") + r("Souligné", '<w:u w:val="single"/>')) +
        p(r("Rouge 14", '<w:color w:val="C00000"/><w:sz w:val="28"/>')) +
        p(r("X&lt;0l1&gt;", '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/><w:b/>')),
    );
    const out = bodyOf(html(l));
    expect(out).toContain('<span style="font-weight:bold">Gras</span>');
    expect(out).toContain('<span style="font-style:italic">Italique</span>');
    expect(out).toContain('<span style="text-decoration:underline">Souligné</span>');
    expect(out).toContain('<span style="color:#C00000;font-size:14pt">Rouge 14</span>');
    expect(out).toContain(
      `<span style="font-weight:bold;font-family:Consolas, 'Courier New', monospace;letter-spacing:0.05em">X&#60;0l1&#62;</span>`,
    );
    expect(letterText(l)).toBe("GrasItaliqueSouligné\n\nRouge 14\n\nX<0l1>\n");
  });

  it("takes paragraph and run formatting from styles (basedOn chain, defaults), headings as h1–h3", () => {
    const styles =
      '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Centre"><w:name w:val="Centre"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="120"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>' +
      '<w:style w:type="character" w:styleId="Fort"><w:name w:val="Fort"/><w:rPr><w:i/></w:rPr></w:style>';
    const l = letter(
      p(r("Titre"), '<w:pStyle w:val="Heading2"/>') +
        p(r("Centré"), '<w:pStyle w:val="Centre"/>') +
        p(r("Normal") + r("fort", '<w:rStyle w:val="Fort"/>')) +
        p(r("À droite"), '<w:jc w:val="right"/>'),
      { styles },
    );
    const out = bodyOf(html(l));
    expect(out).toMatch(/<h2 style="[^"]*font-size:14pt">(<span[^>]*>)?Titre/);
    expect(out).toContain(
      '<p style="margin:12pt 0pt 6pt 0pt;text-align:center"><span style="font-weight:bold;font-size:11pt">Centré</span></p>',
    );
    expect(out).toContain('<span style="font-style:italic;font-size:11pt">fort</span>');
    expect(out).toContain("text-align:right");
  });

  it("shows numbered and bulleted lists as lists, numbers continuing, in the text too", () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
    const item = (text: string, numId: string, ilvl = "0") =>
      p(r(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
    const l = letter(
      item("Un", "1") +
        item("Deux", "1") +
        p(r("Entre")) +
        item("Trois", "1") +
        item("Puce", "2") +
        item("Sous-puce", "2", "1"),
      { numbering },
    );
    const out = bodyOf(html(l));
    expect(out).toMatch(/<ol style="[^"]*"><li[^>]*>Un<\/li><li[^>]*>Deux<\/li><\/ol>/);
    expect(out).toMatch(/<ol start="3" style="[^"]*"><li[^>]*>Trois<\/li><\/ol>/);
    expect(out).toMatch(
      /<ul style="[^"]*"><li style="margin-bottom[^"]*">Puce<\/li><li style="margin-left:18pt;[^"]*">Sous-puce<\/li><\/ul>/,
    );
    expect(letterText(l)).toBe("1. Un\n2. Deux\n\nEntre\n\n3. Trois\n\n- Puce\n   - Sous-puce\n");
  });

  it("draws tables and bordered or shaded paragraphs as boxes", () => {
    const box =
      '<w:pBdr><w:top w:val="single" w:sz="8" w:color="000000"/></w:pBdr><w:shd w:val="clear" w:fill="EDEDED"/>';
    const cell = (t: string) => `<w:tc>${p(r(t))}</w:tc>`;
    const l = letter(
      p(r("Identifiant : a.b"), box) +
        p(r("Mot de passe : X1"), box) +
        `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tr>${cell("Nom")}${cell("Classe")}</w:tr><w:tr>${cell("Lou")}${cell("5A")}</w:tr></w:tbl>`,
    );
    const out = bodyOf(html(l));
    // The two credential lines share one box, as Word draws them.
    expect(out.match(/border:1px solid #000000;background-color:#EDEDED/g)).toHaveLength(1);
    expect(out).toMatch(/Identifiant : a\.b<\/p><p[^>]*>Mot de passe : X1<\/p><\/td><\/tr><\/table>/);
    expect(out).toMatch(/<td style="border:1px solid #000000;[^"]*"><p[^>]*>Nom<\/p><\/td>/);
    expect(letterText(l)).toBe("Identifiant : a.b\nMot de passe : X1\n\nNom | Classe\nLou | 5A\n");
  });

  it("keeps web and mail links, drops any other scheme, and skips field codes but keeps their results", () => {
    const l = letter(
      p(
        `<w:hyperlink r:id="rL1">${r("l'ENT")}</w:hyperlink>${r(" ")}<w:hyperlink r:id="rL2">${r("piège")}</w:hyperlink>`,
      ) +
        p(
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD Nom </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
            r("DUPONT") +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
            '<w:r><w:t>A</w:t><w:br/><w:t>B</w:t><w:tab/><w:t>C</w:t><w:br w:type="page"/></w:r>',
        ),
      { links: { rL1: "https://ent.example.test/", rL2: "javascript:alert(1)" } },
    );
    const out = bodyOf(html(l));
    expect(out).toContain('<a href="https://ent.example.test/" style="color:#0563C1">l&#39;ENT</a>');
    expect(out).not.toContain("javascript");
    expect(out).toContain("piège");
    expect(out).not.toContain("MERGEFIELD");
    expect(out).toContain("DUPONTA<br>B&nbsp;&nbsp;&nbsp;&nbsp;C");
    expect(letterText(l)).toBe("l'ENT <https://ent.example.test/> piège\n\nDUPONTA\nB    C\n");
  });

  it("adds the letter's footer under a rule, and stays a 640 px table layout with no remote content", () => {
    const l = letter(p(r("Corps")), { footer: p(r("Collège Exemple — 1 rue de l'École")) });
    const out = html(l);
    expect(out).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(out).toContain('<meta charset="utf-8">');
    expect(out).toContain("<title>Objet</title>");
    expect(out).toContain("max-width:640px");
    expect(out).toMatch(/border-top:1px solid #D0D0D0[^>]*>.*Collège Exemple — 1 rue de l&#39;École/s);
    expect(out).not.toMatch(/<script|<img|<link|src=|url\(|@import/i);
    expect(letterText(l)).toBe("Corps\n\n--\nCollège Exemple — 1 rue de l'École\n");
  });
});

describe("what the letter reader goes into, and what it leaves", () => {
  it("reads text inside content controls, custom XML, smart tags and insertions, at paragraph and run level", () => {
    const wrap = (tag: string, inner: string) =>
      tag === "w:sdt" ? `<w:sdt><w:sdtPr/><w:sdtContent>${inner}</w:sdtContent></w:sdt>` : `<${tag}>${inner}</${tag}>`;
    const tags = ["w:sdt", "w:customXml", "w:smartTag", "w:ins"];
    const l = letter(
      tags.map((t, i) => wrap(t, p(r(`bloc${i}`)))).join("") +
        p(
          tags.map((t, i) => wrap(t, r(`mot${i} `))).join("") +
            `<w:fldSimple w:instr=" MERGEFIELD Login ">${r("champ")}</w:fldSimple>`,
        ) +
        "<w:del><w:p><w:r><w:delText>supprimé</w:delText></w:r></w:p></w:del>" +
        `<w:sectPr/>`,
    );
    expect(letterText(l)).toBe("bloc0\n\nbloc1\n\nbloc2\n\nbloc3\n\nmot0 mot1 mot2 mot3 champ\n");
  });

  it.each([
    ['<w:tblBorders><w:top w:val="none"/><w:bottom w:val="nil"/></w:tblBorders>', false],
    ['<w:tblBorders><w:top w:val="none"/><w:insideH w:val="single"/></w:tblBorders>', true],
    ["<w:tblBorders><w:top/></w:tblBorders>", false],
    // French Word names the built-in "Table Grid" style "Grilledutableau".
    ['<w:tblStyle w:val="Grilledutableau"/>', true],
    ['<w:tblStyle w:val="Tableausimple1"/>', false],
    ['<w:tblStyle w:val="Quadrillage1"/>', true],
    ["", false],
  ])("a table with %s has borders: %s", (tblPr, bordered) => {
    const l = letter(`<w:tbl><w:tblPr>${tblPr}</w:tblPr><w:tr><w:tc>${p(r("x"))}</w:tc></w:tr></w:tbl>`);
    expect(l.body[0]).toMatchObject({ kind: "table", borders: bordered });
  });

  it("takes the default footer only, and none when the letter has no section", () => {
    const withFirst = letter(p(r("Corps")), { footer: p(r("Pied")) });
    expect(letterText(withFirst)).toContain("Pied");
    const files = {
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      "word/document.xml": strToU8(
        `<?xml version="1.0"?><w:document ${W_NS}><w:body>${p(r("Corps"))}<w:sectPr><w:footerReference w:type="first" r:id="rIdF"/></w:sectPr></w:body></w:document>`,
      ),
      "word/_rels/document.xml.rels": strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdF" Type="${REL}/footer" Target="footer1.xml"/></Relationships>`,
      ),
      "word/footer1.xml": strToU8(`<?xml version="1.0"?><w:ftr ${W_NS}>${p(r("Première page"))}</w:ftr>`),
    };
    expect(readLetter(zipSync(files)).footer).toEqual([]);
  });

  it("refuses a package without a main part, in French", () => {
    const files = {
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    };
    expect(() => readLetter(zipSync(files))).toThrow("Le courrier fusionné n'a pas de corps (word/document.xml).");
  });
});

describe("paragraph and run looks, as Word's properties give them", () => {
  const look = (pPr: string) => (letter(p(r("x"), pPr)).body[0] as { look: object }).look;
  const runLook = (rPr: string) =>
    (letter(p(r("x", rPr))).body[0] as { inlines: Array<{ look: object }> }).inlines[0].look;

  it.each([
    ['<w:jc w:val="center"/>', { align: "center" }],
    ['<w:jc w:val="right"/>', { align: "right" }],
    ['<w:jc w:val="end"/>', { align: "right" }],
    ['<w:jc w:val="both"/>', { align: "justify" }],
    ['<w:jc w:val="distribute"/>', { align: "justify" }],
    ['<w:jc w:val="start"/>', { align: "left" }],
    ['<w:ind w:left="720" w:right="360"/>', { indentLeft: 36, indentRight: 18 }],
    ['<w:ind w:start="240" w:end="480"/>', { indentLeft: 12, indentRight: 24 }],
    ['<w:ind w:hanging="360"/>', {}],
    ['<w:spacing w:before="120" w:after="0"/>', { spaceBefore: 6, spaceAfter: 0 }],
    ['<w:spacing w:line="276"/>', {}],
    ['<w:shd w:val="clear" w:fill="edeDED"/>', { background: "#EDEDED" }],
    ['<w:shd w:val="clear" w:fill="auto"/>', {}],
    ['<w:pBdr><w:top w:val="none"/><w:left w:val="single" w:color="auto"/></w:pBdr>', { border: "#000000" }],
    ['<w:pBdr><w:top w:val="nil"/><w:bottom w:val="double" w:color="c00000"/></w:pBdr>', { border: "#C00000" }],
    ['<w:pBdr><w:top w:val="none"/><w:bottom/></w:pBdr>', {}],
    ['<w:numPr><w:numId w:val="0"/></w:numPr>', {}],
  ])("pPr %s gives %j", (pPr, expected) => expect(look(pPr)).toEqual(expected));

  it.each([
    ['<w:b w:val="0"/><w:i w:val="false"/>', { bold: false, italic: false }],
    ['<w:b w:val="on"/><w:i/>', { bold: true, italic: true }],
    ['<w:u w:val="none"/>', { underline: false }],
    ['<w:u w:val="double"/>', { underline: true }],
    ['<w:color w:val="auto"/>', { color: undefined }],
    ['<w:sz w:val="21"/>', { size: 10.5 }],
    ['<w:sz w:val="onze"/>', {}],
    ['<w:rFonts w:hAnsi="Arial"/>', { font: "Arial" }],
    ['<w:highlight w:val="yellow"/><w:shd w:fill="00FF00"/>', { background: "#FFFF00" }],
    ['<w:highlight w:val="none"/><w:shd w:fill="00ff00"/>', { background: "#00FF00" }],
    ['<w:highlight w:val="darkGray"/>', { background: "#A9A9A9" }],
  ])("rPr %s gives %j", (rPr, expected) => expect(runLook(rPr)).toEqual(expected));

  it.each([
    ['<w:name w:val="Title"/>', "Titre", 1],
    ['<w:name w:val="Mon titre"/>', "Titre", 1],
    ['<w:name w:val="x"/>', "Title", 1],
    ['<w:name w:val="heading 1"/>', "A", 1],
    ['<w:name w:val="heading 5"/>', "A", 3],
    ['<w:name w:val="x"/>', "Titre2", 2],
    ['<w:name w:val="x"/>', "heading3", 3],
    ['<w:name w:val="Citation"/>', "Citation", undefined],
  ])("style %s (id %s) is a heading of level %s", (name, id, level) => {
    const styles = `<w:style w:type="paragraph" w:styleId="${id}">${name}</w:style>`;
    const l = letter(p(r("x"), `<w:pStyle w:val="${id}"/>`), { styles });
    expect((l.body[0] as { look: { heading?: number } }).look.heading).toBe(level);
  });
});

describe("checkAddress", () => {
  it.each([
    ["aicha@example.test", true, ""],
    ["  parent.eleve+ent@ac-exemple.fr ", true, ""],
    ["zoé@exemple.fr", true, ""],
    ["", false, "pas d'adresse électronique"],
    ["paul.example.test", false, "il manque @"],
    ["a@b.fr; c@d.fr", false, "plusieurs adresses"],
    ["a@b.fr, c@d.fr", false, "plusieurs adresses"],
    ["a@b@c.fr", false, "plusieurs adresses"],
    ["jean dupont@x.fr", false, "contient une espace"],
    ["a@localhost", false, "n'est pas une adresse électronique valide"],
    ["a@x.f", false, "valide"],
    [".a@x.fr", false, "valide"],
    ["a.@x.fr", false, "valide"],
    ["a..b@x.fr", false, "valide"],
    ["a@-x.fr", false, "valide"],
    ["a@x-.fr", false, "valide"],
    ["a@x..fr", false, "valide"],
    ["<a@x.fr>", false, "valide"],
  ])("%j → %s", (cell, ok, reason) => {
    const check = checkAddress(cell);
    expect(check.ok).toBe(ok);
    if (check.ok) expect(check.address).toBe(cell.trim());
    else expect(check.reason).toContain(reason);
  });
});

describe("recipients and subject", () => {
  let roster: Roster;
  // Per test, not at load: see 'Static mutants' in docs/testing.md.
  beforeEach(() => {
    roster = readRoster(
      new TextEncoder().encode(
        "Nom;Prénom;Login;Mot de passe;Courriel\nN'DIAYE;Aïcha;a.n;X1;a@x.fr\nMOREL;Lou;l.m;Y2;\n",
      ),
      "p.csv",
    );
  });

  it("splits the people into messages and paper letters, with the reason", () => {
    const { send, paper } = recipients(roster.records, roster);
    expect(send.map((s) => [s.record.values.login, s.to])).toEqual([["a.n", "a@x.fr"]]);
    expect(paper.map((p) => [p.record.values.login, p.reason])).toEqual([["l.m", "pas d'adresse électronique"]]);
  });

  it("refuses an export without an e-mail column, saying which columns it looks for", () => {
    const none = readRoster(new TextEncoder().encode("Nom;Login;Mot de passe\nA;a;X1\n"), "n.csv");
    expect(() => recipients(none.records, none)).toThrow(/pas de colonne d'adresse électronique \(« Courriel »/);
  });

  it("refuses a list without identifiers: the journal could not promise never twice", () => {
    const list = readRoster(new TextEncoder().encode("Nom;Courriel\nA;a@example.test\n"), "n.csv");
    expect(() => recipients(list.records, list)).toThrow(
      expect.objectContaining({
        code: "no-login-column",
        message: expect.stringMatching(/^L'envoi par courriel tient un journal par identifiant/),
      }),
    );
  });

  it("fills {Champ} and «Champ» in the subject, and refuses an unknown one", () => {
    const subject = subjectFor("ENT – {Prénom} «Nom»  ({Login})", roster);
    expect(subject(roster.records[0])).toBe("ENT – Aïcha N'DIAYE (a.n)");
    expect(subjectFor("Sans champ", roster)(roster.records[0])).toBe("Sans champ");
    expect(() => subjectFor("Pour {Classe}", roster)).toThrow(/« Classe », que l'export ne contient pas/);
  });
});

describe("the sending journal", () => {
  const entry = { login: "Aïcha.N", to: "A@X.fr ", messageId: "<1@x>", at: "2026-11-24T10:00:00.000Z" };

  it("writes one JSON line per message, without password or body", () => {
    expect(journalLine({ ...entry, ...({ password: "X1", html: "<p>" } as object) })).toBe(
      '{"login":"Aïcha.N","to":"A@X.fr ","messageId":"<1@x>","at":"2026-11-24T10:00:00.000Z"}\n',
    );
  });

  it("reads back who was sent, whatever the case of the address, and forgives a last line cut short", () => {
    const text = journalLine(entry) + journalLine({ ...entry, login: "l.m", to: "l@m.fr" }) + '{"login":"x","to';
    const keys = sentKeys(text, "envoi.jsonl");
    expect(keys.size).toBe(2);
    expect(keys.has(journalKey("Aïcha.N", "a@x.fr"))).toBe(true);
    expect(keys.has(journalKey("aichan", "a@x.fr"))).toBe(false);
    expect(keys.has(journalKey("l.m", "l@m.fr"))).toBe(true);
    expect(keys.has(journalKey("l.m", "autre@m.fr"))).toBe(false);
  });

  it("refuses a journal damaged elsewhere than its last line, naming the line", () => {
    expect(() => sentKeys(`${journalLine(entry)}pas du JSON\n${journalLine(entry)}`, "envoi.jsonl")).toThrow(
      "Le journal d'envoi « envoi.jsonl » est illisible à la ligne 2.",
    );
    expect(() => sentKeys('{"login":1}\n', "j")).toThrow(/ligne 1/);
  });
});

describe("parseXml", () => {
  it("builds elements with attributes and decoded text, skipping declarations and comments", () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><a x="1" y='&amp;'><b/>t&lt;<![CDATA[<raw>]]><c z="2">u</c></a>`,
    );
    expect(root).toEqual({
      name: "a",
      attrs: { x: "1", y: "&" },
      children: [
        { name: "b", attrs: {}, children: [] },
        "t<",
        "<raw>",
        { name: "c", attrs: { z: "2" }, children: ["u"] },
      ],
    });
  });
});

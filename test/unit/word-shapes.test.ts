// The shapes Word itself writes, which the small hand-made fixtures elsewhere do not: extra
// attributes before the one we read, ids and numbers of several digits, spaces before "/>".
// Each is a way a real template's merge would repeat an id or continue a numbered list.
import { mergeLetters } from "../../src/core/merge";
import { ListRestarts, readLists } from "../../src/core/merge/numbering";
import { SECT_MARK, SECT_PARA_MARK } from "../../src/core/merge/markers";
import { letterStartSection, splitBody, withSectionBreakSlot } from "../../src/core/merge/sections";
import { readRoster, Roster } from "../../src/core/roster";
import { cc, makeDocx, p, r, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";

let roster: Roster;
// Per test, not at load: see 'Static mutants' in docs/testing.md.
beforeEach(() => {
  roster = readRoster(
    utf8(
      "Nom;Prénom;Login;Mot de passe;Profil\nA;a;a.a;Pw1aaaaa;Parent\nB;b;b.b;Pw2bbbbb;Parent\nC;c;c.c;Pw3ccccc;Parent\n",
    ),
    "p.csv",
  );
});

describe("numbering as Word writes it", () => {
  const WORD = `<w:numbering><w:abstractNum w15:restartNumberingAfterBreak="0" w:abstractNumId="12"><w:nsid w:val="1A2B3C4D"/><w:lvl w:tplc="040C000F" w:ilvl="0"><w:start w:val="10"/></w:lvl><w:lvl w:tplc="040C0019" w:ilvl="10" w:tentative="1"><w:start w:val="25"/></w:lvl></w:abstractNum><w:num w14:durableId="123456" w:numId="15"><w:abstractNumId w:val="12"/><w:lvlOverride w:ilvl="10"><w:startOverride w:val="33"/></w:lvlOverride></w:num><w:num w:numId="3"><w:abstractNumId w:val="99"/></w:num></w:numbering>`;

  it("reads levels, starts and overrides of several digits after other attributes", () => {
    const lists = readLists(WORD);
    expect(lists.get("15")).toEqual({
      abstractNumId: "12",
      starts: new Map([
        ["0", "10"],
        ["10", "33"],
      ]),
    });
  });

  it("numbers the letters' copies after the highest numId, before the cleanup marker", () => {
    const restarts = new ListRestarts(readLists(WORD));
    expect(restarts.numIdFor("15", 1, new Map())).toBe("16");
    const out = restarts.apply(
      `${WORD.slice(0, -"</w:numbering>".length)}<w:numIdMacAtCleanup w:val="4"/></w:numbering>`,
    );
    expect(out).toContain(
      '<w:num w:numId="16"><w:abstractNumId w:val="12"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride><w:lvlOverride w:ilvl="10"><w:startOverride w:val="33"/></w:lvlOverride></w:num><w:numIdMacAtCleanup w:val="4"/></w:numbering>',
    );
  });
});

describe("ids as Word writes them, renumbered in every letter", () => {
  const body =
    p(cc("login", "Login")) +
    `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr name="Image 1" id="123"/></wp:inline></w:drawing></w:r></w:p>` +
    `<w:sdt><w:sdtPr><w:alias w:val="Texte"/><w:id w:val="-1234567" /></w:sdtPr><w:sdtContent>${p(r("texte"))}</w:sdtContent></w:sdt>` +
    `<w:p><w:bookmarkStart w:colFirst="0" w:id="45" w:name="Repere"/>${r("repère")}<w:bookmarkEnd w:displacedByCustomXml="next" w:id="45"/></w:p>` +
    `<w:p><w:r><w:pict><v:shape type="#_x0000_t75" id="Forme 12" o:spid="_x0000_s1234" style="width:1pt"/></w:pict></w:r></w:p>`;

  it("gives each letter its own drawing, control, bookmark and shape ids (the output checker finds no repeat)", () => {
    const parts = unzipText(mergeLetters(makeDocx({ body }), roster.records, roster).docx);
    const doc = parts["word/document.xml"];
    const all = (re: RegExp) => [...doc.matchAll(re)].map((m) => m[1]);
    const docPr = all(/<wp:docPr [^>]*\bid="(\d+)"/g);
    expect(docPr).toHaveLength(3);
    expect(new Set(docPr).size).toBe(3);
    const sdt = all(/<w:id w:val="(-?\d+)"/g);
    expect(sdt).toHaveLength(3);
    expect(new Set(sdt).size).toBe(sdt.length);
    expect(all(/<w:bookmarkStart [^>]*\bw:name="([^"]+)"/g)).toEqual(["Repere", "Repere_2", "Repere_3"]);
    const starts = all(/<w:bookmarkStart [^>]*\bw:id="(\d+)"/g);
    expect(all(/<w:bookmarkEnd [^>]*\bw:id="(\d+)"/g)).toEqual(starts);
    expect(new Set(starts).size).toBe(3);
    const shapes = all(/<v:shape [^>]*\bid="([^"]+)"/g);
    expect(new Set(shapes).size).toBe(3);
    expect(new Set(all(/o:spid="(_x0000_s\d+)"/g)).size).toBe(3);
  });
});

describe("sections as Word writes them", () => {
  it("finds a body with attributes, and none where the part has no body or it is cut short", () => {
    const parts = splitBody(
      `<w:document><w:body w:dummy="1"><w:p/><w:sectPr><w:pgSz w:w="1"/></w:sectPr></w:body></w:document>`,
    );
    expect(parts).toMatchObject({ prefix: '<w:document><w:body w:dummy="1">', suffix: "</w:body></w:document>" });
    expect(parts!.finalSect).toBe('<w:sectPr><w:pgSz w:w="1"/><w:pgNumType w:start="1"/></w:sectPr>');
    expect(splitBody("<w:document></w:document>")).toBeNull();
    expect(splitBody("<w:document><w:body><w:p/>")).toBeNull();
    expect(splitBody("<w:document><w:p/></w:body></w:document>")).toBeNull();
  });

  it("gives a body without section properties Word's A4 page, numbered from 1", () => {
    expect(splitBody("<w:document><w:body><w:p/></w:body></w:document>")!.finalSect).toBe(
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/><w:pgNumType w:start="1"/></w:sectPr>',
    );
  });

  it.each([
    [
      '<w:sectPr><w:pgNumType w:fmt="lowerRoman" w:start="12"/></w:sectPr>',
      '<w:sectPr><w:pgNumType w:fmt="lowerRoman" w:start="1"/></w:sectPr>',
    ],
    [
      '<w:sectPr><w:pgNumType w:start="3" w:fmt="decimal"/></w:sectPr>',
      '<w:sectPr><w:pgNumType w:fmt="decimal" w:start="1"/></w:sectPr>',
    ],
    [
      '<w:sectPr><w:type w:val="continuous"/><w:cols w:space="708"/></w:sectPr>',
      '<w:sectPr><w:pgNumType w:start="1"/><w:cols w:space="708"/></w:sectPr>',
    ],
    ["<w:sectPr/>", '<w:sectPr><w:pgNumType w:start="1"/></w:sectPr>'],
  ])("starts each letter on a new page numbered 1: %s", (sectPr, out) => {
    expect(letterStartSection(sectPr)).toBe(out);
  });

  it.each([
    ["<w:p/>", `<w:p><w:pPr>${SECT_MARK}</w:pPr></w:p>`],
    ['<w:p w14:paraId="1"/>', `<w:p w14:paraId="1"><w:pPr>${SECT_MARK}</w:pPr></w:p>`],
    ["<w:p><w:r/></w:p>", `<w:p><w:pPr>${SECT_MARK}</w:pPr><w:r/></w:p>`],
    ["<w:p><w:pPr/><w:r/></w:p>", `<w:p><w:pPr>${SECT_MARK}</w:pPr><w:r/></w:p>`],
    [
      '<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>',
      `<w:p><w:pPr><w:jc w:val="center"/>${SECT_MARK}</w:pPr></w:p>`,
    ],
    [
      "<w:p><w:pPr><w:jc/><w:pPrChange><w:pPr/></w:pPrChange></w:pPr></w:p>",
      `<w:p><w:pPr><w:jc/>${SECT_MARK}<w:pPrChange><w:pPr/></w:pPrChange></w:pPr></w:p>`,
    ],
    ["<w:tbl/>", `<w:tbl/>${SECT_PARA_MARK}`],
    ["", SECT_PARA_MARK],
  ])("puts the break between letters in the last paragraph: %s", (inner, out) => {
    expect(withSectionBreakSlot(inner)).toBe(out);
  });
});

describe("names and ids each letter gets", () => {
  it("suffixes bookmark names within Word's 40 characters, and VML shape ids", () => {
    const long = "Signet_au_nom_tres_long_pour_Word_0123456"; // 41 characters
    const body =
      p(cc("login", "Login")) +
      `<w:p><w:bookmarkStart w:id="7" w:name="${long}"/><w:bookmarkEnd w:id="7"/></w:p>` +
      `<w:p><w:r><w:pict><v:rect id="Cadre"/></w:pict></w:r></w:p>`;
    const doc = unzipText(mergeLetters(makeDocx({ body }), roster.records, roster).docx)["word/document.xml"];
    const names = [...doc.matchAll(/w:name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([long, `${long.slice(0, 38)}_2`, `${long.slice(0, 38)}_3`]);
    expect(names.every((n) => n.length <= 41)).toBe(true);
    expect([...doc.matchAll(/<v:rect id="([^"]+)"/g)].map((m) => m[1])).toEqual(["Cadre", "Cadre_2", "Cadre_3"]);
  });

  it("writes paragraph ids as 8 upper-case hex digits", () => {
    const body =
      Array.from(
        { length: 6 },
        (_, i) => `<w:p w14:paraId="0000000${i + 1}" w14:textId="77777777">${r("x")}</w:p>`,
      ).join("") + p(cc("login", "Login"));
    const doc = unzipText(mergeLetters(makeDocx({ body }), roster.records, roster).docx)["word/document.xml"];
    const ids = [...doc.matchAll(/w14:(?:paraId|textId)="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain("0000000A");
    expect(ids.every((id) => /^[0-9A-F]{8}$/.test(id))).toBe(true);
  });

  it("keeps a control around a field when asked, with a fresh id even when Word wrote a space before />", () => {
    const field = `<w:sdt><w:sdtPr><w:alias w:val="Login"/><w:tag w:val="ent:login"/><w:id w:val="-98765" /></w:sdtPr><w:sdtContent><w:r><w:t>«Login»</w:t></w:r></w:sdtContent></w:sdt>`;
    const doc = unzipText(
      mergeLetters(makeDocx({ body: p(field) }), roster.records, roster, { keepFields: true }).docx,
    )["word/document.xml"];
    const ids = [...doc.matchAll(/<w:id w:val="(-?\d+)"\/>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain("-98765");
    expect(new Set(ids).size).toBe(3);
    expect(doc).toContain(">a.a<");
  });

  it("says which characters it removed from a value, each once, with the row and the field", () => {
    const bad = readRoster(utf8("Nom;Login;Mot de passe;Profil;Note\nA;a.a;Pw1aaaaa;Parent;x\n"), "p.csv");
    // The importer keeps the file's exact text; a value may still hold what XML forbids.
    const records = bad.records.map((r) => ({ ...r, raw: { ...r.raw, Note: "x\u0001y\u0001z\u0002" } }));
    const out = mergeLetters(makeDocx({ body: p(cc("login", "Login")) + p(cc("col:Note", "Note")) }), records, bad);
    expect(out.warnings).toEqual([
      { row: 2, field: "Note", message: "Ligne 2, champ « Note » : caractère(s) U+0001, U+0002 retiré(s)." },
    ]);
  });
});

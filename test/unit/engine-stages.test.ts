// The merge engine stage by stage, on small inputs (docxtemplater's table style): what the
// field extractor finds, what the compiler marks, how sections are cut, what a letter
// renders to, and which parts the package gets.
import { compilePart, markIds, toSegments } from "../../src/core/merge/compile";
import { extractFields, FieldSlot, firstRunProps, mergeFieldName } from "../../src/core/merge/fields";
import { IdCounter, letterContext, LetterWriter, textRuns } from "../../src/core/merge/letter-writer";
import { MARK } from "../../src/core/merge/markers";
import { letterStartSection, splitBody, withNotesRestart, withSectionBreakSlot } from "../../src/core/merge/sections";
import { compileTemplate, inPart } from "../../src/core/merge/template";
import { MergeError, mergeLetters } from "../../src/core/merge";
import { XmlError } from "../../src/core/errors";
import { readRoster, Roster } from "../../src/core/roster";
import { utf8 } from "./helpers/encode";
import { cc, makeDocx, p, r, unzipText } from "./helpers/docx";

const visible = (xml: string) => xml.split(MARK).join("¦");

describe("stage 1: fields found in a part", () => {
  const BOLD = "<w:rPr><w:b/></w:rPr>";
  it.each([
    ["content control", p(cc("login", "Login", "<w:b/>")), [{ kind: "tag", tag: "ent:login" }], BOLD],
    ["column control", cc("col:INE", "INE"), [{ kind: "tag", tag: "ent:col:INE" }], ""],
    [
      "simple MERGEFIELD",
      `<w:fldSimple w:instr=" MERGEFIELD Mot_de_passe \\* MERGEFORMAT "><w:r>${BOLD}<w:t>«Mot_de_passe»</w:t></w:r></w:fldSimple>`,
      [{ kind: "mergefield", name: "Mot_de_passe" }],
      BOLD,
    ],
    [
      "complex MERGEFIELD, quoted name",
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD "Mot de passe" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r>${BOLD}<w:t>«x»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
      [{ kind: "mergefield", name: "Mot de passe" }],
      BOLD,
    ],
    [
      "a PAGE field is not a merge field",
      `<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`,
      [],
      null,
    ],
    [
      "school passage unwrapped",
      `<w:sdt><w:sdtPr><w:tag w:val="ent:edit:lieu-date"/></w:sdtPr><w:sdtContent>${r("Paris")}</w:sdtContent></w:sdt>`,
      [],
      null,
    ],
  ])("%s", (_name, xml, names, rPr) => {
    const slots: FieldSlot[] = [];
    const out = extractFields(xml, slots, { keepFields: false });
    expect(slots.map((s) => s.name)).toEqual(names);
    if (rPr !== null) expect(slots[0].rPr).toBe(rPr);
    expect(out.includes(`${MARK}F0${MARK}`)).toBe(names.length > 0);
  });

  it.each([
    [" MERGEFIELD Prénom ", "Prénom"],
    ['MERGEFIELD  "Nom de famille"  \\* Upper', "Nom de famille"],
    ["mergefield login", "login"],
    [" PAGE ", null],
    [" IF x = y ", null],
  ])("MERGEFIELD name of %j is %j", (instr, name) => {
    expect(mergeFieldName(instr)).toBe(name);
  });

  it.each([
    ["<w:r><w:rPr><w:i/></w:rPr><w:t>a</w:t></w:r>", "<w:rPr><w:i/></w:rPr>"],
    ['<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>a</w:t></w:r>', ""],
    ["<w:r><w:t>a</w:t></w:r>", ""],
    ["<w:p/>", null],
  ])("first run properties of %s", (xml, rPr) => {
    expect(firstRunProps(xml)).toBe(rPr);
  });
});

describe("stage 2: ids marked and segments cut", () => {
  it.each([
    ['<wp:docPr id="7" name="x"/>', '<wp:docPr id="¦D¦" name="x"/>'],
    ['<w:id w:val="-12"/>', '<w:id w:val="¦I¦"/>'],
    ['<w:p w14:paraId="1A2B3C4D" w14:textId="77">', '<w:p w14:paraId="¦P¦" w14:textId="¦T¦">'],
    [
      '<w:bookmarkStart w:id="3" w:name="Adresse"/><w:bookmarkEnd w:id="3"/>',
      '<w:bookmarkStart w:id="¦B3¦" w:name="¦NAdresse¦"/><w:bookmarkEnd w:id="¦B3¦"/>',
    ],
    ['<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>', ""],
    ['<v:shape id="Zone1" o:spid="_x0000_s1026">', '<v:shape id="¦VZone1¦" o:spid="¦O¦">'],
    ['<w:numId w:val="4"/><w:numId w:val="0"/>', '<w:numId w:val="¦U4¦"/><w:numId w:val="0"/>'],
    ['<w:headerReference w:type="default" r:id="rId8"/>', '<w:headerReference w:type="default" r:id="¦RrId8¦"/>'],
    ['<w:commentRangeStart w:id="1"/>a<w:r><w:commentReference w:id="1"/></w:r>', "a"],
    // Ids of several digits, attributes before the id, a space before the end of the tag.
    [
      '<w:bookmarkStart w:id="12" w:name="_GoBack"/>a<w:bookmarkEnd w:id="1"/><w:bookmarkEnd w:id="12"/>',
      'a<w:bookmarkEnd w:id="¦B1¦"/>',
    ],
    ['<w:numId w:val="12" />', '<w:numId w:val="¦U12¦" />'],
    [
      '<w:footnoteReference w:customMarkFollows="1" w:id="10"/><w:endnoteReference w:id="2"/>',
      '<w:footnoteReference w:customMarkFollows="1" w:id="¦W10¦"/><w:endnoteReference w:id="¦X2¦"/>',
    ],
  ])("%s", (xml, marked) => {
    expect(visible(markIds(xml))).toBe(marked);
  });

  it("cuts marked text into text and slots", () => {
    expect(toSegments(`a${MARK}F0${MARK}b${MARK}B3${MARK}${MARK}S${MARK}`)).toEqual([
      "a",
      { t: "field", i: 0 },
      "b",
      { t: "bmId", old: "3" },
      { t: "sect" },
    ]);
    const slots: FieldSlot[] = [];
    expect(compilePart(p(cc("login", "Login")), slots, { keepFields: false })).toEqual([
      "<w:p>",
      { t: "field", i: 0 },
      "</w:p>",
    ]);
  });
});

describe("stage 3: sections", () => {
  it.each([
    ["<w:sectPr/>", '<w:sectPr><w:pgNumType w:start="1"/></w:sectPr>'],
    [
      '<w:sectPr><w:type w:val="continuous"/><w:pgSz w:w="1"/></w:sectPr>',
      '<w:sectPr><w:pgSz w:w="1"/><w:pgNumType w:start="1"/></w:sectPr>',
    ],
    [
      '<w:sectPr><w:pgNumType w:fmt="lowerRoman" w:start="5"/></w:sectPr>',
      '<w:sectPr><w:pgNumType w:fmt="lowerRoman" w:start="1"/></w:sectPr>',
    ],
    [
      '<w:sectPr><w:pgSz w:w="1"/><w:cols w:space="708"/></w:sectPr>',
      '<w:sectPr><w:pgSz w:w="1"/><w:pgNumType w:start="1"/><w:cols w:space="708"/></w:sectPr>',
    ],
  ])("a letter's first section %s → %s", (sect, out) => {
    expect(letterStartSection(sect)).toBe(out);
  });

  it.each([
    ["<w:p><w:r/></w:p>", "<w:p><w:pPr>¦S¦</w:pPr><w:r/></w:p>"],
    ["<w:p/>", "<w:p><w:pPr>¦S¦</w:pPr></w:p>"],
    ['<w:p><w:pPr><w:jc w:val="right"/></w:pPr></w:p>', '<w:p><w:pPr><w:jc w:val="right"/>¦S¦</w:pPr></w:p>'],
    ["<w:p><w:pPr/></w:p>", "<w:p><w:pPr>¦S¦</w:pPr></w:p>"],
    ["<w:p><w:pPr><w:pPrChange/></w:pPr></w:p>", "<w:p><w:pPr>¦S¦<w:pPrChange/></w:pPr></w:p>"],
    ["<w:tbl></w:tbl>", "<w:tbl></w:tbl>¦Q¦"],
    ["", "¦Q¦"],
  ])("the break between letters in %s", (body, out) => {
    expect(visible(withSectionBreakSlot(body))).toBe(out);
  });

  it.each([
    [
      '<w:sectPr><w:headerReference r:id="h"/><w:footerReference r:id="f"/><w:pgSz/></w:sectPr>',
      ["footnote", "endnote"],
      '<w:sectPr><w:headerReference r:id="h"/><w:footerReference r:id="f"/><w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr><w:endnotePr><w:numRestart w:val="eachSect"/></w:endnotePr><w:pgSz/></w:sectPr>',
    ],
    [
      "<w:sectPr><w:pgSz/></w:sectPr>",
      ["endnote"],
      '<w:sectPr><w:endnotePr><w:numRestart w:val="eachSect"/></w:endnotePr><w:pgSz/></w:sectPr>',
    ],
    [
      '<w:sectPr><w:footnotePr><w:numFmt w:val="lowerRoman"/></w:footnotePr><w:pgSz/></w:sectPr>',
      ["footnote"],
      '<w:sectPr><w:footnotePr><w:numFmt w:val="lowerRoman"/><w:numRestart w:val="eachSect"/></w:footnotePr><w:pgSz/></w:sectPr>',
    ],
    [
      '<w:sectPr><w:footnotePr><w:numRestart w:val="continuous"/></w:footnotePr></w:sectPr>',
      ["footnote"],
      '<w:sectPr><w:footnotePr><w:numRestart w:val="continuous"/></w:footnotePr></w:sectPr>',
    ],
    ["<w:sectPr><w:pgSz/></w:sectPr>", [], "<w:sectPr><w:pgSz/></w:sectPr>"],
    [
      "<w:sectPr><w:footnotePr/><w:endnotePr/><w:pgSz/></w:sectPr>",
      ["footnote", "endnote"],
      '<w:sectPr><w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr><w:endnotePr><w:numRestart w:val="eachSect"/></w:endnotePr><w:pgSz/></w:sectPr>',
    ],
  ])("notes numbered from 1 in each letter: %s with %j", (sect, kinds, out) => {
    expect(withNotesRestart(sect, kinds as Array<"footnote" | "endnote">)).toBe(out);
  });

  it("cuts the main part around its body, with A4 when the template has no section", () => {
    const parts = splitBody("<w:document><w:body><w:p/></w:body></w:document>")!;
    expect(parts.prefix).toBe("<w:document><w:body>");
    expect(parts.suffix).toBe("</w:body></w:document>");
    expect(parts.finalSect).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(parts.finalSect).toContain('<w:pgNumType w:start="1"/>');
    expect(splitBody("<w:document/>")).toBeNull();
    expect(splitBody("<w:body><w:p/>")).toBeNull();
    expect(splitBody("<w:body><w:p/></w:body>")?.prefix).toBe("<w:body>");
  });

  it("restarts page numbers in the letter's first section when it has two, leaving the last one alone", () => {
    const first = '<w:sectPr w:rsidR="00A1"><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>';
    const last = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>';
    const parts = splitBody(
      `<w:document><w:body><w:p><w:pPr>${first}</w:pPr></w:p><w:p/>${last}</w:body></w:document>`,
    )!;
    expect(
      parts.inner.startsWith(
        '<w:p><w:pPr><w:sectPr w:rsidR="00A1"><w:pgSz w:w="11906" w:h="16838"/><w:pgNumType w:start="1"/></w:sectPr></w:pPr></w:p>',
      ),
    ).toBe(true);
    expect(parts.finalSect).toBe(last);
  });
});

let roster: Roster;
// Per test, not at load: see 'Static mutants' in docs/testing.md.
beforeEach(() => {
  roster = readRoster(utf8("Nom;Prénom;Login;Mot de passe\nA;Zoé;z.a;x y\nB;Léo;l.b;a<b\n"), "t.csv");
});

describe("stage 4: a letter rendered", () => {
  it.each([
    ["a b", '<w:t xml:space="preserve">a b</w:t>'],
    ["a\tb", '<w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t>'],
    ["a\r\nb", '<w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve">b</w:t>'],
    ["<&>", '<w:t xml:space="preserve">&lt;&amp;&gt;</w:t>'],
    ["", ""],
  ])("value %j as runs", (value, runs) => {
    expect(textRuns(value)).toBe(runs);
  });

  it("fills fields and gives each letter its own ids", () => {
    const t = compileTemplate(
      makeDocx({ body: p(cc("password", "Mot de passe", "<w:b/>"), ' w14:paraId="00000001"') }),
      roster,
      { keepFields: false },
    );
    const writer = new LetterWriter(t);
    const first = writer.render(t.body, letterContext(0, roster.records[0]), false);
    const last = writer.render(t.body, letterContext(1, roster.records[1]), true);
    expect(first).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">x y</w:t></w:r>');
    expect(first).toContain('w14:paraId="00000001"');
    expect(first).toContain("<w:sectPr>");
    expect(last).toContain('w14:paraId="00000002"');
    expect(last).toContain("a&lt;b");
    expect(last).not.toContain("<w:sectPr>");
  });

  it("reserves the ids of shared headers (drawings, controls, VML shapes), not of headers copied per letter", () => {
    const shared = [
      '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="7" name="Logo"/></wp:inline></w:drawing></w:r></w:p>',
      '<w:p><w:r><w:drawing><wp:anchor><wp:docPr  descr="x" id="12"/></wp:anchor></w:drawing></w:r></w:p>',
      '<w:sdt><w:sdtPr><w:id w:val="-345"/></w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt>',
      '<w:sdt><w:sdtPr><w:id w:val="89"/></w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt>',
      '<w:p><w:r><w:pict><v:shape id="_x0000_s1" o:spid="_x0000_s2049"/></w:pict></w:r></w:p>',
    ].join("");
    const t = compileTemplate(
      makeDocx({ body: p(cc("login", "Login")), header: shared, footer: p(cc("login", "Login")) }),
      roster,
      {
        keepFields: false,
      },
    );
    expect(t.reserved).toEqual({ docPr: new Set([7, 12]), sdt: new Set([-345, 89]), spid: new Set([2049]) });
    expect(t.headers.map((h) => [h.path, h.perLetter])).toEqual([
      ["word/header1.xml", false],
      ["word/footer1.xml", true],
    ]);
    // A footer with a field is copied per letter: its ids are renumbered, not reserved.
    const perLetter = compileTemplate(
      makeDocx({ body: p(r("Bonjour")), header: p(cc("login", "Login")) + shared }),
      roster,
      { keepFields: false },
    );
    expect(perLetter.reserved).toEqual({ docPr: new Set(), sdt: new Set(), spid: new Set() });
  });

  it("counts ids past those shared parts use", () => {
    const ids = new IdCounter(new Set([1, 2, 4]));
    expect([ids.next(), ids.next(), ids.next()]).toEqual([3, 5, 6]);
    const spid = new IdCounter(new Set([1025]), 1024);
    expect(spid.next()).toBe(1026);
  });
});

describe("stage 5: the package written", () => {
  it("copies a header holding a field for each letter, with its relationship and content type", () => {
    const docx = makeDocx({ body: p(r("Bonjour")), header: p(cc("login", "Login")) });
    const parts = unzipText(mergeLetters(docx, roster.records, roster).docx);
    expect(
      Object.keys(parts)
        .filter((k) => /header/.test(k))
        .sort(),
    ).toEqual(["word/header1-ent1.xml", "word/header1-ent2.xml", "word/header1.xml"]);
    expect(parts["word/_rels/document.xml.rels"]).toMatch(
      /<Relationship Id="rIdEnt1L2" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/header" Target="header1-ent2.xml"\/>/,
    );
    expect(parts["[Content_Types].xml"]).toContain(
      '<Override PartName="/word/header1-ent1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>',
    );
    expect(parts["word/document.xml"]).toContain('r:id="rIdEnt1L1"');
    expect(parts["word/header1-ent2.xml"]).toContain(">l.b<");
  });
});

describe("fields the file cannot fill", () => {
  const unknown = (body: string) => {
    try {
      compileTemplate(makeDocx({ body }), roster, { keepFields: false });
    } catch (err) {
      return [(err as MergeError).code, (err as MergeError).message, (err as MergeError).fields];
    }
    return null;
  };

  it("names one, in the singular", () => {
    expect(unknown(p(cc("login", "Login")) + p(cc("col:INE", "INE")) + p(cc("col:INE", "INE")))).toEqual([
      "unknown-fields",
      "Le courrier utilise un champ que le fichier ne contient pas : « INE ». Retirez ce champ du courrier ou choisissez un export qui a cette colonne.",
      ["INE"],
    ]);
  });

  it("names each once, in the plural", () => {
    expect(unknown(p(cc("col:INE", "INE")) + p(cc("col:Né le", "Né le")) + p(cc("col:INE", "INE")))).toEqual([
      "unknown-fields",
      "Le courrier utilise des champs que le fichier ne contient pas : « INE », « Né le ». Retirez ces champs du courrier ou choisissez un export qui a ces colonnes.",
      ["INE", "Né le"],
    ]);
  });
});

describe("errors name the damaged part", () => {
  it("turns malformed XML in a part into a French bad-template error", () => {
    expect(() =>
      inPart("word/header1.xml", () => {
        throw new XmlError("w:p", 12);
      }),
    ).toThrow(
      expect.objectContaining({
        code: "bad-template",
        message: expect.stringContaining("dans sa partie « word/header1.xml », l'élément <w:p> n'est pas fermé"),
      }),
    );
    const other = new Error("x");
    expect(() =>
      inPart("p", () => {
        throw other;
      }),
    ).toThrow(other);
  });

  it("refuses a template whose body paragraph never closes, naming word/document.xml", () => {
    const docx = makeDocx({ body: `<w:p>${cc("login", "Login")}` });
    let caught: unknown;
    try {
      mergeLetters(docx, roster.records, roster);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(MergeError);
    expect(caught).toMatchObject({ code: "bad-template", cause: expect.any(XmlError) });
    expect((caught as Error).message).toMatch(/« word\/document.xml »/);
  });
});

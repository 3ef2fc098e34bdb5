// Numbered lists restart in every letter: the module alone, then through a merge.
import { strToU8, zipSync } from "fflate";
import { mergeLetters } from "../../src/core/merge";
import { ListRestarts, readLists, readStyleLists, withStyleLists } from "../../src/core/merge/numbering";
import { readRoster, Roster } from "../../src/core/roster";
import { cc, makeDocx, p, r, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="4"/><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="7"><w:abstractNumId w:val="4"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride></w:num><w:numIdMacAtCleanup w:val="2"/></w:numbering>`;

describe("readLists", () => {
  it("reads each list's abstract definition and the start of each level", () => {
    const lists = readLists(NUMBERING);
    expect([...lists.keys()]).toEqual(["1", "7"]);
    expect(lists.get("1")).toEqual({
      abstractNumId: "3",
      starts: new Map([
        ["0", "1"],
        ["1", "4"],
      ]),
    });
    // No w:start means 0; a start the w:num overrides wins.
    expect(lists.get("7")!.starts).toEqual(new Map([["0", "2"]]));
  });

  it("reads nothing from a template without numbering", () => {
    expect(readLists(undefined).size).toBe(0);
  });

  it("restarts all nine levels of a list whose definition lists none", () => {
    const lists = readLists(
      '<w:numbering><w:abstractNum w:abstractNumId="0"></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
    );
    expect([...lists.get("2")!.starts.values()]).toEqual(Array(9).fill("1"));
  });
});

describe("ListRestarts", () => {
  it("keeps the template's list in the first letter and gives each later letter its own", () => {
    const restarts = new ListRestarts(readLists(NUMBERING));
    expect(restarts.numIdFor("1", 0, new Map())).toBe("1");
    const second = new Map<string, string>();
    expect(restarts.numIdFor("1", 1, second)).toBe("8");
    expect(restarts.numIdFor("1", 1, second)).toBe("8");
    expect(restarts.numIdFor("7", 1, second)).toBe("9");
    expect(restarts.numIdFor("1", 2, new Map())).toBe("10");
    expect(restarts.numIdFor("99", 2, new Map())).toBe("99"); // not a list of the template
    const xml = restarts.apply(NUMBERING);
    expect(xml).toContain(
      '<w:num w:numId="8"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride><w:lvlOverride w:ilvl="1"><w:startOverride w:val="4"/></w:lvlOverride></w:num>',
    );
    expect(xml).toContain(
      '<w:num w:numId="9"><w:abstractNumId w:val="4"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride></w:num>',
    );
    // New lists go before numIdMacAtCleanup, which the schema wants last.
    expect(xml.indexOf('w:numId="10"')).toBeLessThan(xml.indexOf("<w:numIdMacAtCleanup"));
  });

  it("leaves numbering.xml as it is when no letter needed a copy", () => {
    expect(new ListRestarts(readLists(NUMBERING)).apply(NUMBERING)).toBe(NUMBERING);
  });
});

let roster: Roster;
// Per test, not at load: see 'Static mutants' in docs/testing.md.
beforeEach(() => {
  roster = readRoster(utf8("Nom;Prénom;Login;Mot de passe\nA;B;a.b;X1\nC;D;c.d;Y2\nE;F;e.f;Z3\n"), "t.csv");
});
describe("merge: numbered steps", () => {
  const step = (text: string) =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${r(text)}</w:p>`;

  it("give every letter its own list starting again at 1", () => {
    const docx = makeDocx({
      body:
        p(cc("login", "Login")) +
        step("un") +
        step("deux") +
        p(r("fin"), "") +
        '<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:p>',
    });
    const out = unzipText(mergeLetters(addNumbering(docx), roster.records, roster).docx);
    const ids = [...out["word/document.xml"].matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(ids).toEqual(["1", "1", "0", "8", "8", "0", "9", "9", "0"]);
    expect(out["word/numbering.xml"].match(/<w:num w:numId=/g)).toHaveLength(4);
  });
});

const STYLES = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Etape"><w:name w:val="Étape"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="SansListe"><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style><w:style w:type="character" w:styleId="Car"><w:rPr><w:numPr><w:numId w:val="7"/></w:numPr></w:rPr></w:style></w:styles>`;

describe("lists through a paragraph style", () => {
  it("reads which paragraph styles carry a list", () => {
    expect(readStyleLists(STYLES)).toEqual(new Map([["Etape", { numId: "1", ilvl: "1" }]]));
    expect(readStyleLists(undefined)).toEqual(new Map());
  });

  it.each([
    [
      '<w:pPr><w:pStyle w:val="Etape"/></w:pPr>',
      '<w:pPr><w:pStyle w:val="Etape"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    ],
    [
      '<w:pPr><w:pStyle w:val="Etape"/><w:keepNext/><w:jc w:val="left"/></w:pPr>',
      '<w:pPr><w:pStyle w:val="Etape"/><w:keepNext/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:jc w:val="left"/></w:pPr>',
    ],
    [
      '<w:pPr><w:pStyle w:val="Etape"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>',
      '<w:pPr><w:pStyle w:val="Etape"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>',
    ],
    ['<w:pPr><w:pStyle w:val="Normal"/></w:pPr>', '<w:pPr><w:pStyle w:val="Normal"/></w:pPr>'],
    ["<w:pPr><w:jc/></w:pPr>", "<w:pPr><w:jc/></w:pPr>"],
  ])("%s → %s", (xml, out) => {
    expect(withStyleLists(xml, readStyleLists(STYLES))).toBe(out);
  });

  it("restarts a style's list in every letter", () => {
    const step = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Etape"/></w:pPr>${r(text)}</w:p>`;
    const docx = addNumbering(
      makeDocx({ body: p(cc("login", "Login")) + step("un") + step("deux") + p(r("fin")) }),
      STYLES,
    );
    const out = unzipText(mergeLetters(docx, roster.records, roster).docx);
    const ids = [...out["word/document.xml"].matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(ids).toEqual(["1", "1", "8", "8", "9", "9"]);
  });
});

/** The test template with NUMBERING as its numbering part (and a styles part when given). */
function addNumbering(docx: Uint8Array, styles?: string): Uint8Array {
  const files = unzipText(docx);
  files["word/numbering.xml"] = NUMBERING;
  if (styles) {
    files["word/styles.xml"] = styles;
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
      "</Relationships>",
      '<Relationship Id="rIdSt" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    );
  }
  files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
    "</Relationships>",
    '<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
  );
  files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
    "</Types>",
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
  );
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe("numbering as other producers write it", () => {
  // Pretty-printed, attributes in other orders, ids of several digits (Word's w14:durableId, w:tplc).
  const WORD = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="12" w15:restartNumberingAfterBreak="0">
    <w:lvl w:ilvl="0" w:tplc="040C000F"><w:start w:val="3"/></w:lvl>
    <w:lvl w:ilvl="1" w:tplc="040C0019" w:tentative="1"><w:numFmt w:val="lowerLetter"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="10" w16cid:durableId="1234"><w:abstractNumId w:val="12"/>
    <w:lvlOverride w:ilvl="1">
      <w:startOverride w:val="5"/>
    </w:lvlOverride>
  </w:num>
</w:numbering>`;

  it("reads every list, level and override", () => {
    expect(readLists(WORD)).toEqual(
      new Map([
        [
          "10",
          {
            abstractNumId: "12",
            starts: new Map([
              ["0", "3"],
              ["1", "5"],
            ]),
          },
        ],
      ]),
    );
  });

  it("adds the letters' lists after the others, before the end of the part", () => {
    const restarts = new ListRestarts(readLists(WORD));
    expect(restarts.numIdFor("10", 1, new Map())).toBe("11");
    expect(restarts.apply(WORD)).toBe(
      WORD.replace(
        "</w:numbering>",
        '<w:num w:numId="11"><w:abstractNumId w:val="12"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>',
      ),
    );
  });

  it("reads a style's list whatever the order of the style's attributes, and a list id of several digits", () => {
    const styles = `<w:styles><w:style w:styleId="Etape" w:customStyle="1" w:type="paragraph"><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="12"/></w:numPr></w:pPr></w:style></w:styles>`;
    expect(readStyleLists(styles)).toEqual(new Map([["Etape", { numId: "12", ilvl: "2" }]]));
  });

  it("gives a style's list only to a paragraph whose properties start with that style", () => {
    const lists = new Map([["Etape", { numId: "12", ilvl: "0" }]]);
    const late = '<w:pPr><w:keepNext/><w:pStyle w:val="Etape"/></w:pPr>';
    expect(withStyleLists(late, lists)).toBe(late);
    expect(
      withStyleLists('<w:pPr><w:pStyle w:val="Etape"/><w:keepNext/><w:keepLines/><w:jc w:val="left"/></w:pPr>', lists),
    ).toBe(
      '<w:pPr><w:pStyle w:val="Etape"/><w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="12"/></w:numPr><w:jc w:val="left"/></w:pPr>',
    );
  });
});

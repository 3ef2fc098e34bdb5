// The pieces of a class bundle as XML: the cover says the class, the count and the hand-out
// lines; the receipt lists each person (never a password), its heading rows repeat on every
// page, its rows never split and leave room to sign, its columns fill the page's width; the
// sections of covers and receipts have blank headers, and recto-verso starts each on an odd page.
import {
  BLANK_FOOTER,
  BLANK_HEADER,
  blankPart,
  bundleSection,
  coverXml,
  pageSetupOf,
  receiptXml,
  withOddPage,
} from "../../src/core/merge/bundles";
import { Profile } from "../../src/core/catalog";
import { decodeEntities } from "../../src/core/xml";
import { record } from "./helpers/records";

const person = (profile: Profile, last: string, first: string, login: string, children = "") =>
  record({ lastName: last, firstName: first, login, password: "SECRET-pw", children }, { profile });

const texts = (xml: string) =>
  [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => decodeEntities(t[1])).join(""),
  );
const rows = (xml: string) =>
  [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) =>
    [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => decodeEntities(t[1])),
  );

describe("the cover says who the bundle is for", () => {
  it.each<[string, Profile[], string]>([
    ["6A", ["parent", "parent"], "Parents — 6A"],
    ["6A", ["élève"], "Élèves — 6A"],
    ["6A", ["élève", "parent"], "Élèves et parents — 6A"],
    ["Sans classe", ["personnel"], "Personnels"],
    ["Sans classe", ["enseignant", "personnel", "enseignant"], "Enseignants et personnels"],
  ])("class %s, %j: %s", (name, profiles, title) => {
    const records = profiles.map((p, i) => person(p, "N", "P", `p${i}`));
    expect(texts(coverXml({ name, records }, "", "<w:sectPr/>"))[1]).toBe(title);
    expect(texts(receiptXml({ name, records }, "Collège", "<w:sectPr/>", true))[0]).toMatch(
      new RegExp(`^Collège — ${title} — liste d’émargement`),
    );
  });
});

describe("the cover", () => {
  it("names the school, the class and the count, with the hand-out lines", () => {
    const xml = coverXml(
      { name: "6A", records: [person("élève", "A", "a", "a.a"), person("élève", "B", "b", "b.b")] },
      "Collège & Lycée",
      "<w:sectPr/>",
    );
    expect(texts(xml)).toEqual([
      "Collège & Lycée",
      "Élèves — 6A",
      "2 courriers d’identifiants ENT",
      "À remettre par\u00a0: ______________________________",
      "Le\u00a0: ____ / ____ / ________",
      "La liste d’émargement suit les courriers\u00a0: faites-la signer à chaque remise.",
      "",
    ]);
    expect(xml.endsWith("<w:p><w:pPr><w:sectPr/></w:pPr></w:p>")).toBe(true);
  });

  it("says one letter in the singular, and leaves the school's line empty without one", () => {
    const xml = coverXml({ name: "3B", records: [person("élève", "A", "a", "a.a")] }, "", "<w:sectPr/>");
    expect(texts(xml).slice(0, 3)).toEqual(["", "Élèves — 3B", "1 courrier d’identifiants ENT"]);
  });
});

describe("the cover's layout", () => {
  // Each line's spacing before and after, alignment, weight and size (half-points).
  const layout = (xml: string) =>
    [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => {
      const p = m[1];
      const spacing = /<w:spacing w:before="(\d+)" w:after="(\d+)"\/>/.exec(p);
      return [
        spacing?.[1],
        spacing?.[2],
        /<w:jc w:val="(\w+)"\/>/.exec(p)?.[1],
        /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(p)?.[1],
      ];
    });

  it("sets the school and the class large, bold and centred, and the hand-out lines plain on the left", () => {
    const group = { name: "6A", records: [person("élève", "A", "a", "a.a")] };
    expect(layout(coverXml(group, "Collège", "<w:sectPr/>"))).toEqual([
      ["2400", "120", "center", '<w:b/><w:sz w:val="28"/>'],
      ["480", "240", "center", '<w:b/><w:sz w:val="56"/>'],
      ["0", "960", "center", '<w:sz w:val="32"/>'],
      ["240", "360", "left", '<w:sz w:val="26"/>'],
      ["0", "360", "left", '<w:sz w:val="26"/>'],
      ["480", "120", "left", '<w:sz w:val="22"/>'],
      [undefined, undefined, undefined, undefined],
    ]);
    expect(layout(coverXml(group, "", "<w:sectPr/>"))[0]).toEqual(["2400", "120", "left", '<w:sz w:val="24"/>']);
  });
});

describe("the receipt's cells", () => {
  it("set the headings in bold and the people in plain text, 10 pt, left-aligned, centred vertically, at their column's width", () => {
    const xml = receiptXml(
      { name: "4A", records: [person("élève", "LÉGER", "Hugo", "hugo.l")] },
      "",
      "<w:sectPr/>",
      true,
    );
    const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].slice(1).map((m) => m[1]);
    expect(cells[0]).toBe(
      '<w:tcPr><w:tcW w:w="3871" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr><w:t xml:space="preserve">Nom et prénom</w:t></w:r></w:p>',
    );
    expect(cells[4]).toBe(
      '<w:tcPr><w:tcW w:w="3871" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr><w:t xml:space="preserve">LÉGER Hugo</w:t></w:r></w:p>',
    );
    // A4 with the default margins: 9,072 twips; the login 35 % of what the date (1.5 cm) and
    // the signature (4 cm) leave, its least; the names the rest.
    expect(xml).toContain(
      '<w:tblGrid><w:gridCol w:w="3871"/><w:gridCol w:w="2083"/><w:gridCol w:w="850"/><w:gridCol w:w="2268"/></w:tblGrid>',
    );
  });

  it("take the parents' layout as soon as one parent is in the class", () => {
    const mixed = {
      name: "5C",
      records: [person("élève", "A", "a", "a.a"), person("parent", "B", "b", "b.b", "Anaïs B")],
    };
    expect(rows(receiptXml(mixed, "", "<w:sectPr/>", true))[1]).toEqual([
      "Parent et enfant(s)",
      "Identifiant",
      "Date",
      "Signature",
    ]);
  });
});

describe("the receipt", () => {
  const parents = {
    name: "5C",
    records: [
      person("parent", "N'DIAYE", "Aïcha", "aicha.n", "Anaïs N'DIAYE"),
      person("parent", "MOREL", "Lise", "lise.m", "Élodie MOREL"),
    ],
  };
  const pupils = { name: "4A", records: [person("élève", "LÉGER", "Hugo", "hugo.l")] };

  it("lists parents with their children, and never a password", () => {
    const xml = receiptXml(parents, "Collège", "<w:sectPr/>", false);
    expect(rows(xml)).toEqual([
      ["Collège — Parents — 5C — liste d’émargement (2 courriers)"],
      ["Parent et enfant(s)", "Identifiant", "Date", "Signature"],
      ["N'DIAYE Aïcha", "Parent d’Anaïs N'DIAYE", "aicha.n", "", ""],
      ["MOREL Lise", "Parent d’Élodie MOREL", "lise.m", "", ""],
    ]);
    expect(xml).not.toContain("SECRET");
  });

  it("lists pupils without a children column; the columns fill the page's text width", () => {
    const xml = receiptXml(pupils, "", "<w:sectPr/>", true);
    expect(rows(xml)[0]).toEqual(["Élèves — 4A — liste d’émargement (1 courrier)"]);
    expect(rows(xml)[1]).toEqual(["Nom et prénom", "Identifiant", "Date", "Signature"]);
    const widths = (x: string) => [...x.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(widths(xml)).toBe(9072);
    expect(widths(receiptXml(parents, "", "<w:sectPr/>", true))).toBe(9072);
    expect(xml).toContain('<w:tblW w:w="9072" w:type="dxa"/>');
    const letter = '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:left="1000" w:right="1240"/></w:sectPr>';
    expect(widths(receiptXml(pupils, "", letter, true))).toBe(10000);
    expect(xml).toContain(`<w:gridSpan w:val="4"/>`);
  });

  it("repeats both heading rows on every page; each person's row keeps together, 9 mm or more", () => {
    const xml = receiptXml(parents, "", "<w:sectPr/>", false);
    const trPr = [...xml.matchAll(/<w:tr>(<w:trPr>[\s\S]*?<\/w:trPr>)/g)].map((m) => m[1]);
    expect(trPr).toEqual([
      "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
      "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
      '<w:trPr><w:cantSplit/><w:trHeight w:val="510" w:hRule="atLeast"/></w:trPr>',
      '<w:trPr><w:cantSplit/><w:trHeight w:val="510" w:hRule="atLeast"/></w:trPr>',
    ]);
    for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"])
      expect(xml).toContain(`<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`);
  });

  it("ends the document with the body's own section when last, else with a section break", () => {
    expect(
      receiptXml(pupils, "", "<w:sectPr>S</w:sectPr>", true).endsWith("</w:tbl><w:p/><w:sectPr>S</w:sectPr>"),
    ).toBe(true);
    expect(
      receiptXml(pupils, "", "<w:sectPr>S</w:sectPr>", false).endsWith(
        "</w:tbl><w:p><w:pPr><w:sectPr>S</w:sectPr></w:pPr></w:p>",
      ),
    ).toBe(true);
  });
});

describe("sections of covers and receipts", () => {
  it("point every header and footer to the blank parts, never restart page numbers, and start odd pages in recto-verso", () => {
    const refs =
      '<w:headerReference w:type="default" r:id="rIdEntVideH"/><w:footerReference w:type="default" r:id="rIdEntVidePied"/>' +
      '<w:headerReference w:type="first" r:id="rIdEntVideH"/><w:footerReference w:type="first" r:id="rIdEntVidePied"/>' +
      '<w:headerReference w:type="even" r:id="rIdEntVideH"/><w:footerReference w:type="even" r:id="rIdEntVidePied"/>';
    expect(bundleSection("<w:pgSz/>", false)).toBe(`<w:sectPr>${refs}<w:pgSz/></w:sectPr>`);
    expect(bundleSection("<w:pgSz/>", true)).toBe(`<w:sectPr>${refs}<w:type w:val="oddPage"/><w:pgSz/></w:sectPr>`);
  });

  it("keep the letter's page size and margins, else A4 with 2 cm margins", () => {
    expect(pageSetupOf('<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1"/><w:cols/></w:sectPr>')).toBe(
      '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1"/>',
    );
    expect(pageSetupOf("<w:sectPr/>")).toBe(
      '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>',
    );
  });

  it("start a letter on an odd page, replacing any section type, before the page setup", () => {
    expect(
      withOddPage(
        '<w:p/><w:sectPr w:rsidR="1"><w:footerReference/><w:type w:val="nextPage"/><w:pgSz/></w:sectPr><w:sectPr><w:pgSz/></w:sectPr>',
      ),
    ).toBe(
      '<w:p/><w:sectPr w:rsidR="1"><w:footerReference/><w:type w:val="oddPage"/><w:pgSz/></w:sectPr><w:sectPr><w:pgSz/></w:sectPr>',
    );
    expect(withOddPage("<w:sectPr></w:sectPr>")).toBe('<w:sectPr><w:type w:val="oddPage"/></w:sectPr>');
  });

  it("have blank header and footer parts of the right types", () => {
    expect(blankPart(BLANK_HEADER)).toEqual({
      xml: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:hdr>',
      type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    });
    expect(blankPart(BLANK_FOOTER).type.endsWith("/footer")).toBe(true);
    expect(blankPart(BLANK_FOOTER).xml).toContain("<w:ftr ");
    expect([BLANK_HEADER.path, BLANK_FOOTER.path]).toEqual(["word/ent-vide-entete.xml", "word/ent-vide-pied.xml"]);
  });
});

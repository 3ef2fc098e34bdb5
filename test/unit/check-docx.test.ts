// The output checker itself: each fault it exists to catch, in a package built to show it.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { docxProblems } from "../helpers/check-docx";
import { cc, makeDocx, p, r } from "./helpers/docx";

function altered(change: (files: Record<string, string>) => void): Uint8Array {
  const files = Object.fromEntries(
    Object.entries(unzipSync(makeDocx({ body: p(cc("login", "Login")) }))).map(([k, v]) => [k, strFromU8(v)]),
  );
  change(files);
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}
const withBody = (body: string) =>
  altered((f) => (f["word/document.xml"] = f["word/document.xml"].replace("<w:body>", `<w:body>${body}`)));

describe("docxProblems", () => {
  it("finds nothing in a sound package", () => {
    expect(docxProblems(makeDocx({ body: p(cc("login", "Login")) }))).toEqual([]);
  });

  it.each([
    [
      "a part that is not well-formed",
      altered((f) => (f["word/header1.xml"] += "<w:p>")),
      /header1.xml: not well-formed/,
    ],
    ["a DOCTYPE", altered((f) => (f["word/settings.xml"] = `<!DOCTYPE x>${f["word/settings.xml"]}`)), /DOCTYPE/],
    [
      "repeated drawing ids",
      withBody(p('<wp:docPr id="7" name="a"/>') + p('<wp:docPr id="7" name="b"/>')),
      /wp:docPr id repeated: 7/,
    ],
    [
      "repeated content-control ids",
      withBody(p('<w:sdt><w:sdtPr><w:id w:val="5"/></w:sdtPr><w:sdtContent/></w:sdt>').repeat(2)),
      /content control w:id repeated: 5/,
    ],
    [
      "repeated bookmark ids",
      withBody(
        p('<w:bookmarkStart w:id="1" w:name="a"/><w:bookmarkEnd w:id="1"/><w:bookmarkStart w:id="1" w:name="b"/>'),
      ),
      /bookmarkStart w:id repeated: 1/,
    ],
    [
      "repeated bookmark names",
      withBody(p('<w:bookmarkStart w:id="1" w:name="a"/><w:bookmarkStart w:id="2" w:name="a"/>')),
      /bookmark name repeated: a/,
    ],
    ["a bookmark end without start", withBody(p('<w:bookmarkEnd w:id="9"/>')), /bookmarkEnd 9 without its start/],
    [
      "repeated paragraph ids",
      withBody('<w:p w14:paraId="0000000A"/><w:p w14:paraId="0000000A"/>'),
      /w14:paraId repeated: 0000000A/,
    ],
    ["a paragraph id too high", withBody('<w:p w14:paraId="80000000"/>'), /not below 0x80000000/],
    [
      "repeated VML shape ids",
      withBody(p('<w:pict><v:shape id="s1"/></w:pict><w:pict><v:shape id="s1"/></w:pict>')),
      /VML shape id repeated: s1/,
    ],
    [
      "repeated VML o:spid",
      withBody(p('<w:pict><v:shape id="a" o:spid="x"/></w:pict><w:pict><v:shape id="b" o:spid="x"/></w:pict>')),
      /VML o:spid repeated: x/,
    ],
    [
      "a relationship to a missing part",
      altered((f) => delete f["word/footer1.xml"]),
      /target footer1.xml \(word\/footer1.xml\) is missing/,
    ],
    ["a reference with no relationship", withBody(p('<w:hyperlink r:id="rId99"/>')), /r:id rId99 has no relationship/],
    [
      "a part with no content type",
      altered((f) => (f["word/media/logo.png"] = "png")),
      /word\/media\/logo.png: no content type/,
    ],
    [
      "an override for a missing part",
      altered(
        (f) =>
          (f["[Content_Types].xml"] = f["[Content_Types].xml"].replace(
            "</Types>",
            '<Override PartName="/word/x.xml" ContentType="a/b"/></Types>',
          )),
      ),
      /override for missing word\/x.xml/,
    ],
    ["an unsafe entry name", altered((f) => (f["../evil.xml"] = "<a/>")), /unsafe entry name/],
  ])("finds %s", (_what, bytes, expected) => {
    expect(docxProblems(bytes).join("\n")).toMatch(expected);
  });

  it("accepts external links and shared ids across letters' own parts", () => {
    const bytes = altered((f) => {
      f["word/_rels/document.xml.rels"] = f["word/_rels/document.xml.rels"].replace(
        "</Relationships>",
        '<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://ent.example.fr/" TargetMode="External"/></Relationships>',
      );
      f["word/document.xml"] = f["word/document.xml"].replace(
        "<w:body>",
        `<w:body>${p(`<w:hyperlink r:id="rIdL">${r("ENT")}</w:hyperlink>`)}`,
      );
    });
    expect(docxProblems(bytes)).toEqual([]);
  });
});

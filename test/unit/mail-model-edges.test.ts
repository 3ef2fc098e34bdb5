// What the e-mail body takes from a letter's runs: a field's result and never its code (even
// when the code holds a nested field's result), no-break hyphens, line breaks but not page
// breaks, only web and mail links (anchored schemes), and the footer Word marks default by
// leaving the type out.
import { strToU8, zipSync } from "fflate";
import { letterText, readLetter } from "../../src/core/mail";
import { W_NS } from "./helpers/docx";
import { bodyOf, html, letter, p, r, REL } from "./helpers/letter";

const fld = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
const code = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;

describe("runs in the e-mail body", () => {
  it("shows a field's result, not the result of a field nested in its code", () => {
    const l = letter(
      p(
        fld("begin") +
          code(" QUOTE ") +
          fld("begin") +
          code(" PAGE ") +
          fld("separate") +
          r("caché") +
          fld("end") +
          fld("separate") +
          r("visible") +
          fld("end"),
      ),
    );
    expect(letterText(l)).toBe("visible\n");
  });

  it("keeps no-break hyphens and line breaks (also carriage returns); a page break ends the page, not the line", () => {
    const l = letter(
      p(
        '<w:r><w:t>Jean</w:t><w:noBreakHyphen/><w:t>Paul</w:t><w:br/><w:t>A</w:t><w:cr/><w:t>B</w:t><w:br w:type="page"/></w:r>',
      ) + p(r("C")),
    );
    expect(letterText(l)).toBe("Jean\u2011Paul\nA\nB\n\nC\n");
    expect(bodyOf(html(l))).toContain("Jean\u2011Paul<br>A<br>B</p>");
  });

  it("keeps http, https and mailto links only, the scheme at the start", () => {
    const links = {
      a: "http://ent.fr/",
      b: "MAILTO:sec@college.fr",
      c: "javascript:alert('https:')",
      d: "file:///C:/mailto:x",
    };
    const l = letter(
      p(["a", "b", "c", "d"].map((id) => `<w:hyperlink r:id="${id}">${r(`lien ${id} `)}</w:hyperlink>`).join("")),
      { links },
    );
    const out = bodyOf(html(l));
    expect(out).toContain('<a href="http://ent.fr/"');
    expect(out).toContain('<a href="MAILTO:sec@college.fr"');
    expect(out.match(/<a /g)).toHaveLength(2);
  });

  it("takes a footer reference without a type as the default footer", () => {
    const files = {
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      "word/document.xml": strToU8(
        `<?xml version="1.0"?><w:document ${W_NS}><w:body>${p(r("Corps"))}<w:sectPr><w:footerReference w:type="even" r:id="rIdE"/><w:footerReference r:id="rIdF"/></w:sectPr></w:body></w:document>`,
      ),
      "word/_rels/document.xml.rels": strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdE" Type="${REL}/footer" Target="footer2.xml"/><Relationship Id="rIdF" Type="${REL}/footer" Target="footer1.xml"/></Relationships>`,
      ),
      "word/footer1.xml": strToU8(`<?xml version="1.0"?><w:ftr ${W_NS}>${p(r("Pied par défaut"))}</w:ftr>`),
      "word/footer2.xml": strToU8(`<?xml version="1.0"?><w:ftr ${W_NS}>${p(r("Pages paires"))}</w:ftr>`),
    };
    expect(letterText(readLetter(zipSync(files)))).toBe("Corps\n\n--\nPied par défaut\n");
  });
});

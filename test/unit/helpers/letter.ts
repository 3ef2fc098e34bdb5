// A merged letter built from OOXML pieces, read as the message engine reads it.
import { strToU8, zipSync } from "fflate";
import { letterHtml, readLetter } from "../../../src/core/mail";
import { W_NS } from "./docx";

export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function letter(
  body: string,
  extra: { styles?: string; numbering?: string; links?: Record<string, string>; footer?: string } = {},
) {
  const rels = Object.entries(extra.links ?? {})
    .map(
      ([id, target]) => `<Relationship Id="${id}" Type="${REL}/hyperlink" Target="${target}" TargetMode="External"/>`,
    )
    .join("");
  const footerRel = extra.footer ? `<Relationship Id="rIdF" Type="${REL}/footer" Target="footer1.xml"/>` : "";
  const sect = extra.footer ? '<w:sectPr><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>' : "<w:sectPr/>";
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0"?><w:document ${W_NS}><w:body>${body}${sect}</w:body></w:document>`,
    ),
    "word/_rels/document.xml.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${footerRel}</Relationships>`,
    ),
  };
  if (extra.styles)
    files["word/styles.xml"] = strToU8(`<?xml version="1.0"?><w:styles ${W_NS}>${extra.styles}</w:styles>`);
  if (extra.numbering)
    files["word/numbering.xml"] = strToU8(`<?xml version="1.0"?><w:numbering ${W_NS}>${extra.numbering}</w:numbering>`);
  if (extra.footer) files["word/footer1.xml"] = strToU8(`<?xml version="1.0"?><w:ftr ${W_NS}>${extra.footer}</w:ftr>`);
  return readLetter(zipSync(files));
}

export const p = (inner: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${inner}</w:p>`;
export const r = (text: string, rPr = "") =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
export const html = (l: ReturnType<typeof letter>) => letterHtml(l, "Objet");
export const bodyOf = (h: string) => h.slice(h.indexOf("<body"), h.indexOf("</body>"));

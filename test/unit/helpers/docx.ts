import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"';

export const SECT =
  '<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>';

/** A field as Word's pane inserts it: an inline content control tagged ent:<id>. */
export function cc(id: string, label: string, rPr = ""): string {
  return `<w:sdt><w:sdtPr>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:alias w:val="${label}"/><w:tag w:val="ent:${id}"/><w:id w:val="${Math.floor(Math.random() * 1e9)}"/></w:sdtPr><w:sdtContent><w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t>«${label}»</w:t></w:r></w:sdtContent></w:sdt>`;
}

export const p = (inner: string, attrs = "") => `<w:p${attrs}>${inner}</w:p>`;
export const r = (text: string, rPr = "") =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;

export interface DocxParts {
  body: string;
  header?: string;
  footer?: string;
  settings?: string;
  sect?: string;
}

/** A minimal but complete .docx, as Word would accept it. */
export function makeDocx({
  body,
  header = p(r("En-tête")),
  footer = p(r("Pied de page")),
  settings,
  sect = SECT,
}: DocxParts): Uint8Array {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/></Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
  const docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>`;
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${body}${sect}</w:body></w:document>`;
  const hdr = (tag: string, inner: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${tag} ${W_NS}>${inner}</w:${tag}>`;
  return zipSync({
    "[Content_Types].xml": strToU8(types),
    "_rels/.rels": strToU8(rootRels),
    "word/document.xml": strToU8(doc),
    "word/_rels/document.xml.rels": strToU8(docRels),
    "word/header1.xml": strToU8(hdr("hdr", header)),
    "word/footer1.xml": strToU8(hdr("ftr", footer)),
    "word/settings.xml": strToU8(
      settings ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings ${W_NS}/>`,
    ),
  });
}

export function unzipText(docx: Uint8Array): Record<string, string> {
  const files = unzipSync(docx);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** The visible text of a part, paragraph by paragraph. */
export function paragraphsText(xml: string): string[] {
  return [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((t) => (t[0] === "<w:br/>" ? "\n" : t[0] === "<w:tab/>" ? "\t" : t[1]))
      .join("")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&"),
  );
}

/** The same document saved as Word saves a macro-enabled template (.dotm): a VBA project, its relationship and content types. */
export function asMacroTemplate(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const text = (path: string) => strFromU8(files[path]);
  files["word/vbaProject.bin"] = new Uint8Array(512);
  files["word/_rels/document.xml.rels"] = strToU8(
    text("word/_rels/document.xml.rels").replace(
      "</Relationships>",
      '<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  files["[Content_Types].xml"] = strToU8(
    text("[Content_Types].xml")
      .replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
      )
      .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
  );
  return zipSync(files);
}

// What Word's body.getOoxml() gives for a letter: a flat OPC package of the body with its
// styles, numbering and settings, and no header or footer (their references are dropped).
import { strFromU8, unzipSync } from "fflate";

export function bodyOoxmlOf(docx: Uint8Array): string {
  const files = unzipSync(docx);
  const xmlOf = (name: string) =>
    strFromU8(files[name])
      .replace(/^<\?xml[^>]*\?>\s*/, "")
      .replace(/<w:(?:footer|header)Reference [^>]*\/>/g, "")
      .replace(/<Relationship [^>]*(footer|header|docProps)[^>]*\/>/g, "");
  const part = (name: string, type: string) =>
    `<pkg:part pkg:name="/${name}" pkg:contentType="${type}"><pkg:xmlData>${xmlOf(name)}</pkg:xmlData></pkg:part>`;
  const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
  const rels = "application/vnd.openxmlformats-package.relationships+xml";
  const parts: Array<[string, string]> = [
    ["_rels/.rels", rels],
    ["word/document.xml", `${wml}.document.main+xml`],
    ["word/_rels/document.xml.rels", rels],
    ["word/styles.xml", `${wml}.styles+xml`],
    ["word/numbering.xml", `${wml}.numbering+xml`],
    ["word/settings.xml", `${wml}.settings+xml`],
  ];
  return `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${parts
    .filter(([name]) => files[name])
    .map(([name, type]) => part(name, type))
    .join("")}</pkg:package>`;
}

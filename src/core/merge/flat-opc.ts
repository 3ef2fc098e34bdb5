// Word's body.getOoxml() returns a "flat OPC" package (one XML holding every part). The
// pane falls back to it where getFileAsync fails; this turns it back into .docx bytes.
import { strToU8, zipSync } from "fflate";
import { attrText } from "../xml";
import { MergeError } from "./errors";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of clean) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

export function flatOpcToDocx(xml: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const types: string[] = [];
  for (const m of xml.matchAll(/<pkg:part\s([^>]*)>([\s\S]*?)<\/pkg:part>/g)) {
    const open = `<pkg:part ${m[1]}>`;
    const name = (attrText(open, "pkg:name") ?? "").replace(/^\//, "");
    const type = attrText(open, "pkg:contentType") ?? "";
    if (!name) continue;
    const data = /<pkg:xmlData>([\s\S]*?)<\/pkg:xmlData>/.exec(m[2]);
    const binary = /<pkg:binaryData>([\s\S]*?)<\/pkg:binaryData>/.exec(m[2]);
    if (data) files[name] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${data[1]}`);
    else if (binary) files[name] = base64ToBytes(binary[1]);
    else continue;
    if (!name.endsWith(".rels")) types.push(`<Override PartName="/${name}" ContentType="${type}"/>`);
  }
  if (!Object.keys(files).some((f) => /document\.xml$/.test(f))) {
    throw new MergeError(
      "not-docx",
      "Word a fourni un contenu sans document principal : enregistrez le courrier puis réessayez.",
    );
  }
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${types.join("")}</Types>`,
  );
  return zipSync(files);
}

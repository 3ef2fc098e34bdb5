// The .docx package: zip in (fflate), relationships, content types, and the settings
// a merged document must not inherit from a mail-merge template.
import { strFromU8, unzipSync } from "fflate";
import { attrValue } from "../xml/scan";
import { MergeError } from "./errors";

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export interface DocxPackage {
  files: Record<string, Uint8Array>;
  mainPath: string;
  text(path: string): string | undefined;
}

export function openDocx(bytes: Uint8Array): DocxPackage {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new MergeError(
      "not-docx",
      "Le modèle n'est pas un document Word (.docx) lisible. Enregistrez-le au format « Document Word (.docx) » puis réessayez.",
    );
  }
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : undefined);
  const rootRels = text("_rels/.rels") ?? "";
  const main = parseRelationships(rootRels).find((r) => r.type.endsWith("/officeDocument"));
  const mainPath = main ? main.target.replace(/^\//, "") : "word/document.xml";
  if (!files[mainPath]) {
    throw new MergeError(
      "not-docx",
      "Le modèle n'est pas un document Word (.docx) : la partie principale du document est absente.",
    );
  }
  return { files, mainPath, text };
}

export function parseRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\s[^>]*>/g)].map((m) => ({
    id: attrValue(m[0], "Id") ?? "",
    type: attrValue(m[0], "Type") ?? "",
    target: attrValue(m[0], "Target") ?? "",
  }));
}

/** "word/document.xml" + "header1.xml" → "word/header1.xml". */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function addRelationships(relsXml: string, rels: Relationship[]): string {
  const added = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("");
  return relsXml.replace("</Relationships>", `${added}</Relationships>`);
}

export function addContentTypeOverrides(typesXml: string, overrides: Array<{ part: string; type: string }>): string {
  const added = overrides.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join("");
  return typesXml.replace("</Types>", `${added}</Types>`);
}

export function contentTypeOf(typesXml: string, part: string): string | undefined {
  const m = new RegExp(`<Override\\s[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`).exec(
    typesXml,
  );
  return m ? attrValue(m[0], "ContentType") : undefined;
}

/** A template (.dotx) merged is a document (.docx). */
export function asDocumentContentTypes(typesXml: string): string {
  return typesXml.replace("wordprocessingml.template.main+xml", "wordprocessingml.document.main+xml");
}

/** The merged document must not point Word back at the template's data source. */
export function withoutMailMerge(settingsXml: string): string {
  return settingsXml.replace(/<w:mailMerge>[\s\S]*?<\/w:mailMerge>|<w:mailMerge\/>/g, "");
}

export function withoutMailMergeRelationships(relsXml: string): string {
  return relsXml.replace(
    /<Relationship\s[^>]*Type="[^"]*\/(?:mailMergeSource|mailMergeHeaderSource|recipientData)"[^>]*\/>/g,
    "",
  );
}

// What a school's template may hold that must not reach the letters, taken out once when the
// template is opened: a .dotm's macros, images linked to an outside address (opening the
// letters would call that site), the VML copies Word keeps of each DrawingML text box
// (mc:Fallback: fields and NEXT there would count twice), and what cannot be merged safely —
// a field that begins and never ends, or the character the engine uses as its markers.
import { strToU8 } from "fflate";
import { CONTENT_TYPES_PATH, OpcPackage, relsPathOf } from "../opc";
import { decodeEntities, elementEnd, nextStart } from "../xml";
import { MergeError } from "./errors";
import { MARK } from "./markers";

const DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const MACRO_MAINS = [
  "application/vnd.ms-word.document.macroEnabled.main+xml",
  "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];
const MACRO_TYPES = ["application/vnd.ms-office.vbaProject", "application/vnd.ms-word.vbaData+xml"];
const MACRO_KINDS = ["vbaProject", "wordVbaData", "keyMapCustomizations"];
/** Relationships that make Word fetch something when the letters open, when they point outside. */
const OUTSIDE_KINDS = ["image", "oleObject", "frame", "subDocument", "package"];

export interface CleanTemplate {
  files: Record<string, Uint8Array>;
  /** What was taken out, said to the user with the merge's warnings. */
  notes: string[];
}

/** The Word parts whose text becomes letters: the main part, its headers, footers and notes. */
function contentParts(pkg: OpcPackage, mainPath: string): string[] {
  return [mainPath, ...pkg.related(mainPath, "header", "footer", "footnotes", "endnotes").map((p) => p.path)].filter(
    (path) => pkg.has(path),
  );
}

export function cleanTemplate(pkg: OpcPackage, mainPath: string): CleanTemplate {
  const files: Record<string, Uint8Array> = { ...pkg.files };
  const notes: string[] = [];
  const texts = new Map<string, string>();
  const textOf = (path: string) => texts.get(path) ?? pkg.text(path) ?? "";

  // Macros: the parts, their relationships and content types go; the main part is a document.
  const macroParts = pkg.related(mainPath, ...MACRO_KINDS).map((p) => p.path);
  if (macroParts.length || MACRO_MAINS.includes(pkg.contentTypes().typeOf(mainPath) ?? "")) {
    for (const path of macroParts) {
      delete files[path];
      delete files[relsPathOf(path)];
    }
    const rels = pkg.relationships(mainPath);
    rels.removeKinds(...MACRO_KINDS);
    texts.set(relsPathOf(mainPath), rels.toXml());
    let types = textOf(CONTENT_TYPES_PATH);
    for (const main of MACRO_MAINS) types = types.split(main).join(DOCUMENT_MAIN);
    for (const type of MACRO_TYPES)
      types = types.replace(
        new RegExp(`<(?:Default|Override)\\s[^>]*ContentType="${type.replace(/[.+]/g, "\\$&")}"[^>]*/>`, "g"),
        "",
      );
    texts.set(CONTENT_TYPES_PATH, types);
  }

  for (const path of contentParts(pkg, mainPath)) {
    let xml = textOf(path);
    if (xml.includes(MARK))
      throw new MergeError(
        "bad-template",
        `Le modèle contient le caractère U+0001 (un caractère de contrôle invisible, interdit dans un document Word) dans sa partie « ${path} » : Courriers ENT ne peut pas le fusionner. Ouvrez-le dans Word, enregistrez-le sous un nouveau nom (Document Word .docx) puis réessayez.`,
      );
    refuseBrokenFields(xml);
    xml = withoutFallbacks(xml);
    // Resources linked at an outside address (an image, an object, a frame, a sub-document):
    // opening the letters would fetch them. The relationship and the links to it go.
    const rels = pkg.relationships(path);
    const outside = OUTSIDE_KINDS.flatMap((kind) => rels.removeExternal(kind));
    for (const rel of outside) {
      xml = xml.replace(new RegExp(`\\sr:(?:link|id|href|pict)="${rel.id.replace(/[^\w-]/g, "")}"`, "g"), "");
      notes.push(
        rel.type.endsWith("/image")
          ? `Une image du modèle était liée à une adresse extérieure (${rel.target}) : elle a été retirée des courriers, qui n'appellent ainsi aucun site à l'ouverture. Insérez l'image dans le modèle (Insertion › Images › Cet appareil) pour l'imprimer.`
          : `Le modèle chargeait un élément à une adresse extérieure (${rel.target}) : il a été retiré des courriers, qui n'appellent ainsi aucun site à l'ouverture.`,
      );
    }
    if (outside.length) texts.set(relsPathOf(path), rels.toXml());
    if (xml !== textOf(path)) texts.set(path, xml);
  }
  // The settings' attached template (Normal.dotm on a server, \\serveur\modeles…): Word
  // would reach for it at each opening. It goes, silently: the letters need none of it.
  const settings = pkg.related(mainPath, "settings")[0]?.path;
  if (settings) {
    const rels = pkg.relationships(settings);
    if (rels.removeExternal("attachedTemplate").length) {
      texts.set(relsPathOf(settings), rels.toXml());
      texts.set(settings, textOf(settings).replace(/<w:attachedTemplate\b[^>]*\/>/g, ""));
    }
  }
  for (const [path, text] of texts) files[path] = strToU8(text);
  return { files, notes };
}

/** mc:AlternateContent keeps its mc:Choice (read by Word 2010 and later, and LibreOffice); the fallback copy goes. */
function withoutFallbacks(xml: string): string {
  let out = "";
  let i = 0;
  for (let start = nextStart(xml, "mc:Fallback", 0); start >= 0; start = nextStart(xml, "mc:Fallback", i)) {
    out += xml.slice(i, start);
    i = elementEnd(xml, start, "mc:Fallback");
  }
  return out + xml.slice(i);
}

const FLD =
  /<w:fldChar\s[^>]*w:fldCharType="(begin|separate|end)"[^>]*\/?>|<w:instrText(?:\s[^>]*)?>([\s\S]*?)<\/w:instrText>/g;

/** A complex field that begins and never ends: Word shows its code as text; refused, with that code. */
function refuseBrokenFields(xml: string): void {
  const open: Array<{ at: number; code: string }> = [];
  for (const m of xml.matchAll(FLD)) {
    if (m[1] === "begin") open.push({ at: m.index, code: "" });
    else if (m[1] === "end") open.pop();
    else if (m[2] !== undefined && open.length) open[open.length - 1].code += decodeEntities(m[2]);
  }
  if (open.length === 0) return;
  const code = open[0].code.trim().replace(/\s+/g, " ");
  throw new MergeError(
    "broken-field",
    `Le modèle contient un champ qui commence sans jamais finir (« ${code} ») : Word le montre tel quel. Dans Word, appuyez sur Alt+F9 pour voir les codes de champ, supprimez ce champ et insérez-le de nouveau.`,
    [code],
  );
}

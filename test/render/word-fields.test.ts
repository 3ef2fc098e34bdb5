// A school's own Word templates (issue 31), as Word writes them, merged and read back as a
// principal would: labels drawn as text boxes (each stored twice, a DrawingML choice and its
// VML fallback) show every person once; a VML text box's shape type is defined once; an IF
// over nested fields prints what Word prints. Input and output both pass Microsoft's
// Open XML SDK validator, and LibreOffice renders the result.
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { mergeLetters } from "../../src/core/merge";
import { readRoster } from "../../src/core/roster";
import { asMacroTemplate, makeDocx, p, r } from "../unit/helpers/docx";
import { outDir, pdfPages, toPdf } from "./libreoffice";
import { describeErrors, ooxmlErrors } from "./ooxml-validator";

const OUT = outDir("word-fields");
const roster = readRoster(
  new TextEncoder().encode(
    [
      "Nom;Prénom;Login;Mot de passe;Genre;Ville",
      "MOREAU;Aïcha;aicha.moreau;PW1;Female;Lyon",
      "DUPONT;Jean;jean.dupont;PW2;Male;",
      "LEGER;Zoé;zoe.leger;PW3;Female;Paris",
      "NDIAYE;Ali;ali.ndiaye;PW4;Male;Lyon",
      "PETIT;Léo;leo.petit;PW5;Male;Nice",
    ].join("\n"),
  ),
  "eleves.csv",
);

const field = (code: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${code}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const login = field(" MERGEFIELD Login ", "«Login»");
const next = field(" NEXT ", "«Enregistrement suivant»");

const WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";

/** The VML definition of a text box, which Word writes once in a document. */
const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A label: a text box as Word 2010+ writes it, with its VML copy for older readers. */
function label(id: number, content: string): string {
  const box = `<w:txbxContent>${content}</w:txbxContent>`;
  return `<w:p><w:r><mc:AlternateContent xmlns:wps="${WPS}"><mc:Choice Requires="wps"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="2286000" cy="457200"/><wp:docPr id="${id}" name="Zone de texte ${id}"/><a:graphic xmlns:a="${A}"><a:graphicData uri="${WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>${box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict>${id === 1 ? SHAPE_TYPE : ""}<v:shape id="Zone${id}" o:spid="_x0000_s10${25 + id}" type="#_x0000_t202" style="width:180pt;height:36pt"><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
}

function check(name: string, template: Uint8Array): { pages: string[]; xml: string } {
  const input = path.join(OUT, `${name}-modele.docx`);
  fs.writeFileSync(input, template);
  // The template itself is valid: what the merge writes must stay so.
  expect(describeErrors(ooxmlErrors(input))).toEqual([]);
  const { docx } = mergeLetters(template, roster.records, roster);
  const output = path.join(OUT, `${name}.docx`);
  fs.writeFileSync(output, docx);
  expect(describeErrors(ooxmlErrors(output))).toEqual([]);
  const xml = new TextDecoder().decode(unzipSync(docx)["word/document.xml"]);
  return { pages: pdfPages(toPdf([output], OUT)[0]), xml };
}

it("labels drawn as text boxes show every person once", () => {
  const { pages } = check(
    "etiquettes",
    makeDocx({ body: label(1, p(login)) + label(2, p(next + login)) + label(3, p(next + login)) }),
  );
  const text = pages.join("\n");
  for (const person of roster.records) expect(text.split(person.values.login)).toHaveLength(2);
  expect(pages).toHaveLength(2);
});

it("a VML text box in every letter defines its shape type once", () => {
  const pict = `<w:p><w:r><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="Zone1" o:spid="_x0000_s1026" type="#_x0000_t202" style="width:180pt;height:36pt"><v:textbox><w:txbxContent>${p(login)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
  const { pages, xml } = check("zone-vml", makeDocx({ body: p(r("Identifiant :")) + pict }));
  expect(xml.match(/<v:shapetype\b/g)).toHaveLength(1);
  expect(pages).toHaveLength(5);
  pages.forEach((page, i) => expect(page).toContain(roster.records[i].values.login));
});

it("an IF over a quoted nested field, with a nested IF, prints what Word prints", () => {
  const m = (name: string) => field(` MERGEFIELD ${name} `, `«${name}»`);
  const inner = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>${m("Ville")}<w:r><w:instrText xml:space="preserve"> = "Lyon" "à Lyon" "ailleurs" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const greeting =
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF "</w:instrText></w:r>${m("Genre")}` +
    `<w:r><w:instrText xml:space="preserve">" = "Male" "Cher" "Chère" \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Cher</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const where =
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>${m("Ville")}` +
    `<w:r><w:instrText xml:space="preserve"> = "" "sans ville" "</w:instrText></w:r>${inner}<w:r><w:instrText xml:space="preserve">" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const { pages } = check("si", makeDocx({ body: p(greeting + r(" ") + m("Prénom") + r(", ") + where) }));
  expect(pages.map((page) => page.trim().replace(/\s+/g, " "))).toEqual([
    "En-tête Chère Aïcha, à Lyon Pied de page",
    "En-tête Cher Jean, sans ville Pied de page",
    "En-tête Chère Zoé, ailleurs Pied de page",
    "En-tête Cher Ali, à Lyon Pied de page",
    "En-tête Cher Léo, ailleurs Pied de page",
  ]);
});

it("a .dotm's macros are gone: the letters open as a plain document", () => {
  const { docx } = mergeLetters(asMacroTemplate(makeDocx({ body: p(login) })), roster.records, roster);
  const output = path.join(OUT, "macros.docx");
  fs.writeFileSync(output, docx);
  expect(describeErrors(ooxmlErrors(output))).toEqual([]);
  expect(pdfPages(toPdf([output], OUT)[0])).toHaveLength(5);
});

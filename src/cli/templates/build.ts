// Builds a ready letter (.docx) from its readable source: A4, one page, black-and-white
// friendly, merge fields and pink school passages as content controls.
import { strToU8, zipSync } from "fflate";
import {
  editTag,
  fieldDef,
  FieldRef,
  isFieldId,
  isPreposition,
  passageLabel,
  PASSWORD_FONT,
  placeholderOf,
  conditionLabel,
  conditionTag,
  parseConditionBody,
  NEXT_TAG,
  QR_TAG,
  READY_LETTER_VARIABLE,
  ReadyLetterDef,
  tagOf,
} from "../../core/catalog";
import { CourriersError } from "../../core/errors";
import { IdCounter } from "../../core/merge";
import { escapeXml } from "../../core/xml";
import { Inline, Paragraph, parseLetterSource } from "./letter-source";

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"';
const PINK = "C2185B";
const CREDENTIAL_FONT = `<w:rFonts w:ascii="${PASSWORD_FONT}" w:hAnsi="${PASSWORD_FONT}" w:cs="${PASSWORD_FONT}"/><w:b/><w:sz w:val="30"/>`;
const STYLE_OF: Record<Paragraph["kind"], string> = {
  letterhead: "EntEntete",
  right: "EntLieuDate",
  addressee: "EntDestinataire",
  subject: "EntObjet",
  body: "Normal",
  credentials: "EntIdentifiants",
  note: "EntRemarque",
  heading: "EntIntertitre",
  steps: "EntEtape",
  signature: "EntSignature",
  qr: "EntRemarque",
};

const QR_CONDITION = { kind: "qr", is: "qr" } as const;

/** The QR code control: the engine draws the person's code in it. */
const qrControl = (ids: IdCounter) =>
  `<w:sdt><w:sdtPr><w:alias w:val="Code QR"/><w:tag w:val="${QR_TAG}"/><w:id w:val="${ids.next()}"/></w:sdtPr><w:sdtContent><w:r><w:t>«Code QR»</w:t></w:r></w:sdtContent></w:sdt>`;

/**
 * `@qr TEXT`: the QR code, and beside it the line that says what it does (a borderless
 * table), in one passage kept only where the merge prints the codes (ent:if:qr): never
 * "Flashez ce code" beside an empty space.
 */
function qrTable(p: Paragraph, ids: IdCounter, index: number, widths: [number, number]): string {
  const cell = (w: number, inner: string) =>
    `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${inner}</w:tc>`;
  const code = `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>${qrControl(ids)}</w:p>`;
  const table =
    `<w:tbl><w:tblPr><w:tblW w:w="${widths[0] + widths[1]}" w:type="dxa"/><w:tblInd w:w="567" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid><w:gridCol w:w="${widths[0]}"/><w:gridCol w:w="${widths[1]}"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>${cell(widths[0], code)}${cell(widths[1], paragraphXml(p, ids, index))}</w:tr></w:tbl>`;
  return `<w:sdt><w:sdtPr><w:alias w:val="${conditionLabel(QR_CONDITION)}"/><w:tag w:val="${conditionTag(QR_CONDITION)}"/><w:id w:val="${ids.next()}"/></w:sdtPr><w:sdtContent>${table}</w:sdtContent></w:sdt>`;
}

// The order CT_RPr requires of run properties (Word and the Open XML validator reject others).
const RPR_ORDER = [
  "rStyle",
  "rFonts",
  "b",
  "bCs",
  "i",
  "iCs",
  "caps",
  "smallCaps",
  "strike",
  "color",
  "spacing",
  "sz",
  "szCs",
  "u",
  "vertAlign",
];

/** Joins run properties in schema order: callers may combine them in any order. */
function runProps(...parts: string[]): string {
  const elements = parts.join("").match(/<w:\w+[^>]*\/>/g) ?? [];
  const rank = (el: string) => RPR_ORDER.indexOf(/^<w:(\w+)/.exec(el)![1]);
  return elements.sort((a, b) => rank(a) - rank(b)).join("");
}

/**
 * French typography: a no-break space before : ; ! ? » and after «, so that none starts a
 * line, and the typographic apostrophe (l’ENT).
 */
export const frenchSpaces = (text: string) =>
  text
    .replace(/ ([:;!?»])/g, "\u00a0$1")
    .replace(/« /g, "«\u00a0")
    .replace(/'/g, "’");

const oneRun = (text: string, rPr = "") =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${escapeXml(frenchSpaces(text))}</w:t></w:r>`;

/** Text as runs; "1er" (le 1er septembre) with its "er" in superscript. */
function run(text: string, rPr = ""): string {
  const first = /\b1er\b/.exec(text);
  if (!first) return oneRun(text, rPr);
  const at = first.index + 1;
  return (
    oneRun(text.slice(0, at), rPr) +
    oneRun("er", runProps(rPr, '<w:vertAlign w:val="superscript"/>')) +
    run(text.slice(at + 2), rPr)
  );
}

function fieldControl(
  id: string,
  before: string | undefined,
  ids: IdCounter,
  emphasise: boolean,
  card = false,
): string {
  if (!isFieldId(id))
    throw new CourriersError("bad-letter-source", `champ inconnu « {${id}} » dans la source du courrier.`);
  if (before !== undefined && !isPreposition(before))
    throw new CourriersError("bad-letter-source", `« ${before} » ne s'élide pas devant « {${id}} » (de, que).`);
  const ref: FieldRef = before ? { kind: "field", id, before } : { kind: "field", id };
  const def = fieldDef(id);
  // On a card the credentials are smaller (12 pt): a long login still holds on one line.
  const font =
    def.font || emphasise ? (card ? CREDENTIAL_FONT.replace('w:val="30"', 'w:val="24"') : CREDENTIAL_FONT) : "";
  const rPr = font ? `<w:rPr>${font}</w:rPr>` : "";
  return (
    `<w:sdt><w:sdtPr>${rPr}<w:alias w:val="${escapeXml(def.label)}"/><w:tag w:val="${tagOf(ref)}"/><w:id w:val="${ids.next()}"/></w:sdtPr>` +
    `<w:sdtContent>${run(placeholderOf(ref), font)}</w:sdtContent></w:sdt>`
  );
}

function editControl(what: string, text: string, ids: IdCounter, baseRPr: string): string {
  // Shown as placeholder text in pink: typing replaces it with text in the control's own
  // (normal) formatting.
  return (
    `<w:sdt><w:sdtPr>${baseRPr ? `<w:rPr>${baseRPr}</w:rPr>` : ""}<w:alias w:val="À compléter : ${escapeXml(passageLabel(what))}"/><w:tag w:val="${editTag(what)}"/><w:id w:val="${ids.next()}"/><w:showingPlcHdr/></w:sdtPr>` +
    `<w:sdtContent>${run(text, runProps(baseRPr, `<w:color w:val="${PINK}"/>`))}</w:sdtContent></w:sdt>`
  );
}

function ifControl(condition: string, inner: string, ids: IdCounter): string {
  const parsed = parseConditionBody(condition);
  if (!parsed)
    throw new CourriersError("bad-letter-source", `condition inconnue « <<${condition}| » dans la source du courrier.`);
  return (
    `<w:sdt><w:sdtPr><w:alias w:val="${escapeXml(conditionLabel(parsed))}"/><w:tag w:val="${conditionTag(parsed)}"/><w:id w:val="${ids.next()}"/></w:sdtPr>` +
    `<w:sdtContent>${inner}</w:sdtContent></w:sdt>`
  );
}

function inlinesXml(inlines: Inline[], ids: IdCounter, kind: Paragraph["kind"], baseRPr: string, card = false): string {
  return inlines
    .map((i, k) => {
      // A word right before a field stays on its line with it ("classe 6A", "Parent d'Anaïs").
      const next = inlines[k + 1];
      if (i.kind === "text") return run(next?.kind === "field" ? i.text.replace(/ $/, "\u00a0") : i.text, baseRPr);
      if (i.kind === "if") return ifControl(i.condition, inlinesXml(i.inlines, ids, kind, baseRPr, card), ids);
      if (i.kind === "field") return fieldControl(i.id, i.before, ids, kind === "credentials", card);
      return editControl(i.what, i.text, ids, baseRPr);
    })
    .join("");
}

/** The styles of a card's paragraphs: a card is small, nothing is indented. */
const CARD_STYLE_OF: Partial<Record<Paragraph["kind"], string>> = {
  heading: "EntCarteTitre",
  addressee: "EntCarteNom",
  credentials: "EntCarteIdentifiants",
  note: "EntCarteNote",
};

function paragraphXml(p: Paragraph, ids: IdCounter, index: number, card = false): string {
  const style = (card && CARD_STYLE_OF[p.kind]) || STYLE_OF[p.kind];
  const pPr: string[] = [`<w:pStyle w:val="${style}"/>`];
  if (p.kind === "steps") pPr.push('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
  const baseRPr = p.kind === "letterhead" && p.line === 0 ? '<w:b/><w:sz w:val="28"/>' : "";
  const paraId = (0x10000000 + index).toString(16).toUpperCase();
  return `<w:p w14:paraId="${paraId}" w14:textId="77777777"><w:pPr>${pPr.join("")}</w:pPr>${inlinesXml(p.inlines, ids, p.kind, baseRPr, card)}</w:p>`;
}

/**
 * Cards: 8 per A4 page, 2 columns × 4 rows of 105 × 74 mm with dashed cut lines and 5 mm
 * inside each line. Each card after the first starts with the "next person" mark; each
 * card's content shows only for a person (ent:if:login), so the last page's spare cards
 * stay blank.
 */
const CARD_W = 5953;
const CARD_H = 4195;
const CUT = '<w:TAG w:val="dashed" w:sz="4" w:space="0" w:color="808080"/>';

function cardsBody(paragraphs: Paragraph[], ids: IdCounter): string {
  const card = (k: number) => {
    const next =
      k === 0
        ? ""
        : `<w:sdt><w:sdtPr><w:alias w:val="Personne suivante"/><w:tag w:val="${NEXT_TAG}"/><w:id w:val="${ids.next()}"/></w:sdtPr><w:sdtContent><w:p><w:pPr><w:spacing w:after="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p></w:sdtContent></w:sdt>`;
    // Who and where on the left, the QR code on the right; the credentials below, the
    // card's whole width, so that a login of 45 characters still holds on one line.
    const xml = (p: Paragraph, i: number) => paragraphXml(p, ids, 0x100 * (k + 1) + i, true);
    // The ENT's address (the heading) above both, the card's whole width too: it never wraps.
    const above = (p: Paragraph) => p.kind === "heading";
    const below = (p: Paragraph) => p.kind === "credentials" || p.kind === "note";
    const heading = paragraphs.map((p, i) => (above(p) ? xml(p, i) : "")).join("");
    const text = paragraphs.map((p, i) => (p.kind === "qr" || below(p) || above(p) ? "" : xml(p, i))).join("");
    const credentials = paragraphs.map((p, i) => (below(p) ? xml(p, i) : "")).join("");
    const qr = paragraphs.some((p) => p.kind === "qr")
      ? `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="right"/></w:pPr>${qrControl(ids)}</w:p>`
      : "";
    const inner = (w: number, content: string) =>
      `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
    const content = qr
      ? `${heading}<w:tbl><w:tblPr><w:tblW w:w="5273" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="3743"/><w:gridCol w:w="1530"/></w:tblGrid><w:tr>${inner(3743, text)}${inner(1530, qr)}</w:tr></w:tbl>${credentials}`
      : heading + text + credentials;
    const person = `<w:sdt><w:sdtPr><w:alias w:val="Si « Login » est rempli"/><w:tag w:val="ent:if:login"/><w:id w:val="${ids.next()}"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    return `<w:tc><w:tcPr><w:tcW w:w="${CARD_W}" w:type="dxa"/></w:tcPr>${next}${person}<w:p><w:pPr><w:spacing w:after="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p></w:tc>`;
  };
  const row = (r: number) =>
    `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="${CARD_H}" w:hRule="exact"/></w:trPr>${card(2 * r)}${card(2 * r + 1)}</w:tr>`;
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => CUT.replace("TAG", side))
    .join("");
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${2 * CARD_W}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="283" w:type="dxa"/><w:left w:w="340" w:type="dxa"/><w:bottom w:w="283" w:type="dxa"/><w:right w:w="340" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid><w:gridCol w:w="${CARD_W}"/><w:gridCol w:w="${CARD_W}"/></w:tblGrid>${[0, 1, 2, 3].map(row).join("")}</w:tbl>` +
    '<w:p><w:pPr><w:spacing w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
  );
}

/** A card sheet has no margins (the cards fill the page) and no footer. */
const CARDS_SECT =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="0" w:right="0" w:bottom="0" w:left="0" w:header="0" w:footer="0" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>';

const SECT =
  '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1021" w:right="1134" w:bottom="1021" w:left="1134" w:header="567" w:footer="454" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>';

function style(id: string, name: string, pPr: string, rPr: string, extra = ""): string {
  return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${extra}<w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:rPr><w:color w:val="${PINK}"/></w:rPr></w:style>
${style("EntEntete", "ENT En-tête", '<w:spacing w:after="0"/><w:jc w:val="left"/>', "")}
${style("EntLieuDate", "ENT Lieu et date", '<w:spacing w:before="160" w:after="160"/><w:jc w:val="right"/>', "")}
${style("EntDestinataire", "ENT Destinataire", '<w:spacing w:after="0"/><w:ind w:left="5103"/><w:jc w:val="left"/>', '<w:sz w:val="22"/>')}
${style("EntObjet", "ENT Objet", '<w:keepNext/><w:spacing w:before="320" w:after="200"/>', '<w:b/><w:sz w:val="22"/>')}
${style("EntIdentifiants", "ENT Identifiants", '<w:pBdr><w:top w:val="single" w:sz="8" w:space="6" w:color="000000"/><w:left w:val="single" w:sz="8" w:space="6" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:space="6" w:color="000000"/><w:right w:val="single" w:sz="8" w:space="6" w:color="000000"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/><w:spacing w:before="0" w:after="40"/><w:ind w:left="567" w:right="567"/><w:jc w:val="left"/>', '<w:sz w:val="22"/>')}
${style("EntRemarque", "ENT Remarque", '<w:spacing w:before="120" w:after="160"/><w:ind w:left="567" w:right="567"/>', '<w:i/><w:sz w:val="17"/>')}
${style("EntIntertitre", "ENT Intertitre", '<w:keepNext/><w:spacing w:before="160" w:after="60"/><w:jc w:val="left"/>', '<w:b/><w:sz w:val="21"/>')}
${style("EntEtape", "ENT Étape", '<w:spacing w:after="40"/><w:ind w:left="567" w:hanging="340"/>', "")}
${style("EntSignature", "ENT Signature", '<w:spacing w:before="240" w:after="0"/><w:ind w:left="5103"/><w:jc w:val="left"/>', "")}
${style("EntPied", "ENT Pied de page", '<w:spacing w:after="0"/><w:jc w:val="center"/>', '<w:sz w:val="16"/>')}
${style("EntCarteTitre", "ENT Carte titre", '<w:spacing w:before="0" w:after="80"/><w:jc w:val="left"/>', '<w:b/><w:sz w:val="17"/>')}
${style("EntCarteNom", "ENT Carte nom", '<w:spacing w:after="0"/><w:jc w:val="left"/>', '<w:sz w:val="20"/>')}
${style("EntCarteIdentifiants", "ENT Carte identifiants", '<w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/>', '<w:sz w:val="20"/>')}
${style("EntCarteNote", "ENT Carte remarque", '<w:spacing w:before="100" w:after="0"/><w:jc w:val="left"/>', '<w:i/><w:sz w:val="14"/>')}
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${NS}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="340"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const FOOTER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr ${NS}><w:p><w:pPr><w:pStyle w:val="EntPied"/></w:pPr>${run("Courrier personnel et confidentiel – à conserver en lieu sûr")}</w:p></w:ftr>`;

/** Settings, with the document variable that names the ready letter (and so its audience). */
const settings = (name: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings ${NS}><w:defaultTabStop w:val="708"/><w:hyphenationZone w:val="425"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:docVars><w:docVar w:name="${READY_LETTER_VARIABLE}" w:val="${name}"/></w:docVars><w:themeFontLang w:val="fr-FR"/></w:settings>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

function coreProps(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>Courriers ENT</dc:creator><dc:language>fr-FR</dc:language></cp:coreProperties>`;
}

const APP_PROPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Courriers ENT</Application></Properties>`;

/** Fixed date so that the same source always gives the same bytes. */
const MTIME = new Date("2026-01-01T00:00:00Z");

export function buildLetterParts(source: string, { name, title }: ReadyLetterDef): Record<string, string> {
  const ids = new IdCounter();
  const paragraphs = parseLetterSource(source);
  const cards = name === "cartes";
  const body = cards
    ? cardsBody(paragraphs, ids)
    : paragraphs.map((p, i) => (p.kind === "qr" ? qrTable(p, ids, i, [1701, 6804]) : paragraphXml(p, ids, i))).join("");
  return {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": ROOT_RELS,
    "docProps/core.xml": coreProps(title),
    "docProps/app.xml": APP_PROPS,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}${cards ? CARDS_SECT : SECT}</w:body></w:document>`,
    "word/_rels/document.xml.rels": DOC_RELS,
    "word/styles.xml": STYLES,
    "word/numbering.xml": NUMBERING,
    "word/settings.xml": settings(name),
    "word/footer1.xml": FOOTER,
  };
}

export function buildLetter(source: string, letter: ReadyLetterDef): Uint8Array {
  const parts = buildLetterParts(source, letter);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [strToU8(v), { mtime: MTIME }]])), {
    level: 9,
  });
}

// Sections: each letter starts on a new page with the template's page setup; the break
// between letters sits in the body's last paragraph. Page numbers restart at 1 only for a
// template that prints them: Word tells a recto from a verso by the page *number*
// ([MS-OI29500] 2.1.293), so a restart would put an odd-page section on a verso, and
// LibreOffice adds a blank page before each restart on a verso.
import { elementEnd, topLevelElements } from "../xml";
import { SECT_MARK, SECT_PARA_MARK } from "./markers";

/** The page setup Word gives a document without one. */
const A4_SECTION =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>';

/** The main part cut around its body: what comes before and after, the body's content, its final sectPr. */
export interface BodyParts {
  prefix: string;
  inner: string;
  finalSect: string;
  suffix: string;
}

/** A PAGE, SECTIONPAGES or NUMPAGES field: the template prints page numbers. */
const PAGE_FIELD = /(?:<w:instrText\b[^>]*>|\bw:instr=")\s*(?:PAGE|SECTIONPAGES|NUMPAGES)\b/;

export function printsPageNumbers(xml: string): boolean {
  return PAGE_FIELD.test(xml);
}

/** Cuts the main part; null when it has no body. `restartNumbers`: each letter's pages are numbered from 1. */
export function splitBody(xml: string, restartNumbers = true): BodyParts | null {
  const bodyOpen = xml.search(/<w:body>|<w:body\s[^>]*>/);
  const bodyClose = xml.lastIndexOf("</w:body>");
  if (bodyOpen < 0 || bodyClose < 0) return null;
  const bodyStart = xml.indexOf(">", bodyOpen) + 1;
  let inner = xml.slice(bodyStart, bodyClose);
  const elements = topLevelElements(inner);
  const last = elements[elements.length - 1];
  let finalSect = A4_SECTION;
  if (last && last.name === "w:sectPr") {
    finalSect = inner.slice(last.start, last.end);
    inner = inner.slice(0, last.start);
  }
  // The letter's first section restarts page numbers and starts a new page.
  if (/<w:sectPr[\s>]/.test(inner))
    inner = inner.replace(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/, (first) => letterStartSection(first, restartNumbers));
  else finalSect = letterStartSection(finalSect, restartNumbers);
  return {
    prefix: xml.slice(0, bodyStart),
    inner: withSectionBreakSlot(inner),
    finalSect,
    suffix: xml.slice(bodyClose),
  };
}

/** A sectPr whose page numbers follow on from the previous section's (no w:start). */
export function withoutNumberRestart(sectPr: string): string {
  return sectPr.replace(/(<w:pgNumType\b[^>]*?)\s*w:start="[^"]*"/g, "$1");
}

/** Section properties for a letter's first section: always a new page; numbered from 1 when `restart`. */
export function letterStartSection(sectPr: string, restart = true): string {
  const s = sectPr.replace(/<w:type\s[^>]*\/>/g, "");
  if (!restart) return withoutNumberRestart(s);
  if (/<w:pgNumType\b[^>]*\/>/.test(s)) {
    return s.replace(
      /<w:pgNumType\b([^>]*?)\/>/,
      (_m, attrs: string) => `<w:pgNumType${attrs.replace(/\s*w:start="\d+"/, "")} w:start="1"/>`,
    );
  }
  // pgNumType goes before these, in the schema's order.
  const before =
    /<w:(cols|formProt|vAlign|noEndnote|titlePg|textDirection|bidi|rtlGutter|docGrid|printerSettings|sectPrChange)\b/.exec(
      s,
    );
  const at = before ? before.index : s.lastIndexOf("</w:sectPr>");
  return at >= 0
    ? `${s.slice(0, at)}<w:pgNumType w:start="1"/>${s.slice(at)}`
    : s.replace("<w:sectPr/>", '<w:sectPr><w:pgNumType w:start="1"/></w:sectPr>');
}

/** Puts the section-break marker in the body's last paragraph (or after its last table). */
export function withSectionBreakSlot(bodyInner: string): string {
  const elements = topLevelElements(bodyInner);
  const last = elements[elements.length - 1];
  if (!last || last.name !== "w:p") return bodyInner + SECT_PARA_MARK;
  const para = bodyInner.slice(last.start, last.end);
  return bodyInner.slice(0, last.start) + withSectMark(para) + bodyInner.slice(last.end);
}

function withSectMark(para: string): string {
  if (/^<w:p\b[^>]*\/>$/.test(para)) return `${para.slice(0, -2)}><w:pPr>${SECT_MARK}</w:pPr></w:p>`;
  const open = para.indexOf(">") + 1;
  if (!para.startsWith("<w:pPr", open)) return `${para.slice(0, open)}<w:pPr>${SECT_MARK}</w:pPr>${para.slice(open)}`;
  // sectPr goes at the end of this paragraph's own pPr, before any pPrChange.
  const pPrEnd = elementEnd(para, open, "w:pPr");
  const pPr = para.slice(open, pPrEnd);
  const inside = pPr.endsWith("/>")
    ? `${pPr.slice(0, -2)}>${SECT_MARK}</w:pPr>`
    : pPr.includes("<w:pPrChange")
      ? pPr.replace("<w:pPrChange", `${SECT_MARK}<w:pPrChange`)
      : pPr.replace(/<\/w:pPr>$/, `${SECT_MARK}</w:pPr>`);
  return para.slice(0, open) + inside + para.slice(pPrEnd);
}

/**
 * Footnotes and endnotes numbered from 1 in each letter (w:numRestart eachSect), as each
 * letter is a section of its own. Properties go after the header and footer references.
 * Word honours it; LibreOffice 7 keeps counting across sections (its own limitation).
 */
export function withNotesRestart(sectPr: string, kinds: ReadonlyArray<"footnote" | "endnote">): string {
  let out = sectPr;
  for (const kind of kinds) {
    const element = `w:${kind}Pr`;
    const restart = '<w:numRestart w:val="eachSect"/>';
    const existing = new RegExp(`<${element}>([\\s\\S]*?)</${element}>|<${element}/>`).exec(out);
    if (existing) {
      if (existing[0].includes("<w:numRestart")) continue;
      const replaced = existing[0].endsWith("/>")
        ? `<${element}>${restart}</${element}>`
        : existing[0].replace(`</${element}>`, `${restart}</${element}>`);
      out = out.replace(existing[0], replaced);
      continue;
    }
    // After the references, and an endnotePr after the footnotePr.
    const footnotePr = kind === "endnote" ? /<w:footnotePr>[\s\S]*?<\/w:footnotePr>|<w:footnotePr\/>/.exec(out) : null;
    const references = [...out.matchAll(/<w:(?:header|footer)Reference\b[^>]*\/>/g)];
    const last = references[references.length - 1];
    const at = footnotePr
      ? footnotePr.index + footnotePr[0].length
      : last
        ? last.index + last[0].length
        : out.indexOf(">") + 1;
    out = `${out.slice(0, at)}<${element}>${restart}</${element}>${out.slice(at)}`;
  }
  return out;
}

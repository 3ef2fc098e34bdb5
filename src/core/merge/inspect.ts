// What a template uses: its merge fields and school passages, for the pane and the CLI.
import { editPassageOf, isReadyLetterName, READY_LETTER_VARIABLE, ReadyLetterName } from "../catalog";
import { attrText, decodeEntities, findElement } from "../xml";
import { FieldName, extractFields, FieldSlot, sdtValue } from "./fields";
import { headerFooterParts, openDocx } from "./docx-package";
import { inPart } from "./template";
import { mergeNames } from "./field-code";

/** Every merge field of the template (body, headers, footers), in order of appearance. */
export function templateFields(template: Uint8Array): FieldName[] {
  const pkg = openDocx(template);
  const slots: FieldSlot[] = [];
  const parts = [{ path: pkg.mainPath, xml: pkg.text(pkg.mainPath)! }, ...headerFooterParts(pkg)];
  for (const part of parts) inPart(part.path, () => extractFields(part.xml, slots, { keepFields: false }));
  // School passages (ent:edit) are not fields: the reader merges what they hold, giving no slot.
  // A field Word evaluates (IF, COMPARE…) uses every merge field it reads.
  return slots.flatMap((s): FieldName[] =>
    s.expr ? mergeNames(s.expr).map((name) => ({ kind: "mergefield", name })) : [s.name],
  );
}

/** The ready letter a template was made from (its document variable), or null for the school's own. */
export function readyLetterOf(template: Uint8Array): ReadyLetterName | null {
  const pkg = openDocx(template);
  const settings = pkg.related(pkg.mainPath, "settings")[0];
  const xml = settings ? (pkg.text(settings.path) ?? "") : "";
  for (const m of xml.matchAll(/<w:docVar\s[^>]*>/g)) {
    if (attrText(m[0], "w:name") !== READY_LETTER_VARIABLE) continue;
    const name = attrText(m[0], "w:val") ?? "";
    return isReadyLetterName(name) ? name : null;
  }
  return null;
}

/** The text of the letter's first footer, to put back where Word inserts only the body. */
export function footerText(template: Uint8Array): string {
  const pkg = openDocx(template);
  const footer = headerFooterParts(pkg).find((p) => p.type.endsWith("/footer"));
  return footer ? visibleText(footer.xml) : "";
}

/** The text of every w:t in a fragment, entities decoded. */
function visibleText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeEntities(m[1])).join("");
}

/** A content control of the letter's body, as the letter carries it. */
export interface ControlTag {
  tag: string;
  title: string;
}

interface BodyControl extends ControlTag {
  /** Still showing its placeholder (the pink model text of a school passage). */
  showingPlaceholder: boolean;
  text: string;
}

/** Every content control of the body, nested ones included, in document order. */
function bodyControls(template: Uint8Array): BodyControl[] {
  const pkg = openDocx(template);
  return inPart(pkg.mainPath, () => controlsOf(pkg.text(pkg.mainPath)!));
}

function controlsOf(xml: string): BodyControl[] {
  const out: BodyControl[] = [];
  for (const m of xml.matchAll(/<w:sdt>/g)) {
    const sdtPr = findElement(xml, "w:sdtPr", m.index)?.text ?? "";
    const content = findElement(xml, "w:sdtContent", m.index)?.text ?? "";
    out.push({
      tag: sdtValue(sdtPr, "w:tag"),
      title: sdtValue(sdtPr, "w:alias"),
      showingPlaceholder: sdtPr.includes("<w:showingPlcHdr/>"),
      text: visibleText(content),
    });
  }
  return out;
}

/**
 * The school passages of a ready letter (ent:edit:<what>) with their text: a completed one
 * where the passage stands several times (a sheet of cards, completed on its first card).
 */
export function editPassages(template: Uint8Array): Map<string, string> {
  const passages = new Map<string, string>();
  const completed = new Set<string>();
  for (const c of bodyControls(template)) {
    const what = editPassageOf(c.tag);
    if (what === null || completed.has(what)) continue;
    passages.set(what, c.text);
    if (!c.showingPlaceholder) completed.add(what);
  }
  return passages;
}

/** School passages (ent:edit) showing the ready letter's pink model text wherever they stand. */
export function unchangedPassages(template: Uint8Array): string[] {
  const controls = bodyControls(template);
  const completed = new Set(controls.filter((c) => !c.showingPlaceholder).map((c) => editPassageOf(c.tag)));
  return [
    ...new Set(
      controls
        .filter((c) => c.showingPlaceholder)
        .map((c) => editPassageOf(c.tag))
        .filter((what): what is string => what !== null && !completed.has(what)),
    ),
  ];
}

/**
 * Tag and title of every content control of the letter's body, in document order (the
 * order Word lists them in), so that tags Word loses on insertion can be put back.
 */
export function controlTags(template: Uint8Array): ControlTag[] {
  return bodyControls(template).map(({ tag, title }) => ({ tag, title }));
}

/** The conditions of the template's conditional passages (ent:if), in order of appearance, once each. */
export function templateConditions(template: Uint8Array): string[] {
  const pkg = openDocx(template);
  const parts = [pkg.text(pkg.mainPath)!, ...headerFooterParts(pkg).map((p) => p.xml)];
  const seen: string[] = [];
  for (const xml of parts)
    for (const m of xml.matchAll(/<w:tag w:val="ent:if:([^"]+)"/g)) {
      const body = decodeEntities(m[1]);
      if (!seen.includes(body)) seen.push(body);
    }
  return seen;
}

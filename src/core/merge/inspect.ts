// What a template uses: its merge fields and school passages, for the pane and the CLI.
import { isEditTag } from "../fields";
import { decodeEntities } from "../xml/entities";
import { findElement } from "../xml/scan";
import { FieldName, extractFields, FieldSlot, sdtValue } from "./fields";
import { openDocx, parseRelationships, relsPathOf, resolveTarget } from "./package";

/** Every merge field of the template (body, headers, footers), in order of appearance. */
export function templateFields(template: Uint8Array): FieldName[] {
  const pkg = openDocx(template);
  const slots: FieldSlot[] = [];
  extractFields(pkg.text(pkg.mainPath)!, slots, { keepFields: false });
  for (const rel of parseRelationships(pkg.text(relsPathOf(pkg.mainPath)) ?? "")) {
    if (!/\/(header|footer)$/.test(rel.type)) continue;
    const xml = pkg.text(resolveTarget(pkg.mainPath, rel.target));
    if (xml) extractFields(xml, slots, { keepFields: false });
  }
  return slots.map((s) => s.name).filter((n) => !(n.kind === "tag" && isEditTag(n.tag)));
}

/** The school passages of a ready letter (ent:edit:<what>) with their model text. */
export function editPassages(template: Uint8Array): Map<string, string> {
  const pkg = openDocx(template);
  const xml = pkg.text(pkg.mainPath)!;
  const passages = new Map<string, string>();
  for (const m of xml.matchAll(/<w:tag w:val="ent:edit:([^"]+)"\/>[\s\S]*?<w:sdtContent>([\s\S]*?)<\/w:sdtContent>/g)) {
    const text = [...m[2].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeEntities(t[1])).join("");
    passages.set(m[1], text);
  }
  return passages;
}

/** School passages (ent:edit) still showing the ready letter's pink model text. */
export function unchangedPassages(template: Uint8Array): string[] {
  const pkg = openDocx(template);
  const xml = pkg.text(pkg.mainPath)!;
  return [...xml.matchAll(/<w:tag w:val="ent:edit:([^"]+)"\/>(?:(?!<\/w:sdtPr>)[\s\S])*?<w:showingPlcHdr\/>/g)].map(
    (m) => m[1],
  );
}

/** A content control's tag and title, as a letter carries them. */
export interface ControlTag {
  tag: string;
  title: string;
}

/**
 * Tag and title of every content control of the letter's body, in document order (the
 * order Word lists them in), so that tags Word loses on insertion can be put back.
 */
export function controlTags(template: Uint8Array): ControlTag[] {
  const pkg = openDocx(template);
  const xml = pkg.text(pkg.mainPath)!;
  const out: ControlTag[] = [];
  for (const m of xml.matchAll(/<w:sdt>/g)) {
    const sdtPr = findElement(xml, "w:sdtPr", m.index)?.text ?? "";
    out.push({ tag: sdtValue(sdtPr, "w:tag"), title: sdtValue(sdtPr, "w:alias") });
  }
  return out;
}

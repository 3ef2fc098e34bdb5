// A school passage that stands several times in a template (the ENT's address on each of
// the 8 cards of a sheet) is completed once: every copy still showing the pink model text
// takes the completed one's content, so that every card prints it (and gets its QR code).
import { editPassageOf } from "../catalog";
import { elementEnd } from "../xml";
import { sdtValue } from "./fields";

interface Passage {
  start: number;
  end: number;
  what: string;
  completed: boolean;
}

function passages(xml: string): Passage[] {
  const out: Passage[] = [];
  for (const m of xml.matchAll(/<w:sdt>/g)) {
    const start = m.index!;
    const prEnd = xml.indexOf("</w:sdtPr>", start);
    const what = editPassageOf(sdtValue(xml.slice(start, prEnd), "w:tag"));
    if (what === null) continue;
    out.push({
      start,
      end: elementEnd(xml, start, "w:sdt"),
      what,
      completed: !xml.slice(start, prEnd).includes("<w:showingPlcHdr/>"),
    });
  }
  return out;
}

/** The body with each passage still showing its model text replaced by the same passage completed elsewhere. */
export function fillRepeatedPassages(xml: string): string {
  const found = passages(xml);
  const completed = new Map<string, string>();
  for (const p of found) if (p.completed && !completed.has(p.what)) completed.set(p.what, xml.slice(p.start, p.end));
  if (completed.size === 0) return xml;
  let out = "";
  let at = 0;
  for (const p of found) {
    const filled = completed.get(p.what);
    if (p.completed || filled === undefined || p.start < at) continue;
    out += xml.slice(at, p.start) + filled;
    at = p.end;
  }
  return out + xml.slice(at);
}

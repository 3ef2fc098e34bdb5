// The three ready letters, bundled into the pane.
import parents from "../../assets/templates/parents.docx";
import eleves from "../../assets/templates/eleves.docx";
import personnels from "../../assets/templates/personnels.docx";
import { editPassages } from "../core/merge";

export type ReadyLetter = "parents" | "eleves" | "personnels";

const DATA_URLS: Record<ReadyLetter, string> = { parents, eleves, personnels };

export function readyLetterBytes(name: ReadyLetter): Uint8Array {
  const base64 = DATA_URLS[name].slice(DATA_URLS[name].indexOf(",") + 1);
  const binary = atob(base64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Model text of every pink passage of the ready letters, to tell which are still unchanged. */
export function passageDefaults(): Map<string, string> {
  const all = new Map<string, string>();
  for (const name of Object.keys(DATA_URLS) as ReadyLetter[])
    for (const [what, text] of editPassages(readyLetterBytes(name))) all.set(what, text);
  return all;
}

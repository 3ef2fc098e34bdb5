// The ready letters of the catalog, bundled into the pane as data URLs (the page's CSP
// forbids fetching anything, even from its own site).
import { READY_LETTERS, ReadyLetterName } from "../core/catalog";
import { editPassages } from "../core/merge";

function dataUrl(name: ReadyLetterName): string {
  // A template literal makes webpack bundle every assets/templates/*.docx (asset/inline),
  // so a letter added to the catalog needs no change here.
  return require(`../../assets/templates/${name}.docx`) as string;
}

export function readyLetterBytes(name: ReadyLetterName): Uint8Array {
  const url = dataUrl(name);
  const binary = atob(url.slice(url.indexOf(",") + 1));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Model text of every pink passage of the ready letters, to tell which are still unchanged. */
export function passageDefaults(): Map<string, string> {
  const all = new Map<string, string>();
  for (const { name } of READY_LETTERS)
    for (const [what, text] of editPassages(readyLetterBytes(name))) all.set(what, text);
  return all;
}

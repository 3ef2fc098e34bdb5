// Tiny DOM helpers. Values from the file are only ever set with textContent.
import { InternalError } from "../core/errors";

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new InternalError(`#${id} absent de la page du volet`);
  return el as T;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(el, rest);
  if (dataset) Object.assign(el.dataset, dataset);
  for (const child of children) el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  return el;
}

// Word 2016/2019's panes (Internet Explorer 11, Edge Legacy) have neither replaceChildren,
// append, Blob.arrayBuffer() nor CSS.escape: the helpers below use what every webview has.
export function replaceChildren(parent: HTMLElement, ...children: Array<Node | string>): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  for (const child of children) parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
}

/** A chosen file's bytes, through FileReader. */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** The element whose data-focus-key is `key`, found without building a selector from it. */
export function byFocusKey(key: string): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>("[data-focus-key]"))
    if (el.dataset.focusKey === key) return el;
  return null;
}

/** 1 141 with a narrow no-break space, as French typography writes it. */
export const formatCount = (n: number) => new Intl.NumberFormat("fr-FR").format(n);

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n > 1 ? many : one}`;
}

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
  for (const child of children) el.append(typeof child === "string" ? document.createTextNode(child) : child);
  return el;
}

export function replaceChildren(parent: HTMLElement, ...children: Array<Node | string>): void {
  parent.replaceChildren(...children);
}

/** 1 141 with a narrow no-break space, as French typography writes it. */
export const formatCount = (n: number) => new Intl.NumberFormat("fr-FR").format(n);

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n > 1 ? many : one}`;
}

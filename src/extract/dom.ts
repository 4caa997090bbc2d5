// Small DOM helpers over domhandler nodes: text, attributes and class/id tests used by every extractor.
import type { AnyNode, Element } from 'domhandler';

export function isElement(n: AnyNode | null | undefined): n is Element {
  return !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');
}

export function childElements(el: Element): Element[] {
  return el.children.filter(isElement);
}

/** Visible text with whitespace folded (&nbsp; included). */
export function textOf(n: AnyNode): string {
  return rawText(n).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function rawText(n: AnyNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  if (!isElement(n) || n.type !== 'tag') return '';
  if (n.name === 'br') return ' ';
  let s = '';
  for (const c of n.children) s += rawText(c);
  // Block boundaries separate words even where the markup has no whitespace.
  return BLOCK.has(n.name) ? ` ${s} ` : s;
}

const BLOCK = new Set(['div', 'p', 'li', 'td', 'th', 'tr', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'span', 'table', 'ul', 'ol', 'dl']);

export function attr(el: Element, name: string): string | null {
  const v = el.attribs[name];
  return v === undefined ? null : v;
}

/** class and id together, lower-cased, for layout hints like `nav`, `list`, `footer`. */
export function hintOf(el: Element): string {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase();
}

export function ancestors(el: Element, max = 50): Element[] {
  const out: Element[] = [];
  let p = el.parent;
  while (p && isElement(p) && out.length < max) {
    out.push(p);
    p = p.parent;
  }
  return out;
}

export function descendants(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (!name || c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function contains(outer: Element, inner: AnyNode): boolean {
  let p: AnyNode | null = inner;
  while (p) {
    if (p === outer) return true;
    p = p.parent as AnyNode | null;
  }
  return false;
}

/** Document order index of every element, for "precedes" tests. */
export function documentOrder(root: AnyNode): Map<Element, number> {
  const order = new Map<Element, number>();
  let i = 0;
  const walk = (n: AnyNode) => {
    if (isElement(n)) order.set(n, i++);
    if ('children' in n) for (const c of (n as Element).children) walk(c);
  };
  walk(root);
  return order;
}

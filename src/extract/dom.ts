// Small DOM helpers over domhandler nodes: text, attributes and class/id tests used by every extractor.
import type { AnyNode, Element } from 'domhandler';

export function isElement(n: AnyNode | null | undefined): n is Element {
  return !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');
}

export function childElements(el: Element): Element[] {
  return el.children.filter(isElement);
}

// Text, hints and descendants are asked of the same elements again and again (every level of a nested
// list reads its rows, every row its cells, and each extractor walks the whole page), which made a page's
// reading quadratic in its depth. They are kept on the node: an extractor's tree is read-only once
// scripts and styles are removed (page.ts), and nothing is asked of it before that.
//
// One slot per element, holding an object of one fixed shape. Each memo as its own property gave an
// element a hidden class per order in which they were first asked: V8 saw dozens of Element shapes,
// dropped the optimized code of every tree walk as each new one turned up, and compiled it again
// (a 100-site crawl spent more CPU compiling than parsing). parsePage gives every element the slot.
const MEMO = Symbol('memo');
class Memo {
  raw: string | undefined = undefined;
  text: string | undefined = undefined;
  hint: string | undefined = undefined;
  all: Element[] | undefined = undefined;
  chars = -1;
}
type Memoized = { [MEMO]?: Memo | null };

/** Gives an element its (empty) memo slot, so that every element of a parsed page has one shape. */
export function prepareElement(el: Element): void {
  (el as Memoized)[MEMO] = null;
}

function memoOf(el: AnyNode): Memo {
  return ((el as Memoized)[MEMO] ??= new Memo());
}

/** Visible text with whitespace folded (&nbsp; included). */
export function textOf(n: AnyNode): string {
  const m = memoOf(n);
  return (m.text ??= rawText(n)
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim());
}

/**
 * Characters of textOf(n) that are not spaces, without building the text: a lower bound of its length,
 * so a search for short texts (placeholders, breadcrumbs) can pass over the big blocks of a page.
 */
export function visibleChars(n: AnyNode): number {
  if (n.type === 'text') return (n as unknown as { data: string }).data.replace(/[\s\u00a0\u3000]+/g, '').length;
  if (!isElement(n) || n.type !== 'tag') return 0;
  const m = memoOf(n);
  if (m.chars >= 0) return m.chars;
  let c = 0;
  for (const k of n.children) c += visibleChars(k);
  return (m.chars = c);
}

function rawText(n: AnyNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  if (!isElement(n) || n.type !== 'tag') return '';
  if (n.name === 'br') return ' ';
  const m = memoOf(n);
  if (m.raw !== undefined) return m.raw;
  let s = '';
  for (const c of n.children) s += rawText(c);
  // Block boundaries separate words even where the markup has no whitespace.
  return (m.raw = BLOCK.has(n.name) ? ` ${s} ` : s);
}

const BLOCK = new Set([
  'div',
  'p',
  'li',
  'td',
  'th',
  'tr',
  'dd',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'span',
  'table',
  'ul',
  'ol',
  'dl',
]);

export function attr(el: Element, name: string): string | null {
  const v = el.attribs[name];
  return v === undefined ? null : v;
}

/** class and id together, lower-cased, for layout hints like `nav`, `list`, `footer`. */
export function hintOf(el: Element): string {
  return (memoOf(el).hint ??= `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase());
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

/** Elements under `el` in document order (`name`: only those). The whole list is kept and shared: do not change it. */
export function descendants(el: Element, name?: string): readonly Element[] {
  // Only whole-subtree lists are kept: the named ones are asked of every row of every list candidate,
  // and keeping a full list per row would cost more than walking it.
  return name ? walkDescendants(el, name) : (memoOf(el).all ??= walkDescendants(el));
}

function walkDescendants(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  collectDescendants(el, name, out);
  return out;
}

// Tree walks are module-level functions, not closures made per call: V8 specializes a closure's
// optimized code on the closure's context, drops that code when a collection frees the context, and
// compiles it again for the next page (a 1,000-site crawl recompiled such walks dozens of times each).
function collectDescendants(n: Element, name: string | undefined, out: Element[]): void {
  for (const c of n.children) {
    if (!isElement(c)) continue;
    if (!name || c.name === name) out.push(c);
    collectDescendants(c, name, out);
  }
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
  numberElements(root, order);
  return order;
}

function numberElements(n: AnyNode, order: Map<Element, number>): void {
  if (isElement(n)) order.set(n, order.size);
  if ('children' in n) for (const c of (n as Element).children) numberElements(c, order);
}

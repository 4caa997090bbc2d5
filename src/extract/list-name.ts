// What a list is called and where its 更多 link goes: the nearest heading above it, inside the block that holds it.
import type { Element } from 'domhandler';
import { ancestors, childElements, contains, descendants, hintOf, isElement, textOf } from './dom.js';
import { isMoreLink, resolveHref } from './links.js';

const HEADING_HINT = /(^|[\s_-])(tit|title|hd|head|header|bt|name|lm|lanmu|caption|tab|mc)/;
const MAX_LEVELS = 4;

export function nameList(container: Element, baseUrl: string, order: Map<Element, number>): { name: string | null; moreUrl: string | null } {
  let name: string | null = tabName(container);
  let moreUrl: string | null = null;
  let inner: Element = container;
  for (const block of ancestors(container, MAX_LEVELS)) {
    const els = descendants(block).filter((e) => !contains(inner, e) && !contains(e, inner));
    if (!moreUrl) {
      const more = els.find((e) => e.name === 'a' && isMoreLink(e));
      if (more) moreUrl = resolveHref(more.attribs.href ?? null, baseUrl);
    }
    if (!name) name = headingBefore(els, inner, order);
    if (name && moreUrl) break;
    // Stop climbing into a block that holds other lists: their headings are not ours.
    if (descendants(block, 'a').length > 60) break;
    inner = block;
  }
  return { name, moreUrl };
}

function headingBefore(els: Element[], list: Element, order: Map<Element, number>): string | null {
  const at = order.get(list) ?? 0;
  const before = els.filter((e) => (order.get(e) ?? 0) < at);
  for (const e of before.reverse()) {
    const isHeading = /^h[1-6]$/.test(e.name) || HEADING_HINT.test(hintOf(e)) || e.name === 'strong' || e.name === 'b';
    if (!isHeading) continue;
    const t = headingText(e);
    if (t) return t;
  }
  return null;
}

function headingText(e: Element): string | null {
  const t = textOf(e)
    .replace(/(更多|more|查看更多)\s*[>»＞+]*/gi, '')
    .replace(/[>»＞+]+$/, '')
    .trim();
  return t.length >= 2 && t.length <= 16 ? t : null;
}

/** Tabbed blocks (常见于大汉/TRS homepages): the k-th pane is named by the k-th tab heading. */
function tabName(container: Element): string | null {
  for (const pane of [container, ...ancestors(container, 3)]) {
    const parent = pane.parent;
    if (!parent || !isElement(parent)) continue;
    const panes = childElements(parent).filter((s) => s.name === pane.name && (s.attribs.class ?? '') === (pane.attribs.class ?? ''));
    if (panes.length < 2) continue;
    const index = panes.indexOf(pane);
    const tabs = ancestors(pane, 2)
      .flatMap((a) => descendants(a))
      .find((e) => !contains(e, pane) && !panes.some((p) => contains(p, e)) && /tab|hd|title|nav|menu|btn/.test(hintOf(e)) && childElements(e).length === panes.length);
    const label = tabs ? headingText(childElements(tabs)[index]!) : null;
    if (label) return label;
  }
  return null;
}

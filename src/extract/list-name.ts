// What a list is called and where its 更多 link goes: the nearest heading above it, inside the block that holds it.
import type { Element } from 'domhandler';
import { ancestors, childElements, contains, descendants, hintOf, isElement, textOf } from './dom.js';
import { isMoreLink, resolveHref } from './links.js';

const HEADING_HINT = /(^|[\s_-])(tit|title|hd|head|header|bt|name|lm|lanmu|caption|tab|mc)/;
const MAX_LEVELS = 4;

export function nameList(
  container: Element,
  baseUrl: string,
  order: Map<Element, number>,
): { name: string | null; moreUrl: string | null } {
  const tab = tabOf(container, baseUrl);
  let name: string | null = tab?.name ?? null;
  let moreUrl: string | null = tab?.url ?? null;
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

/**
 * Tabbed blocks (common on 大汉/TRS homepages): a strip of tab headings followed by one pane per tab;
 * the k-th pane is named (and linked) by the k-th tab.
 */
function tabOf(container: Element, baseUrl: string): { name: string; url: string | null } | null {
  for (const pane of [container, ...ancestors(container, 3)]) {
    const parent = pane.parent;
    if (!parent || !isElement(parent)) continue;
    const siblings = childElements(parent);
    const panes = siblings.filter((s) => s.name === pane.name && (s.attribs.class ?? '') === (pane.attribs.class ?? ''));
    if (panes.length < 2) continue;
    const firstPane = siblings.indexOf(panes[0]!);
    const strip = siblings
      .slice(0, firstPane)
      .reverse()
      .flatMap((s) => [s, ...descendants(s)])
      .find((e) => /tab|hd|tit|menu|btn/.test(hintOf(e)) && childElements(e).length === panes.length);
    if (!strip) continue;
    const tab = childElements(strip)[panes.indexOf(pane)]!;
    const name = headingText(tab);
    if (!name) continue;
    const link = tab.name === 'a' ? tab : descendants(tab, 'a')[0];
    return { name, url: link ? resolveHref(link.attribs.href ?? null, baseUrl) : null };
  }
  return null;
}

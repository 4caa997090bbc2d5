// What a list is called and where its 更多 link goes: the nearest heading above it, inside the block that holds it.
import type { Element } from 'domhandler';
import { ancestors, childElements, contains, descendants, hintOf, isElement, textOf } from './dom.js';
import { isMoreLink, resolveHref } from './links.js';

/** Where a list's name was read: a tab heading over its pane, or the heading (title bar, image alt) above it. */
export type ListNameSource = 'tab' | 'heading';

const HEADING_HINT = /(^|[\s_-])(tit|title|hd|head|header|bt|name|lm|lanmu|caption|tab|mc)/;
const MAX_LEVELS = 4;

export function nameList(
  container: Element,
  baseUrl: string,
  order: Map<Element, number>,
): { name: string | null; moreUrl: string | null; nameFrom: ListNameSource | null } {
  const tab = tabOf(container, baseUrl);
  let name: string | null = tab?.name ?? null;
  let nameFrom: ListNameSource | null = tab ? 'tab' : null;
  let moreUrl: string | null = tab?.url ?? null;
  let inner: Element = container;
  for (const block of ancestors(container, MAX_LEVELS)) {
    const els = descendants(block).filter((e) => !contains(inner, e) && !contains(e, inner));
    if (!moreUrl) {
      const more = els.find((e) => e.name === 'a' && isMoreLink(e));
      if (more) moreUrl = resolveHref(more.attribs.href ?? null, baseUrl);
    }
    if (!name) {
      name = headingBefore(els, inner, order);
      if (name) nameFrom = 'heading';
    }
    if (name && moreUrl) break;
    // Stop climbing into a block that holds other lists: their headings are not ours.
    if (descendants(block, 'a').length > 60) break;
    inner = block;
  }
  return { name, moreUrl, nameFrom };
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
  // A title bar drawn as an image names the block in its alt text.
  const shown = textOf(e) || (descendants(e, 'img')[0]?.attribs.alt ?? '');
  const t = shown
    .replace(/(更多|more|查看更多)\s*[>»＞+]*/gi, '')
    .replace(/[>»＞+]+$/, '')
    .trim();
  return t.length >= 2 && t.length <= 16 ? t : null;
}

/**
 * Tabbed blocks (common on 大汉/TRS homepages): a strip of tab headings, then one pane per tab; the k-th
 * pane is named (and linked) by the k-th tab. Hidden panes are read too: they are on the page. The
 * panes share a class less its state words (on, cur, active, hide…); the strip is before the first
 * pane, beside it or beside the element that holds the panes (tab-hd over tab-bd).
 */
function tabOf(container: Element, baseUrl: string): { name: string; url: string | null } | null {
  for (const pane of [container, ...ancestors(container, 3)]) {
    const parent = pane.parent;
    if (!parent || !isElement(parent)) continue;
    const siblings = childElements(parent);
    const key = paneKey(pane);
    const panes = siblings.filter((s) => s.name === pane.name && paneKey(s) === key);
    // Blocks that carry their own headings or title bars are side by side, not tabs of one block.
    if (panes.length < 2 || panes.every(hasOwnTitle)) continue;
    // The strip sits right before the first pane, or right before the element holding the panes.
    const before = [precedingSiblings(panes[0]!)[0], isElement(parent.parent) ? precedingSiblings(parent)[0] : undefined].filter(
      (e): e is Element => e !== undefined,
    );
    const strip = before
      .flatMap((s) => [s, ...descendants(s)])
      .find((e) => isStrip(e, panes.length) && (TAB_HINT.test(hintOf(e)) || ancestors(e, 3).some((a) => TAB_HINT.test(hintOf(a)))));
    // Tabs show which one is on: a state class, a hidden pane, a script on the tab.
    if (!strip || !tabEvidence(panes, tabsOf(strip))) continue;
    const tab = tabsOf(strip)[panes.indexOf(pane)]!;
    const name = headingText(tab);
    if (!name) continue;
    const link = tab.name === 'a' ? tab : descendants(tab, 'a')[0];
    const url = link ? resolveHref(link.attribs.href ?? null, baseUrl) : null;
    return { name, url: url && !url.startsWith('javascript') && !/#$/.test(url) ? url : null };
  }
  return null;
}

const TAB_HINT = /tab|hd|tit|menu|btn|(^|[\s_-])bt|bq|tag|switch|qh/;
const STATE_CLASS = /^(on|cur|current|active|selected|show|hide|hidden|none|block|now|hover|sel|this)$/;

function paneKey(el: Element): string {
  return (el.attribs.class ?? '')
    .split(/\s+/)
    .filter((c) => c && !STATE_CLASS.test(c.toLowerCase()))
    .sort()
    .join(' ');
}

/** A strip of `n` tab headings: `n` children of one tag, each short. */
function isStrip(e: Element, n: number): boolean {
  const kids = tabsOf(e);
  if (kids.length !== n || !kids.every((k) => k.name === kids[0]!.name && textOf(k).length <= 16)) return false;
  return new Set(kids.map((k) => textOf(k))).size === n;
}

/** A strip's tabs: its children less a 更多 link that sits in the strip. */
function tabsOf(strip: Element): Element[] {
  return childElements(strip).filter((k) => !(k.name === 'a' && isMoreLink(k)) && !descendants(k, 'a').some(isMoreLink));
}

/** A pane that opens with a heading or title bar of its own (its first element, or that one's first). */
function hasOwnTitle(pane: Element): boolean {
  const first = childElements(pane)[0];
  const firstOfFirst = first ? childElements(first)[0] : undefined;
  return [first, firstOfFirst].some(
    (d) =>
      d !== undefined &&
      (/^h[1-6]$/.test(d.name) ||
        (/(^|[\s_-])(tit|title|bt|hd|head)([\s_-]|$)/.test(hintOf(d)) && textOf(d).length >= 2 && textOf(d).length <= 16)),
  );
}

function tabEvidence(panes: Element[], tabs: Element[]): boolean {
  const stateOf = (e: Element) =>
    (e.attribs.class ?? '').split(/\s+/).some((c) => STATE_CLASS.test(c.toLowerCase())) ||
    /display\s*:\s*none/i.test(e.attribs.style ?? '');
  const scripted = (e: Element) =>
    [e, ...descendants(e)].some(
      (x) => x.attribs.onclick !== undefined || x.attribs.onmouseover !== undefined || /^(#|javascript:)/i.test(x.attribs.href ?? 'x'),
    );
  return panes.some(stateOf) || tabs.some((t) => stateOf(t) || descendants(t).some(stateOf) || scripted(t));
}

function precedingSiblings(el: Element): Element[] {
  const parent = el.parent;
  if (!parent || !isElement(parent)) return [];
  const sibs = childElements(parent);
  return sibs.slice(0, sibs.indexOf(el)).reverse();
}

// Finding the dated lists on a page: a container whose children repeat one shape, each child
// holding one title link and, usually, a date. Works on <ul>/<li>, table rows, <dl>, and <div> items,
// whatever the CMS calls its classes.
import type { Element } from 'domhandler';
import type { Day } from '../model/day.js';
import { findDate } from './dates.js';
import { ancestors, childElements, contains, descendants, documentOrder, hintOf, textOf } from './dom.js';
import { anchorText, isMoreLink, looksLikeArticle, resolveHref } from './links.js';
import { type ListNameSource, nameList } from './list-name.js';

export interface ExtractedItem {
  title: string;
  url: string | null;
  dateText: string | null;
  date: Day | null;
}

export interface ExtractedList {
  name: string | null;
  /** Where the name was read (inspect shows it); null with no name. */
  nameFrom: ListNameSource | null;
  moreUrl: string | null;
  items: ExtractedItem[];
  /** True when the list sits in a sidebar-like region (left/right/aside). */
  aside: boolean;
}

/** A list with its container, for callers on the page that need to know where the list is. */
export interface FoundList extends ExtractedList {
  container: Element;
}

const ITEM_TAGS = new Set(['li', 'tr', 'dl', 'dt', 'dd', 'div', 'p', 'td', 'tbody', 'table', 'section', 'article']);
const MAX_LINKS_PER_ITEM = 3;
const MIN_TITLE = 4;
// A header clock (今天是2026年12月1日 星期二) beside a 网站地图 link is not an item's date.
const CLOCK =
  /(今天是|今日是|今天|今日|当前时间|现在是|当前日期)\s*[:：]?\s*\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?(\s*(星期|周)[一二三四五六日天])?/g;

interface Candidate {
  container: Element;
  items: { item: ExtractedItem; anchor: Element }[];
}

export function findLists(root: Element, baseUrl: string, atDay: Day): FoundList[] {
  const candidates: Candidate[] = [];
  for (const el of [root, ...descendants(root)]) {
    const c = listCandidate(el, baseUrl, atDay);
    if (c) candidates.push(c);
  }
  // The biggest reading of a list wins; smaller readings of the same anchors (a <div class=item>'s own <h3>) are dropped.
  candidates.sort((a, b) => b.items.length - a.items.length);
  const claimed = new Set<Element>();
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (c.items.some((i) => claimed.has(i.anchor))) continue;
    if (!isContentList(c)) continue;
    c.items.forEach((i) => claimed.add(i.anchor));
    kept.push(c);
  }
  const order = documentOrder(root);
  kept.sort((a, b) => (order.get(a.container) ?? 0) - (order.get(b.container) ?? 0));
  return kept.map((c) => {
    const { name, moreUrl, nameFrom } = nameList(c.container, baseUrl, order);
    return {
      name,
      nameFrom,
      moreUrl,
      items: c.items.map((i) => i.item),
      container: c.container,
      aside: ancestors(c.container).some((a) => /(^|[\s_-])(left|right|side|aside|sidebar|rside|lside)/.test(hintOf(a))),
    };
  });
}

function listCandidate(el: Element, baseUrl: string, atDay: Day): Candidate | null {
  const kids = childElements(el).filter((k) => ITEM_TAGS.has(k.name));
  if (kids.length === 0) return null;
  // Children of one tag make the rows; a <dl> of <dt>/<dd> pairs is read pairwise.
  const byTag = new Map<string, Element[]>();
  for (const k of kids) byTag.set(k.name, [...(byTag.get(k.name) ?? []), k]);
  let best: Candidate | null = null;
  for (const [tag, rows] of byTag) {
    if (tag === 'dd' && byTag.has('dt')) continue;
    const items: Candidate['items'] = [];
    let broken = false;
    for (const row of rows) {
      const links = descendants(row, 'a').filter((a) => a.attribs.href !== undefined);
      if (links.length > MAX_LINKS_PER_ITEM) {
        broken = true; // a layout row, not a list row
        break;
      }
      const read = readItem(row, links, tag === 'dt' ? nextDd(row) : null, baseUrl, atDay);
      if (read) items.push(read);
    }
    if (broken || items.length === 0) continue;
    if (!best || items.length > best.items.length) best = { container: el, items };
  }
  return best;
}

function nextDd(dt: Element): Element | null {
  let n = dt.next;
  while (n && n.type !== 'tag') n = n.next;
  return n && (n as Element).name === 'dd' ? (n as Element) : null;
}

function readItem(row: Element, links: Element[], extra: Element | null, baseUrl: string, atDay: Day) {
  const titled = links
    .filter((a) => !isMoreLink(a))
    .map((a) => ({ a, shown: anchorText(a) }))
    .filter((x) => bestTitle(x.a, x.shown, null).length >= MIN_TITLE);
  if (titled.length === 0) return null;
  const { a, shown } = titled.reduce((x, y) => (y.shown.length > x.shown.length ? y : x));
  const rest = [textOf(row).replace(shown, ' '), extra ? textOf(extra) : ''].join(' ').replace(/\s+/g, ' ').replace(CLOCK, ' ').trim();
  let hit = findDate(rest, atDay, { alone: isDateCell(rest) }) ?? dateCellIn(row, a, atDay);
  let inLink: string | null = null;
  if (!hit) {
    // Some sites put the date inside the link: `标题 2026-11-20`, or a whole-row <a> with a <span> date.
    const inside = findDate(shown, atDay);
    if (inside && shown.trim().endsWith(inside.text)) {
      hit = inside;
      inLink = inside.text;
    }
  }
  return {
    anchor: a,
    item: {
      title: bestTitle(a, shown, inLink),
      url: resolveHref(a.attribs.href ?? null, baseUrl),
      dateText: hit?.text ?? null,
      date: hit?.day ?? null,
    },
  };
}

/**
 * The full title: CMS templates cut the visible text (…) and keep the whole title in @title.
 * The attribute wins when the visible text is a cut-down start of it.
 */
function bestTitle(a: Element, shown: string, dateInLink: string | null): string {
  const visible = clean(dateInLink ? shown.slice(0, shown.lastIndexOf(dateInLink)) : shown);
  const attrTitle = clean(a.attribs.title ?? '');
  if (!attrTitle) return visible;
  const stem = visible.replace(/(\.{2,}|…+)$/, '').trim();
  return stem === '' || attrTitle.startsWith(stem) || visible !== stem ? attrTitle : visible;
}

/** A date in its own element (`<span>11-20</span>`, `<td>[11-20]</td>`), read strictly. */
function dateCellIn(row: Element, title: Element, atDay: Day) {
  for (const el of descendants(row)) {
    if (el === title || contains(title, el) || contains(el, title)) continue;
    const t = textOf(el);
    if (t && isDateCell(t) && t.replace(CLOCK, '').trim() === t) {
      const hit = findDate(t, atDay, { alone: true });
      if (hit) return hit;
    }
  }
  return null;
}

function isDateCell(t: string): boolean {
  return t.replace(/[\s·|]/g, '').length <= 14;
}

/** Strip list bullets and numbering, fold spaces. */
function clean(t: string): string {
  return t
    .replace(/^[\s·•●◆■□▪►>\-–—*]+/, '')
    .replace(/^\d{1,3}[.、]\s*/, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** A list of content, not a menu: mostly dated, or long titles pointing at article pages. */
function isContentList(c: Candidate): boolean {
  const n = c.items.length;
  const dated = c.items.filter((i) => i.item.date).length;
  if (dated > 0 && dated / n >= 0.5) return true;
  if (n < 2) return false;
  const articleLike = c.items.filter((i) => i.item.url && looksLikeArticle(i.item.url)).length;
  const avgTitle = c.items.reduce((s, i) => s + i.item.title.length, 0) / n;
  return articleLike / n >= 0.6 && avgTitle >= 8;
}

// One page in, everything choucha reads from it out. Pure: bytes, address and reference day only.
import type { Element } from 'domhandler';
import type { Day } from '../model/day.js';
import { answeredOnlyNote, type BoardMessage, pageCountOf, readBoard } from './board.js';
import { datastoreRows, emptyDatastore } from './datastore.js';
import { type PublishedDate, readPublished } from './published.js';
import { decodeHtml } from './decode.js';
import { parsePage } from './document.js';
import { ancestors, contains, descendants, documentOrder, hintOf, isElement, textOf } from './dom.js';
import { nameList } from './list-name.js';
import { type Letter, readLetter } from './letter.js';
import { type Link, looksLikeArticle, resolveHref, sameSite } from './links.js';
import { type ExtractedList, findLists } from './lists.js';
import { type PageLink, pageLinks } from './page-links.js';
import { footerIncludes, pageIdentity } from './footer.js';
import { emptyListContainer, placeholderText, scriptedList } from './signals.js';
import { type Identity } from '../model/artifacts.js';
import { breadcrumb, isFooterLike, mainNav, nextPage, subMenu } from './structure.js';
import { headline, textBlocks } from './text.js';
import { type HiddenLink, hiddenLinks } from './hidden-links.js';

/** What the crawl's walk reads from a page: its structure (columns, lists, paging, boards) and its links. */
export interface PageWalkRead {
  url: string;
  encoding: string;
  encodingSource: string;
  title: string | null;
  lists: ExtractedList[];
  nav: Link[];
  /** The navigation is a named block of only one or two links: navigation only where they lead to lists. */
  navShort: boolean;
  subnav: Link[];
  breadcrumb: string[] | null;
  nextPage: string | null;
  placeholder: string | null;
  scripted: string | null;
  emptyContainer: boolean;
  /** Non-link characters of the main area after the breadcrumb; null without a breadcrumb to start from. */
  mainTextChars: number | null;
  /**
   * Links in the main area (not navigation, sidebar or footer): a container column's children. Links to
   * other hosts are kept: a 互动交流 page that only leads to the provincial platform is not empty.
   */
  mainLinks: Link[];
  /** Letters on a message-board list page, if this is one. */
  messages: BoardMessage[];
  /** What a board page says besides its letters; `letter` when this is one letter's own page. */
  board: { answeredOnly: string | null; pageCount: number | null; letter: Letter | null };
  /** Every link on the page, for the dead-link check. */
  links: PageLink[];
  /** `<iframe src>`s, resolved, with the name the page gives each (its title, or the heading above it). */
  frames: { url: string; name: string | null }[];
  /** Same-site scripts and fragments that write or hold the footer (footer.ts): the crawl fetches them. */
  footerIncludes: string[];
}

/** What the content rules read from a page: its words, its date, its footer. */
export interface PageContentRead {
  url: string;
  encoding: string;
  title: string | null;
  publishedAt: PublishedDate | null;
  /**
   * No publication date was read, yet the markup shows a date beside a date label (written by a script,
   * split in a way not read): the page may well show one, so it does not prove the item undated.
   */
  dateUnread: boolean;
  identity: Identity;
  /** Same-site scripts and fragments that write or hold the footer: judging reads them where `identity` lacks items. */
  footerIncludes: string[];
  /** The page's readable text in blocks (paragraphs, cells, entries), for the content checks. */
  blocks: string[];
  /** The document's own title (an article's headline), when the page shows one; null when unsure. */
  headline: string | null;
  /** Links hidden from people, and links scripts write into the page (暗链 candidates). */
  hiddenLinks: HiddenLink[];
}

export type PageRead = PageWalkRead & PageContentRead;

/**
 * How much of a page to read. The crawl reads structure and links (`walk`), or only the links of a page
 * it walks no further from (`links`: an article); judging reads the words (`content`). Each part costs
 * parsing time on every page of every site, so no caller pays for a part it does not use.
 */
export type ReadParts = 'all' | 'walk' | 'links' | 'content';
type ReadFor<P extends ReadParts> = P extends 'all' ? PageRead : P extends 'content' ? PageContentRead : PageWalkRead;

export function readPage(bytes: Buffer, opts: { url: string; contentType: string | null; atDay: Day }): PageRead;
export function readPage<P extends ReadParts>(
  bytes: Buffer,
  opts: { url: string; contentType: string | null; atDay: Day },
  parts: P,
): ReadFor<P>;
export function readPage(
  bytes: Buffer,
  opts: { url: string; contentType: string | null; atDay: Day },
  parts: ReadParts = 'all',
): PageWalkRead | PageContentRead {
  const decoded = decodeHtml(bytes, opts.contentType);
  return readHtml(decoded.text, { ...opts, encoding: decoded.encoding, encodingSource: decoded.source }, parts);
}

export function readHtml(html: string, opts: { url: string; atDay: Day; encoding?: string; encodingSource?: string }): PageRead;
export function readHtml<P extends ReadParts>(
  html: string,
  opts: { url: string; atDay: Day; encoding?: string; encodingSource?: string },
  parts: P,
): ReadFor<P>;
export function readHtml(
  html: string,
  opts: { url: string; atDay: Day; encoding?: string; encodingSource?: string },
  parts: ReadParts = 'all',
): PageWalkRead | PageContentRead {
  const { doc, baseHref, scripts, styles, metas, dateComments, title, root } = parsePage(html);
  const base = resolveHref(baseHref, opts.url) ?? opts.url;
  const scriptSrcs = scripts.map((s) => s.src).filter((x): x is string => x !== null);
  // Both the walk and the content part carry it: read once when both are asked for, never for links alone.
  let footerFiles: string[] | undefined;
  const footerOnce = () => (footerFiles ??= footerIncludes(scripts, base));
  // <link rel=stylesheet> lives in <head>; read links from the whole document, not just <body>.
  const docRoot = doc as unknown as Element;
  const head = { url: opts.url, encoding: opts.encoding ?? 'utf-8', encodingSource: opts.encodingSource ?? 'given', title };
  if (!root) return { ...head, ...emptyWalk(), ...emptyContent() };

  const content = (): Omit<PageContentRead, keyof typeof head> => {
    const blocks = textBlocks(root);
    const headlineText = headline(blocks, title);
    const published = readPublished({ blocks, headline: headlineText, metas, comments: dateComments }, opts.atDay);
    return {
      publishedAt: published,
      dateUnread: published === null && LABELLED_DATE.test(html),
      identity: pageIdentity(
        root,
        scripts.filter((x) => !x.src).map((x) => x.text),
      ),
      footerIncludes: footerOnce(),
      blocks,
      headline: headlineText,
      hiddenLinks: hiddenLinks(
        root,
        styles,
        scripts.map((s) => s.text),
        base,
      ),
    };
  };
  if (parts === 'content') return { ...head, ...content() };
  const links = pageLinks(docRoot, scriptSrcs, base);
  if (parts === 'links') return { ...head, ...emptyWalk(), links };

  const fullText = textOf(root);
  const found = findLists(root, base, opts.atDay);
  const store = datastoreRows(scripts);
  if (store) found.push(...findLists(store, base, opts.atDay).map((l) => ({ ...l, aside: false })));
  // The read is plain data (no DOM nodes): it crosses to the crawl's thread from a parsing worker.
  const lists: ExtractedList[] = found.map(({ container: _c, ...l }) => l);
  const nav = mainNav(root, base);
  const sub = subMenu(
    root,
    base,
    nav.el,
    found.map((l) => l.container),
  );
  const crumb = breadcrumb(root);
  const excluded = [nav.el, sub.el, crumb?.el].filter((e): e is Element => !!e);
  const main = crumb ? mainArea(root, crumb.el, excluded, base) : null;
  const walk: PageWalkRead = {
    ...head,
    lists,
    nav: nav.links,
    navShort: nav.short === true,
    subnav: sub.links,
    breadcrumb: crumb?.names ?? null,
    nextPage: nextPage(
      root,
      scripts.map((s) => s.text),
      opts.url,
    ),
    placeholder: placeholderText(root),
    scripted: scriptedList(scripts.filter((s) => !s.type || /javascript|module/i.test(s.type)).map((s) => s.text)),
    emptyContainer: emptyDatastore(scripts) || emptyListContainer(root) !== null,
    mainTextChars: main?.chars ?? null,
    mainLinks: main?.links ?? (found.length === 0 ? hubMenu(root, excluded, base) : []),
    messages: boardMessages(root, store, (h) => resolveHref(h, base), opts.atDay),
    board: { answeredOnly: answeredOnlyNote(fullText), pageCount: pageCountOf(fullText), letter: readLetter(fullText, opts.atDay) },
    links,
    frames: frames(root, base),
    footerIncludes: footerOnce(),
  };
  return parts === 'walk' ? walk : { ...walk, ...content() };
}

// A date label and, within a little markup, a full date: 发布时间：<script>document.write("2026-12-06")</script>.
const LABELLED_DATE = /(发布|更新|生成|发文|时间|日期)[^\n]{0,80}?(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/;

// Header, tool and search bars: their links (网站地图, 无障碍, 登录) are on every page, not a column's menu.
const CHROME_HINT = /(^|[\s_-])(top|head|header|toolbar|tools|logo|banner|search|login|topbar)/;

/**
 * A column page without a breadcrumb that is a menu of its sub-columns (a 政务公开 page of icon links to
 * 机构职能, 政策文件, 规划计划…): its same-site, non-article links outside navigation, header and footer,
 * when there are at least four and nearly all of them lead to columns, not articles. Else none.
 */
function hubMenu(root: Element, excluded: Element[], base: string): Link[] {
  const links: Link[] = [];
  let articles = 0;
  for (const a of descendants(root, 'a')) {
    if (excluded.some((x) => contains(x, a)) || isFooterLike(a)) continue;
    if (ancestors(a, 8).some((p) => CHROME_HINT.test(hintOf(p)) || CHROME.has(p.name) || p.name === 'header')) continue;
    const url = resolveHref(a.attribs.href ?? null, base);
    if (!url || !sameSite(url, base)) continue;
    if (looksLikeArticle(url)) {
      articles++;
      continue;
    }
    const text = textOf(a) || (descendants(a, 'img')[0]?.attribs.alt ?? '');
    if (text.length < 2 || text.length > 12 || /^(网站)?首页$/.test(text) || links.some((l) => l.url === url)) continue;
    links.push({ text, url });
  }
  return links.length >= 4 && articles * 5 < links.length ? links : [];
}

/** A homepage's blocks may be pages of their own in iframes (a 最新公开 block served by the 公开 platform). */
function frames(root: Element, base: string): PageWalkRead['frames'] {
  const els = descendants(root, 'iframe');
  if (els.length === 0) return [];
  const order = documentOrder(root);
  const out: PageWalkRead['frames'] = [];
  for (const el of els) {
    const url = resolveHref(el.attribs.src ?? null, base);
    if (!url || !/^https?:/.test(url) || out.some((f) => f.url === url)) continue;
    const title = (el.attribs.title ?? '').trim();
    out.push({ url, name: title.length >= 2 && title.length <= 16 ? title : nameList(el, base, order).name });
  }
  return out;
}

/** Letters in the page, or in a 大汉 jpage datastore (<script type="text/xml">) when the page shows none. */
function boardMessages(root: Element, store: Element | null, resolve: (h: string | null) => string | null, atDay: Day): BoardMessage[] {
  const shown = readBoard(root, resolve, atDay);
  return shown.length > 0 || !store ? shown : readBoard(store, resolve, atDay);
}

function emptyWalk(): Omit<PageWalkRead, 'url' | 'encoding' | 'encodingSource' | 'title'> {
  return {
    lists: [],
    nav: [],
    navShort: false,
    subnav: [],
    breadcrumb: null,
    nextPage: null,
    placeholder: null,
    scripted: null,
    emptyContainer: false,
    mainTextChars: null,
    mainLinks: [],
    messages: [],
    board: { answeredOnly: null, pageCount: null, letter: null },
    links: [],
    frames: [],
    footerIncludes: [],
  };
}

function emptyContent(): Omit<PageContentRead, 'url' | 'encoding' | 'title'> {
  return {
    publishedAt: null,
    dateUnread: false,
    identity: { siteCode: null, icp: null, police: null },
    footerIncludes: [],
    blocks: [],
    headline: null,
    hiddenLinks: [],
  };
}

/** What follows the breadcrumb, less navigation, sidebar and footer: where a column's content lives. */
function mainArea(root: Element, crumb: Element, excluded: Element[], base: string) {
  const area: MainArea = { crumb, excluded, base, passed: false, chars: 0, links: [] };
  // Skipping a subtree on reaching it is what makes "inside" an identity test below; a body that is
  // itself navigation (or inside the breadcrumb) has no main area.
  if (!insideAny(excluded, root) && !contains(crumb, root)) walkMainArea(root, area);
  return { chars: area.chars, links: area.links };
}

interface MainArea {
  crumb: Element;
  excluded: Element[];
  base: string;
  /** Whether the walk, in document order, has gone past the breadcrumb. */
  passed: boolean;
  chars: number;
  links: Link[];
}

// 友情链接 drop-downs and forms are chrome, not the column's content.
const CHROME = new Set(['select', 'form', 'button']);

// In document order: a link counts once the walk has passed the breadcrumb, and so does text whose
// element was entered after it. Module-level, not a closure per page: see collectDescendants in dom.ts.
function walkMainArea(el: Element, a: MainArea): void {
  const afterCrumb = a.passed;
  for (const c of el.children) {
    if (isElement(c)) {
      // Navigation, sidebar, breadcrumb, footer and chrome are skipped whole.
      const skipped = c === a.crumb || a.excluded.includes(c) || isFooterLike(c) || CHROME.has(c.name);
      if (!skipped && c.name !== 'a') {
        walkMainArea(c, a);
        continue;
      }
      if (!skipped && a.passed) {
        const url = resolveHref(c.attribs.href ?? null, a.base);
        if (url) a.links.push({ text: textOf(c), url });
      }
      // A subtree not walked is passed whole, with the breadcrumb if it holds it.
      if (!a.passed && contains(c, a.crumb)) a.passed = true;
    } else if (c.type === 'text' && afterCrumb) {
      a.chars += (c as unknown as { data: string }).data.replace(/[\s\u00a0\u3000]/g, '').length;
    }
  }
}

function insideAny(outers: Element[], el: Element): boolean {
  for (const o of outers) if (contains(o, el)) return true;
  return false;
}

// The parts of a page around its lists: main navigation, the sub-column menu, breadcrumb, pagination.
import type { Element } from 'domhandler';
import { findDate } from './dates.js';
import { ancestors, attr, contains, descendants, hintOf, textOf, visibleChars } from './dom.js';
import { anchorText, type Link, resolveHref, sameSite } from './links.js';

const NAV_HINT = /nav|menu|daohang|(^|[\s_-])dh([\s_-]|$)/;
const NOT_MAIN_NAV = /sub|left|side|lm|second|erji|bread|crumb|foot|bottom|position|location|tab/;
const SUBMENU_HINT = /(^|[\s_-])(left|side|sidebar|sub|submenu|subnav|lm|erji|second|column|menu)/;
const FOOTER_HINT = /foot|bottom|copyright|banquan|(^|[\s_-])bq([\s_-]|$)/;

function menuLinks(el: Element, baseUrl: string, maxText: number): Link[] {
  const out: Link[] = [];
  for (const a of descendants(el, 'a')) {
    const url = resolveHref(a.attribs.href ?? null, baseUrl);
    const text = anchorText(a);
    if (!url || !sameSite(url, baseUrl) || text.length < 2 || text.length > maxText) continue;
    if (findDate(text, '2000-01-01')) continue;
    if (!out.some((l) => l.url === url)) out.push({ text, url });
  }
  return out;
}

export function isFooterLike(el: Element): boolean {
  return [el, ...ancestors(el)].some((a) => a.name === 'footer' || FOOTER_HINT.test(hintOf(a)));
}

/**
 * The site's main navigation: the first nav-like block with several short same-site links. `short`: a
 * named navigation block of one or two links (首页, 通知公告 on a tiny site), which the crawl keeps only
 * where its links lead to column pages with lists.
 */
export function mainNav(root: Element, baseUrl: string): { el: Element | null; links: Link[]; short?: true } {
  const all = descendants(root);
  let short: { el: Element; links: Link[]; short: true } | null = null;
  for (const el of all) {
    const hint = hintOf(el);
    if (!(el.name === 'nav' || NAV_HINT.test(hint)) || NOT_MAIN_NAV.test(hint) || isFooterLike(el)) continue;
    const links = menuLinks(el, baseUrl, 10).filter((l) => !isHome(l, baseUrl));
    if (links.length >= 3) return { el, links };
    if (links.length > 0 && !short) short = { el, links, short: true };
  }
  // Table layouts name nothing: take the first run of four or more short links near the top of the page.
  for (const el of all) {
    if (!['ul', 'tr', 'td', 'div', 'p', 'table'].includes(el.name) || isFooterLike(el)) continue;
    const anchors = descendants(el, 'a');
    if (anchors.length < 4 || anchors.length > 16) continue;
    const links = menuLinks(el, baseUrl, 8).filter((l) => !isHome(l, baseUrl));
    if (links.length >= 4 && links.length >= anchors.length - 2) return { el, links };
  }
  return short ?? { el: null, links: [] };
}

function isHome(l: Link, baseUrl: string): boolean {
  const u = new URL(l.url);
  return (
    /^(网站)?首页$|^主页$|^home$/i.test(l.text) ||
    (u.pathname === '/' && new URL(baseUrl).pathname === '/') ||
    /^\/(index\.\w+)?$/.test(u.pathname)
  );
}

/** A column page's own menu of sibling and child columns (the left sidebar of most CMS templates). */
export function subMenu(root: Element, baseUrl: string, nav: Element | null, exclude: Element[]): { el: Element | null; links: Link[] } {
  for (const el of descendants(root)) {
    if (nav && (contains(nav, el) || contains(el, nav))) continue;
    if (!SUBMENU_HINT.test(hintOf(el)) || isFooterLike(el)) continue;
    if (exclude.some((x) => contains(x, el) || contains(el, x))) continue;
    const links = menuLinks(el, baseUrl, 12).filter((l) => !isHome(l, baseUrl));
    if (links.length >= 1 && links.length <= 40) return { el, links };
  }
  return { el: null, links: [] };
}

const CRUMB_LABEL = /(当前位置|您的位置|您现在的位置|所在位置|当前的位置|现在位置|位置)\s*[:：]/;
const CRUMB_HINT = /bread|crumb|position|location|weizhi|dqwz|curmb|path/;

/** Column names after 首页, e.g. 首页 > 政务公开 > 通知公告 → [政务公开, 通知公告]. */
export function breadcrumb(root: Element): { el: Element; names: string[] } | null {
  let el = descendants(root).find((e) => CRUMB_HINT.test(hintOf(e)) && textOf(e).length < 120);
  if (!el) {
    // visibleChars first: it is a lower bound of the text's length, and cheap (no text built).
    const labelled = descendants(root).filter((e) => visibleChars(e) < 120 && CRUMB_LABEL.test(textOf(e)) && textOf(e).length < 120);
    el = labelled.at(-1); // the innermost element that still holds the label
  }
  if (!el) return null;
  const text = textOf(el).replace(/^.*?(当前位置|您的位置|您现在的位置|所在位置|当前的位置|现在位置|位置)\s*[:：]/, '');
  const parts = text
    .split(/\s*(?:>|»|＞|›|→|&gt;|\/|»)\s*/)
    .map((p) => p.trim())
    .filter((p) => p && !/^(网站)?首页$|^主页$|^home$/i.test(p) && p.length <= 20);
  return { el, names: parts };
}

/** The next list page: a 下一页 link, or the page TRS's createPageHTML(total, current, "index", "html") script would write. */
export function nextPage(root: Element, scripts: string[], pageUrl: string): string | null {
  for (const a of descendants(root, 'a')) {
    const t = anchorText(a).replace(/\s/g, '');
    if (/^(下一页|下页|后一页|下一頁|next|›|>|»)$/i.test(t) || attr(a, 'title') === '下一页') {
      const url = resolveHref(a.attribs.href ?? null, pageUrl);
      if (url && url !== pageUrl && sameSite(url, pageUrl)) return url;
    }
  }
  for (const s of scripts) {
    // TRS: createPageHTML(5, 0, "index", "html"), or with variables declared just above it:
    // var countPage = 5; var currentPage = 0; createPageHTML(countPage, currentPage, "index", "html");
    const m = /createPageHTML\(\s*['"]?(\w+)['"]?\s*,\s*['"]?(\w+)['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/.exec(s);
    if (!m) continue;
    const total = scriptNumber(m[1]!, s);
    const current = scriptNumber(m[2]!, s);
    if (total !== null && current !== null && current + 1 < total) return new URL(`${m[3]}_${current + 1}.${m[4]}`, pageUrl).href;
  }
  return null;
}

/** A number literal, or the number a `var name = 5` in the same script gives it. */
function scriptNumber(token: string, script: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  const m = new RegExp(`(?:var|let|const)\\s+${token}\\s*=\\s*['"]?(\\d+)`).exec(script);
  return m ? Number(m[1]) : null;
}

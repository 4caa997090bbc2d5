// Link resolution and the link kinds government pages are made of.
import type { Element } from 'domhandler';
import { attr, textOf } from './dom.js';

export interface Link {
  text: string;
  url: string;
}

// A page's links are resolved several times over (lists, menus, the link inventory), all against the
// same base: the answers for the current base are kept.
const resolved = new Map<string, string | null>();
let resolvedBase = '';

/** Absolute http(s) URL without fragment, or null for javascript:, mailto:, # and garbage. */
export function resolveHref(href: string | null, base: string): string | null {
  if (!href) return null;
  if (base !== resolvedBase || resolved.size > 20_000) {
    resolved.clear();
    resolvedBase = base;
  }
  let r = resolved.get(href);
  if (r === undefined) {
    r = resolve(href, base);
    resolved.set(href, r);
  }
  return r;
}

function resolve(href: string, base: string): string | null {
  const h = href.trim();
  if (h === '' || h.startsWith('#') || /^(javascript|mailto|tel|data|about|vbscript):/i.test(h)) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

export function sameSite(a: string, b: string): boolean {
  try {
    return new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
}

/** Text a person reads for an anchor: its text, else its image's alt, else its title. */
export function anchorText(a: Element): string {
  const t = textOf(a);
  if (t) return t;
  const img = a.children.find((c) => c.type === 'tag' && (c as Element).name === 'img') as Element | undefined;
  return (img && attr(img, 'alt')?.trim()) || attr(a, 'title')?.trim() || '';
}

const MORE = /^(更多|more|查看更多|更多>+|>>+|更多内容|查看全部|更多信息)/i;

export function isMoreLink(a: Element): boolean {
  const t = anchorText(a)
    .replace(/[\s»>＞+]+$/g, '')
    .trim();
  if (MORE.test(t) || MORE.test(anchorText(a))) return true;
  const hint = `${a.attribs.class ?? ''} ${a.attribs.id ?? ''}`.toLowerCase();
  if (/\bmore\b/.test(hint) && t.length <= 6) return true;
  // Hand-made templates: <a href=news.asp?classid=1><img src=images/more.gif></a>, no text, no alt.
  const img = a.children.find((c) => c.type === 'tag' && (c as Element).name === 'img') as Element | undefined;
  return t.length === 0 && !!img && /more|gengduo/i.test(attr(img, 'src') ?? '');
}

/**
 * An address that looks like an article rather than a column: TRS t20261120_123.html, Hanweb
 * /art/2026/11/20/art_1_2.html, dated paths, ids in the query, long numeric file names.
 * Column pages (Hanweb /col/col1234/, index pages, directories) are not articles.
 */
export function looksLikeArticle(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const path = u.pathname;
  if (/\/col\/col\d+\//i.test(path) || /\/$/.test(path) || /\/(index|default|list)(_\d+)?\.\w+$/i.test(path)) return false;
  if (/[?&](id|articleid|aid|newsid|infoid|artid|contentid)=/i.test(u.search)) return true;
  return (
    /\/t\d{8}_\d+\.\w+$/.test(path) ||
    /\/art\/\d{4}\//.test(path) ||
    /\/(19|20)\d{2}[-/]?\d{2}[-/]?\d{2}\//.test(path) ||
    /\/(content|detail|show|article|info|news)[_/-]/i.test(path) ||
    /\/[^/]*\d{5,}[^/]*\.\w+$/.test(path)
  );
}

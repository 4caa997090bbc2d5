// Link resolution and the link kinds government pages are made of.
import type { Element } from 'domhandler';
import { attr, textOf } from './dom.js';

export interface Link {
  text: string;
  url: string;
}

/** Absolute http(s) URL without fragment, or null for javascript:, mailto:, # and garbage. */
export function resolveHref(href: string | null, base: string): string | null {
  if (!href) return null;
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
  const t = anchorText(a).replace(/[\s»>＞+]+$/g, '').trim();
  if (MORE.test(t) || MORE.test(anchorText(a))) return true;
  const hint = `${a.attribs.class ?? ''} ${a.attribs.id ?? ''}`.toLowerCase();
  if (/\bmore\b/.test(hint) && t.length <= 6) return true;
  // Hand-made templates: <a href=news.asp?classid=1><img src=images/more.gif></a>, no text, no alt.
  const img = a.children.find((c) => c.type === 'tag' && (c as Element).name === 'img') as Element | undefined;
  return t.length === 0 && !!img && /more|gengduo/i.test(attr(img, 'src') ?? '');
}

/** An address that looks like an article, not a column or a special topic: dated paths, ids, TRS/Hanweb article names. */
export function looksLikeArticle(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const p = u.pathname + u.search;
  return /\d{4,}/.test(p) || /[?&](id|articleid|aid|newsid|infoid)=/i.test(p) || /\/(art|content|detail|show|article)[_/]/i.test(p);
}

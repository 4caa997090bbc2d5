// Every link a page makes a reader (or the browser) follow: anchors, images, scripts, stylesheets,
// frames, with attachments told apart by their file type.
import type { Element } from 'domhandler';
import { descendants } from './dom.js';
import { anchorText, resolveHref } from './links.js';

export type LinkTag = 'a' | 'img' | 'script' | 'stylesheet' | 'frame' | 'attachment';

export interface PageLink {
  target: string;
  tag: LinkTag;
  /** Anchor text or image alt, for the evidence. */
  text: string | null;
}

const ATTACHMENT = /\.(pdf|docx?|xlsx?|wps|et|dps|pptx?|zip|rar|7z|ofd|txt|csv)$/i;

/** `scripts` are the <script src> elements, collected before scripts are removed from the tree. */
export function pageLinks(root: Element, scriptSrcs: string[], base: string): PageLink[] {
  const out = new Map<string, PageLink>();
  const add = (href: string | null | undefined, tag: LinkTag, text: string | null) => {
    const target = resolveHref(href ?? null, base);
    if (!target || out.has(target)) return;
    out.set(target, {
      target,
      tag: tag === 'a' && ATTACHMENT.test(new URL(target).pathname) ? 'attachment' : tag,
      text: text?.slice(0, 80) || null,
    });
  };
  for (const el of descendants(root)) {
    if (el.name === 'a' && el.attribs.href !== undefined) add(el.attribs.href, 'a', anchorText(el));
    else if (el.name === 'img') add(el.attribs.src, 'img', el.attribs.alt ?? null);
    else if (el.name === 'link' && /stylesheet/i.test(el.attribs.rel ?? '')) add(el.attribs.href, 'stylesheet', null);
    else if (el.name === 'iframe' || el.name === 'frame') add(el.attribs.src, 'frame', null);
  }
  for (const src of scriptSrcs) add(src, 'script', null);
  return [...out.values()];
}

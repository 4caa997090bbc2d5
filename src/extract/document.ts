// A page's DOM, and the few elements every read starts from, found in one walk of the tree. This was
// five cheerio selector queries (base, script, title, the elements to drop, body): each compiled a
// selector and walked the whole document, a tenth of what parsing a page cost.
import type { Document, Element } from 'domhandler';
import { removeElement, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { isElement, prepareElement } from './dom.js';

export interface PageDocument {
  /** The document node: `<link>` and `<base>` live in `<head>`, so links are read from here. */
  doc: Document;
  /** The first `<base href>`'s value, as written. */
  baseHref: string | null;
  /** Every `<script>`, in document order, with its type and text (read before scripts are dropped). */
  scripts: { type: string | null; src: string | null; text: string }[];
  /** The text of every `<style>` (read before styles are dropped): what hides an element may be a class. */
  styles: string[];
  /** `<meta name|property content>` pairs in document order (a page's PubDate lives here). */
  metas: { name: string; content: string }[];
  /** Comments that may carry a publication date (CMS templates wrap the date in them). */
  dateComments: string[];
  /** The first `<title>`'s text, whitespace collapsed; null when empty or absent. */
  title: string | null;
  /** `<body>`, or the document's first element when the markup has none; null for a page with no element. */
  root: Element | null;
}

// Never text the site shows: dropped before anything reads the page's words or structure.
const DROPPED = new Set(['script', 'style', 'noscript', 'template']);

// Only comments naming a publication date are kept; the rest (template markers, old markup) never are.
const DATE_COMMENT = /(发布|publish|pubdate)[^]{0,40}\d{4}/i;

export function parsePage(html: string): PageDocument {
  // htmlparser2 rather than parse5: several times faster, and as forgiving of broken CMS markup. The
  // options are cheerio's for HTML, which read every page before this module did.
  const doc = parseDocument(html, {
    xmlMode: false,
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    recognizeSelfClosing: true,
  });
  let baseHref: string | null = null;
  let title: string | null | undefined;
  let body: Element | null = null;
  const scripts: PageDocument['scripts'] = [];
  const styles: string[] = [];
  const metas: PageDocument['metas'] = [];
  const dateComments: string[] = [];
  const dropped: Element[] = [];
  // Depth first, in document order, without recursion (a CMS page can nest thousands deep).
  const stack: Element[] = [];
  for (let i = doc.children.length - 1; i >= 0; i--) if (isElement(doc.children[i]!)) stack.push(doc.children[i] as Element);
  while (stack.length > 0) {
    const el = stack.pop()!;
    prepareElement(el);
    const name = el.name;
    if (name === 'base' && baseHref === null && el.attribs.href !== undefined) baseHref = el.attribs.href;
    else if (name === 'script') scripts.push({ type: el.attribs.type ?? null, src: el.attribs.src || null, text: textContent(el) });
    else if (name === 'style') styles.push(textContent(el));
    else if (name === 'title' && title === undefined) title = textContent(el).replace(/\s+/g, ' ').trim() || null;
    else if (name === 'body' && body === null) body = el;
    else if (name === 'meta') {
      const key = el.attribs.name ?? el.attribs.property;
      if (key && el.attribs.content) metas.push({ name: key, content: el.attribs.content });
    }
    if (DROPPED.has(name)) dropped.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i]!;
      if (isElement(k)) stack.push(k as Element);
      else if (k.type === 'comment' && DATE_COMMENT.test((k as unknown as { data: string }).data))
        dateComments.unshift((k as unknown as { data: string }).data);
    }
  }
  for (const el of dropped) removeElement(el);
  const root = body ?? (doc.children.find((c) => isElement(c)) as Element | undefined) ?? null;
  return { doc, baseHref, scripts, styles, metas, dateComments, title: title ?? null, root };
}

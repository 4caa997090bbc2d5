// A page's readable text as blocks (paragraphs, cells, list entries, headings), in document order.
// Which blocks are boilerplate (navigation, footer, sidebar) is decided across a site's pages, not
// here: a template's parts repeat on every page whatever markup the CMS gives them.
import type { AnyNode, Element } from 'domhandler';
import { isElement } from './dom.js';

/** Elements that start a new block of text. `span` and `a` do not: a sentence runs through them. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'marquee',
]);
/** Never read as text: controls, embedded objects, and what a person cannot see. */
const SKIP = new Set([
  'select',
  'option',
  'textarea',
  'input',
  'button',
  'object',
  'embed',
  'iframe',
  'svg',
  'canvas',
  'map',
  'audio',
  'video',
  'head',
]);
const HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Text blocks of at least one character, whitespace folded, in document order. */
export function textBlocks(root: Element): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (t) blocks.push(t);
    current = '';
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      current += (n as unknown as { data: string }).data;
      return;
    }
    if (!isElement(n) || n.type !== 'tag') return;
    if (SKIP.has(n.name) || n.attribs.hidden !== undefined || HIDDEN.test(n.attribs.style ?? '')) return;
    if (n.name === 'br') return flush();
    const block = BLOCK.has(n.name);
    if (block) flush();
    for (const c of n.children) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

export interface PageBlocks {
  url: string;
  blocks: string[];
}

export interface SiteText {
  /** Each page's own text: its blocks less those the site's template repeats. */
  pages: { url: string; blocks: string[] }[];
  /** The template's text (navigation, footer, sidebar), read once for the whole site, and the first page it was seen on. */
  shared: { url: string; blocks: string[] };
}

/**
 * Splits a site's text into what each page says and what the template repeats. A block is the
 * template's when it appears on at least `minPages` pages and on at least `share` of them: a menu
 * or a footer is on nearly every page, while an article title shows up on two or three (its list,
 * the homepage, a 上一篇 link) and stays with its page.
 */
export function splitBoilerplate(pages: PageBlocks[], opts: { minPages?: number; share?: number } = {}): SiteText {
  const minPages = opts.minPages ?? 3;
  const share = opts.share ?? 0.3;
  const seenOn = new Map<string, number>();
  for (const p of pages) for (const b of new Set(p.blocks)) seenOn.set(b, (seenOn.get(b) ?? 0) + 1);
  const threshold = Math.max(minPages, Math.ceil(pages.length * share));
  const isShared = (b: string) => pages.length >= minPages && (seenOn.get(b) ?? 0) >= threshold;
  const shared: string[] = [];
  const sharedSeen = new Set<string>();
  for (const p of pages) {
    for (const b of p.blocks) {
      if (isShared(b) && !sharedSeen.has(b)) {
        sharedSeen.add(b);
        shared.push(b);
      }
    }
  }
  return {
    pages: pages.map((p) => ({ url: p.url, blocks: p.blocks.filter((b) => !isShared(b)) })),
    shared: { url: pages[0]?.url ?? '', blocks: shared },
  };
}

/**
 * An article's headline: the longest block that the page's <title> begins with or contains (CMSs
 * write `标题_栏目_站名` or `站名-标题`), else the <title> itself when it has no site suffix to strip.
 */
export function headline(blocks: string[], title: string | null): string | null {
  if (!title) return null;
  const t = title.replace(/\s+/g, '');
  let best: string | null = null;
  for (const b of blocks) {
    const c = b.replace(/\s+/g, '');
    if (c.length < 4 || c.length > 120 || (best && c.length <= best.replace(/\s+/g, '').length)) continue;
    if (t.startsWith(c) || t.endsWith(c) || t.includes(c)) best = b;
  }
  return best;
}

// Footers that are not in the page as served. Many CMS templates write the footer from a static script
// (<script src="/js/footer.js"> whose body is document.write('…京ICP备…')), or load a fixed fragment into an
// empty element ($('#footer').load('/include/footer.html')). A person sees the identity items; the
// served HTML does not hold them, and reading it alone would report them missing.
import type { Element } from 'domhandler';
import type { Identity } from '../model/artifacts.js';
import { parsePage } from './document.js';
import { descendants, textOf } from './dom.js';
import { resolveHref } from './links.js';
import { identity } from './signals.js';

// A file or fragment named for the footer: foot, bottom, copyright, 版权 (bq/banquan), 底部 (dibu/db).
const FOOTER_NAME = /(foot|bottom|copyright|banquan|dibu|(^|[/_.-])(bq|db|ft)([_.-]|\.js|\.html?|$))/i;
const LOADER = /(?:\.load|\$\.get|\bfetch|\.open\s*\(\s*['"]GET['"]\s*,)\s*\(?\s*['"]([^'"]+)['"]/g;

/** Same-origin addresses of scripts and fragments that (by their name) write or hold the page's footer. */
export function footerIncludes(scripts: { src: string | null; text: string }[], base: string): string[] {
  const out = new Set<string>();
  const own = new URL(base).host;
  const add = (href: string) => {
    const url = resolveHref(href, base);
    if (url && new URL(url).host === own && FOOTER_NAME.test(new URL(url).pathname)) out.add(url);
  };
  for (const s of scripts) {
    if (s.src) add(s.src);
    for (const m of s.text.matchAll(LOADER)) add(m[1]!);
  }
  return [...out];
}

/**
 * The HTML a script writes with document.write / writeln or innerHTML: its string literals joined, as
 * the browser would have them (escapes undone). Not a JavaScript interpreter: variables and computed
 * strings are not followed, which is enough for the static footers CMSs write.
 */
export function writtenHtml(script: string): string {
  const out: string[] = [];
  const call = /(?:document\.write(?:ln)?\s*\(|\.innerHTML\s*[+]?=\s*)/g;
  for (const m of script.matchAll(call)) {
    let i = (m.index ?? 0) + m[0].length;
    // String literals joined by +, up to the end of the call or statement.
    for (;;) {
      while (i < script.length && /[\s+(]/.test(script[i]!)) i++;
      const q = script[i];
      if (q !== '"' && q !== "'" && q !== '`') break;
      const lit = readLiteral(script, i);
      if (!lit) break;
      out.push(lit.value);
      i = lit.end;
    }
  }
  return out.join('');
}

function readLiteral(s: string, start: number): { value: string; end: number } | null {
  const q = s[start]!;
  let v = '';
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const n = s[i + 1] ?? '';
      v += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'u' ? String.fromCharCode(Number.parseInt(s.slice(i + 2, i + 6), 16)) : n;
      i += n === 'u' ? 5 : 1;
    } else if (c === q) return { value: v, end: i + 1 };
    else v += c;
  }
  return null;
}

/** Fills what `page` lacks from `more`: a footer read elsewhere completes the homepage's own reading. */
export function mergeIdentity(page: Identity, more: Identity): Identity {
  return { siteCode: page.siteCode ?? more.siteCode, icp: page.icp ?? more.icp, police: page.police ?? more.police };
}

export function hasAnyIdentity(i: Identity): boolean {
  return i.siteCode !== null || i.icp !== null || i.police !== null;
}

export function hasAllIdentity(i: Identity): boolean {
  return i.siteCode !== null && i.icp !== null && i.police !== null;
}

/** Words by which a footer script shows it holds identity items, whether or not they could be read. */
const MENTIONS = /ICP|公网安备|公安备案|公安机关备案|网站标识码|网站识别码|beian/i;

/**
 * The identity items in a footer fragment, or in what a footer script writes (`script`: the body is
 * JavaScript). `mentions`: the body names such an item at all, so a null item may be one it holds in a
 * form not read (a variable, a computed year in the middle of a literal).
 */
export function footerIdentity(body: string, script: boolean): Identity & { mentions: boolean } {
  const html = script ? writtenHtml(body) : body;
  // Wrapped: a fragment (or bare text) has no <body> of its own to read from.
  const root = parsePage(`<body>${html}</body>`).root;
  let id: Identity = root ? pageIdentity(root, []) : { siteCode: null, icp: null, police: null };
  if (script && !hasAllIdentity(id)) {
    // Every string literal of the script, in order: what `var s = '…'; $('#ft').html(s)` writes too.
    const all = parsePage(`<body>${literals(body).join('')}</body>`).root;
    if (all) id = mergeIdentity(id, pageIdentity(all, []));
  }
  return { ...id, mentions: MENTIONS.test(body) };
}

function literals(script: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c !== '"' && c !== "'" && c !== '`') continue;
    const lit = readLiteral(script, i);
    if (!lit) break;
    out.push(lit.value);
    i = lit.end - 1;
  }
  return out;
}

/**
 * A page's identity items as a person sees them: its text, the alt text of its images (a 公安备案 badge
 * with the number in its alt), and what its inline scripts write.
 */
export function pageIdentity(root: Element, inlineScripts: string[]): Identity {
  let id = identity(textOf(root));
  if (hasAllIdentity(id)) return id;
  const alts = descendants(root, 'img')
    .map((i) => i.attribs.alt ?? '')
    .filter((a) => a.length >= 6)
    .join(' ');
  if (alts) id = mergeIdentity(id, identity(alts));
  const written = inlineScripts.map(writtenHtml).filter((h) => h.length > 0);
  if (written.length > 0 && !hasAllIdentity(id)) {
    const root2 = parsePage(`<body>${written.join('\n')}</body>`).root;
    if (root2) id = mergeIdentity(id, identity(textOf(root2)));
  }
  return id;
}

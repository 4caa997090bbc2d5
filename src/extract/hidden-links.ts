// 暗链: links a page hides from people while search engines and scripts still read them (the gambling
// and porn links hacked into government pages). Hidden the ways such markup hides them: display:none,
// visibility:hidden, the hidden attribute, a position or text-indent far off screen, zero size with
// overflow hidden, a clip to nothing, font-size 0, no opacity, or text the colour of its background;
// on the link or on any element around it, inline or through a class or id of the page's own <style>.
// Links a script writes into the page (document.write, innerHTML) are read from the script's text.
// What the links lead to, and whether that matters, is the rule's to judge.
import type { Element } from 'domhandler';
import { anchorText, resolveHref } from './links.js';
import { descendants } from './dom.js';

export interface HiddenLink {
  target: string;
  text: string | null;
  title: string | null;
  /** How it is hidden, in Chinese for the evidence. */
  how: string;
  /** The link's own markup, cut to a few hundred characters: the evidence a person checks. */
  markup: string;
}

const OFF_SCREEN = -500;

/** How a CSS declaration block hides what it styles, or null. */
export function hidingIn(style: string): string | null {
  const s = style.toLowerCase().replace(/\s+/g, '');
  if (/(^|;)display:none/.test(s)) return 'display:none';
  if (/(^|;)visibility:hidden/.test(s)) return 'visibility:hidden';
  if (/(^|;)font-size:0(px|pt|em|rem|%)?(;|$|!)/.test(s)) return 'font-size:0';
  if (/(^|;)opacity:0(\.0+)?(;|$|!)/.test(s)) return 'opacity:0';
  if (/(^|;)clip:rect\(0(px)?,?0(px)?,?0(px)?,?0(px)?\)/.test(s) || /(^|;)clip-path:inset\(50%\)/.test(s)) return 'clip';
  for (const m of s.matchAll(/(?:^|;)(left|top|right|bottom|text-indent|margin-left|margin-top):(-\d+)(px)?/g)) {
    if (
      Number(m[2]) <= OFF_SCREEN &&
      (m[1] === 'text-indent' || /position:(absolute|fixed|relative)/.test(s) || m[1]!.startsWith('margin'))
    )
      return `${m[1]}:${m[2]}px（移出屏幕）`;
  }
  const zero = (p: string) => new RegExp(`(^|;)${p}:0(px)?(;|$|!)`).test(s);
  if ((zero('width') || zero('height')) && /overflow:hidden/.test(s)) return '尺寸为0且溢出隐藏';
  return null;
}

/** `.cls` and `#id` selectors of the page's own style sheets whose rules hide what they match. */
function hidingSelectors(styles: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const css of styles) {
    for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const how = hidingIn(m[2]!);
      if (!how) continue;
      for (const sel of m[1]!.split(',').map((x) => x.trim())) if (/^[.#][\w-]+$/.test(sel)) out.set(sel, how);
    }
  }
  return out;
}

function colour(style: string | undefined, prop: 'color' | 'background'): string | null {
  const re = prop === 'color' ? /(?:^|;)\s*color\s*:\s*([^;!]+)/i : /(?:^|;)\s*background(?:-color)?\s*:\s*([^;!]+)/i;
  const v = style ? re.exec(style)?.[1]?.trim().toLowerCase() : undefined;
  if (!v) return null;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : v.split(/\s+/)[0]!;
}

function hiddenBy(el: Element, selectors: Map<string, string>): string | null {
  const textColour = colour(el.attribs.style, 'color');
  for (let n: Element | null = el; n && n.type === 'tag'; n = n.parent as Element | null) {
    if (n.attribs.hidden !== undefined) return 'hidden 属性';
    const inline = n.attribs.style ? hidingIn(n.attribs.style) : null;
    if (inline) return n === el ? inline : `${inline}（所在元素 <${n.name}>）`;
    for (const cls of (n.attribs.class ?? '').split(/\s+/).filter(Boolean)) {
      const how = selectors.get(`.${cls}`);
      if (how) return `${how}（样式 .${cls}）`;
    }
    const byId = n.attribs.id ? selectors.get(`#${n.attribs.id}`) : undefined;
    if (byId) return `${byId}（样式 #${n.attribs.id}）`;
    if (textColour && n !== el) {
      const bg = colour(n.attribs.style, 'background');
      if (bg) return bg === textColour ? `文字颜色与背景相同（${textColour}）` : null;
    }
  }
  return null;
}

function markupOf(el: Element): string {
  const attrs = Object.entries(el.attribs)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  return `<a ${attrs}>${anchorText(el) ?? ''}</a>`.slice(0, 300);
}

/** Hidden links to web addresses, and links a script writes into the page. */
export function hiddenLinks(root: Element, styles: string[], scripts: string[], base: string): HiddenLink[] {
  const selectors = hidingSelectors(styles);
  const out: HiddenLink[] = [];
  for (const el of descendants(root)) {
    if (el.name !== 'a' || !el.attribs.href) continue;
    const target = resolveHref(el.attribs.href, base);
    if (!target || !/^https?:/i.test(target)) continue;
    const how = hiddenBy(el, selectors);
    if (how) out.push({ target, text: anchorText(el), title: el.attribs.title ?? null, how, markup: markupOf(el) });
  }
  for (const js of scripts) {
    if (!/document\.write|innerHTML|insertAdjacentHTML/.test(js)) continue;
    for (const m of js.matchAll(/<a\b[^>]*?href\s*=\s*\\?["']?(https?:\/\/[^"'\s\\>]+)[^>]*>([^<]{0,80})/gi)) {
      const target = resolveHref(m[1]!, base);
      if (target) out.push({ target, text: m[2]!.trim() || null, title: null, how: '由脚本写入页面', markup: m[0].slice(0, 300) });
    }
  }
  return out;
}

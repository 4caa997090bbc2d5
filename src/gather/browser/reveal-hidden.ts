// 暗链 evidence: a hidden link is invisible in a screenshot of its page, so before the shot the links a
// finding names are shown where they sit (whatever hid them undone, on the link and every element
// around it) and outlined, and the browser is asked whether each is now visible. The person reading the
// report sees the link in its page, marked, and the note says how many of the named links could be shown.
import type { Page } from 'playwright';

/** The outline drawn around a shown link: a colour no government template uses, so a test can find it. */
export const OUTLINE_RGB = [255, 0, 255] as const;

export interface Revealed {
  /** Links of the page whose address is one of the targets. */
  found: number;
  /** Of those, the ones the browser reports visible after the change. */
  shown: number;
  /** The part of the page (document coordinates) holding the shown links; null when none is shown. */
  box: { x: number; y: number; width: number; height: number } | null;
}

// Run in the page as a string, not a function: the TypeScript loader may wrap inner functions in helpers
// the page does not have. Only inline styles are set, with !important, so the page's own CSS loses.
const REVEAL = `(targets) => {
  const norm = (u) => { try { const x = new URL(u, document.baseURI); x.hash = ''; return x.href; } catch (e) { return null; } };
  const want = new Set(targets.map(norm).filter(Boolean));
  const anchors = Array.from(document.querySelectorAll('a[href]')).filter((a) => want.has(norm(a.getAttribute('href'))));
  const set = (el, p, v) => el.style.setProperty(p, v, 'important');
  const far = (v) => Number.isFinite(v) && (v < -100 || v > 3000);
  const undo = (el, isLink) => {
    if (el.hasAttribute('hidden')) el.removeAttribute('hidden');
    const cs = getComputedStyle(el);
    if (cs.display === 'none') set(el, 'display', isLink ? 'inline-block' : 'block');
    if (cs.visibility !== 'visible') set(el, 'visibility', 'visible');
    if (parseFloat(cs.opacity) < 1) set(el, 'opacity', '1');
    if (parseFloat(cs.fontSize) < (isLink ? 12 : 1)) set(el, 'font-size', '14px');
    if (parseFloat(cs.textIndent) < 0) set(el, 'text-indent', '0');
    const clipped = (cs.clip && cs.clip !== 'auto') || (cs.clipPath && cs.clipPath !== 'none');
    if (clipped) {
      set(el, 'clip', 'auto');
      set(el, 'clip-path', 'none');
    }
    if (cs.transform && cs.transform !== 'none') set(el, 'transform', 'none');
    // A box moved far away, or clipped to nothing, goes back into the flow: left where it was positioned,
    // it would now cover what follows it.
    const moved = ['left', 'top', 'right', 'bottom'].some((p) => far(parseFloat(cs.getPropertyValue(p))));
    if (cs.position !== 'static' && (moved || clipped)) set(el, 'position', 'static');
    for (const m of ['margin-left', 'margin-top']) if (parseFloat(cs.getPropertyValue(m)) < -100) set(el, m, '0');
    if (cs.overflow !== 'visible' && (el.offsetWidth < 4 || el.offsetHeight < 4)) {
      for (const [p, v] of [['overflow', 'visible'], ['width', 'auto'], ['height', 'auto'], ['max-width', 'none'], ['max-height', 'none']]) set(el, p, v);
    }
  };
  for (const a of anchors) {
    for (let el = a; el && el !== document.documentElement; el = el.parentElement) undo(el, el === a);
    // Text the colour of its background is shown by giving the link its own colours.
    set(a, 'color', '#000000');
    set(a, 'background', '#ffff00');
    set(a, 'outline', '4px solid rgb(${OUTLINE_RGB.join(',')})');
    set(a, 'outline-offset', '2px');
  }
  // Shown = what a person would see: scrolled to, the link itself is what the browser hits at its middle
  // (not clipped by a box around it, not covered, not off the page) and it is painted opaque.
  const boxes = [];
  for (const a of anchors) {
    // The window scrolls to it, never a box around it: scrollIntoView would scroll an overflow:hidden box to its hidden part.
    const at = a.getBoundingClientRect();
    window.scrollTo(at.left + window.scrollX - innerWidth / 2, at.top + window.scrollY - innerHeight / 2);
    const r = a.getBoundingClientRect();
    const first = a.getClientRects()[0] || r;
    const hit = document.elementFromPoint(first.left + first.width / 2, first.top + first.height / 2);
    const painted = typeof a.checkVisibility === 'function' ? a.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : true;
    const x = r.left + window.scrollX;
    const y = r.top + window.scrollY;
    if (painted && hit && (hit === a || a.contains(hit)) && r.width > 0 && r.height > 0) boxes.push({ x, y, right: x + r.width, bottom: y + r.height });
  }
  window.scrollTo(0, 0);
  if (boxes.length === 0) return { found: anchors.length, shown: 0, box: null };
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)));
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)));
  const right = Math.max(...boxes.map((b) => b.right));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  return { found: anchors.length, shown: boxes.length, box: { x, y, width: right - x, height: bottom - y } };
}`;

/** Shows and outlines the page's links to `targets` (absolute addresses, fragments ignored). */
export async function revealHiddenLinks(page: Page, targets: string[]): Promise<Revealed> {
  return (await page.evaluate(`(${REVEAL})(${JSON.stringify(targets)})`)) as Revealed;
}

/** The region of the page to capture around the shown links: the page's width, some context above and below. */
export function shotRegion(
  box: NonNullable<Revealed['box']>,
  page: { width: number; height: number },
  margin = 200,
  maxHeight = 2000,
): { x: number; y: number; width: number; height: number } {
  const top = Math.max(0, Math.floor(box.y - margin));
  const bottom = Math.min(page.height, Math.ceil(box.y + box.height + margin), top + maxHeight);
  return { x: 0, y: top, width: page.width, height: Math.max(1, bottom - top) };
}

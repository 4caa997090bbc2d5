// Hidden links shown for their screenshot, in real Chromium: each way 暗链 markup hides a link is undone,
// the browser says the link is now visible, and the outline is in the picture. Near misses: a visible
// link that is not named stays as it was, and a page that no longer holds the link gets no region.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, render } from '../../src/gather/browser/browser.js';
import { OUTLINE_RGB, revealHiddenLinks, shotRegion } from '../../src/gather/browser/reveal-hidden.js';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { pixelsOf } from '../helpers/png.js';

// One link per way of hiding, each to its own address; the page's own stylesheet hides some by class.
const HIDDEN: Record<string, string> = {
  'display-none-parent': '<div style="display:none"><a href="http://a.example.com/">澳门葡京</a></div>',
  'visibility-class': '<p class="vh"><a href="http://b.example.com/">百家乐</a></p>',
  'off-screen': '<div style="position:absolute;left:-9999px;top:0"><a href="http://c.example.com/">真人娱乐</a></div>',
  'font-size-0': '<span style="font-size:0"><a href="http://d.example.com/">体育投注</a></span>',
  'text-indent': '<div style="text-indent:-9999px;overflow:hidden"><a href="http://e.example.com/">老虎机</a></div>',
  'zero-height': '<div style="height:0;overflow:hidden"><a href="http://f.example.com/">电子游艺</a></div>',
  clip: '<div style="position:absolute;clip:rect(0,0,0,0)"><a href="http://g.example.com/">六合彩</a></div>',
  'same-colour': '<div style="background:#ffffff"><a href="http://h.example.com/" style="color:#ffffff">幸运飞艇</a></div>',
  'opacity-0': '<a href="http://i.example.com/" style="opacity:0">时时彩</a>',
  'hidden-attribute': '<div hidden><a href="http://j.example.com/">无限返水</a></div>',
  'script-written': '<script>document.write(\'<div style="display:none"><a href="http://k.example.com/">开元棋牌</a></div>\')</script>',
};
const TARGETS = Object.keys(HIDDEN).map((_, i) => `http://${String.fromCharCode(97 + i)}.example.com/`);

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>某县人民政府</title>
<style>.vh{visibility:hidden}</style></head><body style="margin:0;font:16px sans-serif">
<h1>某县人民政府</h1><p><a id="visible" href="http://www.gov.cn/">中国政府网</a></p>
${Object.values(HIDDEN).join('\n')}
<div style="height:1500px">正文</div></body></html>`;

let server: Server;
let base = '';
let browser: Browser;
const guard = new AddressGuard(true);

beforeAll(async () => {
  server = createServer((_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    r.end(PAGE);
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server.close(r));
});

/** Whether a person sees the link to `target`: what the browser hits at its middle, opaque, readable, not the colour of what is behind it. */
function visible(page: Page, target: string): Promise<boolean> {
  return page.evaluate(`(() => {
    const a = Array.from(document.querySelectorAll('a')).find((x) => x.href === ${JSON.stringify(target)});
    if (!a) return false;
    // The window scrolls to it, never a box around it: scrollIntoView would scroll an overflow:hidden box to its hidden part.
    const at = a.getBoundingClientRect();
    window.scrollTo(at.left + window.scrollX - innerWidth / 2, at.top + window.scrollY - innerHeight / 2);
    const r = a.getBoundingClientRect();
    const first = a.getClientRects()[0] || r;
    const hit = document.elementFromPoint(first.left + first.width / 2, first.top + first.height / 2);
    window.scrollTo(0, 0);
    if (!hit || !(hit === a || a.contains(hit))) return false;
    const cs = getComputedStyle(a);
    // The colour behind the text: the nearest background that is not transparent.
    let bg = 'rgb(255, 255, 255)';
    for (let el = a; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
    }
    const fg = cs.color;
    return a.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width > 1 && r.height > 1
      && r.left + scrollX >= 0 && r.top + scrollY >= 0 && parseFloat(cs.fontSize) >= 12 && fg !== bg;
  })()`) as Promise<boolean>;
}

describe('hidden links shown for the screenshot', () => {
  it('each way of hiding is undone: hidden before, visible after, and outlined in the picture', async () => {
    const r = await render(browser, base, { guard, timeoutMs: 15_000 });
    try {
      // The page really hides them: otherwise the test proves nothing.
      for (const t of TARGETS) expect(await visible(r.page, t), `${t} before`).toBe(false);
      expect(await visible(r.page, 'http://www.gov.cn/')).toBe(true);
      const before = await r.page.evaluate(`document.getElementById('visible').getAttribute('style')`);

      const shown = await revealHiddenLinks(r.page, TARGETS);
      expect(shown.found).toBe(TARGETS.length);
      expect(shown.shown).toBe(TARGETS.length);
      for (const [t, how] of TARGETS.map((t, i) => [t, Object.keys(HIDDEN)[i]!] as const)) expect(await visible(r.page, t), how).toBe(true);
      // The link that was not named is left as it was.
      expect(await r.page.evaluate(`document.getElementById('visible').getAttribute('style')`)).toBe(before);

      const size = (await r.page.evaluate('({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight })')) as {
        w: number;
        h: number;
      };
      const clip = shotRegion(shown.box!, { width: size.w, height: size.h });
      expect(clip.height).toBeLessThan(size.h); // the region of the links, not the whole long page
      const path = join(mkdtempSync(join(tmpdir(), 'choucha-reveal-')), 'shot.png');
      await r.page.screenshot({ path, fullPage: true, clip, type: 'png' });
      // An outline around each of eleven links: hundreds of pixels of a colour the page does not use.
      expect(pixelsOf(path, OUTLINE_RGB)).toBeGreaterThan(TARGETS.length * 100);
    } finally {
      await r.page.close();
    }
  }, 60_000);

  it('near miss: without revealing, the same page shows no outline', async () => {
    const r = await render(browser, base, { guard, timeoutMs: 15_000 });
    try {
      const path = join(mkdtempSync(join(tmpdir(), 'choucha-reveal-')), 'plain.png');
      await r.page.screenshot({ path, fullPage: true, type: 'png' });
      expect(pixelsOf(path, OUTLINE_RGB)).toBe(0);
    } finally {
      await r.page.close();
    }
  }, 60_000);

  it('near miss: a link no longer on the page is found nowhere and gives no region', async () => {
    const r = await render(browser, base, { guard, timeoutMs: 15_000 });
    try {
      const shown = await revealHiddenLinks(r.page, ['http://gone.example.com/']);
      expect(shown).toEqual({ found: 0, shown: 0, box: null });
    } finally {
      await r.page.close();
    }
  }, 60_000);
});

// Evidence screenshots: full-page PNGs of homepages and of the pages behind vetoes, in Chromium,
// one page per host at a time; and the pages behind hidden-links findings with those links shown and
// outlined (reveal-hidden.ts). A picture already taken for this check is not taken again.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { type HiddenLinkPage, hiddenLinkPagesToShoot, pagesToShoot, saveShot, type ShotKind, shotsOf } from '../../store/evidence.js';
import type { AddressGuard } from '../http/address-guard.js';
import type { Browser } from 'playwright';
import { launchBrowser, render } from './browser.js';
import { revealHiddenLinks, shotRegion } from './reveal-hidden.js';
import { runPerHost } from '../http/host-lanes.js';

export interface ShotOptions {
  outDir: string;
  guard: AddressGuard;
  concurrency: number;
  timeoutMs: number;
  onShot?: (url: string, ok: boolean) => void;
  /** Pages a site whose hidden links are shown in a picture of their own. */
  hiddenLinkPagesPerSite?: number;
}

/** Where a page's screenshot lives: evidence/<site>/<hash of the URL>.png under the output folder (-hidden-links for the revealed picture). */
export function shotPath(outDir: string, siteId: string, url: string, kind: ShotKind = 'page'): string {
  const name = createHash('sha1').update(url).digest('hex').slice(0, 16);
  return join(outDir, 'evidence', siteId, `${name}${kind === 'page' ? '' : `-${kind}`}.png`);
}

export async function captureEvidence(db: Db, check: Check, opts: ShotOptions): Promise<{ taken: number; failed: number }> {
  const taken = new Set(
    shotsOf(db, check.id)
      .filter((s) => s.path)
      .map((s) => `${s.kind}\n${s.url}`),
  );
  const todo = pagesToShoot(db, check.id).filter((p) => !taken.has(`page\n${p.url}`));
  const hidden = hiddenLinkPagesToShoot(db, check.id, opts.hiddenLinkPagesPerSite ?? 5).filter((p) => !taken.has(`hidden-links\n${p.url}`));
  if (todo.length === 0 && hidden.length === 0) return { taken: 0, failed: 0 };
  const browser = await launchBrowser();
  try {
    const pages = await capturePages(db, check, browser, todo, opts);
    const revealed = await captureHiddenLinks(db, check, browser, hidden, opts);
    return { taken: pages.taken + revealed.taken, failed: pages.failed + revealed.failed };
  } finally {
    await browser.close();
  }
}

async function capturePages(
  db: Db,
  check: Check,
  browser: Browser,
  todo: { siteId: string; url: string }[],
  opts: ShotOptions,
): Promise<{ taken: number; failed: number }> {
  let taken = 0;
  let failed = 0;
  await runPerHost(
    todo,
    (p) => new URL(p.url).host,
    { concurrency: opts.concurrency, perHost: 1 },
    async (p) => {
      const capturedAt = new Date().toISOString();
      const path = shotPath(opts.outDir, p.siteId, p.url);
      try {
        const r = await render(browser, p.url, { guard: opts.guard, timeoutMs: opts.timeoutMs });
        mkdirSync(join(path, '..'), { recursive: true });
        await r.page.screenshot({ path, fullPage: true, type: 'png' });
        const size = await r.page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
        await r.page.close();
        saveShot(db, check.id, { siteId: p.siteId, url: p.url, path, capturedAt, width: size.w, height: size.h, error: null });
        taken++;
        opts.onShot?.(p.url, true);
      } catch (e) {
        saveShot(db, check.id, {
          siteId: p.siteId,
          url: p.url,
          path: null,
          capturedAt,
          width: null,
          height: null,
          error: (e as Error).message.split('\n')[0]!.slice(0, 300),
        });
        failed++;
        opts.onShot?.(p.url, false);
      }
    },
  );
  return { taken, failed };
}

/**
 * The pages behind hidden-links findings, rendered again, their hidden links shown and outlined, and the
 * part of the page that holds them captured. A page where none of the links can be found or shown any
 * more gets no picture, and the reason is kept: the finding's markup is then its evidence.
 */
async function captureHiddenLinks(
  db: Db,
  check: Check,
  browser: Browser,
  todo: HiddenLinkPage[],
  opts: ShotOptions,
): Promise<{ taken: number; failed: number }> {
  let taken = 0;
  let failed = 0;
  await runPerHost(
    todo,
    (p) => new URL(p.url).host,
    { concurrency: opts.concurrency, perHost: 1 },
    async (p) => {
      const capturedAt = new Date().toISOString();
      const path = shotPath(opts.outDir, p.siteId, p.url, 'hidden-links');
      const base = { siteId: p.siteId, url: p.url, capturedAt, kind: 'hidden-links' as const };
      try {
        const r = await render(browser, p.url, { guard: opts.guard, timeoutMs: opts.timeoutMs });
        try {
          const shown = await revealHiddenLinks(r.page, p.targets);
          if (!shown.box) {
            const why = shown.found === 0 ? '页面中已找不到这些隐藏链接（可能已删除）' : `找到 ${shown.found} 个隐藏链接，但无法使其显示`;
            saveShot(db, check.id, { ...base, path: null, width: null, height: null, error: why, note: null });
            failed++;
            opts.onShot?.(p.url, false);
            return;
          }
          const size = await r.page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
          const clip = shotRegion(shown.box, { width: size.w, height: size.h });
          mkdirSync(join(path, '..'), { recursive: true });
          await r.page.screenshot({ path, fullPage: true, clip, type: 'png' });
          const note = `已将 ${shown.shown} 个隐藏链接显示并以紫色框标出${shown.shown < p.targets.length ? `（共 ${p.targets.length} 个）` : ''}`;
          saveShot(db, check.id, { ...base, path, width: clip.width, height: clip.height, error: null, note });
          taken++;
          opts.onShot?.(p.url, true);
        } finally {
          await r.page.close();
        }
      } catch (e) {
        saveShot(db, check.id, {
          ...base,
          path: null,
          width: null,
          height: null,
          error: (e as Error).message.split('\n')[0]!.slice(0, 300),
        });
        failed++;
        opts.onShot?.(p.url, false);
      }
    },
  );
  return { taken, failed };
}

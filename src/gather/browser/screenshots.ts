// Evidence screenshots: full-page PNGs of homepages and of the pages behind vetoes, in Chromium,
// one page per host at a time. A page already captured for this check is not captured again.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { pagesToShoot, saveShot, shotsOf } from '../../store/evidence.js';
import type { AddressGuard } from '../http/address-guard.js';
import { launchBrowser, render } from './browser.js';
import { runPerHost } from '../http/host-lanes.js';

export interface ShotOptions {
  outDir: string;
  guard: AddressGuard;
  concurrency: number;
  timeoutMs: number;
  onShot?: (url: string, ok: boolean) => void;
}

/** Where a page's screenshot lives: evidence/<site>/<hash of the URL>.png under the output folder. */
export function shotPath(outDir: string, siteId: string, url: string): string {
  return join(outDir, 'evidence', siteId, `${createHash('sha1').update(url).digest('hex').slice(0, 16)}.png`);
}

export async function captureEvidence(db: Db, check: Check, opts: ShotOptions): Promise<{ taken: number; failed: number }> {
  const done = new Set(
    shotsOf(db, check.id)
      .filter((s) => s.path)
      .map((s) => s.url),
  );
  const todo = pagesToShoot(db, check.id).filter((p) => !done.has(p.url));
  if (todo.length === 0) return { taken: 0, failed: 0 };
  const browser = await launchBrowser();
  let taken = 0;
  let failed = 0;
  try {
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
  } finally {
    await browser.close();
  }
  return { taken, failed };
}

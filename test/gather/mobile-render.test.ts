// The homepage at a phone's width in real Chromium, against pages served on 127.0.0.1: a 1,200 px
// table layout, a responsive page, a page with a viewport over a fixed layout, a server error. Rendering
// off and a refused address store why, and are measured on the next run; what was measured is not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMobile } from '../../src/gather/browser/mobile-render.js';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { mobileFriendly } from '../../src/rules/mobile-friendly.js';
import { functionCheckOf } from '../../src/store/function-checks.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { ctx, site } from '../helpers/artifacts.js';
import { harness, siteRow } from '../helpers/store.js';

const PAGES: Record<string, string> = {
  '/wide/': `<!DOCTYPE html><html><head><title>宽版</title></head><body style="margin:0"><table width="1200"><tr><td>青山市人民政府</td></tr></table></body></html>`,
  '/fit/': `<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><style>.w{width:1200px}@media (max-width:640px){.w{width:auto}}img{max-width:100%}</style></head><body style="margin:0"><div class="w">青山市人民政府<img src="/banner.png" width="900" height="100"></div></body></html>`,
  '/fixed/': `<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0"><div style="width:1000px">青山市</div></body></html>`,
};

let server: Server;
let base = '';
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const page = PAGES[req.url ?? ''];
    if (req.url === '/banner.png') return res.writeHead(404).end();
    if (!page) return res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>500</h1>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('checkMobile', { timeout: 60_000 }, () => {
  it('measures each homepage at 375 px, stores why where it could not, and measures those again on the next run', async () => {
    const h = harness(new Date().toISOString());
    try {
      const ids = { wide: '4301000001', fit: '4301000002', fixed: '4301000003', broken: '4301000004' };
      h.register([
        siteRow(ids.wide, `${base}/wide/`),
        siteRow(ids.fit, `${base}/fit/`),
        siteRow(ids.fixed, `${base}/fixed/`),
        siteRow(ids.broken, `${base}/broken/`),
      ]);
      const opts = { guard: new AddressGuard(true), timeoutMs: 15_000, concurrency: 2 };

      // Rendering off: nothing is opened, each site says why.
      expect(await checkMobile(h.db, h.check, { ...opts, render: false })).toMatchObject({
        measured: 0,
        notRendered: expect.stringContaining('--render never'),
      });
      expect(hits).toEqual([]);
      expect(functionCheckOf(h.db, h.check.id, ids.wide, 'mobile')).toMatchObject({ scrollWidth: null, notTheSite: true });

      // The loopback address refused by the guard (no --allow-private): the checker's limit, not the site's.
      await checkMobile(h.db, h.check, { ...opts, guard: new AddressGuard(false), render: true });
      expect(functionCheckOf(h.db, h.check.id, ids.fit, 'mobile')).toMatchObject({ scrollWidth: null, notTheSite: true });
      expect(hits).toEqual([]);

      expect(await checkMobile(h.db, h.check, { ...opts, render: true })).toEqual({ measured: 4, skipped: 0, notRendered: null });
      const m = (id: string) => functionCheckOf(h.db, h.check.id, id, 'mobile')!;
      expect(m(ids.wide).scrollWidth).toBeGreaterThanOrEqual(1200);
      expect(m(ids.fit).scrollWidth).toBeLessThanOrEqual(375);
      expect(m(ids.fixed).scrollWidth).toBeGreaterThanOrEqual(1000);
      expect(m(ids.broken)).toMatchObject({ scrollWidth: null, error: '首页返回 HTTP 500', notTheSite: false });
      expect(m(ids.wide)).toMatchObject({ width: 375, error: null, finalUrl: `${base}/wide/` });

      // Measured once per check: a second run opens nothing.
      const before = hits.length;
      expect(await checkMobile(h.db, h.check, { ...opts, render: true })).toEqual({ measured: 0, skipped: 4, notRendered: null });
      expect(hits.length).toBe(before);

      // As the rule judges them, with the viewports their markup declares.
      const judged = (id: string, viewport: string | null) => {
        const r = runRule(
          mobileFriendly,
          site({ homepageFeatures: { url: `${base}/`, viewport, controls: [], forms: [] }, mobile: m(id) }),
          mobileFriendly.meta.options.parse({}),
          ctx,
        );
        return r.status === 'checked' ? r.findings.map((f) => f.code) : r.status;
      };
      expect(judged(ids.wide, null)).toEqual(['no-viewport', 'horizontal-scroll']);
      expect(judged(ids.fit, 'width=device-width, initial-scale=1')).toEqual([]);
      expect(judged(ids.fixed, 'width=device-width')).toEqual(['horizontal-scroll']);
      expect(judged(ids.broken, 'width=device-width')).toBe('not-checked');
    } finally {
      h.close();
    }
  });
});

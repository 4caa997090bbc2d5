// A homepage behind a firewall's JavaScript challenge: the crawl says the checker was stopped, so the
// site is not-checked for that reason, not judged on a page it never saw.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { CRAWL_DEFAULTS } from '../../src/gather/crawl/crawler.js';
import { crawlCheck } from '../../src/gather/crawl/crawl-check.js';
import { artifactsFor, type Harness, harness, siteRow } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
let server: Server;
let h: Harness;

beforeAll(async () => {
  server = createServer((q, r) => {
    const waf = q.headers.host?.startsWith('127.0.0.1');
    r.writeHead(waf ? 412 : 404, { 'content-type': 'text/html', ...(waf ? { 'set-cookie': '__jsluid_h=abc; path=/' } : {}) });
    r.end(waf ? '<html><script>document.cookie="__jsl_clearance=1";location.reload()</script></html>' : 'not found');
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  const port = (server.address() as AddressInfo).port;
  h = harness(AT);
  h.register([siteRow('4301000001', `http://127.0.0.1:${port}/`, 'WAF'), siteRow('4301000002', `http://localhost:${port}/`, 'Gone')]);
  await crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, render: 'never', guard: new AddressGuard(true) });
});

afterAll(async () => {
  h.close();
  await new Promise((r) => server.close(r));
});

it('a 412 challenge with a firewall cookie is recorded as the checker stopped', () => {
  const home = artifactsFor(h, '4301000001').homepage!;
  expect(home.readable).toBe(false);
  expect(home.error).toMatch(/网站防护拦截了检查（HTTP 412）/);
});

it('near miss: a plain 404 homepage is the site’s own answer', () => {
  const home = artifactsFor(h, '4301000002').homepage!;
  expect(home.error).toBe('HTTP 404');
});

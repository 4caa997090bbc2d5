// Sites behind a firewall's JavaScript challenge (fixtures/waf.ts), crawled through the real Chromium:
// the challenge is passed once per host and its cookies carry the plain requests that read the site; a
// cookie that stops working is earned once more and then the pages stay blocked; a slider that needs a
// person, or a crawl with --render never, leaves the site blocked with the reason, never judged on
// the firewall's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWafSite, type WafSite } from '../../fixtures/waf.js';
import { CHALLENGE_PASSED, WHY } from '../../src/gather/crawl/challenge-cookies.js';
import { CRAWL_DEFAULTS } from '../../src/gather/crawl/crawler.js';
import { crawlCheck } from '../../src/gather/crawl/crawl-check.js';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import type { RenderMode } from '../../src/model/site.js';
import { buildReport } from '../../src/report/build.js';
import { loadPage } from '../../src/store/pages.js';
import { loadEdition } from '../../src/verdict/config/edition.js';
import { judgeCheck } from '../../src/verdict/judge-check.js';
import { artifactsFor, type Harness, harness, siteRow } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
const crawl = (h: Harness, render: RenderMode) =>
  crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, timeoutSecs: 4, render, guard: new AddressGuard(true) });

const columnsOf = (h: Harness, id: string) =>
  Object.fromEntries(
    artifactsFor(h, id)
      .lists.filter((l) => l.kind === 'column')
      .map((l) => [new URL(l.url).pathname, { state: l.state, items: l.items.length, reason: l.stateReason }]),
  );

describe('a JavaScript challenge, passed in Chromium', { timeout: 120_000 }, () => {
  let js: WafSite;
  let js503: WafSite;
  let expiring: WafSite;
  let captcha: WafSite;
  let limited: WafSite;
  let h: Harness;
  beforeAll(async () => {
    [js, js503, expiring, captcha, limited] = await Promise.all([
      startWafSite({ mode: 'js-challenge', host: '127.0.0.11' }),
      startWafSite({ mode: 'js-challenge', status: 503, host: '127.0.0.12' }),
      startWafSite({ mode: 'js-challenge', clearanceUses: 3, host: '127.0.0.13' }),
      startWafSite({ mode: 'captcha', host: '127.0.0.14' }),
      startWafSite({ mode: 'rate-limit', host: '127.0.0.16' }),
    ]);
    h = harness(AT);
    h.register([
      siteRow('4301000001', js.url, '412'),
      siteRow('4301000002', js503.url, '503'),
      siteRow('4301000003', expiring.url, 'expiring'),
      siteRow('4301000004', captcha.url, 'captcha'),
      siteRow('4301000005', limited.url, '429'),
    ]);
    await crawl(h, 'auto');
    judgeCheck(h.db, h.check, loadEdition('2019'), new Date().toISOString());
  }, 120_000);
  afterAll(async () => {
    h?.close();
    await Promise.all([js, js503, expiring, captcha, limited].map((s) => s?.close()));
  });

  it.each([
    ['412', '4301000001', () => js],
    ['503 with the firewall’s cookie', '4301000002', () => js503],
  ])('%s: passed once, then the homepage and every column are read with its cookies, rendered ones too', (_, id, site) => {
    const a = artifactsFor(h, id);
    expect(site().passed).toBe(1);
    expect(a.homepage).toMatchObject({ readable: true, status: 200, error: null });
    expect(a.lists.filter((l) => l.kind === 'homepage-block').flatMap((l) => l.items)).toHaveLength(5);
    expect(columnsOf(h, id)).toMatchObject({
      '/c1/': { state: 'items', items: 5 },
      '/c2/': { state: 'items', items: 5 },
      '/c3/': { state: 'items', items: 5 },
      // Its list comes from a script whose request the firewall lets through only with the clearance.
      '/c4/': { state: 'items', items: 5 },
    });
    expect(site().served).toContain('/data/c4.json');
    // The plain requests read the site: the browser asked only for the homepage.
    expect(site().served.filter((p) => p.startsWith('/c') || p.startsWith('/a/')).length).toBeGreaterThanOrEqual(6);
    expect(a.crawl).toMatchObject({ state: 'complete', reason: CHALLENGE_PASSED });
    // The report says the site was read past its firewall.
    const reported = buildReport(h.db, h.check, new Date().toISOString()).sites.find((s) => s.id === id)!;
    expect(reported.crawl).toMatchObject({ state: 'complete', reason: CHALLENGE_PASSED });
  });

  it('the cookies are never sent to another host, even through a redirect', () => {
    // (The expiring site's redirecting column is among the pages left blocked: it never gets there.)
    for (const site of [js, js503]) {
      expect(site.foreignCookies.length).toBeGreaterThan(0);
      expect(site.foreignCookies.filter((c) => /__jsl|__jsluid/.test(c))).toEqual([]);
    }
  });

  it('a cookie that stops working is earned once more, then the pages stay blocked', () => {
    expect(expiring.passed).toBe(2);
    const a = artifactsFor(h, '4301000003');
    expect(a.homepage?.readable).toBe(true);
    const blocked = Object.values(columnsOf(h, '4301000003')).filter((c) => c.state === 'unreadable');
    const read = Object.values(columnsOf(h, '4301000003')).filter((c) => c.state === 'items');
    expect(read.length).toBeGreaterThanOrEqual(1);
    expect(blocked.length).toBeGreaterThanOrEqual(1);
    for (const c of blocked) expect(c.reason).toContain(WHY.stillBlocked);
    expect(a.crawl.reason).toContain(CHALLENGE_PASSED);
  });

  it('near miss: a slider only a person can drag stays blocked, with the reason, and is judged on nothing', () => {
    expect(captcha.passed).toBe(0);
    const a = artifactsFor(h, '4301000004');
    expect(a.homepage).toMatchObject({ readable: false, status: 403 });
    expect(a.homepage!.error).toMatch(/^网站防护拦截了检查（HTTP 403），浏览器未能通过其验证（页面要求人工完成滑块或验证码），需人工核实$/);
    expect(a.crawl.state).toBe('failed');
    // Only the homepage was asked for: the firewall's page leads nowhere.
    expect(captcha.served).toEqual([]);
    const site = buildReport(h.db, h.check, new Date().toISOString()).sites.find((s) => s.id === '4301000004')!;
    expect(site).toMatchObject({ verdict: 'not-checked', notCheckedReason: `首页未能读取：${a.homepage!.error}` });
    expect(site.findings.filter((f) => f.kind !== 'notice')).toEqual([]);
  });

  it('near miss: a rate limit is no challenge: no browser asks again, and the reason says to check later', () => {
    expect(limited.challenged).toBe(1);
    expect(artifactsFor(h, '4301000005').homepage).toMatchObject({
      readable: false,
      status: 429,
      error: `网站防护拦截了检查（HTTP 429），${WHY.rateLimited}`,
    });
  });
});

describe('with --render never', { timeout: 60_000 }, () => {
  let js: WafSite;
  let h: Harness;
  beforeAll(async () => {
    js = await startWafSite({ mode: 'js-challenge' });
    h = harness(AT);
    h.register([siteRow('4301000001', js.url)]);
    await crawl(h, 'never');
  });
  afterAll(async () => {
    h?.close();
    await js?.close();
  });

  it('the site stays blocked, and the reason says a browser would be needed', () => {
    expect(js.passed).toBe(0);
    const home = artifactsFor(h, '4301000001').homepage!;
    expect(home).toMatchObject({ readable: false, status: 412 });
    expect(home.error).toBe(`网站防护拦截了检查（HTTP 412），${WHY.noBrowser}`);
  });

  it('a later crawl with rendering allowed asks again instead of keeping the firewall’s page', async () => {
    await crawl(h, 'auto');
    expect(js.passed).toBe(1);
    expect(artifactsFor(h, '4301000001').homepage).toMatchObject({ readable: true, status: 200 });
    expect(loadPage(h.db, h.check.id, js.url)?.error).toBeNull();
  });
});

describe('with --render always', { timeout: 60_000 }, () => {
  let js: WafSite;
  let h: Harness;
  beforeAll(async () => {
    js = await startWafSite({ mode: 'js-challenge', host: '127.0.0.15' });
    h = harness(AT);
    h.register([siteRow('4301000001', js.url)]);
    await crawl(h, 'always');
  });
  afterAll(async () => {
    h?.close();
    await js?.close();
  });

  it('the rendered homepage passes the challenge, and the columns rendered after it carry its cookies', () => {
    const a = artifactsFor(h, '4301000001');
    expect(loadPage(h.db, h.check.id, js.url, true)).toMatchObject({ status: 200, error: null });
    expect(a.lists.filter((l) => l.kind === 'homepage-block').flatMap((l) => l.items)).toHaveLength(5);
    expect(columnsOf(h, '4301000001')).toMatchObject({
      '/c1/': { state: 'items', items: 5 },
      '/c4/': { state: 'items', items: 5 },
    });
    expect(a.crawl).toMatchObject({ state: 'complete', reason: CHALLENGE_PASSED });
  });
});

// Hostile and broken sites (fixtures/hostile.ts), crawled together with small bounds: the crawl ends,
// each bad part is stopped with its reason stored, the site's good parts are kept, and the report says
// what happened. Times and memory per case: `npm run bench:hostile`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostile, type HostileCase } from '../../fixtures/hostile.js';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { CRAWL_DEFAULTS } from '../../src/gather/crawl/crawler.js';
import { crawlCheck } from '../../src/gather/crawl/crawl-check.js';
import { buildReport } from '../../src/report/build.js';
import type { Report } from '../../src/model/report.js';
import { loadPage } from '../../src/store/pages.js';
import { upsertSites } from '../../src/store/sites.js';
import { loadEdition } from '../../src/verdict/config/edition.js';
import { judgeCheck } from '../../src/verdict/judge-check.js';
import { artifactsFor, type Harness, harness } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
let hostile: Awaited<ReturnType<typeof startHostile>>;
let h: Harness;
let report: Report;
const idOf = (i: number) => `43010020${String(i).padStart(2, '0')}`;

beforeAll(async () => {
  hostile = await startHostile();
  h = harness(AT);
  upsertSites(
    h.db,
    hostile.cases.map((c, i) => ({
      id: idOf(i),
      name: c.key,
      url: c.url,
      sponsor: null,
      level: null,
      region: '430100',
      parentId: null,
      status: 'running' as const,
    })),
    'test',
    AT,
  );
  h.check = h.ensure();
  await crawlCheck(h.db, h.check, {
    ...CRAWL_DEFAULTS,
    delayMs: 0,
    timeoutSecs: 2,
    maxBodyBytes: 5_000_000,
    siteBudgetMs: 60_000,
    render: 'never',
    guard: new AddressGuard(true),
  });
  judgeCheck(h.db, h.check, loadEdition('2019'), new Date().toISOString());
  report = buildReport(h.db, h.check, new Date().toISOString());
}, 120_000);

afterAll(async () => {
  h?.close();
  await hostile?.close();
});

const cases = () => hostile.cases.map((c, i) => [c.key, c, idOf(i)] as [string, HostileCase, string]);

describe('hostile sites: the crawl ends, the bad part is stopped and named, the rest is kept', () => {
  // it.each needs its table before the servers start, so the table is the case keys.
  it.each([
    'drip',
    'endless-body',
    'gzip-bomb',
    'redirect-loop',
    'redirect-chain-30',
    'calendar',
    'big-page',
    'malformed',
    'wrong-charset',
    'binary',
    'reset',
    'flaky-500',
  ])('%s', (key) => {
    const [, c, id] = cases().find(([k]) => k === key)!;
    const a = artifactsFor(h, id);
    expect({ state: a.crawl.state, reason: a.crawl.reason }).toEqual({
      state: c.expect.state,
      reason: c.expect.reason ? expect.stringMatching(c.expect.reason) : null,
    });
    const columns = a.lists.filter((l) => l.kind === 'column');
    const at = (path: string) =>
      columns.find((l) => new URL(l.url).pathname + new URL(l.url).search === path || new URL(l.url).pathname === path);
    for (const path of c.expect.goodColumns) {
      expect({ path, state: at(path)?.state, items: at(path)?.items.length }).toEqual({ path, state: 'items', items: 5 });
      // Titles decoded right, whatever the page declared.
      expect(
        at(path)!
          .items.map((i) => i.title)
          .join(''),
      ).toMatch(/^(关于开展\w*第\d项工作的通知)+$/);
    }
    if (c.expect.badColumn) {
      const bad = at(c.expect.badColumn.path);
      expect({ state: bad?.state, reason: bad?.stateReason }).toEqual({
        state: 'unreadable',
        reason: expect.stringMatching(c.expect.badColumn.reason),
      });
    }
    // The homepage's own list is read (on the malformed page too).
    expect(a.lists.filter((l) => l.kind === 'homepage-block').flatMap((l) => l.items).length).toBeGreaterThanOrEqual(3);
    // The report carries the crawl's state and reason; a partial crawl is not judged on what it missed.
    const site = report.sites.find((s) => s.id === id)!;
    expect(site.crawl).toMatchObject({ state: c.expect.state, reason: a.crawl.reason });
    if (c.expect.state === 'partial')
      expect(site).toMatchObject({ verdict: 'not-checked', notCheckedReason: expect.stringMatching(/^部分检查：/) });
  });

  it('the bomb, the big page and the endless body are cut at the cap and not stored', () => {
    for (const key of ['gzip-bomb', 'big-page', 'endless-body']) {
      const c = hostile.cases.find((x) => x.key === key)!;
      const stored = loadPage(h.db, h.check.id, new URL('/c3/', c.url).href);
      expect({ key, body: stored?.body ?? null, error: stored?.error }).toEqual({
        key,
        body: null,
        error: expect.stringMatching(/大小上限/),
      });
    }
  });

  it('the redirect loop and the 30-hop chain are given up after 10 hops, once: another try would loop again', () => {
    for (const key of ['redirect-loop', 'redirect-chain-30']) {
      const c = hostile.cases.find((x) => x.key === key)!;
      // The homepage, two good columns and their articles (5), and the bad column's 11 hops, asked once.
      expect({ key, requests: c.requests }).toEqual({ key, requests: 16 });
    }
  });
});

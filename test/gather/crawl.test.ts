// What the crawl reads and stores, checked against the fixture data; and a crawl killed with SIGKILL
// that resumes with the same command, fetching nothing it had already stored.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { CRAWL_DEFAULTS, crawlSites } from '../../src/gather/crawl/crawler.js';
import { crawlCheck } from '../../src/gather/crawl/crawl-check.js';
import { daysBefore } from '../../src/model/day.js';
import { importRegistry } from '../../src/registry/import.js';
import { readPage } from '../../src/extract/page.js';
import { loadPage } from '../../src/store/pages.js';
import { listSites } from '../../src/store/sites.js';
import { artifactsFor, type Harness, harness } from '../helpers/store.js';
import { cli } from '../helpers/cli.js';

const AT = '2026-12-01T10:00:00+08:00';

describe('crawl of one TRS site with script-only pagination', () => {
  let fleet: Fleet;
  let h: Harness;
  beforeAll(async () => {
    fleet = await startFleet({ at: AT, sites: ['paged-notice', 'gbk-fresh', 'gb18030-fresh', 'gbk-labelled-utf8'] });
    h = harness(AT);
    writeFileSync(join(h.dir, 'registry.csv'), fleet.registryCsv());
    await importRegistry(h.db, join(h.dir, 'registry.csv'), AT);
    h.check = h.ensure();
    await crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, guard: new AddressGuard(true) });
  }, 60_000);
  afterAll(async () => {
    await fleet.close();
    h.close();
  });

  it('follows createPageHTML pages while items are inside the longest window (1 year), then stops', () => {
    const a = artifactsFor(h, fleet.sites.find((s) => s.fixture.key === 'paged-notice')!.fixture.id);
    const tzgg = a.lists.find((l) => l.kind === 'column' && l.name === '通知公告')!;
    const yearAgo = daysBefore('2026-12-01', 365);
    const dated = tzgg.items.map((i) => i.date!).sort();
    expect(tzgg.pagesRead).toBeGreaterThan(1);
    expect(dated[0]! < yearAgo).toBe(true); // it read one page past the window's start…
    const tzggPages = fleet.requests.filter((r) => r.site === 'paged-notice' && /\/tzgg\/index(_\d+)?\.html$/.test(r.path));
    expect(tzggPages.length).toBe(tzgg.pagesRead - 1); // …and no further (page 1 is fetched as /tzgg/)
    expect(tzgg.level).toBe(1);
  });

  it('reads levels from breadcrumbs, and a script-built list once Chromium has rendered it', () => {
    const a = artifactsFor(h, fleet.sites.find((s) => s.fixture.key === 'paged-notice')!.fixture.id);
    expect(a.lists.find((l) => l.name === '人事任免')).toMatchObject({ level: 2, state: 'items' });
    const sjfb = a.lists.find((l) => l.name === '数据发布')!;
    expect(sjfb.state).toBe('items');
    expect(sjfb.items.length).toBeGreaterThan(0);
    expect(sjfb.items.every((i) => i.date)).toBe(true);
    expect(a.crawl.state).toBe('complete');
  });

  it('one request at a time, one per host, reads exactly the same as the default schedule', async () => {
    const h2 = harness(AT);
    try {
      await importRegistry(h2.db, join(h.dir, 'registry.csv'), AT);
      h2.check = h2.ensure();
      await crawlCheck(h2.db, h2.check, { ...CRAWL_DEFAULTS, delayMs: 0, concurrency: 1, perHost: 1, guard: new AddressGuard(true) });
      for (const s of fleet.sites) {
        const strip = (x: ReturnType<typeof artifactsFor>) => ({ crawl: x.crawl, lists: x.lists });
        expect(strip(artifactsFor(h2, s.fixture.id))).toEqual(strip(artifactsFor(h, s.fixture.id)));
      }
    } finally {
      h2.close();
    }
  });

  it('a site waiting only on the browser gives its place to the next site, and both read as before', async () => {
    const h2 = harness(AT);
    try {
      await importRegistry(h2.db, join(h.dir, 'registry.csv'), AT);
      h2.check = h2.ensure();
      const byKey = (key: string) => fleet.sites.find((s) => s.fixture.key === key)!.fixture.id;
      const [scripted, plain] = [byKey('paged-notice'), byKey('gbk-fresh')];
      const sites = listSites(h2.db);
      const ordered = [scripted, plain].map((id) => sites.find((s) => s.id === id)!);
      const mark = fleet.requests.length;
      // One site at a time: paged-notice first; its 数据发布 list needs Chromium, which takes seconds to start.
      await crawlSites(h2.db, h2.check, ordered, { ...CRAWL_DEFAULTS, delayMs: 0, activeSites: 1, guard: new AddressGuard(true) });
      const requests = fleet.requests.slice(mark);
      // The list's data is asked for by the rendered page's script; the other site had started before.
      const scriptData = requests.findIndex((r) => r.site === 'paged-notice' && r.path.includes('.json'));
      const otherHome = requests.findIndex((r) => r.site === 'gbk-fresh' && r.path === '/');
      expect(scriptData).toBeGreaterThan(-1);
      expect(otherHome).toBeGreaterThan(-1);
      expect(otherHome).toBeLessThan(scriptData);
      for (const id of [scripted, plain]) {
        const strip = (x: ReturnType<typeof artifactsFor>) => ({ crawl: x.crawl, lists: x.lists });
        expect(strip(artifactsFor(h2, id))).toEqual(strip(artifactsFor(h, id)));
      }
    } finally {
      h2.close();
    }
  }, 60_000);

  it('with --render never, a script-built list is unreadable, never empty', async () => {
    const h2 = harness(AT);
    try {
      await importRegistry(h2.db, join(h.dir, 'registry.csv'), AT);
      h2.check = h2.ensure();
      await crawlCheck(h2.db, h2.check, { ...CRAWL_DEFAULTS, delayMs: 0, render: 'never', guard: new AddressGuard(true) });
      const a = artifactsFor(h2, fleet.sites.find((s) => s.fixture.key === 'paged-notice')!.fixture.id);
      expect(a.lists.find((l) => l.name === '数据发布')).toMatchObject({ state: 'unreadable', items: [] });
      expect(a.lists.find((l) => l.name === '数据发布')?.stateReason).toMatch(/脚本/);
    } finally {
      h2.close();
    }
  });

  it.each([
    ['gbk-fresh', 'gbk', 'meta'],
    ['gb18030-fresh', 'gb18030', 'meta'],
    ['gbk-labelled-utf8', 'gbk', 'corrected'],
  ])('decodes %s as %s (%s) and reads its 年月日 dates', async (key, encoding, source) => {
    const served = fleet.sites.find((s) => s.fixture.key === key)!;
    const a = artifactsFor(h, served.fixture.id);
    const blocks = a.lists.filter((l) => l.kind === 'homepage-block');
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.every((b) => b.items.every((i) => i.date && /[\u4e00-\u9fa5]/.test(i.title)))).toBe(true);
    expect(JSON.stringify(a.lists)).not.toMatch(/\ufffd/);
    expect(a.crawl.state).toBe('complete');
    // The stored homepage reads back with the site's own name intact (𬀩 needs GB18030's four bytes).
    const stored = loadPage(h.db, h.check.id, served.url)!;
    const read = readPage(stored.body!, { url: served.url, contentType: stored.contentType, atDay: '2026-12-01' });
    expect({ encoding: read.encoding, source: read.encodingSource }).toEqual({ encoding, source });
    expect(read.title).toContain(served.fixture.name);
  });
});

describe('a crawl killed with SIGKILL', () => {
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = await startFleet({ at: AT });
  });
  afterAll(async () => {
    await fleet.close();
  });

  it('resumes with the same command: finishes, never asking again for a page it had stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'choucha-kill-'));
    writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
    const db = ['--db', join(dir, 'db'), '--allow-private'];
    expect((await cli([...db, 'sites', 'import', join(dir, 'registry.csv')])).code).toBe(0);
    const crawlArgs = [...db, 'crawl', '--quarter', '2026Q4', '--at', AT, '--delay', '20ms', '--concurrency', '4'];

    const bin = fileURLToPath(new URL('../../bin/choucha.js', import.meta.url));
    const child = spawn(process.execPath, [bin, ...crawlArgs], { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (fleet.requests.length >= 60) {
          clearInterval(t);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((r) => child.on('close', r));
    const firstRun = fleet.requests.length;
    expect(firstRun).toBeLessThan(300); // killed mid-crawl, not after it

    // What the killed run had stored: the resumed run must not ask for any of it again.
    const sqlite = new Database(join(dir, 'db'), { readonly: true });
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(
      (
        sqlite.prepare('SELECT url FROM pages WHERE rendered = 0 AND body IS NOT NULL AND (status IS NULL OR status < 500)').all() as {
          url: string;
        }[]
      ).map((r) => r.url),
    );
    sqlite.close();
    expect(stored.size).toBeGreaterThan(10);

    const resumed = await cli(crawlArgs);
    expect(resumed.code).toBe(0);
    const base = new Map(fleet.sites.map((s) => [s.fixture.key, s.url]));
    const refetched = fleet.requests
      .slice(firstRun)
      .map((r) => new URL(r.path, base.get(r.site)).href)
      .filter((u) => stored.has(u));
    expect(refetched).toEqual([]);
    expect(fleet.requests.length).toBeGreaterThan(firstRun); // and it did carry on where it stopped

    const report = await cli([
      ...db,
      'run',
      '--links',
      'internal',
      '--registry',
      join(dir, 'registry.csv'),
      '--quarter',
      '2026Q4',
      '--rounds',
      '1',
      '--out',
      join(dir, 'out'),
      '--format',
      'json',
      '--no-screenshots',
    ]);
    expect(report.code).toBe(0);
    const { sites } = JSON.parse((await import('node:fs')).readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as {
      sites: { id: string; verdict: string }[];
    };
    // Closed sites get no verdict (report.json lists them apart).
    for (const f of fleet.sites.filter((x) => !x.fixture.registered))
      expect({ key: f.fixture.key, verdict: sites.find((s) => s.id === f.fixture.id)?.verdict }).toEqual({
        key: f.fixture.key,
        verdict: f.fixture.expect.verdict,
      });
  }, 360_000);
});

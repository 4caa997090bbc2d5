// Bounds that keep one site from costing too much: a page too big, a gzip bomb, a site too slow.
// Each is stopped, the site says why, and its verdict is not guessed from the part that was read.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { CRAWL_DEFAULTS } from '../../src/gather/crawl/crawler.js';
import { crawlCheck } from '../../src/gather/crawl/crawl-check.js';
import { upsertSites } from '../../src/store/sites.js';
import { artifactsFor, type Harness, harness } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
const servers: Server[] = [];

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
}

const page = (body: string) => `<html><head><meta charset="utf-8"><title>测试</title></head><body>${body}</body></html>`;
const columns = Array.from({ length: 12 }, (_, i) => `<li><a href="/c${i}/">栏目${i}</a></li>`).join('');
const list = `<ul class="list">${Array.from({ length: 5 }, (_, i) => `<li><a href="/a/t2026112${i}_1.html">关于开展第${i}项工作的通知</a><span>2026-11-2${i}</span></li>`).join('')}</ul>`;

let h: Harness;
let deep: Harness;
const urls: Record<string, string> = {};
beforeAll(async () => {
  const bomb = gzipSync(Buffer.alloc(30_000_000, 0x20)); // 30 MB of spaces in about 30 KB
  urls.big = await serve((_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    r.end(page(`<div>${'政府网站'.repeat(1_000_000)}</div>`)); // 12 MB
  });
  urls.bomb = await serve((_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    r.end(bomb);
  });
  urls.slow = await serve((q, r) => {
    setTimeout(() => {
      r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      r.end(
        q.url === '/'
          ? page(`<div class="nav"><ul>${columns}</ul></div>${list}`)
          : page(`<div class="position">当前位置：首页 &gt; 栏目</div>${list}`),
      );
    }, 300);
  });
  // Every column page links one level deeper, without end: a menu trap.
  urls.deep = await serve((q, r) => {
    const n = Number(/\/d(\d+)\//.exec(q.url ?? '')?.[1] ?? 0);
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const menu = n > 0 ? `<div class="left"><ul><li><a href="/d${n + 1}/">下级栏目${n + 1}</a></li></ul></div>` : '';
    if (q.url === '/')
      r.end(
        page(
          `<div class="nav"><ul><li><a href="/d1/">栏目一</a></li><li><a href="/a1/">栏目二</a></li><li><a href="/a2/">栏目三</a></li></ul></div>${list}`,
        ),
      );
    else r.end(page(`<div class="position">当前位置：首页 &gt; 栏目${n}</div>${menu}${list}`));
  });
  const row = (name: string, url: string, i: number) => ({
    id: `430100000${i}`,
    name,
    url,
    sponsor: null,
    level: null,
    region: '430100',
    parentId: null,
    status: 'running' as const,
  });
  h = harness(AT);
  upsertSites(
    h.db,
    (['big', 'bomb', 'slow'] as const).map((k, i) => row(k, urls[k]!, i)),
    'test',
    AT,
  );
  h.check = h.ensure();
  await crawlCheck(h.db, h.check, {
    ...CRAWL_DEFAULTS,
    delayMs: 0,
    maxBodyBytes: 5_000_000,
    siteBudgetMs: 1000,
    render: 'never',
    guard: new AddressGuard(true),
  });
  // The depth trap gets the default time budget: only the depth bound may stop it, however busy the machine.
  deep = harness(AT);
  upsertSites(deep.db, [row('deep', urls.deep!, 3)], 'test', AT);
  deep.check = deep.ensure();
  await crawlCheck(deep.db, deep.check, { ...CRAWL_DEFAULTS, delayMs: 0, maxDepth: 4, render: 'never', guard: new AddressGuard(true) });
}, 60_000);

afterAll(async () => {
  h.close();
  deep.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe('crawl bounds', () => {
  it('a page over the size cap is not read; the site says why', () => {
    const a = artifactsFor(h, '4301000000');
    expect(a.crawl.state).toBe('failed');
    expect(a.crawl.reason).toMatch(/大小上限/);
  });

  it('a gzip bomb is stopped at the cap after decompression', () => {
    const a = artifactsFor(h, '4301000001');
    expect(a.crawl.state).toBe('failed');
    expect(a.crawl.reason).toMatch(/大小上限/);
  });

  it('a site past its time budget is partially checked, with the reason', () => {
    const a = artifactsFor(h, '4301000002');
    expect(a.crawl.state).toBe('partial');
    expect(a.crawl.reason).toMatch(/时间上限/);
    expect(a.lists.filter((l) => l.kind === 'column').length).toBeLessThan(12);
  });
});

describe('column depth', () => {
  it('an endless chain of sub-columns stops at the depth bound, and the site is partial', () => {
    const a = artifactsFor(deep, '4301000003');
    expect(a.crawl.state).toBe('partial');
    expect(a.crawl.reason).toMatch(/层级超过 4 层/);
    const chain = a.lists.filter((l) => l.kind === 'column' && /\/d\d+\//.test(l.url));
    expect(chain.map((l) => new URL(l.url).pathname)).toEqual(['/d1/', '/d2/', '/d3/', '/d4/']);
  });
});

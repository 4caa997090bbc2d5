// link-broken from crawl to finding: every link outcome a real site produces, checked once per check.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { CRAWL_DEFAULTS } from '../../src/gather/crawl/crawler.js';
import { crawlCheck } from '../../src/gather/crawl/crawl-check.js';
import { checkLinks } from '../../src/gather/links/link-checker.js';
import { cstDay } from '../../src/model/day.js';
import { linkBroken } from '../../src/rules/link-broken.js';
import { upsertSites } from '../../src/store/sites.js';
import { ctx } from '../helpers/artifacts.js';
import { artifactsFor, type Harness, harness } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
const log: string[] = [];
let a: Server;
let b: Server;
let aBase = '';
let flakyHits = 0;

function site(handler: (path: string, method: string) => [number, string]): Promise<Server> {
  const s = createServer((q, r) => {
    log.push(`${s === a ? 'A' : 'B'} ${q.method} ${q.url}`);
    const [status, body] = handler(q.url ?? '/', q.method ?? 'GET');
    r.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    r.end(q.method === 'HEAD' ? undefined : body);
  });
  return new Promise((res) => s.listen(0, '127.0.0.1', () => res(s)));
}

const html = (body: string) => `<html><head><title>测试</title><link rel="stylesheet" href="/style.css"></head><body>${body}</body></html>`;

let h: Harness;
beforeAll(async () => {
  a = await site((path, method) => {
    if (path === '/')
      return [
        200,
        html(`<ul class="list"><li><a href="/ok.html">正常页面链接标题</a><span>2026-11-30</span></li></ul>
          <a href="/gone">已删除的页面</a> <a href="/removed">已撤下的文件</a> <a href="/forbidden">无权限页面</a>
          <a href="/flaky">偶尔出错的页面</a> <a href="/down">一直出错的页面</a> <a href="/head-405">只接受GET</a>
          <img src="/missing.png" alt="缺失的图片"> <a href="/files/doc.pdf">附件下载</a>
          <a href="http://example.invalid/">外部网站</a> <a href="javascript:void(0)">脚本</a>`),
      ];
    if (path === '/style.css' || path === '/ok.html') return [200, html('ok')];
    if (path === '/removed') return [410, 'gone'];
    if (path === '/forbidden') return [403, 'no'];
    if (path === '/flaky') return [flakyHits++ === 0 ? 500 : 200, 'x'];
    if (path === '/down') return [503, 'down'];
    if (path === '/head-405') return method === 'HEAD' ? [405, ''] : [200, 'fine'];
    return [404, 'not found'];
  });
  aBase = `http://127.0.0.1:${(a.address() as AddressInfo).port}/`;
  b = await site((path) =>
    path === '/' ? [200, html(`<a href="${aBase}gone">兄弟单位的失效链接</a>`)] : path === '/style.css' ? [200, ''] : [404, ''],
  );
  const bBase = `http://127.0.0.1:${(b.address() as AddressInfo).port}/`;
  h = harness(AT);
  upsertSites(
    h.db,
    [
      { id: '4301000001', name: 'A', url: aBase, sponsor: null, level: null, region: '430100', parentId: null, status: 'running' },
      { id: '4301000002', name: 'B', url: bBase, sponsor: null, level: null, region: '430100', parentId: null, status: 'running' },
    ],
    'test',
    AT,
  );
  h.check = h.ensure();
  const guard = new AddressGuard(true);
  await crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, render: 'never', guard });
  log.length = 0;
  await checkLinks(h.db, h.check, {
    scope: 'internal',
    internalHosts: new Set([new URL(aBase).host, new URL(bBase).host]),
    guard,
    concurrency: 4,
    perHost: 2,
    timeoutMs: 5000,
    retryAfterMs: 50,
  });
}, 60_000);

afterAll(async () => {
  h.close();
  await Promise.all([a, b].map((s) => new Promise((r) => s.close(r))));
});

describe('link-broken, end to end', () => {
  it('finds exactly the dead targets: certain statuses, and suspects that failed twice', () => {
    const r = linkBroken.run(artifactsFor(h, '4301000001'), linkBroken.meta.options.parse({}), { ...ctx, atDay: cstDay(AT) });
    expect(r.status).toBe('checked');
    if (r.status !== 'checked') return;
    const dead = r.findings.map((f) => new URL(f.evidence.target as string).pathname).sort();
    expect(dead).toEqual(['/down', '/files/doc.pdf', '/forbidden', '/gone', '/missing.png', '/removed']);
    expect(r.findings.every((f) => f.code === 'homepage-link')).toBe(true);
    const down = r.findings.find((f) => (f.evidence.target as string).endsWith('/down'))!;
    expect(down.evidence).toMatchObject({ attempts: 2, http: 503 });
    expect(down.evidence.error).toMatch(/两次检查均失败/);
    const img = r.findings.find((f) => (f.evidence.target as string).endsWith('.png'))!;
    expect(img.evidence).toMatchObject({ tag: 'img', text: '缺失的图片' });
    expect(r.findings.find((f) => (f.evidence.target as string).endsWith('.pdf'))?.evidence.tag).toBe('attachment');
  });

  it('a target linked from two sites is checked once for the whole check', () => {
    const gone = log.filter((l) => l.endsWith(' /gone'));
    expect(gone).toEqual(['A HEAD /gone', 'A GET /gone']);
    const r = linkBroken.run(artifactsFor(h, '4301000002'), linkBroken.meta.options.parse({}), { ...ctx, atDay: cstDay(AT) });
    expect(r.status === 'checked' && r.findings.map((f) => f.evidence.target)).toEqual([`${aBase}gone`]);
  });

  it('HEAD refused but GET fine is not dead; external links are not fetched under --links internal', () => {
    expect(log).toContain('A GET /head-405');
    expect(log.some((l) => l.includes('example.invalid'))).toBe(false);
    const links = artifactsFor(h, '4301000001').links;
    expect(links.find((l) => l.target === 'http://example.invalid/')?.status).toBe('excluded');
    expect(links.find((l) => l.target.endsWith('/flaky'))?.status).toBe('ok');
  });
});

const bBaseOf = () => `http://127.0.0.1:${(b.address() as AddressInfo).port}/`;

describe('targets streamed a step at a time', () => {
  const statuses = () =>
    new Map(
      (h.db.$client.prepare('SELECT target, status FROM link_checks').all() as { target: string; status: string }[]).map((r) => [
        r.target,
        r.status,
      ]),
    );
  const opts = () => ({
    scope: 'internal' as const,
    internalHosts: new Set([new URL(aBase).host, `127.0.0.1:${(b.address() as AddressInfo).port}`]),
    guard: new AddressGuard(true),
    concurrency: 4,
    perHost: 2,
    timeoutMs: 5000,
    retryAfterMs: 50,
  });

  it('one page per step gives the same statuses, each target asked once, across steps too', async () => {
    const before = statuses();
    h.db.$client.exec('DELETE FROM link_checks');
    log.length = 0;
    await checkLinks(h.db, h.check, { ...opts(), pagesPerStep: 1 });
    expect(statuses()).toEqual(before);
    // /gone is linked from both sites' homepages (pages far apart): one HEAD and one GET, as in one step.
    expect(log.filter((l) => l.endsWith(' /gone'))).toEqual(['A HEAD /gone', 'A GET /gone']);
    // Every target once; /down (503 every time) once more, in the retry of suspects, beside at most one
    // target per host that answered (the retry's controls, which tell a local outage from dead sites).
    const heads = new Map<string, number>();
    for (const l of log.filter((x) => x.includes(' HEAD '))) heads.set(l, (heads.get(l) ?? 0) + 1);
    const twice = [...heads].filter(([, n]) => n > 1).map(([l]) => l);
    expect(twice).toContain('A HEAD /down');
    expect(heads.get('A HEAD /down')).toBe(2);
    const controls = twice.filter((l) => l !== 'A HEAD /down');
    expect(controls.length).toBeLessThanOrEqual(2);
    expect(new Set(controls.map((l) => l.split(' ')[0])).size).toBe(controls.length);
    for (const l of controls) expect(before.get(`${l.startsWith('A') ? aBase : bBaseOf()}${l.split(' ')[2]!.slice(1)}`)).toBe('ok');
  });

  it('a run stopped half way checks only what it had not saved', async () => {
    const before = statuses();
    const all = [...before.keys()].filter((t) => before.get(t) !== 'excluded').sort();
    const lost = all.slice(0, Math.ceil(all.length / 2));
    const del = h.db.$client.prepare('DELETE FROM link_checks WHERE target = ?');
    for (const t of lost) del.run(t);
    log.length = 0;
    await checkLinks(h.db, h.check, { ...opts(), pagesPerStep: 3 });
    expect(statuses()).toEqual(before);
    // What was lost is asked again; anything else asked is a retry's control: a target that answered, one per host.
    const asked = log.filter((l) => l.includes(' HEAD '));
    const lostPaths = lost.map((t) => `${t.startsWith(aBase) ? 'A' : 'B'} HEAD ${new URL(t).pathname}`);
    for (const l of lostPaths) expect(asked).toContain(l);
    const extra = [...new Set(asked.filter((l) => !lostPaths.includes(l)))];
    expect(new Set(extra.map((l) => l.split(' ')[0])).size).toBe(extra.length);
    for (const l of extra) expect(before.get(`${l.startsWith('A') ? aBase : bBaseOf()}${l.split(' ')[2]!.slice(1)}`)).toBe('ok');
  });
});

describe('the address guard', () => {
  it('refuses private targets without --allow-private: each is blocked, none is asked', async () => {
    const saved = h.db.$client.prepare('SELECT * FROM link_checks').all() as Record<string, unknown>[];
    h.db.$client.exec('DELETE FROM link_checks');
    log.length = 0;
    try {
      await checkLinks(h.db, h.check, {
        scope: 'internal',
        internalHosts: new Set([new URL(aBase).host, `127.0.0.1:${(b.address() as AddressInfo).port}`]),
        guard: new AddressGuard(false),
        concurrency: 4,
        perHost: 2,
        timeoutMs: 5000,
        retryAfterMs: 0,
      });
      const rows = h.db.$client.prepare("SELECT status, error FROM link_checks WHERE status != 'excluded'").all() as {
        status: string;
        error: string;
      }[];
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.every((r) => r.status === 'blocked' && /^Refused /.test(r.error))).toBe(true);
      expect(log).toEqual([]);
    } finally {
      h.db.$client.exec('DELETE FROM link_checks');
      const put = h.db.$client.prepare(
        'INSERT INTO link_checks (check_id, target, status, http, error, attempts, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const r of saved) put.run(r.check_id, r.target, r.status, r.http, r.error, r.attempts, r.checked_at);
    }
  });
});

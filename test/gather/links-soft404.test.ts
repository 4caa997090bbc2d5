// Soft 404s: missing pages that answer 200 and say 页面不存在. Found dead, and certain; pages that merely
// mention such words, or a host that answers missing paths honestly, are left alone.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { CRAWL_DEFAULTS } from '../../src/gather/crawl/crawler.js';
import { crawlCheck } from '../../src/gather/crawl/crawl-check.js';
import { checkLinks } from '../../src/gather/links/link-checker.js';
import type { LinkArtifact } from '../../src/model/artifacts.js';
import { artifactsFor, type Harness, harness, siteRow } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
const LONG = '各乡镇人民政府，县直各单位：为切实做好冬季森林防火工作，现将有关事项通知如下。'.repeat(15);
let soft: Server;
let honest: Server;
let h: Harness;
let links: LinkArtifact[] = [];

function serve(handler: (path: string) => [number, string]): Promise<Server> {
  const s = createServer((q, r) => {
    const [status, body] = handler(q.url ?? '/');
    r.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    r.end(q.method === 'HEAD' ? undefined : body);
  });
  return new Promise((res) => s.listen(0, '127.0.0.1', () => res(s)));
}
const base = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

beforeAll(async () => {
  honest = await serve((path) => {
    if (path === '/info.jsp?id=9')
      return [200, '<html><head><title>某某县人民政府</title></head><body><div>该信息已删除或不存在</div></body></html>'];
    if (path === '/info.jsp?id=1' || path === '/page.html')
      return [200, `<html><head><title>通知</title></head><body><h1>通知</h1>${LONG}</body></html>`];
    return [404, 'not found'];
  });
  soft = await serve((path) => {
    if (path === '/')
      return [
        200,
        `<html><head><title>首页</title></head><body><ul><li><a href="/real.html">关于冬季防火工作的通知</a><span>2026-11-30</span></li></ul>
        <a href="/missing1.html">旧栏目一</a> <a href="/missing2.html">旧栏目二</a> <a href="/missing3.html">旧栏目三</a>
        <a href="${base(honest)}/info.jsp?id=9">已删除的信息</a> <a href="${base(honest)}/info.jsp?id=1">正常的信息</a>
        <a href="${base(honest)}/page.html">兄弟单位</a></body></html>`,
      ];
    if (path === '/real.html')
      return [
        200,
        `<html><head><title>关于冬季防火工作的通知</title></head><body><h1>通知</h1>${LONG}<p>如页面不存在请联系管理员</p></body></html>`,
      ];
    return [200, '<html><head><title>提示信息</title></head><body><h2>对不起，您访问的页面不存在！</h2></body></html>'];
  });
  h = harness(AT);
  h.register([siteRow('4301000001', `${base(soft)}/`, 'A')]);
  const guard = new AddressGuard(true);
  await crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, render: 'never', guard });
  await checkLinks(h.db, h.check, {
    scope: 'all',
    internalHosts: new Set([new URL(base(soft)).host]),
    guard,
    concurrency: 4,
    perHost: 2,
    timeoutMs: 3000,
    retryAfterMs: 20,
    canaries: [],
  });
  links = artifactsFor(h, '4301000001').links;
});

afterAll(async () => {
  h.close();
  await Promise.all([soft, honest].map((s) => new Promise((r) => s.close(r))));
});

const statusOf = (end: string) => links.find((l) => l.target.endsWith(end));

it('missing pages a host answers with 200 and 页面不存在 are dead links, certain on the first try', () => {
  for (const p of ['/missing1.html', '/missing2.html', '/missing3.html']) {
    expect(statusOf(p)).toMatchObject({ status: 'broken', http: 200, attempts: 1 });
    expect(statusOf(p)?.error).toMatch(/软404：页面显示“您访问的页面不存在”/);
  }
});

it('a deleted article of a dynamic page is dead even where the host 404s missing files', () => {
  expect(statusOf('/info.jsp?id=9')).toMatchObject({ status: 'broken', error: '软404：页面显示“信息已删除”' });
});

it('near misses stay ok: a real page that mentions 页面不存在 in its footer, a real article, a static page', () => {
  expect(statusOf('/real.html')?.status).toBe('ok');
  expect(statusOf('/info.jsp?id=1')?.status).toBe('ok');
  expect(statusOf('/page.html')?.status).toBe('ok');
});

// One probe against real loopback servers: the timing phases, the failure kinds, redirects, and DNS
// failures simulated by an injected resolver (never a real resolver asked about a missing name).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { probeOnce } from '../../src/gather/probe/probe.js';
import type { Site } from '../../src/model/site.js';

const HOME =
  '<html><body><ul><li><a href="/a/1.html">关于开展冬季安全生产检查的通知</a><span>2026-11-20</span></li><li><a href="/a/2.html">我区召开经济工作会议部署明年重点任务</a><span>2026-11-18</span></li></ul></body></html>';
const servers: Server[] = [];
let base = '';

async function serve(handler: Parameters<typeof createServer>[1]): Promise<number> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  const port = await serve((req, res) => {
    if (req.url === '/hang') return; // never answers
    if (req.url === '/away')
      return void res.writeHead(302, { location: `http://parked.example.com:${req.headers.host!.split(':')[1]}/` }).end();
    if (req.url === '/away-dead') return void res.writeHead(301, { location: 'http://127.0.0.1:1/' }).end();
    if (req.url === '/empty') return void res.writeHead(200, { 'content-type': 'text/html' }).end();
    if (req.url === '/gone') return void res.writeHead(404).end('nf');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOME);
  });
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

const site = (url: string): Site =>
  ({ id: '4311000001', name: '测试', url, sponsor: null, level: null, region: null, parentId: null, status: 'running' }) as unknown as Site;
const guard = new AddressGuard(true);
const opts = { timeoutMs: 3000, guard };

describe('probeOnce', () => {
  it('a page that loads: timings, final URL, the item list hashed and its dates', async () => {
    const { record, items } = await probeOnce(site(`${base}/`), opts);
    expect(record).toMatchObject({ ok: true, status: 200, failure: null, finalUrl: `${base}/`, itemDates: ['2026-11-20', '2026-11-18'] });
    expect(record.connectMs).toBeTypeOf('number');
    expect(record.firstByteMs).toBeTypeOf('number');
    expect(record.tlsMs).toBeNull(); // plain http
    expect(record.itemsHash).toMatch(/^[0-9a-f]{16}$/);
    expect(items.map((i) => i.title)).toHaveLength(2);
  });

  it('the same items with other dates hash the same: the hash is of what is listed, not of the dates', async () => {
    const a = await probeOnce(site(`${base}/`), opts);
    const b = await probeOnce(site(`${base}/?x`), opts);
    expect(b.record.itemsHash).toBe(a.record.itemsHash);
  });

  it.each([
    ['/hang', 'timeout'],
    ['/empty', 'empty'],
    ['/gone', 'http-4xx'],
  ])('%s → %s', async (path, failure) => {
    const { record } = await probeOnce(site(`${base}${path}`), { ...opts, timeoutMs: path === '/hang' ? 300 : 3000 });
    expect(record).toMatchObject({ ok: false, failure });
  });

  it('a hang after connecting keeps the connect time: the server, not the network, hung', async () => {
    const { record } = await probeOnce(site(`${base}/hang`), { ...opts, timeoutMs: 300 });
    expect(record.connectMs).toBeTypeOf('number');
    expect(record.firstByteMs).toBeNull();
  });

  it('a refused connection', async () => {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise((r) => s.close(r));
    const { record } = await probeOnce(site(`http://127.0.0.1:${port}/`), opts);
    expect(record).toMatchObject({ ok: false, failure: 'refused' });
  });

  it('a name that does not resolve (injected resolver) is a dns failure', async () => {
    const resolver = async (host: string) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    const { record } = await probeOnce(site('http://www.gone.gov.cn/'), { ...opts, resolver });
    expect(record).toMatchObject({ ok: false, failure: 'dns', finalUrl: null });
  });

  it('a redirect is followed and the final URL kept (names resolved to loopback by the injected resolver)', async () => {
    const port = new URL(base).port;
    const resolver = async () => ['127.0.0.1'];
    const { record } = await probeOnce(site(`http://www.x.gov.cn:${port}/away`), { ...opts, resolver });
    expect(record).toMatchObject({ ok: true, finalUrl: `http://parked.example.com:${port}/` });
    expect(record.dnsMs).toBeTypeOf('number');
  });

  it('a redirect to a place that does not answer still says where it led', async () => {
    const { record } = await probeOnce(site(`${base}/away-dead`), opts);
    expect(record).toMatchObject({ ok: false, failure: 'refused', finalUrl: 'http://127.0.0.1:1/' });
  });
});

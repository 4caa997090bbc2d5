// The crawl's plain fetcher against a real server on 127.0.0.1: every content coding servers use, the
// cap counted after decompression, 5xx tried twice and never read, 4xx kept as answers, a connection
// dropped mid-body failing the page rather than hanging it. (Hostile sites in whole crawls: hostile.test.ts.)
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { httpFetcher } from '../../src/gather/crawl/http-fetcher.js';
import type { FetchedPage } from '../../src/store/pages.js';

const PAGE = Buffer.from('<html><head><meta charset="gbk"><title>通知公告</title></head><body>正文</body></html>');
const hits = new Map<string, number>();
let server: Server;
let base: string;

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/plain': (_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=gbk' }).end(PAGE),
  '/gzip': (_q, r) => r.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(PAGE)),
  '/deflate': (_q, r) => r.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(PAGE)),
  '/deflate-raw': (_q, r) => r.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync(PAGE)),
  '/br': (_q, r) => r.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(PAGE)),
  '/compress': (_q, r) => r.writeHead(200, { 'content-encoding': 'compress' }).end('x'),
  '/bomb': (_q, r) => r.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(20_000_000, 32))),
  '/declared-big': (_q, r) => r.writeHead(200, { 'content-length': '50000000' }).end(),
  '/gone': (_q, r) => r.writeHead(404, { 'content-type': 'text/html' }).end('<p>页面不存在</p>'),
  '/down': (_q, r) => r.writeHead(503).end('<p>维护中</p>'),
  '/flaky': (_q, r) => ((hits.get('/flaky') ?? 0) === 1 ? r.writeHead(502).end() : r.writeHead(200).end(PAGE)),
  '/moved': (_q, r) => r.writeHead(302, { location: '/gzip' }).end(),
  '/loop': (_q, r) => r.writeHead(301, { location: '/loop' }).end(),
  '/cut': (_q, r) => {
    r.writeHead(200, { 'content-encoding': 'gzip', 'content-length': '100000' });
    r.write(gzipSync(PAGE).subarray(0, 20));
    setTimeout(() => r.socket?.destroy(), 50);
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    (routes[path] ?? ((_q, r) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

function get(path: string, guard = new AddressGuard(true)): Promise<FetchedPage> {
  return new Promise((resolve, reject) => {
    const f = httpFetcher({ timeoutSecs: 2, maxBodyBytes: 1_000_000, guard }, (_job, page) => {
      void f.close().then(() => resolve(page), reject);
    });
    f.submit({ id: 1, url: `${base}${path}`, kind: 'column' });
  });
}

describe('plain fetcher', () => {
  it.each(['/plain', '/gzip', '/deflate', '/deflate-raw', '/br'])(
    '%s: the bytes as served, decompressed, never re-encoded',
    async (path) => {
      const p = await get(path);
      expect({ status: p.status, error: p.error, body: p.body?.equals(PAGE) }).toEqual({ status: 200, error: null, body: true });
    },
  );

  it('keeps the content type as the server sent it', async () => {
    expect((await get('/plain')).contentType).toBe('text/html; charset=gbk');
  });

  it('an unknown content coding is named, not guessed', async () => {
    expect(await get('/compress')).toMatchObject({ body: null, error: '不支持的内容编码：compress' });
  });

  it('stops a gzip bomb at the cap counted after decompression, and does not try it again', async () => {
    hits.clear();
    expect(await get('/bomb')).toMatchObject({ body: null, error: expect.stringMatching(/大小上限/) });
    expect(hits.get('/bomb')).toBe(1);
  });

  it('refuses a body declared larger than the cap without reading it', async () => {
    expect(await get('/declared-big')).toMatchObject({ body: null, error: expect.stringMatching(/大小上限/) });
  });

  it('keeps a 404 page as the answer it is', async () => {
    const p = await get('/gone');
    expect({ status: p.status, error: p.error, body: p.body?.toString() }).toEqual({
      status: 404,
      error: 'HTTP 404',
      body: '<p>页面不存在</p>',
    });
  });

  it('a 5xx is tried twice, then recorded with its status and no body', async () => {
    hits.clear();
    expect(await get('/down')).toMatchObject({ status: 503, body: null, error: 'HTTP 503 服务器错误' });
    expect(hits.get('/down')).toBe(2);
  });

  it('a passing 5xx is answered on the second try', async () => {
    hits.clear();
    const p = await get('/flaky');
    expect({ status: p.status, error: p.error, hits: hits.get('/flaky') }).toEqual({ status: 200, error: null, hits: 2 });
  });

  it('follows a redirect and says where the page was found', async () => {
    const p = await get('/moved');
    expect({ status: p.status, finalUrl: p.finalUrl, body: p.body?.equals(PAGE) }).toEqual({
      status: 200,
      finalUrl: `${base}/gzip`,
      body: true,
    });
  });

  it('gives up on a redirect loop after 10 hops, once', async () => {
    hits.clear();
    expect(await get('/loop')).toMatchObject({ body: null, error: expect.stringMatching(/重定向超过 10 次/) });
    expect(hits.get('/loop')).toBe(11);
  });

  it('a connection dropped in the middle of a compressed body fails the page, twice tried, without waiting for the timeout', async () => {
    hits.clear();
    const p = await get('/cut');
    // A read left waiting on a dead connection would end in the timeout instead.
    expect(p).toMatchObject({ body: null, error: expect.not.stringMatching(/超时/) });
    expect(p.error).toMatch(/connection reset|请求失败/);
    expect(hits.get('/cut')).toBe(2);
  });

  it('reads a page behind a self-signed certificate, as a visitor past the warning would', async () => {
    const tls = new URL('../../fixtures/tls/', import.meta.url);
    const https = createHttpsServer(
      { cert: readFileSync(new URL('self-signed.crt', tls)), key: readFileSync(new URL('self-signed.key', tls)) },
      (_q, r) => r.writeHead(200).end(PAGE),
    );
    await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
    try {
      const url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/`;
      const page = await new Promise<FetchedPage>((resolve, reject) => {
        const f = httpFetcher(
          { timeoutSecs: 2, maxBodyBytes: 1_000_000, guard: new AddressGuard(true) },
          (_job, p) => void f.close().then(() => resolve(p), reject),
        );
        f.submit({ id: 1, url, kind: 'homepage' });
      });
      expect({ status: page.status, error: page.error, body: page.body?.equals(PAGE) }).toEqual({ status: 200, error: null, body: true });
    } finally {
      await new Promise<void>((r) => https.close(() => r()));
    }
  });

  it('asks the address guard before connecting: without --allow-private nothing is sent', async () => {
    hits.clear();
    expect(await get('/plain', new AddressGuard(false))).toMatchObject({ body: null, error: expect.stringMatching(/^Refused /) });
    expect(hits.size).toBe(0);
  });
});

// The render fetcher renders the jobs that queue behind an open page on that same page: each in turn
// must still read its own host's script-built list, be held to its own host, and be served the bytes
// already fetched when given; a job that fails does not take the next one down with it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import type { FetchJob } from '../../src/gather/crawl/fetcher.js';
import { renderFetcher } from '../../src/gather/crawl/render-fetcher.js';
import type { FetchedPage } from '../../src/store/pages.js';

/** A page whose list is filled by a script from `dataUrl`. */
const scriptedPage = (dataUrl: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>列表</title></head><body><ul id="list"></ul><script>
fetch(${JSON.stringify(dataUrl)}).then((r) => r.json()).then((items) => {
  document.getElementById('list').innerHTML = items.map((t) => '<li>' + t + '</li>').join('');
}).catch(() => {});
</script></body></html>`;

interface Host {
  server: Server;
  origin: string;
  paths: string[];
}

async function host(name: string, other: () => string): Promise<Host> {
  const h = { paths: [] as string[] } as Host;
  h.server = createServer((req, res) => {
    const path = req.url ?? '/';
    h.paths.push(path);
    if (path === '/data.json')
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([`${name}甲`, `${name}乙`]));
    if (path === '/own.html' || path === '/given.html')
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(scriptedPage('/data.json'));
    // A page that keeps asking the other host, every millisecond or so, for as long as it is open.
    if (path === '/polling.html') {
      const poll = `<script>setInterval(() => fetch(${JSON.stringify(`${other()}/poll`)}).catch(() => {}), 1);</script>`;
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(scriptedPage('/data.json').replace('</body>', `${poll}</body>`));
    }
    // A page whose script asks the other host for its list: refused, the page may only talk to its own host.
    if (path === '/foreign.html')
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(scriptedPage(`${other()}/data.json`));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => h.server.listen(0, '127.0.0.1', r));
  h.origin = `http://127.0.0.1:${(h.server.address() as AddressInfo).port}`;
  return h;
}

describe('renderFetcher, one page for the jobs queued behind it', { timeout: 120_000 }, () => {
  let a: Host;
  let b: Host;
  const pages = new Map<number, FetchedPage>();
  const answeredTwice: number[] = [];
  beforeAll(async () => {
    a = await host('甲站', () => b.origin);
    b = await host('乙站', () => a.origin);
    // Names resolve to 127.0.0.2, which this guard refuses: a page the inspector may not reach.
    const guard = new AddressGuard(
      false,
      async () => ['127.0.0.2'],
      (ip) => ip === '127.0.0.2',
    );

    const jobs: FetchJob[] = [
      { id: 1, url: `${a.origin}/own.html`, kind: 'column' },
      { id: 2, url: `${b.origin}/own.html`, kind: 'column' },
      // Polls host a while it is rendered and after: host a must hear nothing of it, the next job included.
      { id: 7, url: `${b.origin}/polling.html`, kind: 'column' },
      { id: 4, url: `${b.origin}/foreign.html`, kind: 'column' },
      // Served from what the plain fetch stored: the site is not asked for the page again.
      {
        id: 5,
        url: `${a.origin}/given.html`,
        kind: 'column',
        body: {
          bytes: Buffer.from(scriptedPage('/data.json').replace('<title>列表', '<title>已存'), 'utf8'),
          contentType: 'text/html; charset=utf-8',
        },
      },
      { id: 6, url: `${a.origin}/own.html`, kind: 'board' },
      // Last: a failed job ends its page's turn, and the jobs before it are to share one page.
      { id: 3, url: `http://refused.example:${new URL(b.origin).port}/own.html`, kind: 'column' },
    ];
    let settled!: () => void;
    const all = new Promise<void>((r) => (settled = r));
    // One page at a time: the first job opens it, the other five wait in the fetcher's queue.
    const fetcher = renderFetcher({ concurrency: 1, timeoutSecs: 10, guard }, (job, page) => {
      if (pages.has(job.id)) answeredTwice.push(job.id);
      pages.set(job.id, page);
      if (pages.size === jobs.length) settled();
    });
    for (const j of jobs) fetcher.submit(j);
    await all;
    await fetcher.close();
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a, b].map((h) => new Promise((r) => h.server.close(r))));
  });

  const body = (id: number) => pages.get(id)?.body?.toString('utf8') ?? '';

  it('reads each host its own script-built list', () => {
    expect(body(1)).toContain('<li>甲站甲</li>');
    expect(body(2)).toContain('<li>乙站甲</li>');
    expect(body(2)).not.toContain('甲站');
    expect(body(6)).toContain('<li>甲站乙</li>');
    expect([1, 2, 6].map((id) => pages.get(id))).toEqual(
      [1, 2, 6].map(() => expect.objectContaining({ rendered: true, error: null, status: 200 })),
    );
    expect(pages.get(6)?.kind).toBe('board');
  });

  it('answers every job once', () => {
    expect(answeredTwice).toEqual([]);
    expect([...pages.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("lets no request of one job's page out while the next job is set up", () => {
    expect(body(7)).toContain('<li>乙站甲</li>');
    expect(a.paths).not.toContain('/poll');
  });

  it('holds each job to its own host: a script asking another host gets nothing', () => {
    expect(pages.get(4)?.error).toBeNull();
    expect(body(4)).toContain('<ul id="list"></ul>');
    expect(body(4)).not.toContain('甲站');
  });

  it('serves the bytes it was given instead of asking the site again', () => {
    expect(body(5)).toContain('<title>已存</title>');
    expect(body(5)).toContain('<li>甲站甲</li>');
    expect(a.paths).not.toContain('/given.html');
  });

  it('answers a job it may not load as failed', () => {
    expect(pages.get(3)).toMatchObject({ rendered: true, body: null });
    expect(pages.get(3)?.error).toMatch(/^渲染失败/);
  });
});

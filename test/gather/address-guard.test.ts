// The address guard, end to end on loopback only. Private ranges other than loopback are tested through
// the decision function alone; hosts are made-up names that an injected resolver maps to loopback.
// Where a test needs a "public" host, 127.0.0.2 plays it: the guard is handed a decision that refuses
// every private address except that one, so nothing here can ever leave the machine.
import dns from 'node:dns';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, isIP } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard, isPrivateAddress, type Resolver } from '../../src/gather/http/address-guard.js';
import { CRAWL_DEFAULTS } from '../../src/gather/crawl/crawler.js';
import { crawlCheck } from '../../src/gather/crawl/crawl-check.js';
import { fetchGuarded } from '../../src/gather/http/fetch-guarded.js';
import { timedGet } from '../../src/gather/http/timed-get.js';
import { BlockedAddressError } from '../../src/errors.js';
import { upsertSites } from '../../src/store/sites.js';
import { artifactsFor, harness } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
const PUBLIC_STAND_IN = '127.0.0.2';
const refusedButStandIn = (ip: string) => ip !== PUBLIC_STAND_IN && isPrivateAddress(ip);

// Should the pinned lookup ever be bypassed, the system resolver must not be asked about the made-up
// names (literal addresses, as in listen(0, '127.0.0.1'), never leave the process).
const systemLookup = dns.lookup;
beforeAll(() => {
  (dns as { lookup: unknown }).lookup = (host: string, o: unknown, cb?: (e: Error) => void) => {
    if (isIP(host)) return (systemLookup as (...a: unknown[]) => void)(host, o, cb);
    (typeof o === 'function' ? (o as (e: Error) => void) : cb!)(new Error(`system DNS asked about ${host} in a test`));
  };
});
afterAll(() => {
  (dns as { lookup: unknown }).lookup = systemLookup;
});

interface Counting {
  server: Server;
  port: number;
  hits: string[];
}
const servers: Server[] = [];
async function counting(host: string, handler: (url: string, res: import('node:http').ServerResponse) => void): Promise<Counting> {
  const hits: string[] = [];
  const server = createServer((q, r) => {
    hits.push(q.url ?? '');
    handler(q.url ?? '', r);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, host, r));
  return { server, port: (server.address() as AddressInfo).port, hits };
}
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

const homepage =
  '<html><head><meta charset="utf-8"><title>首页</title></head><body><ul><li><a href="/a/1.html">关于开展工作的通知</a><span>2026-11-28</span></li></ul></body></html>';
const html = (r: import('node:http').ServerResponse, body = homepage) => {
  r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  r.end(body);
};

describe('the decision: which addresses are private', () => {
  const refused = [
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '169.254.0.1',
    '100.100.100.200',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd00:ec2::254',
    'fec0::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:a9fe:a9fe::1',
  ];
  const allowed = [
    '8.8.8.8',
    '172.32.0.1',
    '172.15.0.1',
    '192.169.0.1',
    '100.128.0.1',
    '169.253.0.1',
    '2400:3200::1',
    '2001:db8::1',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ];
  it.each(refused)('%s is refused', (ip) => expect(isPrivateAddress(ip)).toBe(true));
  it.each(allowed)('%s is allowed', (ip) => expect(isPrivateAddress(ip)).toBe(false));
});

describe('URLs refused before any connection (no resolver needed)', () => {
  const guard = new AddressGuard(false, async () => {
    throw new Error('a literal address needs no lookup');
  });
  it.each([
    'http://127.0.0.1:1/',
    'http://localhost:1/',
    'http://2130706433:1/', // 127.0.0.1 written as one number
    'http://0x7f.1:1/',
    'http://[::1]:1/',
    'http://[::ffff:127.0.0.1]:1/', // the URL parser prints it [::ffff:7f00:1]
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://100.100.100.200/latest/meta-data/',
  ])('%s', async (url) => {
    await expect(guard.check(url)).rejects.toBeInstanceOf(BlockedAddressError);
  });
  it('a name that resolves to a cloud metadata address is refused', async () => {
    const g = new AddressGuard(false, async () => ['169.254.169.254']);
    await expect(g.check('http://metadata.test/')).rejects.toThrow(/resolves to the private address 169\.254\.169\.254/);
  });
  it('a name with one private address among public ones is refused', async () => {
    const g = new AddressGuard(false, async () => ['8.8.8.8', '10.0.0.7']);
    await expect(g.addresses('mixed.test')).rejects.toThrow(/10\.0\.0\.7/);
  });
});

describe('fetches through the guard never reach loopback', () => {
  let target: Counting;
  let standIn: Counting;
  beforeAll(async () => {
    target = await counting('127.0.0.1', (_u, r) => html(r));
    standIn = await counting(PUBLIC_STAND_IN, (u, r) => {
      const to = u === '/to-ip' ? `http://127.0.0.1:${target.port}/secret` : `http://inner.test:${target.port}/secret`;
      r.writeHead(302, { location: to });
      r.end();
    });
  });
  afterEach(() => {
    target.hits.length = 0;
  });

  /** public.test → the stand-in, inner.test and rebind.test (from its second answer on) → 127.0.0.1. */
  function resolver(): Resolver & { calls: string[] } {
    const calls: string[] = [];
    const r = async (host: string) => {
      calls.push(host);
      if (host === 'public.test') return [PUBLIC_STAND_IN];
      if (host === 'rebind.test') return calls.filter((h) => h === host).length === 1 ? [PUBLIC_STAND_IN] : ['127.0.0.1'];
      return ['127.0.0.1'];
    };
    return Object.assign(r, { calls });
  }
  const opts = (guard: AddressGuard) => ({ guard, timeoutMs: 5000, userAgent: 'choucha-test', maxBytes: 100_000 });

  it('a name the resolver maps to 127.0.0.1: refused by fetch, probe and crawl; no request arrives', async () => {
    const guard = new AddressGuard(false, resolver(), refusedButStandIn);
    const url = `http://site.test:${target.port}/`;
    await expect(fetchGuarded(url, opts(guard))).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(timedGet(url, opts(guard))).rejects.toMatchObject({ cause: expect.any(BlockedAddressError) });
    const h = harness(AT);
    try {
      upsertSites(
        h.db,
        [{ id: '4301000091', name: '解析到本机', url, sponsor: null, level: null, region: '430100', parentId: null, status: 'running' }],
        'test',
        AT,
      );
      h.check = h.ensure();
      await crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, render: 'never', guard });
      const a = artifactsFor(h, '4301000091');
      expect(a.crawl.state).toBe('failed');
      expect(a.crawl.reason).toMatch(/resolves to the private address 127\.0\.0\.1/);
    } finally {
      h.close();
    }
    expect(target.hits).toEqual([]);
  });

  it('a redirect to 127.0.0.1, or to a name that resolves there, is refused: the target hears nothing', async () => {
    const guard = new AddressGuard(false, resolver(), refusedButStandIn);
    for (const path of ['/to-ip', '/to-name']) {
      const url = `http://public.test:${standIn.port}${path}`;
      await expect(fetchGuarded(url, opts(guard))).rejects.toBeInstanceOf(BlockedAddressError);
      await expect(timedGet(url, opts(guard))).rejects.toMatchObject({ cause: expect.any(BlockedAddressError) });
    }
    const h = harness(AT);
    try {
      const sites = ['/to-ip', '/to-name'].map((p, i) => ({
        id: `430100009${i + 2}`,
        name: `跳转${i}`,
        url: `http://public.test:${standIn.port}${p}`,
        sponsor: null,
        level: null,
        region: '430100',
        parentId: null,
        status: 'running' as const,
      }));
      upsertSites(h.db, sites, 'test', AT);
      h.check = h.ensure();
      await crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, render: 'never', guard });
      for (const s of sites) {
        const a = artifactsFor(h, s.id);
        expect(a.crawl.state).toBe('failed');
        expect(a.crawl.reason).toMatch(/Refused .*127\.0\.0\.1|private address 127\.0\.0\.1/);
      }
    } finally {
      h.close();
    }
    expect(standIn.hits.length).toBeGreaterThan(0); // the redirects were asked for…
    expect(target.hits).toEqual([]); // …and never followed
  });

  it('DNS rebinding: a name that answers public to the check and loopback to the connection is refused at the connection', async () => {
    for (const go of [(u: string, g: AddressGuard) => fetchGuarded(u, opts(g)), (u: string, g: AddressGuard) => timedGet(u, opts(g))]) {
      const r = resolver();
      const guard = new AddressGuard(false, r, refusedButStandIn);
      const err = await go(`http://rebind.test:${target.port}/`, guard).catch((e: unknown) => e);
      expect(String((err as { cause?: unknown }).cause ?? err)).toMatch(/rebind\.test resolves to the private address 127\.0\.0\.1/);
      expect(r.calls.filter((h) => h === 'rebind.test').length).toBe(2); // once for the check, once for the socket
    }
    // The crawl: the first answer passes the guard's check, the connection gets the second.
    const r = resolver();
    const guard = new AddressGuard(false, r, refusedButStandIn);
    const h = harness(AT);
    try {
      upsertSites(
        h.db,
        [
          {
            id: '4301000095',
            name: '重绑定',
            url: `http://rebind.test:${target.port}/`,
            sponsor: null,
            level: null,
            region: '430100',
            parentId: null,
            status: 'running',
          },
        ],
        'test',
        AT,
      );
      h.check = h.ensure();
      await crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, render: 'never', guard });
      expect(artifactsFor(h, '4301000095').crawl).toMatchObject({
        state: 'failed',
        reason: expect.stringMatching(/rebind\.test resolves to the private address 127\.0\.0\.1/),
      });
    } finally {
      h.close();
    }
    expect(target.hits).toEqual([]);
  });

  it('with --allow-private the injected resolver is what the connection uses: site.test reaches the loopback fixture', async () => {
    const r = resolver();
    const guard = new AddressGuard(true, r);
    const url = `http://site.test:${target.port}/`;
    expect((await fetchGuarded(url, opts(guard))).status).toBe(200);
    expect((await timedGet(url, opts(guard))).status).toBe(200);
    const h = harness(AT);
    try {
      upsertSites(
        h.db,
        [{ id: '4301000096', name: '可达', url, sponsor: null, level: null, region: '430100', parentId: null, status: 'running' }],
        'test',
        AT,
      );
      h.check = h.ensure();
      await crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, render: 'never', guard });
      expect(artifactsFor(h, '4301000096').crawl.state).not.toBe('failed');
    } finally {
      h.close();
    }
    expect(target.hits.length).toBeGreaterThanOrEqual(3);
    expect(r.calls).toContain('site.test');
  });
});

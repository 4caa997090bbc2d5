// The IPv6 check against real servers: one listening on ::1 only (reachable over IPv6 alone) and one on
// 127.0.0.1 only. Fixture names resolve through an injected resolver, so a host can have an A record
// only, or A and AAAA (::1). The vantage's route is injected too: no test reaches beyond loopback.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard, type Resolver } from '../../src/gather/http/address-guard.js';
import { checkIpv6, measureIpv6 } from '../../src/gather/ipv6/ipv6-check.js';
import { linkHosts } from '../../src/gather/ipv6/link-hosts.js';
import { ipv6Route, isGlobalUnicast, type RouteCheck } from '../../src/gather/ipv6/route.js';
import { buildReport } from '../../src/report/build.js';
import { writeReports } from '../../src/report/index.js';
import { ipv6 as ipv6Rule } from '../../src/rules/ipv6.js';
import { saveLinks } from '../../src/store/links.js';
import { savePage } from '../../src/store/pages.js';
import { loadEdition } from '../../src/verdict/config/edition.js';
import { judgeCheck } from '../../src/verdict/judge-check.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { ctx } from '../helpers/artifacts.js';
import { artifactsFor, harness, siteRow } from '../helpers/store.js';

// DUAL and its fgw host: A and AAAA. JYJ and AONLY: A only. BROKEN: an AAAA nothing listens on.
const DUAL = 'www.dual.gov.cn';
const FGW = 'fgw.dual.gov.cn';
const JYJ = 'jyj.dual.gov.cn';
const AONLY = 'www.aonly.gov.cn';
const BROKEN = 'www.broken.gov.cn';
const BOUNCE = 'www.bounce.gov.cn';
const resolver: Resolver = (host) => {
  if ([DUAL, FGW, BROKEN, BOUNCE].includes(host)) return Promise.resolve(['127.0.0.1', '::1']);
  if ([JYJ, AONLY].includes(host)) return Promise.resolve(['127.0.0.1']);
  return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
};
const guard = new AddressGuard(true, resolver);
const ROUTE: RouteCheck = async () => ({ ok: true, reason: null, source: '2001:da8::2' });
const NO_ROUTE: RouteCheck = async () => ({ ok: false, reason: '检查机没有全球单播 IPv6 地址（仅有 fd00::2）', source: null });

const servers: Server[] = [];
const sockets = new Set<Socket>();
/** Requests each server saw, by the Host header and path. */
const hits = { v6: [] as string[], v4: [] as string[] };
let v6 = 0;
let v4 = 0;
let v6Closed = 0;

async function listen(host: string, handler: (q: IncomingMessage, r: ServerResponse) => void): Promise<number> {
  const s = createServer(handler);
  servers.push(s);
  s.on('connection', (c: Socket) => {
    sockets.add(c);
    c.on('close', () => sockets.delete(c));
  });
  await new Promise<void>((r) => s.listen(0, host, () => r()));
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  v6 = await listen('::1', (q, r) => {
    hits.v6.push(`${q.headers.host}${q.url}`);
    // BOUNCE sends the visitor on to a host with an A record only.
    if ((q.headers.host ?? '').startsWith(BOUNCE)) r.writeHead(302, { location: `http://${AONLY}:${v4}/` }).end();
    else r.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>首页</body></html>');
  });
  v4 = await listen('127.0.0.1', (q, r) => {
    hits.v4.push(`${q.headers.host}${q.url}`);
    r.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>首页</body></html>');
  });
  // A port nothing listens on over IPv6: opened, then closed.
  v6Closed = await listen('::1', () => {});
  await new Promise((r) => servers.pop()!.close(r));
});

afterAll(async () => {
  for (const c of sockets) c.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

const opts = { guard, timeoutMs: 2_000, maxLinkHosts: 10, retryAfterMs: 0 };

describe('measureIpv6 on servers listening on ::1 and on 127.0.0.1', () => {
  it('a host with AAAA: the homepage is fetched over IPv6, and its own link hosts are measured, A-only ones too', async () => {
    const before = hits.v4.length;
    const a = await measureIpv6(
      { url: `http://${DUAL}:${v6}/` },
      [
        { target: `http://${FGW}:${v6}/zwgk/`, kind: 'column' },
        { target: `http://${FGW}:${v6}/`, kind: 'homepage' },
        { target: `http://${JYJ}:${v4}/`, kind: 'column' },
        { target: `http://${DUAL}:${v6}/xwzx/`, kind: 'homepage' },
        { target: 'http://www.gov.cn/', kind: 'homepage' },
      ],
      opts,
    );
    expect(a).toMatchObject({ host: DUAL, noRoute: null, aaaa: ['::1'], dnsError: null, linkHostsOmitted: 0 });
    expect(a.homepage).toEqual({
      url: `http://${DUAL}:${v6}/`,
      status: 200,
      finalUrl: `http://${DUAL}:${v6}/`,
      failure: null,
      error: null,
    });
    expect(a.linkHosts).toEqual([
      {
        host: FGW,
        level: 2,
        links: 2,
        aaaa: ['::1'],
        dnsError: null,
        fetch: expect.objectContaining({ url: `http://${FGW}:${v6}/`, status: 200 }),
      },
      { host: JYJ, level: 3, links: 1, aaaa: [], dnsError: null, fetch: null },
    ]);
    expect(hits.v6).toEqual(expect.arrayContaining([`${DUAL}:${v6}/`, `${FGW}:${v6}/`]));
    // Nothing went over IPv4, and www.gov.cn (another site) was not asked.
    expect(hits.v4.length).toBe(before);
  });

  it('near miss: a host with an A record only has no AAAA, and its homepage is not fetched', async () => {
    const before = hits.v4.length;
    const a = await measureIpv6({ url: `http://${AONLY}:${v4}/` }, [], opts);
    expect(a).toMatchObject({ host: AONLY, aaaa: [], dnsError: null, homepage: null, linkHosts: [] });
    expect(hits.v4.length).toBe(before);
  });

  it('an AAAA record nothing answers on over IPv6: refused, though IPv4 would answer', async () => {
    const a = await measureIpv6({ url: `http://${BROKEN}:${v6Closed}/` }, [], opts);
    expect(a.aaaa).toEqual(['::1']);
    expect(a.homepage).toMatchObject({ status: null, failure: 'refused' });
  });

  it('a redirect over IPv6 to a host with no AAAA fails there, never falling back to IPv4', async () => {
    const before = hits.v4.length;
    const a = await measureIpv6({ url: `http://${BOUNCE}:${v6}/` }, [], opts);
    expect(a.homepage).toMatchObject({ status: null, failure: 'dns' });
    expect(a.homepage?.error).toContain(AONLY);
    expect(hits.v4.length).toBe(before);
  });

  it('the address guard refuses ::1 without --allow-private: blocked, never connected', async () => {
    const before = hits.v6.length;
    const a = await measureIpv6({ url: `http://${DUAL}:${v6}/` }, [{ target: `http://${FGW}:${v6}/`, kind: 'homepage' }], {
      ...opts,
      guard: new AddressGuard(false, resolver),
    });
    expect(a.aaaa).toEqual(['::1']);
    expect(a.homepage?.failure).toBe('blocked');
    expect(a.linkHosts[0]?.fetch?.failure).toBe('blocked');
    expect(hits.v6.length).toBe(before);
  });

  it('measures at most maxLinkHosts link hosts, homepage links first, and counts the rest', async () => {
    const a = await measureIpv6(
      { url: `http://${AONLY}:${v4}/` },
      [
        { target: `http://${JYJ}:${v4}/`, kind: 'column' },
        { target: `http://${FGW}:${v6}/`, kind: 'homepage' },
      ],
      { ...opts, maxLinkHosts: 1 },
    );
    // AONLY's own domain is aonly.gov.cn: dual.gov.cn's hosts are another site's.
    expect(a.linkHosts).toEqual([]);
    const b = await measureIpv6(
      { url: `http://${DUAL}:${v6}/` },
      [
        { target: `http://${JYJ}:${v4}/`, kind: 'column' },
        { target: `http://${FGW}:${v6}/`, kind: 'homepage' },
      ],
      { ...opts, maxLinkHosts: 1 },
    );
    expect(b.linkHosts.map((h) => h.host)).toEqual([FGW]);
    expect(b.linkHostsOmitted).toBe(1);
  });
});

describe('linkHosts: the site’s own hosts its homepage and column pages link to', () => {
  it('keeps hosts of the domain (www. dropped) other than the homepage host, the lowest level of each, most linked first', () => {
    const links = [
      { target: 'http://www.x.gov.cn/a.html', kind: 'homepage' as const },
      { target: 'https://fgw.x.gov.cn/1.html', kind: 'column' as const },
      { target: 'https://fgw.x.gov.cn/2.html', kind: 'homepage' as const },
      { target: 'http://x.gov.cn/', kind: 'column' as const },
      { target: 'http://a.b.x.gov.cn/', kind: 'column' as const },
      { target: 'http://a.b.x.gov.cn/2', kind: 'column' as const },
      { target: 'http://notx.gov.cn/', kind: 'homepage' as const },
      { target: 'http://www.gov.cn/', kind: 'homepage' as const },
      { target: 'http://10.1.2.3/', kind: 'homepage' as const },
      { target: 'mailto:ban@x.gov.cn', kind: 'homepage' as const },
      { target: 'not a url', kind: 'homepage' as const },
    ];
    expect(linkHosts('WWW.x.gov.cn', links)).toEqual([
      { host: 'fgw.x.gov.cn', level: 2, links: 2, url: 'https://fgw.x.gov.cn/2.html' },
      { host: 'a.b.x.gov.cn', level: 3, links: 2, url: 'http://a.b.x.gov.cn/' },
      { host: 'x.gov.cn', level: 3, links: 1, url: 'http://x.gov.cn/' },
    ]);
  });

  it('a county portal under its city’s domain takes in its own hosts, not the city’s', () => {
    const links = [
      { target: 'http://fgw.cs.gov.cn/', kind: 'homepage' as const },
      { target: 'http://jyj.yl.cs.gov.cn/', kind: 'homepage' as const },
    ];
    expect(linkHosts('yl.cs.gov.cn', links).map((h) => h.host)).toEqual(['jyj.yl.cs.gov.cn']);
  });
});

describe('the vantage’s IPv6 route', () => {
  const global = (address: string) => ({
    eth0: [
      {
        address,
        family: 'IPv6' as const,
        internal: false,
        netmask: 'ffff:ffff:ffff:ffff::',
        mac: '00:00:00:00:00:00',
        cidr: null,
        scopeid: 0,
      },
    ],
  });

  it('tells a global unicast address from unique-local, link-local, loopback and documentation ones', () => {
    expect(['240e:3a1::1', '2001:da8:8000::1', '2400:3200::1'].every(isGlobalUnicast)).toBe(true);
    expect(['fd00::2', 'fe80::1', '::1', '2001:db8::1', '127.0.0.1', '::ffff:1.2.3.4'].some(isGlobalUnicast)).toBe(false);
  });

  it('no global IPv6 address: no route, said with the addresses seen, and nothing connected', async () => {
    const before = hits.v6.length;
    const r = await ipv6Route({ interfaces: global('fd00::2'), targets: [{ address: '::1', port: v6 }] });
    expect(r).toEqual({ ok: false, reason: '检查机没有全球单播 IPv6 地址（仅有 fd00::2）', source: null });
    expect(hits.v6.length).toBe(before);
  });

  it('a global address and a connection opened over IPv6 (here to ::1): a route; a refusal is an answer too', async () => {
    expect(await ipv6Route({ interfaces: global('240e:3a1::5'), targets: [{ address: '::1', port: v6 }] })).toEqual({
      ok: true,
      reason: null,
      source: '::1',
    });
    expect((await ipv6Route({ interfaces: global('240e:3a1::5'), targets: [{ address: '::1', port: v6Closed }] })).ok).toBe(true);
  });
});

describe('the ipv6 stage: stored once per check and site, judged from the store', () => {
  it('measures each sampled site once with a route, stores why not without one, skips addresses, and the rule reads the stored facts', async () => {
    const h = harness(new Date().toISOString());
    try {
      const portal = (id: string, url: string) => ({ ...siteRow(id, url), level: 'county-portal' as const });
      h.register([
        portal('4301000001', `http://${DUAL}:${v6}/`),
        portal('4301000002', `http://${AONLY}:${v4}/`),
        portal('4301000003', `http://${BROKEN}:${v6Closed}/`),
        // A registered address: no name, no AAAA to look for, never asked.
        portal('4301000004', `http://127.0.0.1:${v4}/`),
      ]);
      // What the crawl stored: each homepage as IPv4 served it, DUAL's with links to its own hosts.
      const fetchedAt = new Date().toISOString();
      for (const [id, url] of [
        ['4301000001', `http://${DUAL}:${v6}/`],
        ['4301000002', `http://${AONLY}:${v4}/`],
        ['4301000003', `http://${BROKEN}:${v6Closed}/`],
      ] as const) {
        const body = Buffer.from('<html></html>');
        savePage(h.db, h.check.id, id, {
          url,
          finalUrl: url,
          kind: 'homepage',
          status: 200,
          contentType: 'text/html',
          encoding: 'utf-8',
          fetchedAt,
          body,
          error: null,
        });
      }
      const column = `http://${DUAL}:${v6}/zwgk/`;
      savePage(h.db, h.check.id, '4301000001', {
        url: column,
        finalUrl: column,
        kind: 'column',
        status: 200,
        contentType: 'text/html',
        encoding: 'utf-8',
        fetchedAt,
        body: Buffer.from('<html></html>'),
        error: null,
      });
      saveLinks(h.db, h.check.id, '4301000001', `http://${DUAL}:${v6}/`, true, [
        { target: `http://${FGW}:${v6}/`, tag: 'a', text: '发改委' },
      ]);
      saveLinks(h.db, h.check.id, '4301000001', column, false, [
        { target: `http://${JYJ}:${v4}/`, tag: 'a', text: '教育局' },
        { target: `http://${FGW}:${v6}/zc/`, tag: 'a', text: '政策' },
      ]);

      let routeAsked = 0;
      const counting =
        (r: RouteCheck): RouteCheck =>
        () => {
          routeAsked++;
          return r();
        };
      const stage = { ...opts, concurrency: 2 };
      // No route: nothing is measured, each site is stored with why, and not-checked says it.
      expect(await checkIpv6(h.db, h.check, { ...stage, route: counting(NO_ROUTE) })).toEqual({
        measured: 0,
        skipped: 0,
        addressHosts: 1,
        noRoute: '检查机没有全球单播 IPv6 地址（仅有 fd00::2）',
      });
      const judge = (id: string) => {
        const r = runRule(ipv6Rule, artifactsFor(h, id), ipv6Rule.meta.options.parse({ minLinkHosts: 2 }), ctx);
        return r.status === 'checked' ? r.findings.map((f) => f.code) : r.reason;
      };
      expect(judge('4301000002')).toMatch(/^检查机不具备 IPv6 访问条件：检查机没有全球单播 IPv6 地址/);

      // With a route, the sites stored without one are measured again; then a resumed run asks nothing.
      expect(await checkIpv6(h.db, h.check, { ...stage, route: counting(ROUTE) })).toEqual({
        measured: 3,
        skipped: 0,
        addressHosts: 1,
        noRoute: null,
      });
      const seen = hits.v6.length;
      expect(await checkIpv6(h.db, h.check, { ...stage, route: counting(ROUTE) })).toEqual({
        measured: 0,
        skipped: 3,
        addressHosts: 1,
        noRoute: null,
      });
      expect(hits.v6.length).toBe(seen);
      // Asked once per run that had a site to measure: not by the run with nothing left.
      expect(routeAsked).toBe(2);

      expect(artifactsFor(h, '4301000001').ipv6?.linkHosts.map((l) => [l.host, l.level, l.links, l.aaaa])).toEqual([
        [FGW, 2, 2, ['::1']],
        [JYJ, 3, 1, []],
      ]);
      // DUAL: AAAA, the homepage over IPv6, 1 of 2 link hosts (50%): the share is low.
      expect(judge('4301000001')).toEqual(['links-low']);
      // AONLY: no AAAA. BROKEN: AAAA, refused over IPv6 while IPv4 served the homepage.
      expect(judge('4301000002')).toEqual(['no-aaaa']);
      expect(judge('4301000003')).toEqual(['no-ipv6-access']);
      expect(artifactsFor(h, '4301000004').ipv6).toBeNull();
      expect(judge('4301000004')).toMatch(/IP 地址/);

      // Judged with the 2019 edition and reported: the findings carry the rule's Chinese title.
      const now = new Date().toISOString();
      judgeCheck(h.db, { ...h.check, edition: '2019' }, loadEdition('2019'), now);
      const report = buildReport(h.db, { ...h.check, edition: '2019' }, now, join(h.dir, 'out'));
      const aonly = report.sites.find((x) => x.id === '4301000002')!;
      expect(aonly.findings.filter((f) => f.rule === 'ipv6').map((f) => [f.title, f.kind, f.points])).toEqual([
        ['IPv6 支持', 'deduction', 2],
      ]);
      await writeReports(report, ['html', 'xlsx'], join(h.dir, 'out'));
      expect(readFileSync(join(h.dir, 'out', 'report.html'), 'utf8')).toContain('<b>IPv6 支持</b>');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(h.dir, 'out', 'report.xlsx'));
      const titles: string[] = [];
      wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => void (c.value === 'IPv6 支持' && titles.push(sheet.name)))));
      // One row a finding on the findings sheet: AONLY's and BROKEN's (DUAL's 2 link hosts are fewer than the edition's 3).
      expect(titles).toEqual([expect.any(String), expect.any(String)]);
      expect(new Set(titles).size).toBe(1);
    } finally {
      h.close();
    }
  });
});

// Where a site's outbound links lead now, end to end through the link checker: real loopback servers
// stand in for the linked sites (a parking page, a site taken over by gambling, a news portal, a company),
// the project's injectable resolver says which names exist, and a real DNS server on loopback answers the
// zone queries. Near misses: an ordinary external link, a news portal with 彩票 and a 六合彩 case in its
// headlines, a host name gone from a domain that exists, a DNS server that does not answer, and a DNS
// failure while the checker's own network is down.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard, type Resolver } from '../../src/gather/http/address-guard.js';
import { CRAWL_DEFAULTS } from '../../src/gather/crawl/crawler.js';
import { crawlCheck } from '../../src/gather/crawl/crawl-check.js';
import { checkLinks } from '../../src/gather/links/link-checker.js';
import { zoneLookup } from '../../src/gather/links/domain-lapse.js';
import { hiddenLinks } from '../../src/rules/hidden-links.js';
import { linkBroken } from '../../src/rules/link-broken.js';
import { runRule } from '../../src/verdict/run-rules.js';
import type { Finding } from '../../src/model/finding.js';
import { ctx } from '../helpers/artifacts.js';
import { artifactsFor, type Harness, harness, siteRow } from '../helpers/store.js';
import { type DnsServer, startDnsServer } from '../helpers/dns-server.js';

const AT = '2026-12-01T10:00:00+08:00';
const CANARIES = ['www.canary-one.cn', 'www.canary-two.cn'];
const saved = (name: string) => readFileSync(new URL(`../extract/target-pages/${name}.html`, import.meta.url));

// What each linked host serves at its root, and at the path the government page links to.
const HOSTS: Record<string, { root: Buffer | string; linked: string; status?: number }> = {
  'www.news-portal.com': { root: saved('news-portal'), linked: '/' },
  'www.company.com': { root: saved('company-footer'), linked: '/about.html' },
  'jiankang-old.com': { root: saved('sedo-parked'), linked: '/health/' },
  'www.lvyou-old.com': { root: saved('gambling-new-owner'), linked: '/old/article.html', status: 404 },
  'www.other.gov.cn': { root: saved('cn-for-sale'), linked: '/' },
};
const GONE = ['www.lapsed-site.com', 'gone.alive-domain.com'];

let server: Server;
let port = 0;
let dns: DnsServer;
let requests: string[] = [];

beforeAll(async () => {
  server = createServer((q, r) => {
    const host = (q.headers.host ?? '').replace(/:\d+$/, '');
    const path = q.url ?? '/';
    requests.push(`${host}${path}`);
    const send = (status: number, body: Buffer | string) => {
      r.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      r.end(q.method === 'HEAD' ? undefined : body);
    };
    if (host === '127.0.0.1') {
      const links = [
        ...Object.entries(HOSTS).map(([h, s]) => `http://${h}:${port}${s.linked}`),
        ...GONE.map((h) => `http://${h}:${port}/`),
      ];
      return send(
        200,
        `<html><head><title>某县人民政府</title></head><body><ul><li><a href="/a.html">县政府常务会议</a><span>2026-11-30</span></li></ul>
        ${links.map((l, i) => `<a href="${l}">友情链接${i}</a>`).join(' ')}</body></html>`,
      );
    }
    const site = HOSTS[host];
    if (!site) return send(200, '<html><body>ok</body></html>');
    return send(path === '/' ? 200 : (site.status ?? 200), site.root);
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  port = (server.address() as AddressInfo).port;
  dns = await startDnsServer({ com: { ns: ['a.gtld-servers.net'] }, 'alive-domain.com': { ns: ['ns1.alive-domain.com'] } });
});

afterAll(async () => {
  await dns.close();
  await new Promise((r) => server.close(r));
});

const nxdomain = (host: string) => Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
const healthy: Resolver = (host) => (GONE.includes(host) ? nxdomain(host) : Promise.resolve(['127.0.0.1']));

async function run(
  resolver: Resolver,
  zones = zoneLookup([dns.address], 1_000),
): Promise<{ h: Harness; found: Finding[]; dead: string[] }> {
  requests = [];
  const h = harness(AT);
  h.register([siteRow('4301000001', `http://127.0.0.1:${port}/`, 'A')]);
  const guard = new AddressGuard(true, resolver);
  await crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, render: 'never', guard });
  const opts = {
    scope: 'all' as const,
    internalHosts: new Set([`127.0.0.1:${port}`]),
    guard,
    concurrency: 8,
    perHost: 2,
    timeoutMs: 3000,
    retryAfterMs: 20,
    canaries: CANARIES,
    zones,
  };
  await checkLinks(h.db, h.check, opts);
  const a = artifactsFor(h, '4301000001');
  const r = runRule(hiddenLinks, a, hiddenLinks.meta.options.parse({}), ctx);
  const b = runRule(linkBroken, a, linkBroken.meta.options.parse({}), ctx);
  return {
    h,
    found: r.status === 'checked' ? r.findings : [],
    dead:
      b.status === 'checked'
        ? b.findings.filter((f) => f.code !== 'unchecked').map((f) => new URL(f.evidence.target as string).hostname)
        : [],
  };
}

const byHost = (found: Finding[]) => Object.fromEntries(found.map((f) => [f.evidence.host as string, f.code]));

describe('where outbound links lead, with a healthy vantage', () => {
  it('a parking page, a site taken over by gambling and a lapsed domain; nothing on the near misses', async () => {
    const { h, found, dead } = await run(healthy);
    try {
      expect(byHost(found)).toEqual({
        [`jiankang-old.com:${port}`]: 'parked-domain',
        [`www.lvyou-old.com:${port}`]: 'taken-over',
        [`www.lapsed-site.com:${port}`]: 'lapsed-domain',
      });
      const lapse = found.find((f) => f.code === 'lapsed-domain')!;
      expect(lapse.evidence).toMatchObject({ domain: 'lapsed-site.com', zone: 'com' });
      // The dead links are link-broken's, the lapsed domain's and the one only its host name is gone from.
      expect(dead.sort()).toEqual(['gone.alive-domain.com', 'www.lapsed-site.com', 'www.lvyou-old.com']);
    } finally {
      h.close();
    }
  });

  it('each outbound host is looked at once; the site itself and government sites never', async () => {
    const { h } = await run(healthy);
    try {
      const roots = requests.filter((r) => r.endsWith('/') && !r.startsWith('127.0.0.1') && GONE.every((g) => !r.startsWith(g)));
      expect(roots.filter((r) => r === 'jiankang-old.com/')).toHaveLength(1);
      expect(roots.some((r) => r.startsWith('www.other.gov.cn'))).toBe(true); // its link is checked…
      const rows = h.db.$client.prepare('SELECT host FROM link_hosts').all() as { host: string }[];
      expect(rows.map((r) => r.host.replace(/:\d+$/, '')).sort()).toEqual(
        ['jiankang-old.com', 'www.company.com', 'www.lapsed-site.com', 'www.lvyou-old.com', 'www.news-portal.com'].sort(),
      ); // …but not looked at, nor is 127.0.0.1
      // A run stopped before the statuses were saved checks the links again, but reads no homepage again.
      h.db.$client.prepare('DELETE FROM link_checks').run();
      requests = [];
      await checkLinks(h.db, h.check, {
        scope: 'all',
        internalHosts: new Set([`127.0.0.1:${port}`]),
        guard: new AddressGuard(true, healthy),
        concurrency: 8,
        perHost: 2,
        timeoutMs: 3000,
        retryAfterMs: 20,
        canaries: CANARIES,
        zones: zoneLookup([dns.address], 1_000),
      });
      expect(requests).toContain('jiankang-old.com/health/');
      expect(requests).not.toContain('jiankang-old.com/');
      expect(requests).not.toContain('www.lvyou-old.com/');
    } finally {
      h.close();
    }
  });

  it('near miss: a DNS server that does not answer proves nothing: the dead link stays link-broken’s alone', async () => {
    const silent = () => Promise.reject(Object.assign(new Error('queryNs ECONNREFUSED com'), { code: 'ECONNREFUSED' }));
    const { h, found, dead } = await run(healthy, silent);
    try {
      expect(found.filter((f) => f.code === 'lapsed-domain')).toEqual([]);
      expect(dead).toContain('www.lapsed-site.com');
    } finally {
      h.close();
    }
  });
});

describe('a DNS failure while the checker cannot resolve outside names', () => {
  it('no domain is called lapsed, no zone is asked, and no linked site is read', async () => {
    const asked = dns.asked.length;
    const { h, found } = await run((host) => nxdomain(host));
    try {
      expect(found).toEqual([]);
      expect(dns.asked.length).toBe(asked);
      expect(h.db.$client.prepare('SELECT count(*) AS n FROM link_hosts').get()).toEqual({ n: 0 });
    } finally {
      h.close();
    }
  });
});

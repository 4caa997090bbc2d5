// Our network or their site, end to end: a machine that cannot resolve outside names, a local outage in
// the middle of the run, a firewall, and, for each, the near miss where the site really is at fault.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard, type Resolver } from '../../src/gather/http/address-guard.js';
import { CRAWL_DEFAULTS } from '../../src/gather/crawl/crawler.js';
import { crawlCheck } from '../../src/gather/crawl/crawl-check.js';
import { checkLinks } from '../../src/gather/links/link-checker.js';
import { linkBroken } from '../../src/rules/link-broken.js';
import { runRule } from '../../src/verdict/run-rules.js';
import type { RuleResult } from '../../src/model/finding.js';
import { ctx } from '../helpers/artifacts.js';
import { artifactsFor, type Harness, harness, siteRow } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
const HOSTS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => `${h}.example.gov.cn`);
const CANARIES = ['www.canary-one.cn', 'www.canary-two.cn'];
let server: Server;
let port = 0;
let flaky = new Map<string, number>();

const nxdomain = (host: string) => Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));

beforeAll(async () => {
  server = createServer((q, r) => {
    const host = q.headers.host ?? '';
    const path = q.url ?? '/';
    const page = (status: number, body = '') => {
      r.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...(status === 412 ? { server: 'yundun' } : {}) });
      r.end(q.method === 'HEAD' ? undefined : body);
    };
    if (path === '/' && host.startsWith('127.0.0.1')) {
      const links = HOSTS.map(
        (h) => `<a href="http://${h}:${port}/page.html">单位${h}</a> <a href="http://${h}:${port}/flaky.html">栏目${h}</a>`,
      );
      return page(
        200,
        `<html><head><title>测试</title></head><body><ul><li><a href="/ok.html">正常页面的链接标题</a><span>2026-11-30</span></li></ul>
        ${links.join(' ')} <a href="http://dead.example.gov.cn:${port}/">已注销的网站</a> <a href="/waf.html">防护页</a></body></html>`,
      );
    }
    if (path === '/flaky.html') {
      // A passing 5xx on the first try: a suspect, asked again after the pause.
      const n = (flaky.get(host) ?? 0) + 1;
      flaky.set(host, n);
      return page(n <= 2 ? 500 : 200, 'x');
    }
    if (path === '/waf.html') return page(412, '<script>challenge()</script>');
    return page(200, '<html><body>ok</body></html>');
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((r) => server.close(r)));

/** Crawls the one site, checks every link with this resolver, and judges link-broken. */
async function run(resolver: Resolver): Promise<{ h: Harness; result: RuleResult; status: (t: string) => string | undefined }> {
  flaky = new Map();
  const h = harness(AT);
  h.register([siteRow('4301000001', `http://127.0.0.1:${port}/`, 'A')]);
  const guard = new AddressGuard(true, resolver);
  await crawlCheck(h.db, h.check, { ...CRAWL_DEFAULTS, delayMs: 0, render: 'never', guard });
  await checkLinks(h.db, h.check, {
    scope: 'all',
    internalHosts: new Set([`127.0.0.1:${port}`]),
    guard,
    concurrency: 8,
    perHost: 2,
    timeoutMs: 3000,
    retryAfterMs: 50,
    canaries: CANARIES,
  });
  const a = artifactsFor(h, '4301000001');
  const result = runRule(linkBroken, a, linkBroken.meta.options.parse({}), ctx);
  const status = (t: string) => a.links.find((l) => l.target.includes(t))?.status ?? undefined;
  return { h, result, status };
}

const codes = (r: RuleResult) => (r.status === 'checked' ? r.findings.map((f) => f.code).sort() : r.status);
const deadTargets = (r: RuleResult) =>
  r.status === 'checked' ? r.findings.filter((f) => f.code !== 'unchecked').map((f) => new URL(f.evidence.target as string).hostname) : [];

describe('a checker that cannot resolve outside names', () => {
  it('no external link is deducted: each is the vantage’s, counted in a notice', async () => {
    const { h, result, status } = await run((host) => nxdomain(host));
    try {
      expect(status('h1.example.gov.cn:')).toBe('vantage');
      expect(status('dead.example.gov.cn')).toBe('vantage');
      expect(status('/ok.html')).toBe('ok');
      expect(deadTargets(result)).toEqual([]);
      expect(codes(result)).toEqual(['unchecked']);
      const notice = result.status === 'checked' ? result.findings[0]! : null;
      expect(notice?.message).toMatch(/无法解析外部域名/);
    } finally {
      h.close();
    }
  });

  it('near miss: with outside names resolving, a domain that does not exist is a dead link', async () => {
    const resolver: Resolver = (host) => (host.startsWith('dead.') ? nxdomain(host) : Promise.resolve(['127.0.0.1']));
    const { h, result, status } = await run(resolver);
    try {
      expect(status('dead.example.gov.cn')).toBe('broken');
      expect(status('h1.example.gov.cn:')).toBe('ok');
      expect(deadTargets(result)).toEqual(['dead.example.gov.cn']);
    } finally {
      h.close();
    }
  });
});

describe('a local outage between the first try and the retry', () => {
  // Names resolve to the site's server until the retry, then to an address nothing listens on.
  const outage = (downHosts: (host: string) => boolean): Resolver => {
    return (host) => {
      if (host.startsWith('dead.')) return nxdomain(host);
      const retrying = [...flaky.values()].filter((n) => n >= 2).length === HOSTS.length;
      return Promise.resolve([retrying && downHosts(host) ? '127.0.0.2' : '127.0.0.1']);
    };
  };

  it('failures shared by every host at once are the vantage’s, not six dead links', async () => {
    const { h, result, status } = await run(outage(() => true));
    try {
      for (const host of HOSTS) expect(status(`${host}:${port}/flaky`)).toBe('vantage');
      expect(deadTargets(result)).toEqual(['dead.example.gov.cn']);
    } finally {
      h.close();
    }
  });

  it('near miss: one host down at the retry is that site’s dead link', async () => {
    const { h, result, status } = await run(outage((host) => host === HOSTS[5]));
    try {
      expect(status(`${HOSTS[5]}:${port}/flaky`)).toBe('broken');
      expect(status(`${HOSTS[0]}:${port}/flaky`)).toBe('ok');
      expect(deadTargets(result).sort()).toEqual(['dead.example.gov.cn', HOSTS[5]].sort());
    } finally {
      h.close();
    }
  });
});

describe('a firewall', () => {
  it('a 412 challenge is blocked, not broken', async () => {
    const { h, status } = await run((host) => Promise.resolve(host.startsWith('dead.') ? [] : ['127.0.0.1']));
    try {
      expect(status('/waf.html')).toBe('blocked');
    } finally {
      h.close();
    }
  });
});

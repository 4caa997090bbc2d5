// Probe rounds: a failure of the checker's own network is recorded as the vantage's, a firewall's
// answer as blocked, and a site that is really down still as its own failure.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard, type Resolver } from '../../src/gather/http/address-guard.js';
import { type ProbeOutcome, probeRound } from '../../src/gather/probe/probe.js';
import type { Site } from '../../src/model/site.js';

const HOSTS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => `${h}.example.gov.cn`);
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((q, r) => {
    if (q.headers.host?.startsWith('waf.')) {
      r.writeHead(412, { 'content-type': 'text/html', server: 'Safedog' });
      return r.end('<script>challenge()</script>');
    }
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    r.end('<html><body><ul><li><a href="/a.html">一条新闻的标题</a><span>2026-11-30</span></li></ul></body></html>');
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((r) => server.close(r)));

const site = (host: string, i: number): Site => ({
  id: `43010000${String(i).padStart(2, '0')}`,
  name: host,
  url: `http://${host}:${port}/`,
  sponsor: null,
  level: null,
  region: '430100',
  parentId: null,
  status: 'running',
});
const nxdomain = (host: string) => Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));

/** One round over the hosts with this resolver: each site's failure kind, null when it loaded. */
async function round(hosts: string[], resolver: Resolver): Promise<Map<string, string | null>> {
  const seen: ProbeOutcome[] = [];
  await probeRound(
    hosts.map((h, i) => site(h, i)),
    {
      timeoutMs: 3000,
      guard: new AddressGuard(true, resolver),
      concurrency: 8,
      onProbe: (p) => seen.push(p),
      canaries: ['www.canary.cn', 'www.canary2.cn'],
    },
  );
  expect(seen.length).toBe(hosts.length);
  return new Map(seen.map((p) => [new URL(p.record.url).hostname, p.record.failure]));
}

describe('a probe round', () => {
  it('every site refusing at once is a local outage: the vantage’s, not six sites down', async () => {
    const r = await round(HOSTS, () => Promise.resolve(['127.0.0.2']));
    expect([...r.values()]).toEqual(HOSTS.map(() => 'vantage'));
  });

  it('near miss: one site refusing while the others load is that site down', async () => {
    const r = await round(HOSTS, (h) => Promise.resolve([h === HOSTS[5] ? '127.0.0.2' : '127.0.0.1']));
    expect(r.get(HOSTS[5]!)).toBe('refused');
    expect(r.get(HOSTS[0]!)).toBeNull();
  });

  it('no name resolving, canaries included, is the checker’s DNS', async () => {
    const r = await round(HOSTS.slice(0, 2), nxdomain);
    expect([...r.values()]).toEqual(['vantage', 'vantage']);
  });

  it('near miss: a name that does not resolve while the canaries do is that site’s DNS failure', async () => {
    const r = await round(HOSTS.slice(0, 2), (h) => (h === HOSTS[1] ? nxdomain(h) : Promise.resolve(['127.0.0.1'])));
    expect(r.get(HOSTS[1]!)).toBe('dns');
    expect(r.get(HOSTS[0]!)).toBeNull();
  });

  it('a firewall’s challenge is blocked, not down', async () => {
    const r = await round(['waf.example.gov.cn', HOSTS[0]!], () => Promise.resolve(['127.0.0.1']));
    expect(r.get('waf.example.gov.cn')).toBe('blocked');
  });
});

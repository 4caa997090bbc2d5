// A lapsed domain, asked of a real DNS server on loopback through the machine's resolver library: the
// registrable domain answers NXDOMAIN while its zone answers. Near misses: only the host name is gone, the
// zone does not answer, the domain's own answer is a failure rather than NXDOMAIN, no DNS server answers.
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lapsedDomain, zoneLookup } from '../../src/gather/links/domain-lapse.js';
import { type DnsServer, startDnsServer } from '../helpers/dns-server.js';

let dns: DnsServer;

beforeAll(async () => {
  dns = await startDnsServer({
    com: { ns: ['a.gtld-servers.net', 'b.gtld-servers.net'] },
    'com.cn': { ns: ['a.dns.cn'] },
    cn: { ns: ['a.dns.cn'] },
    'sh.cn': {}, // a suffix served by its parent: no NS of its own
    net: 'servfail',
    'alive.com': { ns: ['ns1.alive.com'] },
    'broken.com': 'servfail',
  });
});
afterAll(() => dns.close());

const lookup = () => zoneLookup([dns.address], 1_000);

describe('lapsedDomain', () => {
  it.each([
    ['www.lapsed-site.com', { domain: 'lapsed-site.com', zone: 'com', zoneServers: ['a.gtld-servers.net', 'b.gtld-servers.net'] }],
    ['bbs.oldsite.com.cn', { domain: 'oldsite.com.cn', zone: 'com.cn', zoneServers: ['a.dns.cn'] }],
    ['www.gone.sh.cn', { domain: 'gone.sh.cn', zone: 'sh.cn', zoneServers: [] }],
  ])('%s: the domain does not exist and its zone answers', async (host, lapse) => {
    expect(await lapsedDomain(host, lookup())).toEqual(lapse);
  });

  it.each([
    ['gone.alive.com', 'only the host name is gone: the domain exists'],
    ['dead.net', 'the zone fails (SERVFAIL): nothing certain'],
    ['www.broken.com', 'the domain’s own answer is SERVFAIL, not NXDOMAIN'],
    ['127.0.0.1', 'an address has no domain'],
    ['localhost', 'no registrable domain'],
  ])('near miss: %s (%s)', async (host) => {
    expect(await lapsedDomain(host, lookup())).toBeNull();
  });

  it('asks the zone and the registrable domain for NS records, nothing else', async () => {
    const from = dns.asked.length;
    await lapsedDomain('www.lapsed-site.com', lookup());
    expect(dns.asked.slice(from)).toEqual([
      { name: 'com', type: 'NS' },
      { name: 'lapsed-site.com', type: 'NS' },
    ]);
  });

  it('near miss: no DNS server answers at all', async () => {
    // A port nothing listens on: the query is refused or times out, which proves nothing about the domain.
    const s = createSocket('udp4');
    await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    expect(await lapsedDomain('www.lapsed-site.com', zoneLookup([`127.0.0.1:${port}`], 300))).toBeNull();
  });
});

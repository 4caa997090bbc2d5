import { describe, expect, it } from 'vitest';
import type { Ipv6Artifact, Ipv6LinkHostArtifact, Ipv6RequestArtifact, SiteArtifacts } from '../../src/model/artifacts.js';
import type { SiteLevel } from '../../src/model/site.js';
import { ipv6 } from '../../src/rules/ipv6.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { AT, ctx, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

const answered = (url: string, status = 200): Ipv6RequestArtifact => ({ url, status, finalUrl: url, failure: null, error: null });
const failed = (url: string, failure: Ipv6RequestArtifact['failure'], error = String(failure)): Ipv6RequestArtifact => ({
  url,
  status: null,
  finalUrl: null,
  failure,
  error,
});

/** A link host with IPv6 that answers, unless told otherwise. */
const host = (name: string, parts: Partial<Ipv6LinkHostArtifact> = {}): Ipv6LinkHostArtifact => ({
  host: name,
  level: 2,
  links: 3,
  aaaa: ['240e:1::1'],
  dnsError: null,
  fetch: answered(`http://${name}/`),
  ...parts,
});
const noAaaa = (name: string, level: 2 | 3 = 2): Ipv6LinkHostArtifact => host(name, { level, aaaa: [], fetch: null });

/** A homepage host that does everything right unless told otherwise. */
const measured = (parts: Partial<Ipv6Artifact> = {}): Ipv6Artifact => ({
  host: 'x.gov.cn',
  checkedAt: AT,
  noRoute: null,
  aaaa: ['240e:1::80'],
  dnsError: null,
  homepage: answered('http://x.gov.cn/'),
  linkHosts: [host('fgw.x.gov.cn'), host('jyj.x.gov.cn'), host('wjw.x.gov.cn', { level: 3 })],
  linkHostsOmitted: 0,
  ...parts,
});

const at = (level: SiteLevel | null, a: Partial<SiteArtifacts>, url = 'http://x.gov.cn/'): SiteArtifacts => {
  const s = site(a);
  return { ...s, site: { ...s.site, level, url } };
};
/** Seven of eight link hosts with IPv6: 87.5%, just over 85%. */
const sevenOfEight = [...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => host(`${n}.x.gov.cn`)), noAaaa('h.x.gov.cn', 3)];
const sixOfSeven = sevenOfEight.slice(1);

ruleTable(ipv6, {
  valid: [
    { name: 'AAAA, the homepage over IPv6, every link host with IPv6', artifacts: site({ ipv6: measured() }) },
    {
      name: 'near miss: 7 of 8 link hosts (87.5%) is not under 85%',
      artifacts: site({ ipv6: measured({ linkHosts: sevenOfEight }) }),
    },
    {
      name: 'near miss: two link hosts without IPv6 are too few for a share (3 needed)',
      artifacts: site({ ipv6: measured({ linkHosts: [noAaaa('fgw.x.gov.cn'), noAaaa('jyj.x.gov.cn')] }) }),
    },
    {
      name: 'near miss: a link host answering 404 over IPv6 supports IPv6 (the page is link-broken’s question)',
      artifacts: site({
        ipv6: measured({
          linkHosts: [host('a.x.gov.cn', { fetch: answered('http://a.x.gov.cn/old', 404) }), host('b.x.gov.cn'), host('c.x.gov.cn')],
        }),
      }),
    },
    {
      name: 'near miss: link hosts whose names do not resolve, or the guard stopped, are not counted',
      artifacts: site({
        ipv6: measured({
          linkHosts: [
            host('a.x.gov.cn'),
            host('b.x.gov.cn'),
            host('c.x.gov.cn'),
            host('old.x.gov.cn', { aaaa: [], fetch: null, dnsError: 'ENOTFOUND old.x.gov.cn' }),
            host('lan.x.gov.cn', { fetch: failed('http://lan.x.gov.cn/', 'blocked') }),
          ],
        }),
      }),
    },
    {
      name: 'near miss: a department site without AAAA: only portals at county level and above are expected to support it',
      artifacts: at('prefecture-dept', { ipv6: measured({ aaaa: [], homepage: null }) }),
    },
    {
      name: 'the levels are an option',
      artifacts: at('county-portal', { ipv6: measured({ aaaa: [], homepage: null }) }),
      options: { levels: ['province-portal'] },
    },
  ],
  invalid: [
    {
      name: 'a county portal whose host has no AAAA record',
      artifacts: at('county-portal', { ipv6: measured({ aaaa: [], homepage: null }) }),
      codes: ['no-aaaa'],
    },
    {
      name: 'AAAA, but nothing answers over IPv6 while IPv4 serves the homepage',
      artifacts: site({ ipv6: measured({ homepage: failed('http://x.gov.cn/', 'refused', 'ECONNREFUSED ::1:80') }) }),
      codes: ['no-ipv6-access'],
    },
    {
      name: 'AAAA, but the homepage answers 502 over IPv6',
      artifacts: site({ ipv6: measured({ homepage: answered('http://x.gov.cn/', 502) }) }),
      codes: ['no-ipv6-access'],
    },
    {
      name: 'AAAA, but the homepage redirects to a host with none',
      artifacts: site({ ipv6: measured({ homepage: failed('http://x.gov.cn/', 'dns', 'ENOTFOUND www.x.gov.cn') }) }),
      codes: ['no-ipv6-access'],
    },
    {
      name: '6 of 7 link hosts (85.7%) is not under 85%, but with the share raised to 90% it is',
      artifacts: site({ ipv6: measured({ linkHosts: sixOfSeven }) }),
      options: { minLinkShare: 0.9 },
      codes: ['links-low'],
    },
    {
      name: '2 of 3 link hosts with IPv6, one answering nothing over IPv6',
      artifacts: site({
        ipv6: measured({
          linkHosts: [host('a.x.gov.cn'), host('b.x.gov.cn'), host('c.x.gov.cn', { fetch: failed('http://c.x.gov.cn/', 'timeout') })],
        }),
      }),
      codes: ['links-low'],
    },
    {
      name: 'no AAAA on the homepage host nor on its link hosts: both said',
      artifacts: site({
        ipv6: measured({ aaaa: [], homepage: null, linkHosts: [noAaaa('a.x.gov.cn'), noAaaa('b.x.gov.cn'), noAaaa('c.x.gov.cn', 3)] }),
      }),
      codes: ['no-aaaa', 'links-low'],
    },
  ],
  notChecked: [
    { name: 'never measured', artifacts: site() },
    {
      name: 'the checker had no IPv6 route',
      artifacts: site({
        ipv6: measured({ noRoute: '检查机没有全球单播 IPv6 地址（仅有 fd00::2）', aaaa: [], homepage: null, linkHosts: [] }),
      }),
    },
    { name: 'a registered address has no name for an AAAA record', artifacts: at('county-portal', {}, 'http://127.0.0.1:8080/') },
    { name: 'the registry gives no level', artifacts: at(null, { ipv6: measured({ aaaa: [], homepage: null }) }) },
    {
      name: 'the homepage host does not resolve at all: site-unreachable’s business',
      artifacts: site({ ipv6: measured({ aaaa: [], homepage: null, dnsError: 'ENOTFOUND x.gov.cn' }) }),
    },
    {
      name: 'the address guard stopped the IPv6 fetch',
      artifacts: site({ ipv6: measured({ homepage: failed('http://x.gov.cn/', 'blocked') }) }),
    },
    {
      name: 'down over IPv4 too: no telling an IPv6 fault from a site that is down',
      artifacts: site({
        homepage: { url: 'http://x.gov.cn/', finalUrl: 'http://x.gov.cn/', status: null, fetchedAt: AT, readable: false, error: 'timeout' },
        ipv6: measured({ homepage: failed('http://x.gov.cn/', 'timeout') }),
      }),
    },
  ],
});

describe('ipv6 evidence', () => {
  const run = (a: SiteArtifacts, o: Record<string, unknown> = {}) => runRule(ipv6, a, ipv6.meta.options.parse(o), ctx);

  it('names the hosts without IPv6, their level and why, and the share', () => {
    const r = run(
      site({ ipv6: measured({ linkHosts: [host('a.x.gov.cn'), noAaaa('b.x.gov.cn', 3), noAaaa('c.x.gov.cn')], linkHostsOmitted: 4 }) }),
    );
    const f = r.status === 'checked' ? r.findings[0]! : null;
    expect(f?.message).toBe('首页及栏目页链接的本站 3 个子域名中 1 个支持 IPv6（33.3%，低于 85%），如 b.x.gov.cn');
    expect(f?.evidence).toMatchObject({
      measured: 3,
      supported: 1,
      share: 0.333,
      omitted: 4,
      without: [
        { host: 'b.x.gov.cn', level: 3, links: 3, why: '无 AAAA 记录' },
        { host: 'c.x.gov.cn', level: 2, links: 3, why: '无 AAAA 记录' },
      ],
    });
  });

  it('says why the homepage failed over IPv6 beside its IPv4 status', () => {
    const r = run(site({ ipv6: measured({ homepage: failed('http://x.gov.cn/', 'refused') }) }));
    const f = r.status === 'checked' ? r.findings[0]! : null;
    expect(f?.message).toContain('连接被拒绝');
    expect(f?.message).toContain('IPv4 访问 HTTP 200');
    expect(f?.evidence.aaaa).toEqual(['240e:1::80']);
  });

  it('gives the route as the reason when there was none', () => {
    const r = run(site({ ipv6: measured({ noRoute: '检查机没有全球单播 IPv6 地址', homepage: null }) }));
    expect(r).toEqual({ status: 'not-checked', reason: '检查机不具备 IPv6 访问条件：检查机没有全球单播 IPv6 地址' });
  });
});

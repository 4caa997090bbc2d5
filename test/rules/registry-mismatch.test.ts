import { registryMismatch } from '../../src/rules/registry-mismatch.js';
import type { ProbeArtifact, SiteArtifacts } from '../../src/model/artifacts.js';
import { AT, probes, site as anySite } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

// Probes alone unless a case gives the crawl's homepage: the crawl is the rule's second source.
const site = (parts: Partial<SiteArtifacts> = {}) => anySite({ homepage: null, ...parts });
const crawled = (finalUrl: string) => ({
  homepage: { url: 'http://x.gov.cn/', finalUrl, status: 200, fetchedAt: AT, readable: true, error: null },
});

/** `n` probes over the week, each answered from `finalUrl`. */
const led = (n: number, finalUrl: string, extra: Partial<ProbeArtifact> = {}): ProbeArtifact[] =>
  probes(n, 0).map((p) => ({ ...p, finalUrl, itemsHash: 'abc', ...extra }));
const dns = (n: number, spanDays = 7): ProbeArtifact[] =>
  probes(n, n, spanDays).map((p) => ({ ...p, failure: 'dns', error: 'ENOTFOUND', finalUrl: null }));
const at = (url: string, parts: Partial<SiteArtifacts> = {}) => {
  const s = site(parts);
  return { ...s, site: { ...s.site, url, ...(parts.site ?? {}) } };
};
const homepageSays = (text: string): Partial<SiteArtifacts> => ({
  texts: { pages: [{ url: 'http://x.gov.cn/', kind: 'homepage', blocks: [text] }], shared: { url: 'http://x.gov.cn/', blocks: [] } },
});
const closed = (p: ProbeArtifact[]) => {
  const s = site({ probes: p });
  return { ...s, site: { ...s.site, status: 'closed' as const } };
};

ruleTable(registryMismatch, {
  valid: [
    { name: 'serves itself at the registered URL', artifacts: site({ probes: led(20, 'http://x.gov.cn/') }) },
    {
      name: 'www → bare name and http → https within the registered domain',
      artifacts: at('http://www.x.gov.cn/', { probes: led(20, 'https://x.gov.cn/index.html') }),
    },
    {
      name: 'a department moving under its portal of the same domain',
      artifacts: at('http://jyj.x.gov.cn/', { probes: led(5, 'http://www.x.gov.cn/jyj/') }),
    },
    { name: 'the crawl found the homepage where it was registered', artifacts: site(crawled('http://x.gov.cn/')) },
    {
      name: 'the probes led away but the crawl found the site at home: not proven',
      artifacts: site({ probes: led(3, 'http://y.com/'), ...crawled('http://x.gov.cn/') }),
    },
    {
      name: 'a registered URL that was never .gov.cn and still serves itself (site-identity says domain-not-gov)',
      artifacts: at('http://127.0.0.1:8080/', { probes: led(3, 'http://127.0.0.1:8080/') }),
    },
    {
      name: 'led away only some of the time: not proven',
      artifacts: site({ probes: [...led(10, 'http://x.gov.cn/'), ...led(10, 'http://parked.com/')] }),
    },
    {
      name: "failing probes whose names resolve are site-unreachable's business",
      artifacts: site({
        probes: [...probes(20, 20).map((p) => ({ ...p, failure: 'refused' as const, finalUrl: null })), ...led(1, 'http://x.gov.cn/')],
      }),
    },
    {
      name: 'a long homepage that mentions nginx is not a default page',
      artifacts: site({
        probes: led(3, 'http://x.gov.cn/'),
        ...homepageSays(`本站采用 nginx 服务器。Welcome to nginx ${'政务公开'.repeat(200)}`),
      }),
    },
    { name: 'a closed site forwarding to its parent portal', artifacts: closed(led(20, 'http://www.hunan.gov.cn/')) },
    {
      name: 'a closed department forwarding to the portal of its own domain',
      artifacts: { ...closed(led(5, 'http://www.x.gov.cn/')), site: { ...closed([]).site, url: 'http://lyj.x.gov.cn/' } },
    },
    { name: 'a closed site that does not answer', artifacts: closed(dns(20)) },
    {
      name: 'a closed site answering with a page that lists nothing (a closure notice)',
      artifacts: closed(led(3, 'http://x.gov.cn/', { itemsHash: null })),
    },
  ],
  invalid: [
    {
      name: 'every answer came from another .gov.cn domain',
      artifacts: site({ probes: led(20, 'http://www.y.gov.cn/') }),
      codes: ['redirect-other-domain'],
    },
    {
      name: 'a .gov.cn URL now leading to a commercial domain',
      artifacts: site({ probes: led(20, 'http://www.x-gov.com/') }),
      codes: ['redirect-not-gov'],
    },
    {
      name: 'a redirect to a host that did not answer still says where it leads',
      artifacts: site({ probes: led(3, 'http://parked.com/', { ok: false, failure: 'refused' }) }),
      codes: ['redirect-not-gov'],
    },
    {
      name: 'a non-.gov.cn registered URL now leading to another host',
      artifacts: at('http://127.0.0.1:8080/', { probes: led(1, 'http://127.0.0.2:9090/') }),
      codes: ['redirect-other-domain'],
    },
    {
      name: 'a one-shot run: no probes in the window, the crawl was redirected away',
      artifacts: site(crawled('http://www.y.com/')),
      codes: ['redirect-not-gov'],
    },
    {
      name: 'a parking page',
      artifacts: site({ probes: led(3, 'http://x.gov.cn/'), ...homepageSays('该域名正在出售，有意者请联系') }),
      codes: ['parked'],
    },
    {
      name: 'a web server default page',
      artifacts: site({
        probes: led(3, 'http://x.gov.cn/'),
        ...homepageSays('Welcome to nginx!\nIf you see this page, the nginx web server is successfully installed'),
      }),
      codes: ['parked'],
    },
    { name: 'no longer resolves over the whole window', artifacts: site({ probes: dns(150) }), codes: ['unresolvable'] },
    {
      name: 'registered as closed and still serving its own pages',
      artifacts: closed(led(3, 'http://x.gov.cn/')),
      codes: ['closed-but-answers'],
    },
    {
      name: 'registered as closed, still serving its pages under www. over https',
      artifacts: closed(led(3, 'https://www.x.gov.cn/index.html')),
      codes: ['closed-but-answers'],
    },
  ],
  notChecked: [
    { name: 'no probe in the window', artifacts: site() },
    { name: 'DNS failures, but too few to say the name is gone', artifacts: site({ probes: dns(20) }) },
    { name: 'DNS failures covering only the last two days of the window', artifacts: site({ probes: dns(150, 2) }) },
    {
      name: 'DNS failures with one timeout among them',
      artifacts: site({ probes: [...dns(149), ...probes(1, 1, 0.01).map((p) => ({ ...p, finalUrl: null }))] }),
    },
  ],
});

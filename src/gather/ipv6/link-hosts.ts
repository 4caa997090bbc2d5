// Which link hosts the IPv6 share is taken over. The CAC's IPv6 scoring asks for the share of a site's
// second- and third-level links that work over IPv6; choucha takes it over hosts, not links (a host
// answers over IPv6 for all its pages or for none), and over the site's own hosts only: a link to
// www.gov.cn or a newspaper says nothing of this site's IPv6. So, the hosts that
// - a link on the homepage (second level, 二级链接) or on a column page the crawl read (third level,
//   三级链接) points to, over http or https;
// - are the site's domain or under it: the homepage host without a leading `www.` (www.x.gov.cn →
//   x.gov.cn, and fgw.x.gov.cn, a.b.x.gov.cn under it), so a county portal under its city's domain
//   (yl.cs.gov.cn) does not take in the city's departments;
// - are not the homepage host itself, measured on its own.
import { isIP } from 'node:net';

export interface LinkHost {
  host: string;
  level: 2 | 3;
  links: number;
  /** The URL fetched over IPv6: the first link to it, from the homepage when it has one. */
  url: string;
}

/** The registered host less a leading `www.`: the domain the site's own hosts are under. */
function siteDomain(homeHost: string): string {
  return homeHost.toLowerCase().replace(/^www\./, '');
}

export function linkHosts(homeHost: string, links: readonly { target: string; kind: 'homepage' | 'column' }[]): LinkHost[] {
  const home = homeHost.toLowerCase();
  const domain = siteDomain(home);
  const byHost = new Map<string, LinkHost>();
  for (const l of links) {
    let u: URL;
    try {
      u = new URL(l.target);
    } catch {
      continue;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
    const host = u.hostname.toLowerCase();
    if (host === home || isIP(host.replace(/^\[|\]$/g, '')) || (host !== domain && !host.endsWith(`.${domain}`))) continue;
    const level = l.kind === 'homepage' ? 2 : 3;
    const seen = byHost.get(host);
    if (!seen) byHost.set(host, { host, level, links: 1, url: u.href });
    else {
      seen.links++;
      if (level < seen.level) Object.assign(seen, { level, url: u.href });
    }
  }
  return [...byHost.values()].sort((a, b) => a.level - b.level || b.links - a.links || a.host.localeCompare(b.host));
}

// Whether a dead link's domain itself is gone: its owner let it lapse, and anyone may register it and
// serve what they like behind the government page's link. A name that does not resolve is not enough
// (the machine's resolver may be failing, or only that host name was removed): the registrable domain
// must not exist (NXDOMAIN for its name servers) while the zone it is registered in (.com, .com.cn)
// answers, asked straight of the DNS servers. Anything else (a timeout, SERVFAIL, a refused query, the
// zone not answering) says nothing, and nothing is reported.
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { getDomain, getPublicSuffix } from 'tldts';

/** The name servers of a zone; rejects with the resolver's code (ENOTFOUND: the name does not exist; ENODATA: it exists, without NS). */
export type ZoneLookup = (zone: string) => Promise<string[]>;

/** NS queries to `servers` (host or host:port), or to the machine's configured DNS servers. */
export function zoneLookup(servers?: string[], timeoutMs = 3_000): ZoneLookup {
  const r = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (servers) r.setServers(servers);
  return (zone) => r.resolveNs(zone);
}

export interface Lapse {
  /** The registrable domain that does not exist. */
  domain: string;
  /** The zone it would be registered in, which answered. */
  zone: string;
  /** That zone's name servers, as they answered (the first few). */
  zoneServers: string[];
}

const code = (e: unknown) => (e as { code?: string }).code ?? '';

/** The lapse of `host`'s registrable domain, or null when it exists or nothing certain was learnt. */
export async function lapsedDomain(host: string, lookup: ZoneLookup): Promise<Lapse | null> {
  const name = host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (isIP(name)) return null;
  const domain = getDomain(name);
  const zone = getPublicSuffix(name);
  if (!domain || !zone || domain === zone) return null;
  let zoneServers: string[];
  try {
    zoneServers = await lookup(zone);
  } catch (e) {
    // A suffix that exists without name servers of its own (served by its parent) still answered.
    if (code(e) !== 'ENODATA') return null;
    zoneServers = [];
  }
  try {
    await lookup(domain);
    return null;
  } catch (e) {
    return code(e) === 'ENOTFOUND' ? { domain, zone, zoneServers: zoneServers.slice(0, 3) } : null;
  }
}

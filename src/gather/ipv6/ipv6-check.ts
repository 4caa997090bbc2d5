// The IPv6 check: for each sampled site's homepage host, once per check, its AAAA record, the registered
// URL fetched over IPv6 only, and the IPv6 of the site's own hosts its homepage and column pages link
// to (link-hosts.ts). Names are looked up with the guard's resolver, the one every connection uses;
// every fetch goes through the guarded fetch, asked for IPv6 addresses alone, so loopback and private
// addresses are reached only with --allow-private. Nothing is measured from a vantage with no IPv6
// route (route.ts): its failures would all be the checker's.
import { isIP } from 'node:net';
import type { Ipv6Artifact, Ipv6LinkHostArtifact, Ipv6RequestArtifact } from '../../model/artifacts.js';
import type { Site } from '../../model/site.js';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { measuredIpv6Sites, saveIpv6Check } from '../../store/ipv6-checks.js';
import { homeAndColumnLinks } from '../../store/links.js';
import type { AddressGuard } from '../http/address-guard.js';
import { classify } from '../http/failure.js';
import { fetchGuarded } from '../http/fetch-guarded.js';
import { USER_AGENT } from '../http/user-agent.js';
import { linkHosts } from './link-hosts.js';
import { ipv6Route, type RouteCheck } from './route.js';
import { pendingSites } from '../../store/pending-sites.js';

export interface Ipv6CheckOptions {
  guard: AddressGuard;
  /** Each fetch fails past this. */
  timeoutMs: number;
  /** Sites measured at once; one site's hosts are asked one after the other. */
  concurrency: number;
  /** Link hosts measured per site at most (homepage links first, then by how many links point there). */
  maxLinkHosts: number;
  /** Pause before a fetch that timed out or was reset is tried once more. */
  retryAfterMs: number;
  /** How the vantage's IPv6 route is found; the real check unless a test says otherwise. */
  route?: RouteCheck;
  onSite?: (siteId: string) => void;
}

/** A registered URL whose host is an address (http://1.2.3.4/) has no name to hold an AAAA record: not measured. */
function hostIsAddress(siteUrl: string): boolean {
  return isIP(new URL(siteUrl).hostname.replace(/^\[|\]$/g, '')) !== 0;
}

/**
 * Measures every sampled site not measured yet in this check. The route is asked only when a site is
 * to be measured; without one each such site is stored with why, and measured again by a later run.
 */
export async function checkIpv6(
  db: Db,
  check: Check,
  opts: Ipv6CheckOptions,
): Promise<{ measured: number; skipped: number; addressHosts: number; noRoute: string | null }> {
  const done = measuredIpv6Sites(db, check.id);
  const { sampled, pending } = pendingSites(db, check.id, done);
  const todo = pending.filter((s) => !hostIsAddress(s.url));
  const counts = { skipped: sampled - pending.length, addressHosts: pending.length - todo.length };
  if (todo.length === 0) return { measured: 0, ...counts, noRoute: null };

  const route = await (opts.route ?? (() => ipv6Route()))();
  if (!route.ok) {
    const checkedAt = new Date().toISOString();
    for (const site of todo) {
      saveIpv6Check(db, check.id, site.id, {
        host: hostOf(site.url),
        checkedAt,
        noRoute: route.reason ?? '检查机没有 IPv6 路由',
        aaaa: [],
        dnsError: null,
        homepage: null,
        linkHosts: [],
        linkHostsOmitted: 0,
      });
      opts.onSite?.(site.id);
    }
    return { measured: 0, ...counts, noRoute: route.reason };
  }

  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const site = todo[next++]!;
      saveIpv6Check(db, check.id, site.id, await measureIpv6(site, homeAndColumnLinks(db, check.id, site.id), opts));
      opts.onSite?.(site.id);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length)) }, worker));
  return { measured: todo.length, ...counts, noRoute: null };
}

/** The IPv6 facts of one site, measured from a vantage that has an IPv6 route. */
export async function measureIpv6(
  site: Pick<Site, 'url'>,
  links: readonly { target: string; kind: 'homepage' | 'column' }[],
  opts: Pick<Ipv6CheckOptions, 'guard' | 'timeoutMs' | 'maxLinkHosts' | 'retryAfterMs'>,
): Promise<Ipv6Artifact> {
  const host = hostOf(site.url);
  const checkedAt = new Date().toISOString();
  const own = await aaaaOf(host, opts.guard);
  const homepage = own.aaaa.length > 0 ? await overIpv6(site.url, opts) : null;
  const hosts = linkHosts(host, links);
  const measured: Ipv6LinkHostArtifact[] = [];
  for (const h of hosts.slice(0, opts.maxLinkHosts)) {
    const { aaaa, dnsError } = await aaaaOf(h.host, opts.guard);
    measured.push({
      host: h.host,
      level: h.level,
      links: h.links,
      aaaa,
      dnsError,
      fetch: aaaa.length > 0 ? await overIpv6(h.url, opts) : null,
    });
  }
  return {
    host,
    checkedAt,
    noRoute: null,
    ...own,
    homepage,
    linkHosts: measured,
    linkHostsOmitted: Math.max(0, hosts.length - opts.maxLinkHosts),
  };
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, '');
}

/** The name's IPv6 addresses as the resolver every connection uses answers: none when it has only IPv4 ones. */
async function aaaaOf(host: string, guard: AddressGuard): Promise<{ aaaa: string[]; dnsError: string | null }> {
  try {
    const found = await guard.resolver(host);
    return { aaaa: found.filter((a) => isIP(a) === 6), dnsError: null };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { aaaa: [], dnsError: `${err.code ?? 'error'} ${err.message}`.trim() };
  }
}

// Failures that a second try may not repeat; a refusal, a missing name or the guard will.
const PASSING = new Set(['timeout', 'reset', 'other']);

/** A GET over IPv6 alone, through the guarded fetch; the body is not read. Tried once more on a passing failure. */
async function overIpv6(url: string, opts: Pick<Ipv6CheckOptions, 'guard' | 'timeoutMs' | 'retryAfterMs'>): Promise<Ipv6RequestArtifact> {
  const first = await getOnce(url, opts);
  if (first.status !== null || !PASSING.has(first.failure ?? '')) return first;
  await new Promise((r) => setTimeout(r, opts.retryAfterMs));
  return getOnce(url, opts);
}

async function getOnce(url: string, opts: Pick<Ipv6CheckOptions, 'guard' | 'timeoutMs'>): Promise<Ipv6RequestArtifact> {
  try {
    const res = await fetchGuarded(url, { guard: opts.guard, timeoutMs: opts.timeoutMs, userAgent: USER_AGENT, family: 6 });
    await res.body?.cancel();
    return { url, status: res.status, finalUrl: res.url || url, failure: null, error: null };
  } catch (e) {
    const { failure, error } = classify(e);
    return { url, status: null, finalUrl: null, failure, error };
  }
}

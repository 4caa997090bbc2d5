// Availability probes: one timed GET of a homepage, classified into a closed set of failure kinds.
// A page that loads also gives its item list, for the homepage's change history.
import { hostname } from 'node:os';
import type { ProbeFailure } from '../../model/artifacts.js';
import type { ProbeRecord } from '../../store/probes.js';
import type { Site } from '../../model/site.js';
import type { AddressGuard, Resolver } from '../http/address-guard.js';
import { cstDay } from '../../model/day.js';
import { homepageItems, type HomepageItem } from '../../extract/homepage-items.js';
import { USER_AGENT } from '../http/user-agent.js';
import { runPerHost } from '../http/host-lanes.js';
import { TimedGetError, timedGet } from '../http/timed-get.js';
import { DEFAULT_CANARIES, lazyHealth, SharedFailures } from '../http/vantage.js';
import { classify } from '../http/failure.js';

export interface ProbeOptions {
  timeoutMs: number;
  guard: AddressGuard;
  /** Bytes read at most: availability needs the page to load, not all of a huge one. */
  maxBytes?: number;
  /** Name lookup; the system's when absent (tests inject one to simulate DNS failures). */
  resolver?: Resolver;
  /** The probe's start time; the clock when absent (benchmarks and tests may fix it). */
  now?: () => Date;
  /** Where the probes are taken from (--vantage); the machine's host name when absent. */
  vantage?: string;
}

export interface ProbeOutcome {
  record: ProbeRecord;
  /** Items the homepage listed, when it loaded and had a list. */
  items: HomepageItem[];
}

export async function probeOnce(site: Site, opts: ProbeOptions): Promise<ProbeOutcome> {
  const startedAt = (opts.now?.() ?? new Date()).toISOString();
  const t0 = performance.now();
  const base = { siteId: site.id, url: site.url, startedAt, vantage: opts.vantage ?? hostname() };
  try {
    const res = await timedGet(site.url, { ...opts, userAgent: USER_AGENT, maxBytes: opts.maxBytes ?? 5_000_000 });
    const ms = Math.round(performance.now() - t0);
    const failure: ProbeFailure | null = res.waf
      ? 'blocked'
      : res.status >= 500
        ? 'http-5xx'
        : res.status >= 400
          ? 'http-4xx'
          : res.bytes === 0
            ? 'empty'
            : null;
    const list = failure === null ? readItems(res.body, res.finalUrl, res.contentType, startedAt) : null;
    const { body: _b, bytes, contentType: _c, ...rest } = res;
    return {
      record: {
        ...base,
        ...rest,
        ok: failure === null,
        ms,
        bytes,
        failure,
        error:
          failure === 'blocked'
            ? `网站防护拦截了检查（HTTP ${res.status}）`
            : failure
              ? `HTTP ${res.status}${res.bytes === 0 ? ', empty body' : ''}`
              : null,
        itemsHash: list?.hash ?? null,
        itemDates: list?.dates ?? null,
      },
      items: list?.items ?? [],
    };
  } catch (e) {
    const ms = Math.round(performance.now() - t0);
    const { failure, error } = classify(e instanceof TimedGetError ? e.cause : e);
    const times = e instanceof TimedGetError ? e.times : { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: null };
    return {
      record: {
        ...base,
        ...times,
        ok: false,
        status: null,
        ms,
        bytes: null,
        failure,
        error,
        finalUrl: e instanceof TimedGetError ? e.redirectedTo : null,
        itemsHash: null,
        itemDates: null,
      },
      items: [],
    };
  }
}

function readItems(body: Buffer, url: string, contentType: string | null, startedAt: string) {
  if (contentType && !/html|xml/i.test(contentType)) return null;
  try {
    return homepageItems(body, { url, contentType, atDay: cstDay(startedAt) });
  } catch {
    return null; // an unreadable page still loaded: availability is not in doubt, only the history
  }
}

export interface ProbeRoundOptions extends ProbeOptions {
  /** Probes in flight at most, over all hosts. */
  concurrency: number;
  /** Probes in flight at most on one host (several registered sites can share one). */
  perHost?: number;
  onProbe: (p: ProbeOutcome) => void;
  /** Names resolved to tell the checker's DNS failing from a site's; DEFAULT_CANARIES when absent. */
  canaries?: readonly string[];
}

/**
 * One probe of every site, many hosts at once but few requests per host at a time. A failure is
 * handed on when the round ends, once it is known whether the round's failures were the checker's:
 * a name that did not resolve while the canaries did not either, or one failure shared by many hosts
 * at once (vantage.ts), is recorded as `vantage`, not against the site.
 */
export async function probeRound(sites: Site[], opts: ProbeRoundOptions): Promise<void> {
  const health = lazyHealth(opts.resolver ?? opts.guard.resolver, opts.canaries ?? DEFAULT_CANARIES);
  const held: ProbeOutcome[] = [];
  const shared = new SharedFailures();
  await runPerHost(
    sites,
    (s) => new URL(s.url).host,
    { concurrency: opts.concurrency, perHost: opts.perHost ?? 1 },
    async (site) => {
      const o = await probeOnce(site, opts);
      const host = new URL(site.url).host;
      shared.ask(host);
      const failure = o.record.failure;
      if (o.record.ok || failure === null || failure === 'blocked') return opts.onProbe(o);
      if (failure === 'dns') {
        const v = await health.get();
        if (!v.healthy) return opts.onProbe(asVantage(o, v.reason!));
      }
      shared.fail(host, failure);
      held.push(o);
    },
  );
  const mass = shared.verdict();
  for (const o of held) opts.onProbe(mass && o.record.failure === mass.kind ? asVantage(o, mass.reason) : o);
}

/** The probe, recorded as lost to the checker's network; what it saw is kept in the error. */
function asVantage(o: ProbeOutcome, reason: string): ProbeOutcome {
  return { ...o, record: { ...o.record, failure: 'vantage', error: `${reason}（${o.record.failure}: ${o.record.error ?? ''}）` } };
}

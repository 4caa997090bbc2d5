// Availability probes: one timed GET of a homepage, classified into a closed set of failure kinds.
// A page that loads also gives its item list, for the homepage's change history.
import type { ProbeFailure } from '../model/artifacts.js';
import type { ProbeRecord } from '../store/probes.js';
import type { Site } from '../model/site.js';
import type { AddressGuard, Resolver } from './address-guard.js';
import { BlockedAddressError } from '../errors.js';
import { cstDay } from '../model/day.js';
import { homepageItems, type HomepageItem } from '../extract/homepage-items.js';
import { USER_AGENT } from './user-agent.js';
import { runPerHost } from './host-lanes.js';
import { TimedGetError, timedGet } from './timed-get.js';

export interface ProbeOptions {
  timeoutMs: number;
  guard: AddressGuard;
  /** Bytes read at most: availability needs the page to load, not all of a huge one. */
  maxBytes?: number;
  /** Name lookup; the system's when absent (tests inject one to simulate DNS failures). */
  resolver?: Resolver;
  /** The probe's start time; the clock when absent (benchmarks and tests may fix it). */
  now?: () => Date;
}

export interface ProbeOutcome {
  record: ProbeRecord;
  /** Items the homepage listed, when it loaded and had a list. */
  items: HomepageItem[];
}

export async function probeOnce(site: Site, opts: ProbeOptions): Promise<ProbeOutcome> {
  const startedAt = (opts.now?.() ?? new Date()).toISOString();
  const t0 = performance.now();
  const base = { siteId: site.id, url: site.url, startedAt };
  try {
    const res = await timedGet(site.url, { ...opts, userAgent: USER_AGENT, maxBytes: opts.maxBytes ?? 5_000_000 });
    const ms = Math.round(performance.now() - t0);
    const failure: ProbeFailure | null = res.status >= 500 ? 'http-5xx' : res.status >= 400 ? 'http-4xx' : res.bytes === 0 ? 'empty' : null;
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
        error: failure ? `HTTP ${res.status}${res.bytes === 0 ? ', empty body' : ''}` : null,
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

export function classify(e: unknown): { failure: ProbeFailure; error: string } {
  if (e instanceof BlockedAddressError) return { failure: 'blocked', error: e.message };
  const err = e as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return { failure: 'timeout', error: 'no complete response within the timeout' };
  // node:http puts the code on the error, fetch on its cause.
  const code = err.code ?? err.cause?.code ?? '';
  const detail = `${code} ${err.cause?.message ?? err.message ?? ''}`.trim();
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return { failure: 'dns', error: detail };
  if (code === 'ECONNREFUSED') return { failure: 'refused', error: detail };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return { failure: 'reset', error: detail };
  if (/CERT|SSL|TLS/i.test(code) || /certificate/i.test(detail)) return { failure: 'tls', error: detail };
  if (/timeout/i.test(code)) return { failure: 'timeout', error: detail };
  return { failure: 'other', error: detail || String(e) };
}

export interface ProbeRoundOptions extends ProbeOptions {
  /** Probes in flight at most, over all hosts. */
  concurrency: number;
  /** Probes in flight at most on one host (several registered sites can share one). */
  perHost?: number;
  onProbe: (p: ProbeOutcome) => void;
}

/** One probe of every site, many hosts at once but few requests per host at a time. */
export async function probeRound(sites: Site[], opts: ProbeRoundOptions): Promise<void> {
  await runPerHost(
    sites,
    (s) => new URL(s.url).host,
    { concurrency: opts.concurrency, perHost: opts.perHost ?? 1 },
    async (site) => opts.onProbe(await probeOnce(site, opts)),
  );
}

// Availability probes: one timed GET of a homepage, classified into a closed set of failure kinds.
import type { ProbeFailure } from '../rules/types.js';
import type { ProbeRecord } from '../store/probes.js';
import type { Site } from '../registry/site.js';
import type { AddressGuard } from './address-guard.js';
import { BlockedAddressError } from '../errors.js';
import { USER_AGENT } from './user-agent.js';
import { fetchGuarded } from './fetch-guarded.js';
import { runPerHost } from './host-lanes.js';

export interface ProbeOptions {
  timeoutMs: number;
  guard: AddressGuard;
  /** Bytes read at most: availability needs the page to load, not all of a huge one. */
  maxBytes?: number;
}

export async function probeOnce(site: Site, opts: ProbeOptions): Promise<ProbeRecord> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const base = { siteId: site.id, url: site.url, startedAt };
  try {
    const res = await fetchGuarded(site.url, { ...opts, userAgent: USER_AGENT });
    const bytes = await readCapped(res, opts.maxBytes ?? 5_000_000);
    const ms = Math.round(performance.now() - t0);
    const failure: ProbeFailure | null = res.status >= 500 ? 'http-5xx' : res.status >= 400 ? 'http-4xx' : bytes === 0 ? 'empty' : null;
    return { ...base, ok: failure === null, status: res.status, ms, bytes, failure, error: failure ? `HTTP ${res.status}${bytes === 0 ? ', empty body' : ''}` : null };
  } catch (e) {
    const ms = Math.round(performance.now() - t0);
    const { failure, error } = classify(e);
    return { ...base, ok: false, status: null, ms, bytes: null, failure, error };
  }
}

async function readCapped(res: Response, max: number): Promise<number> {
  if (!res.body) return 0;
  let n = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n >= max) {
      await reader.cancel();
      break;
    }
  }
  return n;
}

export function classify(e: unknown): { failure: ProbeFailure; error: string } {
  if (e instanceof BlockedAddressError) return { failure: 'blocked', error: e.message };
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return { failure: 'timeout', error: 'no complete response within the timeout' };
  const code = err.cause?.code ?? '';
  const detail = `${code} ${err.cause?.message ?? err.message ?? ''}`.trim();
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { failure: 'dns', error: detail };
  if (code === 'ECONNREFUSED') return { failure: 'refused', error: detail };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return { failure: 'reset', error: detail };
  if (/CERT|SSL|TLS/i.test(code) || /certificate/i.test(detail)) return { failure: 'tls', error: detail };
  if (/timeout/i.test(code)) return { failure: 'timeout', error: detail };
  return { failure: 'other', error: detail || String(e) };
}

export interface ProbeRoundOptions extends ProbeOptions {
  concurrency: number;
  onProbe: (p: ProbeRecord) => void;
}

/** One probe of every site, many hosts at once but one request per host at a time. */
export async function probeRound(sites: Site[], opts: ProbeRoundOptions): Promise<void> {
  await runPerHost(sites, (s) => new URL(s.url).host, { concurrency: opts.concurrency, perHost: 1 }, async (site) => opts.onProbe(await probeOnce(site, opts)));
}

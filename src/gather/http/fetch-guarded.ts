// One GET with every redirect hop checked by the address guard, under one overall timeout.
// undici's own fetch, not Node's global one: only it takes an Agent whose connections look names up
// through the guard (pinned-lookup), so the socket opens to the address that was checked.
import { isIP } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { BlockedAddressError } from '../../errors.js';
import type { AddressGuard } from './address-guard.js';
import { pinnedLookup } from './pinned-lookup.js';
import { nextHop } from './redirects.js';

// One dispatcher per guard and address family: connections are pooled across calls, each opened through
// that guard's lookup. A family (the IPv6 check asks for 6) makes the lookup hand the socket only
// addresses of that family, so a request that cannot be made over it fails instead of falling back.
const agents = new WeakMap<AddressGuard, Map<number, Agent>>();
function agentFor(guard: AddressGuard, family: 0 | 4 | 6): Agent {
  let byFamily = agents.get(guard);
  if (!byFamily) agents.set(guard, (byFamily = new Map()));
  let a = byFamily.get(family);
  if (!a) byFamily.set(family, (a = new Agent({ connect: { lookup: pinnedLookup(guard), ...(family ? { family } : {}) } })));
  return a;
}

export async function fetchGuarded(
  url: string,
  opts: { timeoutMs: number; guard: AddressGuard; userAgent: string; method?: 'GET' | 'HEAD'; family?: 4 | 6 },
): Promise<Response> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    await opts.guard.check(current);
    // An address in the URL is connected to as it is, whatever the family asked for.
    const literal = isIP(new URL(current).hostname.replace(/^\[|\]$/g, ''));
    if (opts.family && literal && literal !== opts.family)
      throw Object.assign(new Error(`${current} names an IPv${literal} address: no request over IPv${opts.family}`), {
        code: 'EAFNOSUPPORT',
      });
    let res: Response;
    try {
      res = await fetch(current, {
        signal,
        method: opts.method ?? 'GET',
        redirect: 'manual',
        dispatcher: agentFor(opts.guard, opts.family ?? 0),
        headers: { 'user-agent': opts.userAgent, accept: 'text/html,*/*;q=0.8' },
      });
    } catch (e) {
      // fetch hides the lookup's refusal as the cause of "fetch failed"; callers tell a refusal from a failure.
      if ((e as Error).cause instanceof BlockedAddressError) throw (e as Error).cause;
      throw e;
    }
    const next = nextHop(current, res.status, res.headers.get('location'), hop);
    if (!next) return res;
    await res.body?.cancel();
    current = next;
  }
}

/** The page's bytes and type, for `inspect URL`. */
export async function fetchPage(url: string, opts: { timeoutMs: number; guard: AddressGuard; userAgent: string; maxBytes: number }) {
  const res = await fetchGuarded(url, opts);
  const buf = await readCapped(res, opts.maxBytes);
  return { status: res.status, finalUrl: res.url || url, contentType: res.headers.get('content-type'), body: buf };
}

/** Reads at most maxBytes, then stops: a body that never ends or a gzip bomb is cut off, not held in memory whole. */
async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  for await (const chunk of res.body) {
    size += (chunk as Uint8Array).length;
    // Leaving the loop cancels the stream.
    if (size > maxBytes) throw new Error(`page larger than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

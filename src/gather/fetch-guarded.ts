// One GET with every redirect hop checked by the address guard, under one overall timeout.
import type { AddressGuard } from './address-guard.js';

const MAX_REDIRECTS = 10;

export async function fetchGuarded(url: string, opts: { timeoutMs: number; guard: AddressGuard; userAgent: string; method?: 'GET' | 'HEAD' }): Promise<Response> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    await opts.guard.check(current);
    const res = await fetch(current, { signal, method: opts.method ?? 'GET', redirect: 'manual', headers: { 'user-agent': opts.userAgent, accept: 'text/html,*/*;q=0.8' } });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status > 399 || !location) return res;
    await res.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    current = new URL(location, current).href;
  }
}

/** The page's bytes and type, for `inspect URL`. */
export async function fetchPage(url: string, opts: { timeoutMs: number; guard: AddressGuard; userAgent: string; maxBytes: number }) {
  const res = await fetchGuarded(url, opts);
  const buf = Buffer.from(await res.arrayBuffer());
  if (buf.length > opts.maxBytes) throw new Error(`page larger than ${opts.maxBytes} bytes`);
  return { status: res.status, finalUrl: res.url || url, contentType: res.headers.get('content-type'), body: buf };
}

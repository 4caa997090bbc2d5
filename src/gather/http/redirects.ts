// The one redirect policy of every request choucha makes (crawl, probes, link checks, re-checks,
// inspect): the statuses that redirect, the hop limit, and how a Location is resolved. Each hop is
// asked for again through the address guard by the caller's loop, so a redirect cannot lead past it.
import { FinalFetchError } from './errors.js';

export const MAX_REDIRECTS = 10;

// 300 and 304 carry no new address to follow, and 305/306 are obsolete.
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A redirect loop or an endless chain: another try would loop again. */
export class RedirectLoopError extends FinalFetchError {
  constructor() {
    super(`重定向超过 ${MAX_REDIRECTS} 次（redirect loop）`);
  }
}

/**
 * Where an answer sends the request next: the absolute URL of its Location, or null when the answer
 * is final. `hop` counts the redirects already followed; past MAX_REDIRECTS it throws.
 */
export function nextHop(current: string, status: number, location: string | string[] | null | undefined, hop: number): string | null {
  const to = Array.isArray(location) ? location[0] : location;
  if (!REDIRECTS.has(status) || !to) return null;
  if (hop >= MAX_REDIRECTS) throw new RedirectLoopError();
  return new URL(to, current).href;
}

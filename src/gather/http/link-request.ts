// The status a link target answers with: one HEAD or GET on undici's `request`, redirects followed hop by
// hop through the address guard, the body never read.
// Why not fetch (fetch-guarded): undici closes the connection after every HEAD, in case a misbehaving
// server sends a body after it, so checking 125k targets opened 125k connections (a quarter of the
// link stage's CPU in the profile). `request` can keep it open (reset: false). A server that does send
// a body would garble the next answer on that connection; that answer is an error, so only ever a
// suspect, and suspects are checked again with `keepAlive: false`: nothing is called broken on a
// connection a HEAD was answered on.
import type { Dispatcher } from 'undici';
import { request } from 'undici';
import { BlockedAddressError } from '../../errors.js';
import type { AddressGuard } from './address-guard.js';
import { nextHop } from './redirects.js';
import { blockedByWaf } from './waf.js';

export interface LinkRequestOptions {
  guard: AddressGuard;
  dispatcher: Dispatcher;
  userAgent: string;
  timeoutMs: number;
  method: 'HEAD' | 'GET';
  keepAlive: boolean;
}

export interface LinkAnswer {
  status: number;
  /** A firewall answered, not the site (see waf.ts). */
  waf: boolean;
}

export async function linkStatus(url: string, opts: LinkRequestOptions): Promise<LinkAnswer> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    await opts.guard.check(current);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(current, {
        method: opts.method,
        dispatcher: opts.dispatcher,
        signal,
        reset: opts.method === 'HEAD' ? !opts.keepAlive : undefined,
        headers: { 'user-agent': opts.userAgent, accept: 'text/html,*/*;q=0.8' },
      });
    } catch (e) {
      // The guard's refusal made inside the connection's name lookup arrives as the cause.
      if ((e as Error).cause instanceof BlockedAddressError) throw (e as Error).cause;
      throw e;
    }
    // The status is the answer: a HEAD's empty body is drained (the connection stays usable), a GET's dropped.
    if (opts.method === 'HEAD') await res.body.dump();
    else {
      res.body.on('error', () => undefined);
      res.body.destroy();
    }
    const next = nextHop(current, res.statusCode, res.headers.location, hop);
    if (!next) return { status: res.statusCode, waf: blockedByWaf(res.statusCode, res.headers) };
    current = next;
  }
}

// One GET with its phases timed (DNS, connect, TLS, first byte, total), following redirects with every
// hop checked by the address guard. node:http rather than fetch: fetch hides the socket, so it cannot
// say where the time went, and it cannot take a name lookup: here the address guard's, pinned to the
// addresses it checked (tests inject a resolver to simulate DNS failures instead of asking a real
// resolver about a name that does not exist).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { AddressGuard, Resolver } from './address-guard.js';
import { pinnedLookup } from './pinned-lookup.js';
import { nextHop } from './redirects.js';
import { blockedByWaf } from './waf.js';

export interface PhaseTimes {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  firstByteMs: number | null;
}

export interface TimedResponse extends PhaseTimes {
  status: number;
  finalUrl: string;
  contentType: string | null;
  /** A firewall answered, not the site (waf.ts). */
  waf: boolean;
  /** The body, up to maxBytes. */
  body: Buffer;
  bytes: number;
}

export interface TimedGetOptions {
  timeoutMs: number;
  guard: AddressGuard;
  userAgent: string;
  maxBytes: number;
  /** Name lookup; the system's when absent. */
  resolver?: Resolver;
}

/** Phase times are known even when the GET fails: a timeout after connecting says the server, not the network, hung. */
export class TimedGetError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly times: PhaseTimes,
    /** The URL a redirect led to when that hop failed: where the registered URL now points, though it did not answer. */
    readonly redirectedTo: string | null = null,
  ) {
    super((cause as Error)?.message ?? String(cause));
    this.name = (cause as Error)?.name === 'TimeoutError' ? 'TimeoutError' : 'TimedGetError';
  }
}

export async function timedGet(url: string, opts: TimedGetOptions): Promise<TimedResponse> {
  const t0 = performance.now();
  const deadline = t0 + opts.timeoutMs;
  const times: PhaseTimes = { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: null };
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      await opts.guard.check(current);
      const { res, body } = await oneHop(current, opts, deadline, hop === 0 ? times : null, t0);
      const next = nextHop(current, res.statusCode!, res.headers.location, hop);
      if (next) {
        current = next;
        continue;
      }
      const ct = res.headers['content-type'];
      return {
        ...times,
        status: res.statusCode!,
        waf: blockedByWaf(res.statusCode!, res.headers),
        finalUrl: current,
        contentType: Array.isArray(ct) ? ct[0]! : (ct ?? null),
        body: body.buf,
        bytes: body.bytes,
      };
    }
  } catch (e) {
    throw new TimedGetError(e, times, current !== url ? current : null);
  }
}

function oneHop(
  url: string,
  opts: TimedGetOptions,
  deadline: number,
  times: PhaseTimes | null,
  t0: number,
): Promise<{ res: IncomingMessage; body: { buf: Buffer; bytes: number } }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
    const since = () => Math.round(performance.now() - t0);
    // agent: false: a fresh connection every probe, or the DNS/connect/TLS phases would be hidden by a kept-alive socket.
    const req = request(u, {
      method: 'GET',
      agent: false,
      headers: { 'user-agent': opts.userAgent, accept: 'text/html,*/*;q=0.8' },
      lookup: pinnedLookup(opts.guard, opts.resolver),
    });
    const remaining = Math.max(1, deadline - performance.now());
    const timer = setTimeout(() => {
      const err = new Error('no complete response within the timeout');
      err.name = 'TimeoutError';
      req.destroy(err);
    }, remaining);
    const done = (f: () => void) => {
      clearTimeout(timer);
      f();
    };
    req.on('socket', (s: Socket) => {
      if (!times) return;
      let dnsAt = 0;
      s.once('lookup', () => {
        times.dnsMs = since();
        dnsAt = times.dnsMs;
      });
      s.once('connect', () => {
        times.dnsMs ??= 0;
        times.connectMs = since() - dnsAt;
      });
      s.once('secureConnect', () => {
        times.tlsMs = since() - dnsAt - (times.connectMs ?? 0);
      });
    });
    req.on('error', (e) => done(() => reject(e)));
    req.on('response', (res) => {
      if (times) times.firstByteMs = since();
      const chunks: Buffer[] = [];
      let bytes = 0;
      // A redirect's body is not read: only the last hop's page counts.
      if (nextHop(url, res.statusCode!, res.headers.location, 0) !== null) {
        res.resume();
        res.on('end', () => done(() => resolve({ res, body: { buf: Buffer.alloc(0), bytes: 0 } })));
        res.on('error', (e) => done(() => reject(e)));
        return;
      }
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (bytes <= opts.maxBytes) chunks.push(c);
        else {
          // Enough to say the page loads; the rest of a huge page is not needed.
          res.destroy();
          done(() => resolve({ res, body: { buf: Buffer.concat(chunks), bytes } }));
        }
      });
      res.on('end', () => done(() => resolve({ res, body: { buf: Buffer.concat(chunks), bytes } })));
      res.on('error', (e) => done(() => reject(e)));
    });
    req.end();
  });
}

// One page's GET for the crawl, on undici's `request` (the lightest client Node has): every redirect hop
// passes the address guard, connections look names up through it (pinned-lookup), and the body is
// decompressed and capped as it streams in, so a gzip bomb or an endless body stops at the cap.
// The bytes are kept as served: choucha decodes them itself (extract/decode), whatever the header says.
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { Dispatcher } from 'undici';
import { request } from 'undici';
import type { AddressGuard } from './address-guard.js';
import { FinalFetchError, ServerError } from './errors.js';
import { nextHop } from './redirects.js';
import { blockedByWaf } from './waf.js';

/** 4xx pages are answers to record (a dead column is a finding), not failures. */
export interface PageAnswer {
  status: number;
  finalUrl: string;
  contentType: string | null;
  body: Buffer;
  /** A firewall answered, not the site (waf.ts). */
  waf: boolean;
  /** The Cookie header sent with the final request, if any. */
  cookie: string | undefined;
}

export interface PageGetOptions {
  guard: AddressGuard;
  dispatcher: Dispatcher;
  userAgent: string;
  maxBodyBytes: number;
  signal: AbortSignal;
  /** A Cookie header for a hop's URL, asked per hop: a cookie earned on one host must not follow a redirect to another. */
  cookies?: (url: string) => string | undefined;
}

export async function getPage(url: string, opts: PageGetOptions): Promise<PageAnswer> {
  let current = url;
  for (let hop = 0; ; hop++) {
    await opts.guard.check(current);
    const cookie = opts.cookies?.(current);
    const res = await request(current, {
      method: 'GET',
      dispatcher: opts.dispatcher,
      signal: opts.signal,
      headers: {
        'user-agent': opts.userAgent,
        accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
        ...(cookie ? { cookie } : {}),
      },
    });
    const next = nextHop(current, res.statusCode, res.headers.location, hop);
    if (next) {
      discard(res.body);
      current = next;
      continue;
    }
    // A firewall's 503 is its challenge page, to be read like its 412; the site's own 5xx is a failure.
    const waf = blockedByWaf(res.statusCode, res.headers);
    if (res.statusCode >= 500 && !waf) {
      discard(res.body);
      throw new ServerError(res.statusCode);
    }
    const body = await readCapped(
      res.body,
      header(res.headers, 'content-encoding'),
      header(res.headers, 'content-length'),
      opts.maxBodyBytes,
    );
    return {
      status: res.statusCode,
      finalUrl: current,
      contentType: header(res.headers, 'content-type'),
      body,
      waf,
      cookie,
    };
  }
}

/** Drops a body not to be read. undici reports the drop as an error on the stream, which nobody needs to hear. */
function discard(stream: Readable): void {
  if (stream.destroyed) return;
  stream.on('error', () => undefined);
  stream.destroy();
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  return v === undefined ? null : Array.isArray(v) ? (v[0] ?? null) : v;
}

function tooLarge(cap: number): FinalFetchError {
  return new FinalFetchError(`页面超过大小上限（${Math.round(cap / 1_000_000)} MB），未读取`);
}

/** The body, decompressed, or an error as soon as it passes `cap` bytes (counted after decompression). */
async function readCapped(raw: Readable, encoding: string | null, length: string | null, cap: number): Promise<Buffer> {
  const coding = (encoding ?? 'identity').trim().toLowerCase();
  if ((coding === 'identity' || coding === '') && length !== null && Number(length) > cap) {
    discard(raw);
    throw tooLarge(cap);
  }
  const stream = decoder(raw, coding);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > cap) throw tooLarge(cap);
      chunks.push(chunk as Buffer);
    }
  } finally {
    // Leaving early (the cap, a corrupt stream) must not leave the socket streaming into nowhere.
    discard(raw);
    if (stream !== raw) discard(stream);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

function decoder(raw: Readable, coding: string): Readable {
  if (coding === 'identity' || coding === '') return raw;
  if (coding === 'gzip' || coding === 'x-gzip') return through(raw, createGunzip());
  if (coding === 'br') return through(raw, createBrotliDecompress());
  if (coding === 'deflate') {
    // "deflate" is meant to be zlib-wrapped, but servers send raw deflate too: the first byte tells them apart.
    const out = new Readable({ read() {} });
    let chosen: ReturnType<typeof createInflate> | null = null;
    raw.on('data', (c: Buffer) => {
      chosen ??= pipeTo(c[0] !== undefined && (c[0] & 0x0f) === 8 ? createInflate() : createInflateRaw(), out);
      chosen.write(c);
    });
    raw.on('end', () => (chosen ? chosen.end() : out.push(null)));
    raw.on('error', (e) => out.destroy(e));
    return out;
  }
  discard(raw);
  throw new FinalFetchError(`不支持的内容编码：${coding}`);
}

/** `pipe` does not pass on errors: a connection reset mid-body must fail the read, not leave it waiting. */
function through<T extends NodeJS.ReadWriteStream & Readable>(raw: Readable, z: T): T {
  raw.on('error', (e) => z.destroy(e));
  return raw.pipe(z);
}

function pipeTo<T extends ReturnType<typeof createInflate>>(inflate: T, out: Readable): T {
  inflate.on('data', (d: Buffer) => out.push(d));
  inflate.on('end', () => out.push(null));
  inflate.on('error', (e) => out.destroy(e));
  return inflate;
}

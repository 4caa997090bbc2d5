// 复核 fetches: each evidence URL once, through the address guard, read as a page when it is one.
import { BlockedAddressError } from '../errors.js';
import { cstDay } from '../model/day.js';
import { readPage } from '../extract/page.js';
import type { Fetched } from '../model/recheck.js';
import type { AddressGuard } from './http/address-guard.js';
import { fetchPage } from './http/fetch-guarded.js';
import { USER_AGENT } from './http/user-agent.js';

export async function fetchEvidence(
  urls: string[],
  opts: { guard: AddressGuard; timeoutMs: number; concurrency: number; now: string },
): Promise<Map<string, Fetched>> {
  const todo = [...new Set(urls)];
  const out = new Map<string, Fetched>();
  const worker = async () => {
    for (let url = todo.shift(); url !== undefined; url = todo.shift()) out.set(url, await fetchOne(url, opts));
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, todo.length) }, worker));
  return out;
}

async function fetchOne(url: string, opts: { guard: AddressGuard; timeoutMs: number; now: string }): Promise<Fetched> {
  try {
    const page = await fetchPage(url, { guard: opts.guard, timeoutMs: opts.timeoutMs, userAgent: USER_AGENT, maxBytes: 20_000_000 });
    const html = page.status < 400 && (!page.contentType || /html|xml/i.test(page.contentType));
    if (!html) return { url, status: page.status, error: null, text: null, identity: null, newestDate: null };
    const today = cstDay(opts.now);
    const read = readPage(page.body, { url: page.finalUrl, contentType: page.contentType, atDay: today });
    const dates = read.lists.flatMap((l) => l.items.map((i) => i.date)).filter((d): d is string => !!d && d <= today);
    return {
      url,
      status: page.status,
      error: null,
      text: read.blocks.join('\n'),
      identity: read.identity,
      newestDate: dates.sort().at(-1) ?? null,
    };
  } catch (e) {
    const err = e as Error;
    const why =
      e instanceof BlockedAddressError
        ? err.message
        : err.name === 'TimeoutError'
          ? '超时'
          : ((err.cause as Error | undefined)?.message ?? err.message);
    return { url, status: null, error: why, text: null, identity: null, newestDate: null };
  }
}

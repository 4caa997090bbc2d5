// One attachment downloaded through the guarded fetch (the address guard on every hop, --allow-private
// for loopback), under a size cap and a time cap: a file larger than the cap is refused by its
// Content-Length before a byte is read, or cut off when it passes the cap without one.
import type { AddressGuard } from '../http/address-guard.js';
import { classify } from '../http/failure.js';
import { fetchGuarded } from '../http/fetch-guarded.js';
import { USER_AGENT } from '../http/user-agent.js';

export interface DownloadOptions {
  guard: AddressGuard;
  /** The whole download, headers and body, fails past this. */
  timeoutMs: number;
  maxBytes: number;
}

export type Downloaded = { ok: true; bytes: Buffer } | { ok: false; reason: string; bytes: number | null };

const MB = 1_000_000;

export async function download(url: string, o: DownloadOptions): Promise<Downloaded> {
  const tooLarge = (n: number | null) => ({
    ok: false as const,
    reason: `文件${n ? `约 ${Math.ceil(n / MB)} MB，` : ''}超过 ${Math.round(o.maxBytes / MB)} MB 的上限，未下载`,
    bytes: n,
  });
  try {
    const res = await fetchGuarded(url, { guard: o.guard, timeoutMs: o.timeoutMs, userAgent: USER_AGENT });
    if (res.status >= 400) {
      await res.body?.cancel();
      return { ok: false, reason: `附件无法下载（HTTP ${res.status}）`, bytes: null };
    }
    const declared = Number(res.headers.get('content-length'));
    if (declared > o.maxBytes) {
      await res.body?.cancel();
      return tooLarge(declared);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += (chunk as Uint8Array).length;
      // Leaving the loop cancels the stream.
      if (size > o.maxBytes) return tooLarge(null);
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (e) {
    const { failure } = classify(e);
    if (failure === 'timeout') return { ok: false, reason: `下载超过 ${Math.round(o.timeoutMs / 1000)} 秒，未下载完`, bytes: null };
    if (failure === 'blocked') return { ok: false, reason: '附件地址被检查机的地址保护拒绝（内网或本机地址）', bytes: null };
    return { ok: false, reason: `附件无法下载（${failure}）`, bytes: null };
  }
}

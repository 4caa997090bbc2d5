// The attachment reader's thread: bytes in, rows (or why not) out. On a thread of its own so that the
// pool can end it past the time cap, and a file that outgrows its heap ends it, not the check.
import { parentPort } from 'node:worker_threads';
import { loadReaders, readAttachment } from '../../extract/attachment/read.js';
import type { ExtractRequest, ExtractResponse } from './extract-pool.js';

parentPort!.on('message', (m: ExtractRequest) => {
  const bytes = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
  readAttachment(bytes, m.linked, m.limits).then(
    (read) => parentPort!.postMessage({ id: m.id, read } satisfies ExtractResponse),
    (e: unknown) =>
      parentPort!.postMessage({
        id: m.id,
        read: { state: 'not-read', format: null, reason: `读取出错：${(e as Error).name}` },
      } satisfies ExtractResponse),
  );
});

// Loaded: the pool starts the time cap from here.
await loadReaders();
parentPort!.postMessage({ ready: true } satisfies ExtractResponse);

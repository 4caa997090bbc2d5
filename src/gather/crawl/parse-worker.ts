// The parsing worker: page bytes in, a plain-data PageWalkRead out. Parsing is most of a crawl's CPU; on a
// thread of its own it runs beside the fetching, and its garbage is bounded by the worker's heap limit.
import { parentPort, threadId } from 'node:worker_threads';
import { readPage } from '../../extract/page.js';
import { memoryLog } from '../../heap.js';
import type { ParseRequest, ParseResponse } from './parse-pool.js';

parentPort!.on('message', (m: ParseRequest) => {
  let out: ParseResponse;
  try {
    out = { id: m.id, read: readPage(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), m.opts, m.opts.parts) };
  } catch (e) {
    out = { id: m.id, error: (e as Error).message };
  }
  parentPort!.postMessage(out);
});

// This thread's heap is its own, beside the crawl's.
memoryLog(`memory (parse worker ${threadId})`);

// Pages parsed on worker threads, in the order they were given, with the main thread free to fetch and
// store meanwhile. A worker that dies (a page whose DOM outgrew the worker's heap) fails the pages it
// held with the reason, and a fresh worker takes over: one bad page never stops a crawl.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Day } from '../../model/day.js';
import { type PageWalkRead, readPage } from '../../extract/page.js';

export interface ParseOptions {
  url: string;
  contentType: string | null;
  atDay: Day;
  /** `links` for a page the walk goes no further from: its links are all the crawl keeps of it. */
  parts: 'walk' | 'links';
}

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  opts: ParseOptions;
}

export type ParseResponse = { id: number; read: PageWalkRead } | { id: number; error: string };

export interface ParsePool {
  read(bytes: Buffer, opts: ParseOptions): Promise<PageWalkRead>;
  close(): Promise<void>;
}

/** Threads the crawl parses on by default: the cores beyond the main thread, at most 3. */
export function defaultParseThreads(): number {
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

/**
 * The old generation a worker may use. V8 lets a heap grow lazily towards its limit, so the limit is
 * also what a worker costs at peak; a page whose DOM does not fit ends its worker, and that page is
 * unreadable with the reason, not the crawl.
 */
const WORKER_HEAP_MB = 160;
/** Both semi-spaces and the intermediate space: 16 MB a semi-space, as the CLI itself runs (bin/choucha.js). */
const WORKER_YOUNG_MB = 48;

// The bundle (scripts/build.mjs) defines this and ships the worker as plain JavaScript beside itself;
// from source, the worker registers tsx first.
declare const CHOUCHA_BUNDLE: boolean | undefined;
const WORKER_ENTRY =
  typeof CHOUCHA_BUNDLE !== 'undefined' && CHOUCHA_BUNDLE
    ? new URL('./parse-worker.mjs', import.meta.url)
    : new URL('./parse-worker-boot.mjs', import.meta.url);

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: PageWalkRead) => void; reject: (e: Error) => void }>;
}

export function parsePool(threads: number): ParsePool {
  if (threads <= 0) return { read: async (bytes, opts) => readPage(bytes, opts, opts.parts), close: async () => undefined };
  let nextId = 0;
  let closed = false;
  const spawn = (): Slot => {
    // The young generation is bounded too: Node 24 lets it reach 64 MB a semi-space, and a page that
    // outgrows the worker there can abort the whole process instead of failing the worker alone.
    const worker = new Worker(WORKER_ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (m: ParseResponse) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (slot.pending.size === 0) worker.unref();
      if ('read' in m) p.resolve(m.read);
      else p.reject(new Error(m.error));
    });
    let dead = false;
    const fail = (why: string) => {
      // 'error' and then 'exit' both come when a worker dies: replace it once.
      if (dead) return;
      dead = true;
      for (const p of slot.pending.values()) p.reject(new Error(why));
      slot.pending.clear();
      const i = slots.indexOf(slot);
      if (i >= 0 && !closed) slots[i] = spawn();
    };
    worker.on('error', (e) => fail(`解析线程出错：${e.message}`));
    worker.on('exit', (code) => {
      if (!closed) fail(`解析线程退出（${code}）`);
    });
    // An idle pool must not keep the process alive; a busy one must (a pending read is only a promise).
    worker.unref();
    return slot;
  };
  const slots = Array.from({ length: threads }, spawn);
  return {
    read(bytes, opts) {
      // The least busy worker; ties go to the first.
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<PageWalkRead>((resolve, reject) => {
        if (slot.pending.size === 0) slot.worker.ref();
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, bytes, opts } satisfies ParseRequest);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

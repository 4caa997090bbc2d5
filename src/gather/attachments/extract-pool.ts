// Attachments are read one at a time on a worker thread, under a time cap and a heap cap: a file that
// reads too long ends its worker (a fresh one takes the next file), and one that outgrows the heap
// ends it too. Either is that file not read, with the reason; the check goes on.
import { Worker } from 'node:worker_threads';
import type { AttachmentFormat } from '../../model/artifacts.js';
import type { AttachmentLimits, AttachmentRead } from '../../extract/attachment/read.js';

export interface ExtractRequest {
  id: number;
  bytes: Uint8Array;
  linked: AttachmentFormat;
  limits: AttachmentLimits;
}

export type ExtractResponse = { id: number; read: AttachmentRead } | { ready: true };

export interface ExtractPool {
  read(bytes: Buffer, linked: AttachmentFormat): Promise<AttachmentRead>;
  close(): Promise<void>;
}

declare const CHOUCHA_BUNDLE: boolean | undefined;
const WORKER_ENTRY =
  typeof CHOUCHA_BUNDLE !== 'undefined' && CHOUCHA_BUNDLE
    ? new URL('./attachment-worker.mjs', import.meta.url)
    : new URL('./extract-worker-boot.mjs', import.meta.url);

export interface ExtractPoolOptions {
  limits: AttachmentLimits;
  /** Reading one file fails past this. */
  timeoutMs: number;
  /** The worker's old generation: what one file may take to read. */
  heapMb: number;
}

export function extractPool(o: ExtractPoolOptions): ExtractPool {
  let worker: { w: Worker; ready: Promise<boolean> } | null = null;
  let nextId = 0;
  let queue: Promise<unknown> = Promise.resolve();

  // The time cap runs from when the worker has loaded its modules (from source that is tsx's loader,
  // a second or more), so it measures reading, not starting.
  const spawn = () => {
    const w = new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: o.heapMb, maxYoungGenerationSizeMb: 32 } });
    const ready = new Promise<boolean>((resolve) => {
      w.once('message', () => resolve(true));
      w.once('error', () => resolve(false));
      w.once('exit', () => resolve(false));
    });
    return { w, ready };
  };

  const readOne = async (bytes: Buffer, linked: AttachmentFormat): Promise<AttachmentRead> => {
    const slot = (worker ??= spawn());
    if (!(await slot.ready)) {
      worker = null;
      return { state: 'not-read', format: null, reason: '读取线程未能启动' };
    }
    return new Promise((resolve) => {
      const w = slot.w;
      const id = nextId++;
      const done = (read: AttachmentRead, end: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (end) {
          if (worker === slot) worker = null;
          void w.terminate();
        }
        resolve(read);
      };
      const onMessage = (m: ExtractResponse) => {
        if ('id' in m && m.id === id) done(m.read, false);
      };
      const onError = (e: Error) =>
        done(
          {
            state: 'not-read',
            format: null,
            reason: /memory|heap/i.test(e.message) ? '读取时内存超出上限，未读完（文件异常或过大）' : `读取线程出错：${e.name}`,
          },
          true,
        );
      const onExit = () => done({ state: 'not-read', format: null, reason: '读取时内存超出上限，未读完（文件异常或过大）' }, true);
      const timer = setTimeout(
        () => done({ state: 'not-read', format: null, reason: `读取超过 ${o.timeoutMs / 1000} 秒，未读完` }, true),
        o.timeoutMs,
      );
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ id, bytes, linked, limits: o.limits } satisfies ExtractRequest);
    });
  };

  return {
    read(bytes, linked) {
      const p = queue.then(() => readOne(bytes, linked));
      queue = p.catch(() => undefined);
      return p;
    },
    async close() {
      await queue;
      await worker?.w.terminate();
      worker = null;
    },
  };
}

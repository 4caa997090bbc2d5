// A full garbage collection on demand. V8 grows its heap lazily while the allocation rate is high: a
// crawl's garbage took the process to 600 MB at 300 sites (with crawlee) and from 250 to 360 MB between
// 100 and 1,000 sites (without), none of it held: heap used after each collection stays near 50 MB.
// Collecting when the heap has grown keeps the crawl at the size of what it holds, whatever the number
// of sites (npm run bench, CHOUCHA_MEMLOG=1 for the heap over time).
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

export function collectGarbage(): void {
  if (!collect) {
    // --expose-gc at run time: the flag applies to contexts created after it, like this one.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/**
 * Collects in full once the heap has grown past a cap: `floorBytes`, or `growth` times what was live
 * after the last collection when that is more (a crawl holding more, say large pages in flight, is not
 * collected over and over for what it needs). A forced collection costs more than its pause: optimized code that
 * embeds objects it frees is thrown away and compiled again (V8's "weak objects" deopts). Collected every
 * 500 pages, that recompiling took a fifth of a 1,000-site crawl's CPU; collected only once V8 has let
 * the heap grow, the size stays as flat and the crawl is that much faster.
 */
export function heapKeeper(floorBytes: number, growth = 2): () => boolean {
  let cap = floorBytes;
  return () => {
    if (getHeapStatistics().total_heap_size <= cap) return false;
    collectGarbage();
    cap = Math.max(floorBytes, growth * getHeapStatistics().used_heap_size);
    return true;
  };
}

/**
 * CHOUCHA_MEMLOG=1: this thread's heap every 3 s on stderr, headed by `label`, to see that memory stays
 * flat over a long crawl (rss is the whole process's). Returns what stops it; nothing runs without the variable.
 */
export function memoryLog(label: string): () => void {
  if (!process.env.CHOUCHA_MEMLOG) return () => undefined;
  const mb = (n: number) => (n / 1e6).toFixed(0);
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    process.stderr.write(`${label}: rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external ${mb(m.external)} MB\n`);
  }, 3000);
  timer.unref();
  return () => clearInterval(timer);
}

// A full garbage collection on demand. V8 grows its heap lazily while the allocation rate is high: a
// crawl's garbage (responses, crawlee's per-request objects) took the process to 600 MB at 300 sites
// that nothing held (heap used after each collection stayed near 120 MB). Collecting every few hundred
// pages keeps the crawl at the size of what it holds, whatever the number of sites, and costs less
// time than the scavenges of a bloated heap (npm run bench, CHOUCHA_MEMLOG=1 for the heap over time).
import { setFlagsFromString } from 'node:v8';
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

/** Heap figures for CHOUCHA_MEMLOG, one line. */
export function memoryLine(): string {
  const m = process.memoryUsage();
  const mb = (n: number) => (n / 1e6).toFixed(0);
  return `rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external ${mb(m.external)} MB`;
}

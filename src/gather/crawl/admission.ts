// Which sites are walked at once. At most `max` walks with plain requests outstanding; a walk that
// waits only on the browser does not count, so that sites queued for rendering do not stop the plain
// crawl, up to twice `max` walks in all. Only admitted sites' walks are held: memory stays flat
// however many sites a check has.
import type { Site } from '../../model/site.js';

/** `activeSites` when given; else four sites per request in flight, enough hosts to keep every slot busy. */
export function activeLimit(opts: { activeSites?: number; concurrency: number }): number {
  return opts.activeSites || Math.max(16, opts.concurrency * 4);
}

export class Admission<W extends object> {
  private waiting: Site[];
  private open: number;
  private active = 0;
  /** Plain (not rendered) requests outstanding, for the walks that have any. */
  private plainLoad = new Map<W, number>();

  constructor(
    sites: readonly Site[],
    private max: number,
  ) {
    this.waiting = [...sites].reverse();
    this.open = sites.length;
  }

  /** The next site to walk, in the order given, if there is room for it; it counts as active from now. */
  next(): Site | undefined {
    if (this.plainLoad.size < this.max && this.active < this.max * 2 && this.waiting.length > 0) {
      this.active++;
      return this.waiting.pop();
    }
    return undefined;
  }

  plainSent(walk: W): void {
    this.load(walk, 1);
  }

  plainAnswered(walk: W): void {
    this.load(walk, -1);
  }

  private load(walk: W, by: 1 | -1): void {
    const n = (this.plainLoad.get(walk) ?? 0) + by;
    if (n === 0) this.plainLoad.delete(walk);
    else this.plainLoad.set(walk, n);
  }

  /** The walk has no plain request outstanding: it waits on the browser, and its place may go to the next site. */
  waitsOnBrowser(walk: W): boolean {
    return !this.plainLoad.has(walk);
  }

  /** A site's walk has ended; true when it was the last. */
  ended(): boolean {
    this.active--;
    return --this.open === 0;
  }
}

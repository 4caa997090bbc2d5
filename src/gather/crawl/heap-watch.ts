// The crawl's heap looked at every so many pages (see heap.ts for why it is collected at all). A look
// reads V8's statistics: every page would cost more than the collections save.
import { heapKeeper } from '../../heap.js';

/** Pages between looks at the heap's size, and the least size at which it is collected. */
const HEAP_LOOK_EVERY = 100;
const HEAP_FLOOR_BYTES = 96 * 1024 * 1024;

export class HeapWatch {
  private pages = 0;

  constructor(
    private every = HEAP_LOOK_EVERY,
    private keep: () => boolean = heapKeeper(HEAP_FLOOR_BYTES),
  ) {}

  /** One more page has arrived. */
  page(): void {
    if (++this.pages % this.every === 0) this.keep();
  }
}

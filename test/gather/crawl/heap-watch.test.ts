// The heap is looked at once every so many pages, not on every page.
import { describe, expect, it } from 'vitest';
import { HeapWatch } from '../../../src/gather/crawl/heap-watch.js';

describe('heap watch', () => {
  it('looks at the heap on every `every`-th page only', () => {
    const looks: number[] = [];
    let page = 0;
    const watch = new HeapWatch(100, () => {
      looks.push(page);
      return false;
    });
    for (page = 1; page <= 350; page++) watch.page();
    expect(looks).toEqual([100, 200, 300]);
  });
});

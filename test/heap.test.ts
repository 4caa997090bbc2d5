// The crawl's heap keeper collects only once the heap has grown past its cap.
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapKeeper } from '../src/heap.js';

describe('heapKeeper', () => {
  it('leaves a heap under its floor alone', () => {
    const keep = heapKeeper(getHeapStatistics().total_heap_size * 4);
    expect(keep()).toBe(false);
  });

  it('collects a heap over its floor', () => {
    const keep = heapKeeper(1);
    // Garbage that survives until the collection: a million small objects.
    let junk: unknown[] | null = Array.from({ length: 1_000_000 }, (_, i) => ({ i }));
    expect(junk.length).toBe(1_000_000);
    // eslint-disable-next-line no-useless-assignment -- dropping the last reference is the point
    junk = null;
    const before = getHeapStatistics().used_heap_size;
    expect(keep()).toBe(true);
    const live = getHeapStatistics().used_heap_size;
    expect(live).toBeLessThan(before);
  });

  it('sets its next cap at `growth` times what was live after the collection, or the floor', () => {
    const roomy = heapKeeper(1, 1e6);
    expect(roomy()).toBe(true);
    expect(roomy()).toBe(false); // a million times the live heap is far off
    const tight = heapKeeper(1, 0);
    expect(tight()).toBe(true);
    expect(tight()).toBe(true); // the cap stays at the floor: every look collects
  });
});

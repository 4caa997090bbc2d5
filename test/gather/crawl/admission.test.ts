// Which sites are walked at once: the walks with plain requests outstanding are capped, walks that
// wait only on the browser are not, up to twice the cap in all.
import { describe, expect, it } from 'vitest';
import { Admission, activeLimit } from '../../../src/gather/crawl/admission.js';
import type { Site } from '../../../src/model/site.js';

const site = (n: number): Site => ({
  id: `43110000${String(n).padStart(2, '0')}`,
  name: `站点${n}`,
  url: `http://s${n}.gov.cn/`,
  sponsor: null,
  level: null,
  region: null,
  parentId: null,
  status: 'running',
});
const sites = (n: number) => Array.from({ length: n }, (_, i) => site(i + 1));

/** Admits every site there is room for, each with one plain request outstanding, as a walk's start sends. */
function admitAll(a: Admission<Site>): string[] {
  const ids: string[] = [];
  for (let s = a.next(); s; s = a.next()) {
    a.plainSent(s);
    ids.push(s.id);
  }
  return ids;
}

describe('admission', () => {
  it('walks at most `max` sites with plain requests outstanding, in the order given', () => {
    const all = sites(5);
    const a = new Admission<Site>(all, 2);
    expect(admitAll(a)).toEqual([all[0]!.id, all[1]!.id]);
  });

  it('a site waiting only on the browser gives its place to the next site', () => {
    const all = sites(5);
    const a = new Admission<Site>(all, 2);
    admitAll(a);
    a.plainSent(all[0]!);
    a.plainAnswered(all[0]!);
    expect(a.waitsOnBrowser(all[0]!)).toBe(false); // one plain request still out
    a.plainAnswered(all[0]!);
    expect(a.waitsOnBrowser(all[0]!)).toBe(true);
    expect(admitAll(a)).toEqual([all[2]!.id]);
  });

  it('holds at most twice `max` walks in all, however many wait on the browser', () => {
    const all = sites(10);
    const a = new Admission<Site>(all, 2);
    const admitted: string[] = [];
    for (let round = 0; round < 5; round++) {
      const ids = admitAll(a);
      admitted.push(...ids);
      for (const s of all.filter((x) => ids.includes(x.id))) a.plainAnswered(s);
    }
    expect(admitted).toEqual(all.slice(0, 4).map((s) => s.id));
  });

  it('a walk that ends makes room, and the last one to end says so', () => {
    const all = sites(3);
    const a = new Admission<Site>(all, 1);
    expect(admitAll(a)).toEqual([all[0]!.id]);
    a.plainAnswered(all[0]!);
    expect(admitAll(a)).toEqual([all[1]!.id]);
    a.plainAnswered(all[1]!);
    expect(a.ended()).toBe(false);
    expect(a.ended()).toBe(false);
    expect(admitAll(a)).toEqual([all[2]!.id]);
    expect(a.ended()).toBe(true);
    expect(a.next()).toBeUndefined();
  });

  it('the cap is `activeSites` when given, else four sites per request in flight, at least 16', () => {
    expect(activeLimit({ activeSites: 3, concurrency: 8 })).toBe(3);
    expect(activeLimit({ concurrency: 8 })).toBe(32);
    expect(activeLimit({ activeSites: 0, concurrency: 2 })).toBe(16);
  });
});

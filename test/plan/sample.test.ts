import { describe, expect, it } from 'vitest';
import { drawSample, regionStratum } from '../../src/plan/sample.js';
import type { Site, SiteLevel } from '../../src/model/site.js';

// 4 cities × 2 levels; city 4301 has 20 county portals, the others fewer.
function registry(): Site[] {
  const out: Site[] = [];
  const add = (region: string, level: SiteLevel, n: number) => {
    for (let i = 0; i < n; i++) {
      const id = `${region}${String(out.length).padStart(4, '0')}`;
      out.push({ id, name: `站${id}`, url: `http://${id}.gov.cn/`, sponsor: null, level, region, parentId: null, status: 'running' });
    }
  };
  add('430102', 'county-portal', 20);
  add('430100', 'prefecture-dept', 7);
  add('430202', 'county-portal', 3);
  add('430300', 'prefecture-dept', 1);
  add('440100', 'prefecture-dept', 5);
  out.push({ ...out[0]!, id: '4301029999', status: 'closed' });
  return out;
}

describe('drawSample', () => {
  it('is reproducible from the seed, whatever order the registry comes in', () => {
    const a = drawSample(registry(), { ratio: 0.3, minPerStratum: 1, seed: 's1', region: '43' });
    const b = drawSample(registry().reverse(), { ratio: 0.3, minPerStratum: 1, seed: 's1', region: '43' });
    expect(b.siteIds).toEqual(a.siteIds);
    const c = drawSample(registry(), { ratio: 0.3, minPerStratum: 1, seed: 's2', region: '43' });
    expect(c.siteIds).not.toEqual(a.siteIds);
    expect(c.siteIds.length).toBe(a.siteIds.length);
  });

  it('draws ceil(ratio × size) per stratum, at least the minimum, never more than the stratum has', () => {
    const r = drawSample(registry(), { ratio: 0.3, minPerStratum: 2, seed: 'x', region: '43' });
    const by = Object.fromEntries(r.strata.map((s) => [s.key, [s.sampled, s.population]]));
    expect(by).toEqual({
      'county-portal|4301': [6, 20],
      'county-portal|4302': [2, 3],
      'prefecture-dept|4301': [3, 7],
      'prefecture-dept|4303': [1, 1],
    });
    expect(r.population).toBe(31);
    expect(r.siteIds).toHaveLength(12);
    expect(r.siteIds.every((id) => id.startsWith('43') && id !== '4301029999')).toBe(true);
  });

  it('shares --count among strata by size and keeps every stratum minimum', () => {
    const r = drawSample(registry(), { count: 9, minPerStratum: 1, seed: 'x' });
    expect(r.strata.map((s) => [s.key, s.sampled])).toEqual([
      ['county-portal|43', 6],
      ['prefecture-dept|43', 2],
      ['prefecture-dept|44', 1],
    ]);
    const tight = drawSample(registry(), { count: 2, minPerStratum: 1, seed: 'x' });
    expect(tight.strata.every((s) => s.sampled >= 1)).toBe(true);
  });

  it("filters by level, and adding sites to one stratum leaves the others' draw alone", () => {
    const only = drawSample(registry(), { ratio: 0.5, minPerStratum: 0, seed: 'k', levels: ['prefecture-dept'], region: '43' });
    expect(only.strata.map((s) => s.level)).toEqual(['prefecture-dept', 'prefecture-dept']);
    const more = registry();
    more.push({ ...more[0]!, id: '4302020777', region: '430202' });
    const a = drawSample(registry(), { ratio: 0.5, minPerStratum: 0, seed: 'k', region: '43' });
    const b = drawSample(more, { ratio: 0.5, minPerStratum: 0, seed: 'k', region: '43' });
    const city1 = (ids: string[]) => ids.filter((id) => id.startsWith('4301'));
    expect(city1(b.siteIds)).toEqual(city1(a.siteIds));
  });

  it('cuts regions two digits below the scope', () => {
    expect(regionStratum('430102')).toBe('43');
    expect(regionStratum('430102', '43')).toBe('4301');
    expect(regionStratum('430102', '4301')).toBe('430102');
    expect(regionStratum(null)).toBe('unknown');
  });
});

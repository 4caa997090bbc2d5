// The jittered plan is deterministic from the seed and the site, spread over the whole day, irregular.
import { describe, expect, it } from 'vitest';
import { probeTimes } from '../../src/plan/probe-schedule.js';

const o = { from: '2026-11-16T00:00:00.000Z', days: 7, perDay: 24, seed: 's1' };
const DAY = 86_400_000;

describe('probeTimes', () => {
  it('the same seed and site give the same plan; another site or seed another', () => {
    expect(probeTimes('4311000001', o)).toEqual(probeTimes('4311000001', o));
    expect(probeTimes('4311000002', o)).not.toEqual(probeTimes('4311000001', o));
    expect(probeTimes('4311000001', { ...o, seed: 's2' })).not.toEqual(probeTimes('4311000001', o));
  });

  it('perDay probes in every day of the window, one in each slot, ascending', () => {
    const t = probeTimes('4311000001', o).map(Date.parse);
    expect(t).toHaveLength(7 * 24);
    const start = Date.parse(o.from);
    for (let d = 0; d < 7; d++) expect(t.filter((x) => x >= start + d * DAY && x < start + (d + 1) * DAY)).toHaveLength(24);
    t.forEach((x, i) => expect(Math.floor((x - start) / (DAY / 24))).toBe(i));
  });

  it('at least 20 in any 24 hours, whatever the day boundary (the standard counts calendar days)', () => {
    const t = probeTimes('4311000001', o).map(Date.parse);
    const start = Date.parse(o.from);
    for (let h = 0; h <= 6 * 24; h++) {
      const from = start + h * 3_600_000 + 1_234_567;
      expect(t.filter((x) => x >= from && x < from + DAY).length).toBeGreaterThanOrEqual(20);
    }
  });

  it('irregular: the gaps are not all alike and no two days repeat the same times of day', () => {
    const t = probeTimes('4311000001', o).map(Date.parse);
    const gaps = new Set(t.slice(1).map((x, i) => Math.round((x - t[i]!) / 60_000)));
    expect(gaps.size).toBeGreaterThan(10);
    expect(t.slice(0, 24).map((x) => x % DAY)).not.toEqual(t.slice(24, 48).map((x) => x % DAY));
  });
});

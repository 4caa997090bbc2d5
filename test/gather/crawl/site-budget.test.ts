// A site's time budget runs from its first request; a finished site's clock is forgotten.
import { describe, expect, it } from 'vitest';
import { SiteBudget } from '../../../src/gather/crawl/site-budget.js';

describe('site budget', () => {
  it('is spent only once more than the budget has passed since the site first asked', () => {
    const budget = new SiteBudget<object>(60_000);
    const walk = {};
    expect(budget.spent(walk, 1_000)).toBe(false);
    expect(budget.spent(walk, 61_000)).toBe(false);
    expect(budget.spent(walk, 61_001)).toBe(true);
  });

  it('each site has its own clock', () => {
    const budget = new SiteBudget<object>(60_000);
    const early = {};
    const late = {};
    budget.spent(early, 0);
    expect(budget.spent(late, 50_000)).toBe(false);
    expect(budget.spent(early, 70_000)).toBe(true);
    expect(budget.spent(late, 70_000)).toBe(false);
  });

  it('a forgotten site starts a new clock', () => {
    const budget = new SiteBudget<object>(1_000);
    const walk = {};
    budget.spent(walk, 0);
    budget.forget(walk);
    expect(budget.spent(walk, 5_000)).toBe(false);
  });

  it('says the budget in seconds', () => {
    expect(new SiteBudget<object>(600_000).reason).toBe('超过每站检查时间上限（600 秒），部分页面未检查');
  });
});

// A worker's batch reads the crawl states of its own sites only: asked for sites in and out of the
// check's sample, and for more sites than one statement's IN list takes.
import { eq, and } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { crawlStatesOf, sampleOf } from '../../src/store/checks.js';
import { checkSites } from '../../src/store/schema.js';
import { harness, siteRow } from '../helpers/store.js';

const h = harness('2026-12-01T10:00:00+08:00');
afterAll(() => h.close());

describe('crawlStatesOf', () => {
  it("gives each asked site's state, and nothing for a site outside the sample", () => {
    const ids = Array.from({ length: 1203 }, (_, i) => `43${String(i).padStart(8, '0')}`);
    h.register(ids.map((id) => siteRow(id, `http://s${id}.gov.cn/`)));
    h.db
      .update(checkSites)
      .set({ crawlState: 'complete' })
      .where(and(eq(checkSites.checkId, h.check.id), eq(checkSites.siteId, ids[1202]!)))
      .run();
    const asked = [ids[0]!, ids[1202]!, 'not-in-the-sample'];
    const states = crawlStatesOf(h.db, h.check.id, asked);
    const sample = new Map(sampleOf(h.db, h.check.id).map((s) => [s.siteId, s.crawlState]));
    expect(states.get(ids[1202]!)).toBe('complete');
    expect(states.get(ids[0]!)).toBe(sample.get(ids[0]!));
    expect(states.has('not-in-the-sample')).toBe(false);
    const all = crawlStatesOf(h.db, h.check.id, ids);
    expect(all.size).toBe(1203);
    expect([...all].sort()).toEqual([...sample].sort());
  });
});

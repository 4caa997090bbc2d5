// Judging reads one site at a time: every query it makes for a site must find that site's rows through
// an index on the site, not walk the whole check's rows and filter. (ORDER BY url once led SQLite to the
// (check, url) index: judging 1,000 sites read the pages table 1,000 times over.) Checked on the plans
// SQLite makes for the very statements judging prepares, so no timing is involved.
import { afterAll, describe, expect, it } from 'vitest';
import { upsertSites } from '../../src/store/sites.js';
import { siteArtifacts } from '../../src/verdict/reread/site-artifacts.js';
import { harness } from '../helpers/store.js';
import { TEST_BACKEND } from '../helpers/pg.js';

const h = harness('2026-12-01T10:00:00+08:00');
afterAll(() => h.close());

// Tables holding rows of every site of a check; a site's rows must be searched by site.
const PER_SITE = /\b(pages|page_links|lists|channels|check_sites|findings|verdicts|probes)\b/;

// The plans read here are SQLite's (EXPLAIN QUERY PLAN); PostgreSQL plans by its own statistics.
describe.skipIf(TEST_BACKEND === 'pg')('what judging reads of a site', () => {
  it('is found through the site, in every table that holds all sites of the check', () => {
    upsertSites(h.db, [{ id: 's1', name: '某市人民政府', url: 'http://a.gov.cn/', status: 'running' } as never], 'r.csv', '2026-12-01');
    h.check = h.ensure();
    const seen: string[] = [];
    const prepare = h.db.$client.prepare.bind(h.db.$client);
    h.db.$client.prepare = ((sql: string) => {
      seen.push(sql);
      return prepare(sql);
    }) as typeof prepare;
    try {
      siteArtifacts(h.db, h.check, { id: 's1', name: '某市人民政府', url: 'http://a.gov.cn/', status: 'running' } as never);
    } finally {
      h.db.$client.prepare = prepare;
    }
    const plans = [...new Set(seen)].map((sql) => ({
      sql,
      steps: (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill(1)) as { detail: string }[]).map(
        (r) => r.detail,
      ),
    }));
    expect(plans.some((p) => /\bpages\b/.test(p.sql))).toBe(true);
    const bySite = plans.flatMap((p) => p.steps.filter((s) => PER_SITE.test(s.split(' ')[1] ?? '')).map((s) => ({ sql: p.sql, step: s })));
    expect(bySite.length).toBeGreaterThan(2);
    for (const { sql, step } of bySite) {
      if (/rowid=\?/.test(step)) continue; // one row by its key
      expect({ sql, step }).toMatchObject({ step: expect.stringMatching(/site_id=\?/) });
    }
  });
});

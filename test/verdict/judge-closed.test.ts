// Closed (关停) sites in a check's scope: never in the sample, probed all the same, and judged on their
// probes by registry-mismatch alone. Stored probes drive time; nothing is fetched.
import { afterEach, describe, expect, it } from 'vitest';
import { probedSiteIds, closedInScope } from '../../src/store/closed-sites.js';
import { sampleOf, setSample } from '../../src/store/checks.js';
import { saveProbe } from '../../src/store/probes.js';
import { upsertSites } from '../../src/store/sites.js';
import { findingsBySite, judgementsOf } from '../../src/store/verdicts.js';
import { loadEdition } from '../../src/verdict/config/edition.js';
import { judgeCheck } from '../../src/verdict/judge-check.js';
import { buildReport } from '../../src/report/build.js';
import type { Site } from '../../src/model/site.js';
import { type Harness, harness } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
const site = (id: string, status: Site['status'], url: string, level: Site['level'] = 'county-dept'): Site => ({
  id,
  name: `站点${id}`,
  url,
  sponsor: null,
  level,
  region: id.slice(0, 6),
  parentId: null,
  status,
});
let h: Harness;

afterEach(() => h?.close());

function setup(): void {
  h = harness(AT);
  upsertSites(
    h.db,
    [
      site('4301000001', 'running', 'http://a.changsha.gov.cn/'),
      site('4301000002', 'closed', 'http://old.changsha.gov.cn/'),
      site('4301000003', 'closed', 'http://gone.changsha.gov.cn/'),
      site('4302000001', 'closed', 'http://old.zhuzhou.gov.cn/'),
      site('4301000004', 'exception', 'http://x.changsha.gov.cn/'),
    ],
    'test',
    AT,
  );
  h.check = h.ensure();
}

const probe = (siteId: string, url: string, hoursBefore: number, p: { finalUrl: string | null; itemsHash: string | null; ok: boolean }) =>
  saveProbe(h.db, {
    siteId,
    url,
    startedAt: new Date(Date.parse(AT) - hoursBefore * 3_600_000).toISOString(),
    status: p.ok ? 200 : null,
    ms: 30,
    bytes: p.ok ? 5000 : null,
    failure: p.ok ? null : 'refused',
    error: p.ok ? null : 'ECONNREFUSED',
    itemDates: null,
    ...p,
  });

describe('closed sites in scope', () => {
  it('are probed but never sampled; an exception (例外) site is neither', () => {
    setup();
    expect(sampleOf(h.db, h.check.id).map((s) => s.siteId)).toEqual(['4301000001']);
    expect(probedSiteIds(h.db, h.check).sort()).toEqual(['4301000001', '4301000002', '4301000003', '4302000001']);
  });

  it('follow the region and levels a drawn sample was drawn from; a re-check of the lower tier probes none', () => {
    setup();
    setSample(h.db, h.check.id, ['4301000001'], { region: '4301', levels: ['county-dept'] });
    expect(closedInScope(h.db, { ...h.check, sample: { region: '4301', levels: ['county-dept'] } }).map((s) => s.id)).toEqual([
      '4301000002',
      '4301000003',
    ]);
    expect(closedInScope(h.db, { ...h.check, sample: { region: '4301', levels: ['county-portal'] } })).toEqual([]);
    expect(closedInScope(h.db, { ...h.check, sample: { recheckQualified: 'pref/report.json' } })).toEqual([]);
  });

  it('one still serving its own pages is a finding; one forwarding to its parent portal, or silent, is not; none gets a verdict', () => {
    setup();
    for (const hrs of [2, 30, 60]) {
      probe('4301000002', 'http://old.changsha.gov.cn/', hrs, { finalUrl: 'http://old.changsha.gov.cn/', itemsHash: 'abc', ok: true });
      probe('4301000003', 'http://gone.changsha.gov.cn/', hrs, { finalUrl: null, itemsHash: null, ok: false });
      probe('4302000001', 'http://old.zhuzhou.gov.cn/', hrs, { finalUrl: 'http://www.zhuzhou.gov.cn/', itemsHash: 'def', ok: true });
    }
    const edition = loadEdition('2019');
    const r = judgeCheck(h.db, h.check, edition, new Date().toISOString());
    expect(r).toEqual({ judged: 1, closed: 3 });
    const found = findingsBySite(h.db, h.check.id, (x) => x);
    expect(found.get('4301000002')?.map((f) => [f.rule, f.code, f.kind])).toEqual([['registry-mismatch', 'closed-but-answers', 'notice']]);
    expect(found.get('4301000003')).toBeUndefined();
    expect(found.get('4302000001')).toBeUndefined();
    expect(judgementsOf(h.db, h.check.id, (x) => x).map((j) => j.siteId)).toEqual(['4301000001']);

    const report = buildReport(h.db, h.check, new Date().toISOString());
    expect(report.sites.map((s) => s.id)).toEqual(['4301000001']);
    expect(report.summary.checked + report.summary.notChecked).toBe(1);
    expect(report.closed?.map((c) => [c.id, c.availability.probes, c.availability.failures, c.findings.map((f) => f.code)])).toEqual([
      ['4301000002', 3, 0, ['closed-but-answers']],
      ['4301000003', 3, 3, []],
      ['4302000001', 3, 0, []],
    ]);
  });

  it("judging again replaces, not adds to, a closed site's findings", () => {
    setup();
    probe('4301000002', 'http://old.changsha.gov.cn/', 2, { finalUrl: 'http://old.changsha.gov.cn/', itemsHash: 'abc', ok: true });
    const edition = loadEdition('2019');
    judgeCheck(h.db, h.check, edition, new Date().toISOString());
    judgeCheck(h.db, h.check, edition, new Date().toISOString());
    expect(findingsBySite(h.db, h.check.id, (x) => x).get('4301000002')).toHaveLength(1);
  });
});

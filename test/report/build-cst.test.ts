// report.json as the builder writes it from a real store: every instant (the check's, the probes',
// the screenshots', the ones a rule put in its evidence and its message) carries +08:00, names the
// same moment as the UTC the store holds, and the file still matches the published schema.
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { saveShot } from '../../src/store/evidence.js';
import { saveProbe } from '../../src/store/probes.js';
import { loadEdition } from '../../src/verdict/config/edition.js';
import { judgeCheck } from '../../src/verdict/judge-check.js';
import { renderJson } from '../../src/report/json.js';
import type { Site } from '../../src/model/site.js';
import { expectValidReport } from '../helpers/report-schema.js';
import { type Harness, harness } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
let h: Harness;
afterEach(() => h?.close());

const site = (id: string, url: string, status: Site['status']): Site => ({
  id,
  name: `站点${id}`,
  url,
  sponsor: null,
  level: 'county-dept',
  region: id.slice(0, 6),
  parentId: null,
  status,
});

/** Every string in `value` that is wholly an ISO instant, with where it sits. */
function instants(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return ISO.test(value) ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => instants(v, `${path}/${i}`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => instants(v, `${path}/${k}`));
  return [];
}

describe('report.json times', () => {
  it('are ISO 8601 with +08:00 everywhere, the same instants the store holds', () => {
    h = harness(AT);
    h.register([site('4301000001', 'http://a.changsha.gov.cn/', 'running'), site('4301000002', 'http://old.changsha.gov.cn/', 'closed')]);
    const startedAt = (hoursBefore: number) => new Date(Date.parse(AT) - hoursBefore * 3_600_000).toISOString();
    for (const hrs of [2, 30, 60]) {
      saveProbe(h.db, {
        siteId: '4301000001',
        url: 'http://a.changsha.gov.cn/',
        startedAt: startedAt(hrs),
        status: null,
        ms: 30,
        bytes: null,
        failure: 'refused',
        error: 'ECONNREFUSED',
        itemDates: null,
        finalUrl: null,
        itemsHash: null,
        ok: false,
      });
      // A closed site still answering: registry-mismatch quotes the last probe's time in its message.
      saveProbe(h.db, {
        siteId: '4301000002',
        url: 'http://old.changsha.gov.cn/',
        startedAt: startedAt(hrs),
        status: 200,
        ms: 30,
        bytes: 5000,
        failure: null,
        error: null,
        itemDates: null,
        finalUrl: 'http://old.changsha.gov.cn/',
        itemsHash: 'abc',
        ok: true,
      });
    }
    const capturedAt = '2026-12-01T02:30:00.000Z';
    saveShot(h.db, h.check.id, {
      siteId: '4301000001',
      url: 'http://a.changsha.gov.cn/',
      path: `${h.dir}/evidence/home.png`,
      capturedAt,
      width: 1280,
      height: 720,
      error: null,
    });
    judgeCheck(h.db, h.check, loadEdition('2019'), new Date().toISOString());
    const generatedAt = '2026-12-01T04:19:31.000Z';
    const report = buildReport(h.db, h.check, generatedAt, h.dir);

    expect(report.at).toBe('2026-12-01T10:00:00+08:00');
    expect(report.generatedAt).toBe('2026-12-01T12:19:31+08:00');
    expect(report.sites[0]!.screenshot).toEqual({
      path: 'evidence/home.png',
      url: 'http://a.changsha.gov.cn/',
      capturedAt: '2026-12-01T10:30:00+08:00',
    });
    const found = instants(JSON.parse(renderJson(report)));
    // The probes' window, the outage and the rule's own evidence are all among them.
    expect(found.map(([p]) => p)).toEqual(
      expect.arrayContaining([
        '/at',
        '/sites/0/availability/from',
        '/sites/0/availability/longestOutage/from',
        '/sites/0/screenshot/capturedAt',
      ]),
    );
    expect(found.filter(([p]) => p.includes('/evidence/')).length).toBeGreaterThan(0);
    for (const [path, value] of found) expect(value, path).toMatch(/\+08:00$/);
    expect(Date.parse(report.sites[0]!.availability.longestOutage!.from)).toBe(Date.parse(startedAt(60)));

    const closed = report.closed![0]!.findings[0]!;
    // The last probe, 2 hours before 10:00 in Beijing.
    expect(closed.message).toContain('最近一次 2026-12-01T08:00:00+08:00');
    expect(closed.message).not.toMatch(/\d{2}Z/);
    expectValidReport(JSON.parse(renderJson(report)));
  });
});

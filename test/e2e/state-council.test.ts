// state-council-missing end to end: a crawl of two fixture portals judged against a reference list
// written as an office would (CSV with Chinese headers): on time, late, missing, not yet due, too old.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPUBLISHED } from '../../fixtures/fleet/content-errors.js';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import { daysBefore } from '../../src/model/day.js';
import type { Report } from '../../src/model/report.js';
import { cli } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';

const AT = '2026-12-01T10:00:00+08:00';
const day = (n: number) => daysBefore('2026-12-01', n);
let fleet: Fleet;
let dir: string;
const db = () => ['--db', join(dir, 'db'), '--allow-private'];
const q = ['--quarter', '2026Q4'];

beforeAll(async () => {
  fleet = await startFleet({ at: AT, sites: ['content-errors', 'gb18030-fresh'] });
  dir = mkdtempSync(join(tmpdir(), 'choucha-sc-'));
  writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
  writeFileSync(
    join(dir, 'gwy.csv'),
    [
      '标题,发文字号,发布日期',
      `${REPUBLISHED[0].title},国发〔2026〕18号,${day(REPUBLISHED[0].daysAgo)}`, // republished the same day
      `${REPUBLISHED[1].title},国办发〔2026〕41号,${day(REPUBLISHED[1].daysAgo + 3)}`, // three days late
      `国务院关于加强基层应急管理能力建设的意见,国发〔2026〕20号,${day(8)}`, // nowhere on the sites
      `国务院关于某项工作的批复,国函〔2026〕99号,${day(0)}`, // its 24 hours have not passed
      `国务院关于往年工作的通知,国发〔2026〕2号,${day(200)}`, // before the window
    ].join('\n'),
  );
  expect((await cli([...db(), 'sites', 'import', join(dir, 'registry.csv')])).code).toBe(0);
  expect((await cli([...db(), 'crawl', ...q, '--at', AT])).code).toBe(0);
}, 180_000);

afterAll(async () => {
  await fleet?.close();
});

async function judge(extra: string[]): Promise<{ code: number; stderr: string; report: Report | null }> {
  const c = await cli([...db(), 'check', ...q, ...extra]);
  if (c.code !== 0) return { code: c.code, stderr: c.stderr, report: null };
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  expect((await cli([...db(), 'report', ...q, '--out', out, '--format', 'json'])).code).toBe(0);
  return { code: 0, stderr: c.stderr, report: readValidReport<Report>(join(out, 'report.json')) };
}

const codes = (r: Report, key: string) =>
  r.sites
    .find((s) => s.id === fleet.sites.find((f) => f.fixture.key === key)!.fixture.id)!
    .findings.filter((f) => f.rule === 'state-council-missing')
    .map((f) => f.code)
    .sort();

describe('state-council-missing with a reference list', () => {
  it('finds the on-time document, reports the late one and the missing one, and leaves the rest alone', async () => {
    const { report } = await judge(['--state-council', join(dir, 'gwy.csv')]);
    expect(codes(report!, 'content-errors')).toEqual(['late', 'missing']);
    const late = report!.sites.flatMap((s) => s.findings).find((f) => f.code === 'late')!;
    expect(late.evidence).toMatchObject({ daysLate: 3, republished: day(REPUBLISHED[1].daysAgo) });
    expect(late.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    // A portal without the column: the column and all three due documents.
    expect(codes(report!, 'gb18030-fresh')).toEqual(['missing', 'missing', 'missing', 'no-column']);
  });

  it('without a list, only the column is judged', async () => {
    const { report } = await judge([]);
    expect(codes(report!, 'content-errors')).toEqual([]);
    expect(codes(report!, 'gb18030-fresh')).toEqual(['no-column']);
  });

  it('a bad list is bad input: exit 2 naming the file, row and field, and nothing judged with it', async () => {
    writeFileSync(join(dir, 'bad.csv'), `标题,发文字号,发布日期\n国务院关于某事的通知,国发〔2026〕1号,2026-11-31\n`);
    const r = await judge(['--state-council', join(dir, 'bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv row 2 field published/);
  });
});

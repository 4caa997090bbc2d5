// History over three quarters in a real SQLite file, read back by the real CLI and by the report.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site, SiteLevel } from '../../src/model/site.js';
import { buildReport } from '../../src/report/build.js';
import { renderJson } from '../../src/report/json.js';
import { type History, previousQuarter } from '../../src/report/history.js';
import { ensureCheck } from '../../src/store/checks.js';
import { closeDb, type Db, openDb } from '../../src/store/db.js';
import { upsertSites } from '../../src/store/sites.js';
import { saveJudgement } from '../../src/store/verdicts.js';
import type { Verdict } from '../../src/model/report.js';
import { cli } from '../helpers/cli.js';
import { expectValidReport } from '../helpers/report-schema.js';

const NOW = '2026-12-02T00:00:00.000Z';
const site = (id: string, region: string, level: SiteLevel): Site => ({
  id,
  name: `站${id}`,
  url: `http://${id}.example.gov.cn/`,
  sponsor: null,
  level,
  region,
  parentId: null,
  status: 'running',
});
const SITES = [
  site('4301000001', '430100', 'prefecture-portal'),
  site('4301000002', '430100', 'prefecture-dept'),
  site('4302000001', '430200', 'prefecture-portal'),
  site('4302000002', '430200', 'prefecture-dept'),
];
// Per quarter: each site's verdict. 0001 is unqualified three quarters running; 4302…0001 two, broken by a pass before.
const VERDICTS: Record<string, Verdict[]> = {
  '2026Q2': ['unqualified', 'qualified', 'qualified', 'unqualified'],
  '2026Q3': ['unqualified', 'qualified', 'unqualified', 'qualified'],
  '2026Q4': ['unqualified', 'unqualified', 'unqualified', 'qualified'],
};

let dir: string;
let db: Db;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'choucha-history-'));
  db = openDb(join(dir, 'choucha.db'), { create: true });
  upsertSites(db, SITES, 'test', NOW);
  for (const [quarter, vs] of Object.entries(VERDICTS)) {
    const check = ensureCheck(db, { quarter, tier: 'province', at: NOW, now: NOW });
    SITES.forEach((s, i) =>
      saveJudgement(
        db,
        check.id,
        s.id,
        { verdict: vs[i]!, score: null, vetoes: [], findings: [], notChecked: [], notCheckedReason: null },
        NOW,
      ),
    );
  }
  // Another tier's check of the same quarter does not mix into the province history.
  const pref = ensureCheck(db, { quarter: '2026Q3', tier: 'prefecture', at: NOW, now: NOW });
  saveJudgement(
    db,
    pref.id,
    '4301000002',
    { verdict: 'unqualified', score: null, vetoes: [], findings: [], notChecked: [], notCheckedReason: null },
    NOW,
  );
});

afterAll(() => closeDb(db));

describe('history', () => {
  it('counts consecutive unqualified quarters per site and repeat offenders per region', async () => {
    const r = await cli(['--db', join(dir, 'choucha.db'), 'history', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const h = JSON.parse(r.stdout) as History;
    expect(h.quarter).toBe('2026Q4');
    expect(h.previousQuarter).toBe('2026Q3');
    expect(Object.fromEntries(h.sites.map((s) => [s.id, s.consecutiveUnqualified]))).toEqual({
      '4301000001': 3,
      '4301000002': 1,
      '4302000001': 2,
      '4302000002': 0,
    });
    expect(h.regions).toEqual([
      { key: '430100', checked: 2, qualified: 0, rate: 0, previousRate: 0.5, change: -0.5, repeatOffenders: 1 },
      { key: '430200', checked: 2, qualified: 1, rate: 0.5, previousRate: 0.5, change: 0, repeatOffenders: 1 },
    ]);
    expect(h.levels.map((l) => [l.key, l.rate, l.change])).toEqual([
      ['prefecture-dept', 0.5, -0.5],
      ['prefecture-portal', 0, 0],
    ]);
  }, 120_000);

  it('reads an earlier quarter, where the streaks were shorter, and names the repeat offenders in text', async () => {
    const r = await cli(['--db', join(dir, 'choucha.db'), 'history', '--quarter', '2026Q3', '--json']);
    const h = JSON.parse(r.stdout) as History;
    expect(Object.fromEntries(h.sites.map((s) => [s.id, s.consecutiveUnqualified]))).toEqual({
      '4301000001': 2,
      '4301000002': 0,
      '4302000001': 1,
      '4302000002': 0,
    });
    const text = await cli(['--db', join(dir, 'choucha.db'), 'history']);
    expect(text.stdout).toContain('4301000001\t站4301000001\t430100\t3 quarters');
    expect(text.stdout).not.toContain('4301000002\t站');
  }, 120_000);

  it('gives report.json the same history, additively', () => {
    const check = ensureCheck(db, { quarter: '2026Q4', tier: 'province', now: NOW });
    const report = buildReport(db, check, NOW);
    expectValidReport(JSON.parse(renderJson(report)));
    expect(report.history!.sites.find((s) => s.id === '4301000001')!.consecutiveUnqualified).toBe(3);
    expect(report.history!.regions[0]!.change).toBe(-0.5);
    expect(report.disagreements).toBeUndefined();
  });

  it('steps back across a year', () => {
    expect(previousQuarter('2027Q1')).toBe('2026Q4');
    expect(previousQuarter('2026Q3')).toBe('2026Q2');
  });
});

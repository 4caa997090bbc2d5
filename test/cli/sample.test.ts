// `choucha sample` on a real registry file and database: reproducible, exported, and kept as the check's sample.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCheck, sampleOf, setSample } from '../../src/store/checks.js';
import { judgementsOf, saveJudgement } from '../../src/store/verdicts.js';
import { closeDb, openDb } from '../../src/store/db.js';
import { cli } from '../helpers/cli.js';

let dir: string;
let base: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'choucha-sample-'));
  base = ['--db', join(dir, 'choucha.db')];
  const rows = ['网站标识码,网站名称,首页网址,主办单位,网站层级,地区代码,运行状态'];
  for (let i = 0; i < 12; i++)
    rows.push(`43010000${String(i).padStart(2, '0')},长沙站${i},http://s${i}.cs.gov.cn/,长沙市,市级部门,430100,正常`);
  for (let i = 0; i < 4; i++)
    rows.push(`43020000${String(i).padStart(2, '0')},株洲站${i},http://s${i}.zz.gov.cn/,株洲市,市级部门,430200,正常`);
  rows.push('4303000001,湘潭站,http://xt.gov.cn/,湘潭市,市级门户,430300,关停');
  writeFileSync(join(dir, 'registry.csv'), `${rows.join('\n')}\n`);
  expect((await cli([...base, 'init'])).code).toBe(0);
  expect((await cli([...base, 'sites', 'import', join(dir, 'registry.csv')])).code).toBe(0);
}, 120_000);

describe('choucha sample', () => {
  it('draws the same sites from the same seed, honours the stratum minimum, and exports them', async () => {
    const args = [
      ...base,
      'sample',
      '--quarter',
      '2026Q4',
      '--region',
      '43',
      '--ratio',
      '0.25',
      '--min-per-stratum',
      '2',
      '--seed',
      'abc',
      '--json',
    ];
    const a = await cli([...args, '--out', join(dir, 'sample.csv')]);
    expect(a.code, a.stderr).toBe(0);
    const b = await cli(args);
    const ja = JSON.parse(a.stdout) as {
      sampled: number;
      strata: { key: string; sampled: number; population: number }[];
      sites: { id: string }[];
    };
    expect(JSON.parse(b.stdout).sites).toEqual(ja.sites);
    expect(ja.strata).toEqual([
      { key: 'prefecture-dept|4301', level: 'prefecture-dept', region: '4301', population: 12, sampled: 3 },
      { key: 'prefecture-dept|4302', level: 'prefecture-dept', region: '4302', population: 4, sampled: 2 },
    ]);
    const csv = readFileSync(join(dir, 'sample.csv'), 'utf8');
    expect(csv.startsWith('\ufeff网站标识码,网站名称,首页网址')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 5);
    const other = await cli([
      ...base,
      'sample',
      '--quarter',
      '2026Q3',
      '--region',
      '43',
      '--ratio',
      '0.25',
      '--min-per-stratum',
      '2',
      '--seed',
      'xyz',
      '--json',
    ]);
    expect((JSON.parse(other.stdout) as typeof ja).sites).not.toEqual(ja.sites);
  }, 120_000);

  it('keeps the drawn sample when later stages open the check', () => {
    const db = openDb(join(dir, 'choucha.db'));
    try {
      const check = ensureCheck(db, { quarter: '2026Q4', tier: 'province', now: new Date().toISOString() });
      expect(sampleOf(db, check.id)).toHaveLength(5);
      // Drawing again without a site takes its judgement out of the check too.
      const [gone, ...kept] = sampleOf(db, check.id).map((s) => s.siteId);
      saveJudgement(
        db,
        check.id,
        gone!,
        { verdict: 'unqualified', score: null, vetoes: [], findings: [], notChecked: [], notCheckedReason: null },
        '2026-12-02T00:00:00Z',
      );
      setSample(db, check.id, kept, { seed: 'manual' });
      expect(sampleOf(db, check.id).map((s) => s.siteId)).toEqual(kept);
      expect(judgementsOf(db, check.id, (r) => r)).toEqual([]);
    } finally {
      closeDb(db);
    }
  });

  it('refuses --ratio with --count, and a bad level, with exit 2', async () => {
    const both = await cli([...base, 'sample', '--quarter', '2026Q4', '--ratio', '0.3', '--count', '3']);
    expect(both.code).toBe(2);
    const level = await cli([...base, 'sample', '--quarter', '2026Q4', '--level', '乡镇']);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('Bad --level');
  }, 120_000);
});

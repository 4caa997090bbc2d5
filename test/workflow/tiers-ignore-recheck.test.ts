// The review workflow of issue 8 on the fixture fleet (loopback, real SQLite, the real CLI):
// a prefecture check, a province check re-checking what it called qualified with a planted
// disagreement, the ignore list before and after its date, and recheck (复核) of evidence URLs.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import type { Report } from '../../src/model/report.js';
import { cli } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';

const AT = '2026-12-01T10:00:00+08:00';
const KEYS = ['healthy-trs', 'content-errors', 'identity-gaps'];
let fleet: Fleet;
let dir: string;
let base: string[];
const read = (p: string) => readValidReport<Report>(join(dir, p));
const idOf = (key: string) => fleet.sites.find((s) => s.fixture.key === key)!.fixture.id;
const runArgs = (tier: string, out: string) => [
  ...base,
  'run',
  '--links',
  'internal',
  '--registry',
  join(dir, 'registry.csv'),
  '--quarter',
  '2026Q4',
  '--tier',
  tier,
  '--at',
  AT,
  '--out',
  join(dir, out),
  '--rounds',
  '1',
  '--delay',
  '0ms',
  '--no-screenshots',
];

beforeAll(async () => {
  fleet = await startFleet({ at: AT, sites: KEYS });
  dir = mkdtempSync(join(tmpdir(), 'choucha-workflow-'));
  base = ['--db', join(dir, 'choucha.db'), '--allow-private'];
  writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
  const pref = await cli(runArgs('prefecture', 'pref'), { timeoutMs: 180_000 });
  expect(pref.code, pref.stderr).toBe(0);
}, 240_000);

afterAll(async () => {
  await fleet?.close();
});

describe('two tiers', () => {
  let prov: Report;
  beforeAll(async () => {
    // Plant a disagreement: the prefecture tier's report calls the site with serious errors qualified.
    const lower = read('pref/report.json');
    expect(lower.sites.find((s) => s.id === idOf('content-errors'))!.verdict).toBe('unqualified');
    for (const s of lower.sites) if (s.id === idOf('content-errors')) Object.assign(s, { verdict: 'qualified', findings: [] });
    writeFileSync(join(dir, 'lower.json'), JSON.stringify(lower));
    const sample = await cli([
      ...base,
      'sample',
      '--quarter',
      '2026Q4',
      '--tier',
      'province',
      '--recheck-qualified',
      join(dir, 'lower.json'),
      '--json',
    ]);
    expect(sample.code, sample.stderr).toBe(0);
    expect((JSON.parse(sample.stdout) as { sampled: number }).sampled).toBe(3);
    const r = await cli(runArgs('province', 'prov'), { timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    prov = read('prov/report.json');
  }, 240_000);

  it('lists the planted disagreement in report.json, with the findings only the upper tier counted', () => {
    expect(prov.disagreements).toHaveLength(1);
    const d = prov.disagreements![0]!;
    expect(d).toMatchObject({
      siteId: idOf('content-errors'),
      lowerTier: 'prefecture',
      lowerVerdict: 'qualified',
      upperVerdict: 'unqualified',
      onlyLower: [],
    });
    expect(d.onlyUpper.map((f) => `${f.rule}/${f.code}`).sort()).toEqual([
      'serious-error/serious',
      'serious-error/serious',
      'site-identity/domain-not-gov',
      'typo/typo',
      'typo/typo',
    ]);
  });

  it('prints the same list from `disagreements`, and refuses a lower report of a higher tier', async () => {
    const r = await cli([...base, 'disagreements', '--quarter', '2026Q4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(prov.disagreements);
    const bad = await cli([
      ...base,
      'sample',
      '--quarter',
      '2026Q4',
      '--tier',
      'prefecture',
      '--recheck-qualified',
      join(dir, 'prov', 'report.json'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cannot be re-checked by the prefecture tier');
  }, 180_000);

  it('prints fingerprints that are the same for the same defect in both tiers', () => {
    const fps = (r: Report) =>
      r.sites
        .find((s) => s.id === idOf('identity-gaps'))!
        .findings.map((f) => f.fingerprint)
        .sort();
    // identity-gaps carries its footer defects in both tiers: an empty list would make the rest vacuous.
    expect(fps(prov).length).toBeGreaterThan(0);
    expect(fps(prov)).toEqual(fps(read('pref/report.json')));
    for (const f of fps(prov)) expect(f).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the ignore list', () => {
  const site = (r: Report) => r.sites.find((s) => s.id === idOf('content-errors'))!;
  const judgeWith = async (until: string, out: string) => {
    const fps = site(read('pref/report.json'))
      .findings.filter((f) => f.rule === 'serious-error')
      .map((f) => f.fingerprint);
    const yaml = `entries:\n${fps.map((fp) => `  - fingerprint: ${fp}\n    reason: 复核确认为引用原文\n    by: 张三\n    until: ${until}\n`).join('')}`;
    writeFileSync(join(dir, `ignore-${out}.yaml`), yaml);
    const c = await cli([...base, 'check', '--quarter', '2026Q4', '--tier', 'prefecture', '--ignore', join(dir, `ignore-${out}.yaml`)]);
    expect(c.code, c.stderr).toBe(0);
    const r = await cli([...base, 'report', '--quarter', '2026Q4', '--tier', 'prefecture', '--format', 'json', '--out', join(dir, out)]);
    expect(r.code, r.stderr).toBe(0);
    return site(read(`${out}/report.json`));
  };

  it('takes a finding out of the verdict until its date, and keeps it listed as ignored', async () => {
    const before = await judgeWith('2026-12-01', 'ign-active');
    expect(before.verdict).toBe('qualified');
    expect(before.vetoes).toEqual([]);
    const ignored = before.findings.filter((f) => f.ignored);
    expect(ignored.map((f) => f.rule)).toEqual(['serious-error', 'serious-error']);
    expect(ignored[0]!.ignored).toMatchObject({ reason: '复核确认为引用原文', by: '张三', until: '2026-12-01', kind: 'veto' });
  }, 180_000);

  it('counts the finding again once the date has passed', async () => {
    const after = await judgeWith('2026-11-30', 'ign-expired');
    expect(after.verdict).toBe('unqualified');
    expect(after.vetoes).toEqual(['serious-error']);
    expect(after.findings.filter((f) => f.ignored)).toEqual([]);
  }, 180_000);

  it('rejects a malformed file with exit 2, naming the file, row and field', async () => {
    const yaml = join(dir, 'bad.yaml');
    writeFileSync(
      yaml,
      'entries:\n  - fingerprint: 0123456789abcdef\n    reason: ok\n    by: 张三\n  - fingerprint: 0123456789abcdef\n    reason: ok\n    by: 张三\n    until: 2026-13-45x\n',
    );
    const y = await cli([...base, 'check', '--quarter', '2026Q4', '--tier', 'prefecture', '--ignore', yaml]);
    expect(y.code).toBe(2);
    expect(y.stderr).toContain(`${yaml} row 2 field until`);
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'fingerprint,reason,by,until\n0123456789abcdef,误报,张三,2027-01-01\nnot-a-fingerprint,误报,张三,\n');
    const c = await cli([...base, 'check', '--quarter', '2026Q4', '--tier', 'prefecture', '--ignore', csv]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`${csv} row 3 field fingerprint`);
  }, 180_000);
});

describe('recheck (复核)', () => {
  type Outcome = { siteId: string; rule: string; code: string; status: string; reason: string };
  const recheck = async () => {
    const r = await cli([...base, 'recheck', '--quarter', '2026Q4', '--tier', 'province', '--timeout', '5s', '--json']);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { outcomes: Outcome[] }).outcomes;
  };
  const pick = (os: Outcome[], key: string, rule: string) =>
    os.filter((o) => o.siteId === idOf(key) && o.rule === rule).map((o) => o.status);

  it('says not fixed while the sites still show the defects, and never fixed for what one fetch cannot settle', async () => {
    const os = await recheck();
    expect(pick(os, 'content-errors', 'typo')).toEqual(['not-fixed', 'not-fixed']);
    expect(pick(os, 'content-errors', 'serious-error')).toEqual(['not-fixed', 'not-fixed']);
    expect(pick(os, 'identity-gaps', 'site-identity').sort()).toEqual(['not-fixed', 'not-fixed', 'not-rechecked']);
  }, 180_000);

  it('says fixed when the pages no longer show the words, and not rechecked when a site cannot be reached', async () => {
    const port = (key: string) => Number(new URL(fleet.sites.find((s) => s.fixture.key === key)!.url).port);
    const contentPort = port('content-errors');
    await fleet.close();
    // The office corrected its pages: the same addresses now serve text without the errors.
    const fixedSite: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><p>各乡镇人民政府，县人民政府各部门：请认真做好部署。</p></body></html>');
    });
    await new Promise<void>((ok) => fixedSite.listen(contentPort, '127.0.0.1', ok));
    try {
      const os = await recheck();
      expect(pick(os, 'content-errors', 'typo')).toEqual(['fixed', 'fixed']);
      expect(pick(os, 'content-errors', 'serious-error')).toEqual(['fixed', 'fixed']);
      const gone = os.filter((o) => o.siteId === idOf('identity-gaps'));
      expect(gone.map((o) => o.status)).toEqual(['not-rechecked', 'not-rechecked', 'not-rechecked']);
      expect(gone.some((o) => o.status === 'fixed')).toBe(false);
    } finally {
      await new Promise((ok) => fixedSite.close(ok));
    }
  }, 180_000);
});

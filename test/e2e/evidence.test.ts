// Screenshots as evidence: the homepage of every checked site and every page behind a veto, real PNGs
// of real pages, their paths in report.json relative to the report.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import type { Report, Screenshot } from '../../src/model/report.js';
import { cli, type CliResult } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';
import { readPng } from '../helpers/png.js';

const AT = '2026-12-01T10:00:00+08:00';
let fleet: Fleet;
let dir: string;
let run: CliResult;
let report: Report;

beforeAll(async () => {
  fleet = await startFleet({ at: AT, sites: ['table-stale-home', 'hanweb-five-empty', 'healthy-trs'] });
  dir = mkdtempSync(join(tmpdir(), 'choucha-shots-'));
  writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
  run = await cli([
    '--db',
    join(dir, 'db'),
    '--allow-private',
    'run',
    '--links',
    'internal',
    '--registry',
    join(dir, 'registry.csv'),
    '--quarter',
    '2026Q4',
    '--at',
    AT,
    '--out',
    join(dir, 'out'),
    '--rounds',
    '1',
    '--format',
    'json',
  ]);
  report = readValidReport<Report>(join(dir, 'out', 'report.json'));
}, 180_000);
afterAll(() => fleet.close());

const site = (key: string) => report.sites.find((s) => s.id === fleet.sites.find((f) => f.fixture.key === key)!.fixture.id)!;

function looksLikeAPage(shot: Screenshot) {
  const path = join(dir, 'out', shot.path);
  expect(existsSync(path)).toBe(true);
  const png = readPng(path);
  expect(png.width).toBe(1280);
  expect(png.height).toBeGreaterThanOrEqual(720); // full page, not just the viewport
  expect(png.levels).toBeGreaterThan(20); // text, pictures and colours, not a blank page
  expect(png.inked).toBeGreaterThan(0.05);
  expect(Date.parse(shot.capturedAt)).not.toBeNaN();
}

describe('evidence screenshots', () => {
  it('every checked homepage is captured', () => {
    expect(run.code).toBe(0);
    expect(report.sites).toHaveLength(3);
    for (const s of report.sites) {
      expect(s.screenshot, s.id).not.toBeNull();
      looksLikeAPage(s.screenshot!);
    }
  });

  it('the homepage-stale veto carries the homepage screenshot', () => {
    const veto = site('table-stale-home').findings.find((f) => f.rule === 'homepage-stale')!;
    const shots = veto.evidence.screenshots as Screenshot[];
    expect(shots.map((s) => s.url)).toContain(veto.url);
  });

  it('the empty-columns veto carries a screenshot of each empty column', () => {
    const veto = site('hanweb-five-empty').findings.find((f) => f.code === 'too-many-empty')!;
    const columns = (veto.evidence.columns as { url: string }[]).map((c) => c.url);
    const shots = veto.evidence.screenshots as Screenshot[];
    expect(columns).toHaveLength(5);
    for (const url of columns) expect(shots.map((s) => s.url)).toContain(url);
    for (const s of shots) looksLikeAPage(s);
  });

  it('a site without a veto gets only its homepage captured', () => {
    const healthy = site('healthy-trs');
    expect(healthy.verdict).toBe('qualified');
    // Findings about the homepage itself (its footer identity: the fleet is served from 127.0.0.1, not
    // a .gov.cn domain) show the homepage; the others (a message board's notice) show nothing.
    const shots = (f: (typeof healthy.findings)[number]) => (f.evidence.screenshots as { url: string }[] | undefined) ?? [];
    const onHome = healthy.findings.filter((f) => f.url === healthy.url);
    const elsewhere = healthy.findings.filter((f) => f.url !== healthy.url);
    expect(onHome.length).toBeGreaterThan(0);
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const f of onHome)
      expect(
        shots(f).map((s) => s.url),
        f.rule,
      ).toEqual([healthy.url]);
    for (const f of elsewhere) expect(shots(f), f.rule).toEqual([]);
  });

  it('capturing again takes nothing twice', async () => {
    const again = await cli(['--db', join(dir, 'db'), '--allow-private', 'evidence', '--quarter', '2026Q4', '--out', join(dir, 'out')]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('screenshots: 0 taken, 0 failed');
  });
});

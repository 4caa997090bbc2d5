// Availability: real probes of live, refusing and 503 sites, judged by site-unreachable. A week of
// probes is the official measure; a test edition asks for 3 so that one short run can show the rule.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import type { Report } from '../../src/model/report.js';
import { cli } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';

// Probes happen now, so the check's reference time is now too: the rule counts the 7 days before it.
const AT = new Date().toISOString();
let fleet: Fleet;
let dir: string;
let report: Report;
const code: Record<string, number> = {};

beforeAll(async () => {
  fleet = await startFleet({ at: AT, sites: ['healthy-trs', 'down-refused', 'down-503', 'closed-still-answering'] });
  dir = mkdtempSync(join(tmpdir(), 'choucha-probe-'));
  writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
  const lexicon = fileURLToPath(new URL('../../rules/lexicons/column-categories.yaml', import.meta.url));
  const edition = readFileSync(new URL('../../rules/editions/2019.yaml', import.meta.url), 'utf8')
    .replace('minProbes: 140', 'minProbes: 3')
    .replace('../lexicons/column-categories.yaml', lexicon);
  writeFileSync(join(dir, 'three-probes.yaml'), edition);
  const db = ['--db', join(dir, 'db'), '--allow-private'];
  const q = ['--quarter', '2026Q4'];
  code.import = (await cli([...db, 'sites', 'import', join(dir, 'registry.csv')])).code;
  code.probe = (
    await cli([...db, '--vantage', 'e2e-vm', 'probe', ...q, '--at', AT, '--rounds', '3', '--interval', '0s', '--timeout', '10s'])
  ).code;
  code.crawl = (await cli([...db, 'crawl', ...q])).code;
  code.check = (await cli([...db, 'check', ...q, '--edition', join(dir, 'three-probes.yaml')])).code;
  code.report = (await cli([...db, 'report', ...q, '--out', join(dir, 'out'), '--format', 'json', '--fail-on', 'veto'])).code;
  report = readValidReport<Report>(join(dir, 'out', 'report.json'));
}, 180_000);

afterAll(async () => {
  await fleet?.close();
});

const site = (key: string) => report.sites.find((s) => s.id === fleet.sites.find((f) => f.fixture.key === key)!.fixture.id)!;

describe('site-unreachable from stored probes', () => {
  it('runs the stages one by one; --fail-on veto trips', () => {
    expect(code).toEqual({ import: 0, probe: 0, crawl: 0, check: 0, report: 1 });
  });

  it.each(['down-refused', 'down-503'])('%s: every probe failed → veto, with the failure kind as evidence', (key) => {
    const s = site(key);
    expect(s.verdict).toBe('unqualified');
    const f = s.findings.find((x) => x.rule === 'site-unreachable')!;
    expect(f).toMatchObject({ code: 'unreachable', kind: 'veto' });
    expect(f.evidence).toMatchObject({ probes: 3, failures: 3, ratio: 1 });
    expect(Object.keys(f.evidence.failureKinds as object)).toEqual([key === 'down-503' ? 'http-5xx' : 'refused']);
    expect(s.availability).toMatchObject({
      windowDays: 7,
      probes: 3,
      failures: 3,
      ratio: 1,
      longestOutage: { probes: 3, recoveredAt: null },
    });
  });

  it('a closed site still serving its pages: probed, never crawled, listed apart with its finding', () => {
    const served = fleet.sites.find((f) => f.fixture.key === 'closed-still-answering')!;
    expect(report.sites.map((s) => s.id)).not.toContain(served.fixture.id);
    const c = report.closed!.find((s) => s.id === served.fixture.id)!;
    expect(c.availability).toMatchObject({ probes: 3, failures: 0 });
    expect(c.findings.map((f) => `${f.rule}/${f.code}`)).toEqual(served.fixture.expect.findings.map((f) => `${f.rule}/${f.code}`));
    expect(c.findings[0]).toMatchObject({ kind: 'notice', points: 0 });
    expect(fleet.requests.filter((r) => r.site === 'closed-still-answering').map((r) => r.path)).toEqual(['/', '/', '/']);
  });

  it('a live site is not flagged', () => {
    const s = site('healthy-trs');
    expect(s.findings.filter((f) => f.rule === 'site-unreachable')).toEqual([]);
    expect(s.verdict).toBe('qualified');
    expect(s.availability).toMatchObject({ probes: 3, failures: 0, ratio: 0, longestOutage: null });
    // Each probe keeps where it was taken from (--vantage), and the report gives the figures per vantage.
    expect(s.availability.byVantage).toEqual([{ vantage: 'e2e-vm', probes: 3, valid: 3, failures: 0 }]);
  });

  it('the default edition will not judge availability on 3 probes', async () => {
    const db = ['--db', join(dir, 'db')];
    expect((await cli([...db, 'check', '--quarter', '2026Q4', '--edition', '2019'])).code).toBe(0);
    expect((await cli([...db, 'report', '--quarter', '2026Q4', '--out', join(dir, 'out19'), '--format', 'json'])).code).toBe(0);
    const r = readValidReport<Report>(join(dir, 'out19', 'report.json'));
    const refused = r.sites.find((s) => s.id === site('down-refused').id)!;
    expect(refused.verdict).toBe('not-checked');
    expect(refused.notChecked.find((n) => n.rule === 'site-unreachable')?.reason).toMatch(/只有 3 次探测/);
  });
});

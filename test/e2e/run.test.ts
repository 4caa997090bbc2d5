// `choucha run` over the whole fixture fleet on loopback, with a real SQLite file, judged against what
// every fixture site states it must (and must not) produce.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLEET } from '../../fixtures/fleet/index.js';
import { PLANTED_FULL_NUMBERS } from '../../fixtures/fleet/privacy-roster.js';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import type { Report } from '../../src/model/report.js';
import { cli, type CliResult } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';
import { derive } from '../fixtures/checker.js';
import { cstDay } from '../fixtures/support.js';

const AT = '2026-12-01T10:00:00+08:00';
let fleet: Fleet;
let dir: string;
let run: CliResult;
let report: Report;

beforeAll(async () => {
  fleet = await startFleet({ at: AT });
  dir = mkdtempSync(join(tmpdir(), 'choucha-e2e-'));
  writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
  run = await cli(
    [
      '--db',
      join(dir, 'choucha.db'),
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
      '--delay',
      '0ms',
      '--fail-on',
      'unqualified',
    ],
    { timeoutMs: 540_000 },
  );
  report = readValidReport<Report>(join(dir, 'out', 'report.json'));
}, 600_000);

afterAll(async () => {
  await fleet?.close();
});

// Each case may start the CLI on the whole fleet's database: more than the default minute when the machine is busy.
describe('choucha run on the fixture fleet', { timeout: 180_000 }, () => {
  it('finishes, and exits 1 because --fail-on unqualified tripped', () => {
    expect(run.stderr).toContain('wrote');
    const anyUnqualified = fleet.sites.some((s) => s.fixture.expect.verdict === 'unqualified');
    expect(run.code).toBe(anyUnqualified ? 1 : 0);
  });

  it('reports every running registered site once, and the closed ones apart', () => {
    const closed = (s: { fixture: { registered?: string } }) => s.fixture.registered === 'closed';
    expect(report.sites.map((s) => s.id).sort()).toEqual(
      fleet.sites
        .filter((s) => !closed(s))
        .map((s) => s.fixture.id)
        .sort(),
    );
    expect((report.closed ?? []).map((s) => s.id).sort()).toEqual(
      fleet.sites
        .filter(closed)
        .map((s) => s.fixture.id)
        .sort(),
    );
    expect(report.summary.checked).toBe(report.summary.qualified + report.summary.unqualified);
  });

  // A closed site is judged on probes in the week before `at`; this run's `at` is days after its probes,
  // so test/e2e/probe.test.ts (at = now) holds the closed fixtures to their expectations.
  describe.each(FLEET.filter((f) => !f.registered).map((f) => [f.key, f] as const))('%s', (_key, fixture) => {
    const served = { fixture };
    const site = () => report.sites.find((s) => s.id === fixture.id)!;

    it(`verdict: ${fixture.expect.verdict} (${fixture.why})`, () => {
      expect({ verdict: site().verdict, why: site().notCheckedReason }).toMatchObject({ verdict: fixture.expect.verdict });
    });

    it('produces exactly the findings it states, for each rule it names', () => {
      const byRule = new Map<string, string[]>();
      for (const f of served.fixture.expect.findings) {
        byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), ...Array(f.count ?? 1).fill(f.code)]);
      }
      for (const [rule, codes] of byRule) {
        const got = [...site().findings, ...site().warnings]
          .filter((f) => f.rule === rule)
          .map((f) => f.code)
          .sort();
        expect({ rule, codes: got }).toEqual({ rule, codes: [...codes].sort() });
      }
    });

    it('produces no finding it does not state: every rule outcome is in its answer key', () => {
      const stated = new Set<string>(served.fixture.expect.findings.map((f) => f.rule));
      const unstated = [...site().findings, ...site().warnings]
        .filter((f) => !stated.has(f.rule))
        .map((f) => `${f.rule}/${f.code}: ${f.message}`);
      expect(unstated).toEqual([]);
    });

    it('says not-checked, with its reason, on the rules its data gives nothing to measure', () => {
      for (const rule of derive(fixture, cstDay(AT)).notChecked) {
        const said = site().notChecked.find((n) => n.rule === rule);
        expect({ rule, reason: said?.reason }).toEqual({ rule, reason: expect.any(String) });
      }
    });

    it('says not-checked on no other rule: a rule that quietly measured nothing would hide a defect', () => {
      const derived = new Set<string>(derive(fixture, cstDay(AT)).notChecked);
      const unstated = site()
        .notChecked.filter((n) => !derived.has(n.rule))
        .map((n) => `${n.rule}: ${n.reason}`);
      expect(unstated).toEqual([]);
    });

    it('stays silent where it must', () => {
      for (const rule of served.fixture.expect.silent) {
        expect({
          rule,
          findings: site()
            .findings.filter((f) => f.rule === rule)
            .map((f) => f.message),
        }).toEqual({ rule, findings: [] });
      }
    });
  });

  it('ipv6: the fleet is registered by address, so its portals are not checked on it, with why', () => {
    const portals = report.sites.filter((s) => derive(FLEET.find((f) => f.id === s.id)!, cstDay(AT)).notChecked.includes('ipv6'));
    expect(portals.length).toBeGreaterThan(0);
    for (const s of portals)
      expect(s.notChecked.find((n) => n.rule === 'ipv6')?.reason).toMatch(/^登记的首页网址是 IP 地址（127\.0\.0\.1）/);
  });

  describe('interaction-unanswered', () => {
    const byKey = (key: string) => report.sites.find((x) => x.id === FLEET.find((f) => f.key === key)!.id)!;
    const finding = (key: string, code: string) => byKey(key).findings.find((f) => f.rule === 'interaction-unanswered' && f.code === code)!;

    it('lists the letter open 3 months and 1 day, with its last allowed day, and not the near misses', () => {
      const f = finding('board-overdue-trs', 'unanswered');
      expect(f).toMatchObject({ title: '互动回应差', kind: 'veto' });
      expect(f.evidence.messages).toEqual([
        {
          title: '反映小区二次供水水质发黄的问题',
          url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/hdjl\/zxzx\//),
          askedOn: '2026-08-31',
          repliedOn: null,
          status: '办理中',
          deadline: '2026-11-30',
        },
      ]);
      expect(f.evidence.notValid).toEqual({ empty: 0, test: 1, duplicate: 1 });
    });

    it('counts reply days read from the letters’ own pages in working days on the official calendar', () => {
      // The slowest reply, 02-13 → 02-25 across the Spring Festival, is 3 working days (Mon–Fri: 8).
      const f = finding('board-paged-hanweb', 'reply-times');
      expect(f.evidence).toMatchObject({
        answered: 25,
        pending: 1,
        maxWorkdays: 3,
        withinWorkdays: { 7: 1, 15: 1 },
        calendarWarning: null,
      });
      expect(f.message).toMatch(/最长 3 个工作日；7 个工作日内答复 100%/);
    });

    it('names what it found when there is no valid channel', () => {
      const found = finding('no-channel-table', 'no-channel').evidence.found as { name: string; kind: string }[];
      expect(found.map((c) => `${c.name}:${c.kind}`).sort()).toEqual([
        '公众参与:hub',
        '在线访谈:interview',
        '网上信访:petition',
        '调查征集:survey',
      ]);
    });

    it('a site whose channels are all on other hosts is not checked on this rule, with the reason', () => {
      expect(byKey('offsite-platform').notChecked.find((n) => n.rule === 'interaction-unanswered')?.reason).toMatch(/其他网站.*12345热线/);
    });
  });

  it('privacy-leak: reports the full 公示 page and its xlsx, not the masked ones, and never reprints a planted number', () => {
    const site = report.sites.find((x) => x.id === FLEET.find((f) => f.key === 'privacy-roster')!.id)!;
    const leaks = site.findings.filter((f) => f.rule === 'privacy-leak');
    expect(new Set(leaks.map((f) => new URL(f.url!).pathname.endsWith('.xlsx')))).toEqual(new Set([true, false]));
    for (const f of leaks) expect(f.evidence.masked).toEqual(expect.arrayContaining([expect.stringMatching(/\*{4}/)]));
    for (const file of ['report.json', 'report.html', 'report.csv']) {
      const text = readFileSync(join(dir, 'out', file), 'utf8');
      expect({ file, leaked: PLANTED_FULL_NUMBERS.filter((n) => text.includes(n)) }).toEqual({ file, leaked: [] });
    }
  });

  it('writes the Excel exposure list with one row per unqualified site', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'report.xlsx'));
    const sheet = wb.getWorksheet('不合格网站名单')!;
    const ids: string[] = [];
    sheet.eachRow((row) => {
      const v = String(row.getCell(5).value ?? '');
      if (/^\d{10}$/.test(v)) ids.push(v);
    });
    const unqualified = report.sites.filter((s) => s.verdict === 'unqualified').map((s) => s.id);
    expect(ids.sort()).toEqual(unqualified.sort());
    expect(ids.length).toBeGreaterThan(0);
  });

  it('writes the HTML report beside the others by default', () => {
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    for (const s of report.sites) expect(html).toContain(`网站标识码 ${s.id}`);
  });

  it('report --only unqualified lists only those sites, keeps the summary whole, and logs JSON lines with --json', async () => {
    const out = join(dir, 'out-only');
    const r = await cli([
      '--db',
      join(dir, 'choucha.db'),
      'report',
      '--quarter',
      '2026Q4',
      '--out',
      out,
      '--format',
      'json,junit,md',
      '--only',
      'unqualified',
      '--json',
      '--fail-on',
      'veto',
    ]);
    expect(r.code).toBe(report.sites.some((s) => s.vetoes.length > 0) ? 1 : 0);
    const only = readValidReport<Report>(join(out, 'report.json'));
    expect(only.sites.map((s) => s.id).sort()).toEqual(
      report.sites
        .filter((s) => s.verdict === 'unqualified')
        .map((s) => s.id)
        .sort(),
    );
    expect(only.summary).toEqual({ ...report.summary });
    const junit = readFileSync(join(out, 'report.junit.xml'), 'utf8');
    expect((junit.match(/<testcase /g) ?? []).length).toBe(only.sites.length);
    const events = r.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { message: string });
    expect(events.some((e) => e.message.startsWith('wrote') && e.message.endsWith('report.md'))).toBe(true);
  });

  it('a closed site is probed and nothing else: only its homepage was asked for, once per probe round', () => {
    for (const s of fleet.sites.filter((x) => x.fixture.registered === 'closed')) {
      expect(fleet.requests.filter((r) => r.site === s.fixture.key).map((r) => r.path)).toEqual(['/']);
    }
  });

  it('lists the closed sites in the HTML and the workbook', async () => {
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'report.xlsx'));
    const sheet = wb.getWorksheet('关停网站')!;
    for (const c of report.closed ?? []) {
      expect(html).toContain(c.name);
      expect(sheet.getColumn(1).values).toContain(c.id);
    }
    expect(html).toContain('登记为关停的网站');
  });

  it('writes the CSV with a BOM so Excel shows the Chinese', () => {
    const csv = readFileSync(join(dir, 'out', 'report.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('网站名称');
  });

  it('a second crawl fetches nothing again from finished sites; only failed homepages are retried', async () => {
    const before = fleet.requests.length;
    const again = await cli(['--db', join(dir, 'choucha.db'), '--allow-private', 'crawl', '--quarter', '2026Q4']);
    expect(again.code).toBe(0);
    const down = new Set(fleet.sites.filter((s) => s.fixture.down).map((s) => s.fixture.key));
    const refetched = fleet.requests.slice(before);
    expect(refetched.filter((r) => !down.has(r.site))).toEqual([]);
    expect(again.stderr).toMatch(/already done/);
  });

  it('re-judging the stored crawl gives the same verdicts (check needs no network)', async () => {
    const db = join(dir, 'choucha.db');
    const before = fleet.requests.length;
    expect((await cli(['--db', db, 'check', '--quarter', '2026Q4'])).code).toBe(0);
    expect((await cli(['--db', db, 'report', '--quarter', '2026Q4', '--out', join(dir, 'out2'), '--format', 'json'])).code).toBe(0);
    const again = readValidReport<Report>(join(dir, 'out2', 'report.json'));
    expect(again.sites.map((s) => [s.id, s.verdict, s.score])).toEqual(report.sites.map((s) => [s.id, s.verdict, s.score]));
    expect(fleet.requests.length).toBe(before);
  });
});

describe('the address guard', () => {
  it('without --allow-private no request reaches a loopback site, and nothing is judged on it', async () => {
    const f = await startFleet({ at: AT, sites: [fleetKeys()[0]!] });
    try {
      const d = mkdtempSync(join(tmpdir(), 'choucha-guard-'));
      writeFileSync(join(d, 'registry.csv'), f.registryCsv());
      const r = await cli([
        '--db',
        join(d, 'db'),
        'run',
        '--links',
        'internal',
        '--registry',
        join(d, 'registry.csv'),
        '--quarter',
        '2026Q4',
        '--at',
        AT,
        '--out',
        join(d, 'out'),
        '--rounds',
        '1',
      ]);
      expect(r.code).toBe(0);
      expect(f.requests).toEqual([]);
      const rep = readValidReport<Report>(join(d, 'out', 'report.json'));
      expect(rep.sites[0]?.verdict).toBe('not-checked');
      expect(rep.sites[0]?.notCheckedReason).toMatch(/private|loopback/);
    } finally {
      await f.close();
    }
  });
});

function fleetKeys(): string[] {
  return fleet.sites.filter((s) => !s.fixture.down && !s.fixture.registered).map((s) => s.fixture.key);
}

describe('a site whose columns exist only after rendering', () => {
  it('with --render never: its script-built columns are not judged empty or stale; the site is not-checked; a script-built board is not judged', async () => {
    const f = await startFleet({ at: AT, sites: ['scripted-five-stale', 'board-scripted-div'] });
    try {
      const d = mkdtempSync(join(tmpdir(), 'choucha-norender-'));
      writeFileSync(join(d, 'registry.csv'), f.registryCsv());
      const r = await cli([
        '--db',
        join(d, 'db'),
        '--allow-private',
        'run',
        '--links',
        'internal',
        '--registry',
        join(d, 'registry.csv'),
        '--quarter',
        '2026Q4',
        '--at',
        AT,
        '--out',
        join(d, 'out'),
        '--rounds',
        '1',
        '--render',
        'never',
        '--format',
        'json',
      ]);
      expect(r.code).toBe(0);
      const sites = readValidReport<Report>(join(d, 'out', 'report.json')).sites;
      const site = sites.find((x) => x.id === f.sites[0]!.fixture.id)!;
      expect(site.findings.filter((x) => x.rule === 'column-stale' || x.rule === 'column-empty')).toEqual([]);
      expect(site.verdict).toBe('not-checked');
      expect(site.notChecked.find((n) => n.rule === 'column-stale')?.reason).toMatch(/无法读取.*脚本/);
      // A board built by script: its open letter is not seen, and its silence is not taken for an answer.
      const board = sites.find((x) => x.id === f.sites[1]!.fixture.id)!;
      expect(board.findings.filter((x) => x.rule === 'interaction-unanswered')).toEqual([]);
      expect(board.notChecked.find((n) => n.rule === 'interaction-unanswered')?.reason).toMatch(/县长信箱.*脚本/);
    } finally {
      await f.close();
    }
  });
});

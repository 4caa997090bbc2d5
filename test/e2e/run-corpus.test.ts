// The check's own text as evidence for the typo detector, end to end: four portals crawled and judged
// together. One writes 大数局产业 where the other three write 大数据产业: its finding is confirmed by
// them, and says so. All four write 知史爱党 (a slogan of the Party-history campaign the dictionary lacks,
// which the detector alone takes for 知识; if a refit of the detector stops taking it so, pick another such
// phrase): the check's usage, not a slip, and dropped on every site. The same portal judged alone keeps both
// finds as it would without the corpus.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthyTrs } from '../../fixtures/fleet/healthy-trs.js';
import { dated, items, leaf } from '../../fixtures/fleet/build.js';
import type { FixtureSite } from '../../fixtures/model.js';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import type { Report, ReportFinding } from '../../src/model/report.js';
import { cli } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';

const AT = '2026-12-01T10:00:00+08:00';
const HISTORY = '开展党史学习教育，引导党员干部知史爱党、知史爱国。';

function portal(n: number, industry: string): FixtureSite {
  return {
    ...healthyTrs,
    key: `corpus-${n}`,
    id: `430000001${n}`,
    name: `湖南省第${n}厅`,
    columns: healthyTrs.columns.map((c) =>
      c.key === 'zwdt'
        ? leaf(
            'zwdt',
            '政务动态',
            items(
              [
                {
                  daysAgo: 0,
                  title: '全县数字经济发展情况通报',
                  body: [`今年以来，${industry}规模持续扩大，带动就业三千余人。`, HISTORY],
                },
              ],
              dated(44, 1, 1),
            ),
          )
        : c,
    ),
  };
}

const SLIP = portal(1, '全县大数局产业');
// Each writes what comes before it its own way: the phrase that confirms the slip is what follows it.
const PEERS = [portal(2, '全市大数据产业'), portal(3, '全区大数据产业'), portal(4, '本县大数据产业')];

let fleet: Fleet;
let dir: string;

async function judged(sites: FixtureSite[], name: string): Promise<Report> {
  const db = ['--db', join(dir, `${name}.db`), '--allow-private'];
  const registry = join(dir, `${name}.csv`);
  writeFileSync(
    registry,
    fleet
      .registryCsv()
      .split('\n')
      .filter((l, i) => i === 0 || sites.some((s) => l.startsWith(`${s.id},`)))
      .join('\n'),
  );
  const q = ['--quarter', '2026Q4'];
  expect((await cli([...db, 'sites', 'import', registry])).code).toBe(0);
  expect((await cli([...db, 'crawl', ...q, '--at', AT, '--render', 'never'])).code).toBe(0);
  expect((await cli([...db, 'check', ...q])).code).toBe(0);
  const out = join(dir, `out-${name}`);
  expect((await cli([...db, 'report', ...q, '--out', out, '--format', 'json'])).code).toBe(0);
  return readValidReport<Report>(join(out, 'report.json'));
}

const typos = (r: Report, site: FixtureSite): ReportFinding[] =>
  r.sites.find((s) => s.id === site.id)!.findings.filter((f) => f.rule === 'typo');

let together: Report;
let alone: Report;

beforeAll(async () => {
  fleet = await startFleet({ at: AT, fixtures: [SLIP, ...PEERS] });
  dir = mkdtempSync(join(tmpdir(), 'choucha-corpus-'));
  [together, alone] = await Promise.all([judged([SLIP, ...PEERS], 'together'), judged([SLIP], 'alone')]);
}, 240_000);

afterAll(async () => {
  await fleet?.close();
});

describe('the check as a corpus', () => {
  it('the registry rows are the four portals', () => {
    expect(together.sites.map((s) => s.id).sort()).toEqual([SLIP, ...PEERS].map((s) => s.id).sort());
  });

  it('a slip the other sites write correctly is confirmed by them, and the finding says so', () => {
    const [f, ...rest] = typos(together, SLIP);
    expect(rest).toEqual([]);
    expect(f).toBeDefined();
    expect(f!.evidence).toMatchObject({
      wrong: '数局',
      suggestion: '数据',
      corpus: {
        sites: 4,
        otherSitesWithWrong: 0,
        context: { wrong: '数局产业', suggestion: '数据产业', otherSitesWithWrong: 0, otherSitesWithSuggestion: 3 },
      },
    });
    expect(f!.message).toContain('本次检查的其他网站中 3 个写作“数据产业”，无一写作“数局产业”');
  });

  it('a form every site writes is the check’s usage: no site is told it is a typo', () => {
    for (const site of PEERS) expect(typos(together, site)).toEqual([]);
    expect(typos(together, SLIP).some((f) => f.evidence.wrong === '知史')).toBe(false);
  });

  it('judged alone, the same portal keeps both finds, with no word of other sites', () => {
    const found = typos(alone, SLIP);
    expect(found.map((f) => [f.evidence.wrong, f.evidence.suggestion]).sort()).toEqual([
      ['数局', '数据'],
      ['知史', '知识'],
    ]);
    for (const f of found) {
      expect(f.evidence.corpus).toBeUndefined();
      expect(f.message).not.toContain('其他网站');
    }
  });
});

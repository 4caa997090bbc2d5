// The reads whose order reaches a rule, a report or a message give SQLite's order on PostgreSQL too
// (#26: a run on PostgreSQL reports what the SQLite run reports). Text comes back byte by byte whatever
// the database's locale, NULL first, and ties in the order the rows were stored, also after a row was
// rewritten: an UPDATE moves a row to the end of PostgreSQL's heap, where SQLite leaves it in place.
// On the pg backend each case also runs on a database sorting by the en-US locale, as a server set up
// with its distribution's defaults does ("B" after "a", "_" before both; in bytes "B" < "_" < "a").
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteArtifacts } from '../../src/store/artifacts.js';
import { allChecks, type Check, ensureCheck, sampleOf } from '../../src/store/checks.js';
import { closeDb, type Db, openDb } from '../../src/store/db.js';
import { isPostgres } from '../../src/store/dialect.js';
import { hiddenLinkPagesToShoot, pagesToShoot, saveShot, shotsOf } from '../../src/store/evidence.js';
import { verdictHistory } from '../../src/store/history.js';
import { homepageHistory, recordHomepageItems } from '../../src/store/homepage-history.js';
import { linkStatusCounts, okTargets, saveLinkCheck, suspectTargets } from '../../src/store/links.js';
import { savePage } from '../../src/store/pages.js';
import { PgConnection } from '../../src/store/pg-client.js';
import { probesBetween, saveProbe } from '../../src/store/probes.js';
import { getSites, listSites, upsertSites } from '../../src/store/sites.js';
import { homepageBody } from '../../src/store/stored-bodies.js';
import { lowerVerdictsOf, saveLowerVerdicts } from '../../src/store/tiers.js';
import { judgementsOf, saveFindingsOnly, saveJudgement } from '../../src/store/verdicts.js';
import type { ReportFinding } from '../../src/model/report.js';
import type { Site } from '../../src/model/site.js';
import { PG_SERVER, TEST_BACKEND } from '../helpers/pg.js';
import { harness } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
const NOW = '2026-12-01T02:00:00.000Z';
// Site ids in the order they are stored; in bytes they sort B2 < _4 < a1 < b3, in en-US _4 < a1 < B2 < b3.
const IDS = ['b3', 'a1', '_4', 'B2'];
const BYTE_ORDER = ['B2', '_4', 'a1', 'b3'];

const site = (id: string, region: string | null = null): Site => ({
  id,
  name: `站点${id}`,
  url: `http://${id.replace('_', 'u').toLowerCase()}.gov.cn/`,
  sponsor: null,
  level: null,
  region,
  parentId: null,
  status: 'running',
});

/** A check over the sites `ids` (every running site: the sample as the store draws it by default). */
function checkOver(db: Db, ids: string[], tier = 'province', quarter = '2026Q4'): Check {
  upsertSites(
    db,
    ids.map((id) => site(id)),
    'test.csv',
    NOW,
  );
  return ensureCheck(db, { quarter, tier, at: new Date(AT).toISOString(), now: NOW });
}

/**
 * Rewrites rows without changing them, as an UPDATE does: PostgreSQL stores the new version at the end of
 * the table, with new index entries (done here as a delete and an insert of the same values, since a
 * small table's UPDATE may keep the version on its page); SQLite keeps a row where its rowid puts it.
 */
function rewrite(db: Db, table: string, where: string, ...params: unknown[]): void {
  const sql = isPostgres(db)
    ? `WITH gone AS (DELETE FROM ${table} WHERE ${where} RETURNING *) INSERT INTO ${table} SELECT * FROM gone`
    : `UPDATE ${table} SET rowid = rowid WHERE ${where}`;
  db.$client.prepare(sql).run(...params);
}

const finding = (rule: string, kind: ReportFinding['kind'], url: string, evidence: Record<string, unknown>): ReportFinding => ({
  rule,
  code: 'x',
  title: rule,
  kind,
  points: 0,
  url,
  message: 'm',
  evidence,
});

const cases: Record<string, (db: Db) => void> = {
  'sites by region (none first) then id, the order getSites hands the stages and the report': (db) => {
    upsertSites(db, [site('s2', 'a'), site('s1', 'B'), site('s4', null), site('s3', '_'), site('s0', 'a')], 'test.csv', NOW);
    rewrite(db, 'sites', 'id = ?', 's4');
    expect(listSites(db).map((s) => [s.region, s.id])).toEqual([
      [null, 's4'],
      ['B', 's1'],
      ['_', 's3'],
      ['a', 's0'],
      ['a', 's2'],
    ]);
    expect(getSites(db, ['s2', 's4', 's1']).map((s) => s.id)).toEqual(['s4', 's1', 's2']);
  },

  'a check sample, judgements, lower verdicts and checks by their text keys': (db) => {
    const check = checkOver(db, IDS);
    checkOver(db, [], 'County');
    checkOver(db, [], 'county', '2026Q3');
    for (const id of IDS) {
      const j = { verdict: 'qualified' as const, score: 90, vetoes: [], findings: [], notChecked: [], notCheckedReason: null };
      saveJudgement(db, check.id, id, j, NOW);
    }
    saveLowerVerdicts(
      db,
      check.id,
      {
        file: 'lower.json',
        quarter: '2026Q4',
        tier: 'prefecture',
        sites: IDS.map((siteId) => ({ siteId, verdict: 'qualified', findings: [] })),
      },
      new Set(IDS),
    );
    expect(sampleOf(db, check.id).map((s) => s.siteId)).toEqual(BYTE_ORDER);
    expect(judgementsOf(db, check.id, (r) => r).map((j) => j.siteId)).toEqual(BYTE_ORDER);
    expect(verdictHistory(db, 'province').map((v) => v.siteId)).toEqual(BYTE_ORDER);
    expect(lowerVerdictsOf(db, check.id)?.sites.map((s) => s.siteId)).toEqual(BYTE_ORDER);
    expect(allChecks(db).map((c) => `${c.quarter} ${c.tier}`)).toEqual(['2026Q3 county', '2026Q4 County', '2026Q4 province']);
  },

  'probes taken at the same instant in the order they were stored': (db) => {
    checkOver(db, ['s1']);
    const probe = (startedAt: string, vantage: string) =>
      saveProbe(db, {
        siteId: 's1',
        url: 'http://s1.gov.cn/',
        startedAt,
        ok: true,
        status: 200,
        ms: 10,
        bytes: 1,
        failure: null,
        error: null,
        vantage,
      });
    const first = probe('2026-11-30T01:00:00.000Z', 'v1');
    probe('2026-11-30T01:00:00.000Z', 'v2');
    probe('2026-11-30T00:00:00.000Z', 'v0');
    probe('2026-11-30T01:00:00.000Z', 'v3');
    rewrite(db, 'probes', 'id = ?', first);
    const read = probesBetween(db, 's1', '2026-11-29T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    expect(read.map((p) => p.vantage)).toEqual(['v0', 'v1', 'v2', 'v3']);
  },

  'homepage items first seen at the same probe by their key': (db) => {
    checkOver(db, ['s1']);
    const item = (key: string) => ({ key, title: `条目${key}`, url: null, dateText: null, date: null });
    recordHomepageItems(db, 's1', '2026-11-30T01:00:00.000Z', [item('f0'), item('0a'), item('c1')]);
    recordHomepageItems(db, 's1', '2026-11-29T01:00:00.000Z', [item('e9')]);
    rewrite(db, 'homepage_items', 'item_key = ?', '0a');
    expect(homepageHistory(db, 's1').map((i) => i.title)).toEqual(['条目e9', '条目0a', '条目c1', '条目f0']);
  },

  'a site with two stored homepages reads the one stored first': (db) => {
    const check = checkOver(db, ['s1']);
    const home = (url: string) => ({
      url,
      finalUrl: url,
      kind: 'homepage' as const,
      status: 200,
      contentType: 'text/html',
      encoding: 'utf-8',
      fetchedAt: NOW,
      body: Buffer.from(`<title>${url}</title>`),
      error: null,
    });
    savePage(db, check.id, 's1', home('http://s1.gov.cn/old/'));
    savePage(db, check.id, 's1', home('http://s1.gov.cn/'));
    rewrite(db, 'pages', 'url = ?', 'http://s1.gov.cn/old/');
    expect(loadSiteArtifacts(db, check, site('s1')).homepage?.url).toBe('http://s1.gov.cn/old/');
    expect(homepageBody(db, check.id, 's1')?.url).toBe('http://s1.gov.cn/old/');
  },

  'screenshots by address and kind, pages to shoot by address and site': (db) => {
    const check = checkOver(db, IDS);
    const shot = (siteId: string, url: string, kind: 'page' | 'hidden-links') =>
      saveShot(db, check.id, { siteId, url, path: `/e/${siteId}.png`, capturedAt: NOW, width: 1, height: 1, error: null, kind });
    shot('a1', 'http://h.gov.cn/a', 'page');
    shot('B2', 'http://h.gov.cn/B', 'hidden-links');
    shot('b3', 'http://h.gov.cn/_', 'page');
    shot('B2', 'http://h.gov.cn/B', 'page');
    rewrite(db, 'evidence', 'url = ?', 'http://h.gov.cn/a');
    expect(shotsOf(db, check.id).map((s) => `${s.url} ${s.kind}`)).toEqual([
      'http://h.gov.cn/B hidden-links',
      'http://h.gov.cn/B page',
      'http://h.gov.cn/_ page',
      'http://h.gov.cn/a page',
    ]);

    const home = (siteId: string, url: string) =>
      savePage(db, check.id, siteId, {
        url,
        finalUrl: url,
        kind: 'homepage',
        status: 200,
        contentType: 'text/html',
        encoding: 'utf-8',
        fetchedAt: NOW,
        body: Buffer.from('<p>'),
        error: null,
      });
    home('a1', 'http://a.gov.cn/');
    home('B2', 'http://B.gov.cn/');
    rewrite(db, 'pages', 'site_id = ?', 'a1');
    for (const id of ['b3', 'a1', 'B2']) {
      saveFindingsOnly(db, check.id, id, [
        finding('column-stale', 'veto', `http://${id}.gov.cn/veto`, {}),
        finding('hidden-links', 'deduction', `http://${id}.gov.cn/h1`, { links: [{ target: 'http://x.cn/1' }] }),
        finding('hidden-links', 'deduction', `http://${id}.gov.cn/h2`, { links: [{ target: 'http://x.cn/2' }] }),
      ]);
    }
    rewrite(db, 'findings', 'site_id = ?', 'B2');
    expect(pagesToShoot(db, check.id).map((p) => p.url)).toEqual([
      'http://B.gov.cn/',
      'http://a.gov.cn/',
      'http://B2.gov.cn/veto',
      'http://a1.gov.cn/veto',
      'http://b3.gov.cn/veto',
    ]);
    expect(hiddenLinkPagesToShoot(db, check.id, 1).map((p) => p.url)).toEqual([
      'http://B2.gov.cn/h1',
      'http://a1.gov.cn/h1',
      'http://b3.gov.cn/h1',
    ]);
  },

  'link targets by target, the first ones as controls, and the counts by status': (db) => {
    const check = checkOver(db, ['s1']);
    const save = (target: string, status: 'ok' | 'suspect' | 'broken' | 'blocked') =>
      saveLinkCheck(db, check.id, { target, status, http: null, error: null, attempts: 1, checkedAt: NOW });
    save('http://a.cn/', 'ok');
    save('http://B.cn/', 'suspect');
    save('http://_.cn/', 'ok');
    save('http://a.cn/2', 'suspect');
    save('http://B.cn/2', 'ok');
    save('http://c.cn/', 'broken');
    save('http://d.cn/', 'blocked');
    rewrite(db, 'link_checks', 'target = ?', 'http://a.cn/');
    expect(okTargets(db, check.id, 2)).toEqual(['http://B.cn/2', 'http://_.cn/']);
    expect(suspectTargets(db, check.id)).toEqual(['http://B.cn/', 'http://a.cn/2']);
    expect(Object.keys(linkStatusCounts(db, check.id))).toEqual(['blocked', 'broken', 'ok', 'suspect']);
  },
};

function runCases(open: () => { db: Db; close: () => void }): void {
  for (const [name, run] of Object.entries(cases)) {
    it(name, () => {
      const s = open();
      try {
        run(s.db);
      } finally {
        s.close();
      }
    });
  }
}

describe('the order of what the store reads back', () => {
  runCases(() => {
    const h = harness(AT);
    return { db: h.db, close: () => h.close() };
  });
});

// A server's default databases sort text by its locale; test/helpers/pg.ts makes byte-ordered ones.
describe.skipIf(TEST_BACKEND !== 'pg')('the same on a database that sorts by the en-US locale', () => {
  const made: string[] = [];
  let template: string | null = null;
  const admin = (sql: string) => {
    const c = new PgConnection(PG_SERVER!);
    try {
      c.exec(sql);
    } finally {
      c.close();
    }
  };
  const urlOf = (name: string) => Object.assign(new URL(PG_SERVER!), { pathname: `/${name}` }).toString();
  afterAll(() => {
    for (const name of made.reverse()) admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  runCases(() => {
    if (!template) {
      template = `choucha_t_icu_${randomBytes(5).toString('hex')}`;
      admin(
        `CREATE DATABASE ${template} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
      );
      made.push(template);
      closeDb(openDb(urlOf(template), { create: true }));
    }
    const name = `choucha_t_icu_${randomBytes(5).toString('hex')}`;
    admin(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    made.push(name);
    const db = openDb(urlOf(name));
    return { db, close: () => closeDb(db) };
  });
});

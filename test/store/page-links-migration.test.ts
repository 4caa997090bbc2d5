// A database from before page_links (one row per link) keeps its links: migration 0008 folds them into
// one row per page, and judging reads the same links, statuses and order as before.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { linksOfSite, uncheckedTargetsAfter } from '../../src/store/links.js';

const MIGRATIONS = new URL('../../src/store/migrations/', import.meta.url);

/** A database migrated only as far as `lastTag`, the way an older choucha left it. */
function databaseAt(lastTag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'choucha-migr-'));
  const folder = join(dir, 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', MIGRATIONS), 'utf8')) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(upTo).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, upTo + 1);
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) copyFileSync(new URL(`${e.tag}.sql`, MIGRATIONS), join(folder, `${e.tag}.sql`));
  const file = join(dir, 'old.db');
  const client = new Database(file);
  migrate(drizzle(client), { migrationsFolder: folder });
  client.close();
  return file;
}

describe('migration to one row of links per page', () => {
  it('keeps every link, its page, tag, text and homepage flag, and the statuses found for it', () => {
    const file = databaseAt('0007_links_no_target_index');
    const old = new Database(file);
    old.exec(`INSERT INTO sites (id, name, url, status, updated_at) VALUES ('s1', '某市政府', 'http://a.gov.cn/', 'running', '2026-10-01'), ('s2', '某县政府', 'http://b.gov.cn/', 'running', '2026-10-01');
      INSERT INTO checks (id, quarter, tier, edition, at, created_at) VALUES (1, '2026Q4', 'province', '2026', '2026-12-01', '2026-12-01');`);
    const add = old.prepare('INSERT INTO links (check_id, site_id, page_url, on_homepage, target, tag, text) VALUES (1, ?, ?, ?, ?, ?, ?)');
    add.run('s1', 'http://a.gov.cn/', 1, 'http://a.gov.cn/zwgk/', 'a', '政务公开');
    add.run('s1', 'http://a.gov.cn/', 1, 'http://a.gov.cn/logo.png', 'img', null);
    add.run('s2', 'http://b.gov.cn/', 1, 'http://b.gov.cn/gone.html', 'a', '失效');
    add.run('s1', 'http://a.gov.cn/zwgk/', 0, 'http://a.gov.cn/gone.pdf', 'attachment', '附件');
    add.run('s1', 'http://a.gov.cn/zwgk/', 0, 'http://a.gov.cn/', 'a', '首页');
    old.exec(
      `INSERT INTO link_checks (check_id, target, status, http, error, attempts, checked_at) VALUES (1, 'http://a.gov.cn/gone.pdf', 'broken', 404, NULL, 1, '2026-12-02')`,
    );
    const before = old.prepare('SELECT site_id, page_url, on_homepage, target, tag, text FROM links ORDER BY id').all();
    old.close();

    const db = openDb(file);
    const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('links', 'page_links')").all();
    expect(tables).toEqual([{ name: 'page_links' }]);
    expect(db.$client.prepare('SELECT count(*) AS n FROM page_links').get()).toEqual({ n: 3 });
    const after = db.$client
      .prepare(
        `SELECT p.site_id, p.page_url, p.on_homepage, j.value ->> 0 AS target, j.value ->> 1 AS tag, j.value ->> 2 AS text FROM page_links p, json_each(p.links) j ORDER BY p.id, j.key`,
      )
      .all();
    expect(after).toEqual(before);
    expect(linksOfSite(db, 1, 's1')).toEqual([
      {
        pageUrl: 'http://a.gov.cn/',
        onHomepage: true,
        target: 'http://a.gov.cn/logo.png',
        tag: 'img',
        text: null,
        status: null,
        http: null,
        error: null,
        attempts: 0,
      },
      {
        pageUrl: 'http://a.gov.cn/',
        onHomepage: true,
        target: 'http://a.gov.cn/zwgk/',
        tag: 'a',
        text: '政务公开',
        status: null,
        http: null,
        error: null,
        attempts: 0,
      },
      {
        pageUrl: 'http://a.gov.cn/zwgk/',
        onHomepage: false,
        target: 'http://a.gov.cn/',
        tag: 'a',
        text: '首页',
        status: null,
        http: null,
        error: null,
        attempts: 0,
      },
      {
        pageUrl: 'http://a.gov.cn/zwgk/',
        onHomepage: false,
        target: 'http://a.gov.cn/gone.pdf',
        tag: 'attachment',
        text: '附件',
        status: 'broken',
        http: 404,
        error: null,
        attempts: 1,
      },
    ]);
    // The checked target is not asked for again; the rest are, each once, in crawl order.
    expect(uncheckedTargetsAfter(db, 1, 0, 100)).toEqual({
      targets: ['http://a.gov.cn/zwgk/', 'http://a.gov.cn/logo.png', 'http://b.gov.cn/gone.html', 'http://a.gov.cn/'],
      lastId: 3,
    });
    db.$client.close();
  });
});

// A real SQLite file in a temp folder (or a fresh PostgreSQL database, when the store tests run on that
// backend: test/helpers/pg.ts), with the check and artifact helpers tests need.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Check, ensureCheck } from '../../src/store/checks.js';
import { closeDb, type Db, openDb } from '../../src/store/db.js';
import { siteArtifacts } from '../../src/verdict/reread/site-artifacts.js';
import { getSites, upsertSites } from '../../src/store/sites.js';
import type { Site } from '../../src/model/site.js';
import type { SiteArtifacts } from '../../src/model/artifacts.js';
import { freshPgDatabase, TEST_BACKEND } from './pg.js';

export interface Harness {
  dir: string;
  /** What `--db` takes for this store: the SQLite file, or the PostgreSQL database's URL. */
  where: string;
  db: Db;
  check: Check;
  ensure(): Check;
  /** Registers these sites and opens the check (`check`) on them. */
  register(sites: Site[]): Check;
  close(): void;
}

/** A registry row for a test site: what a test cares about is its id and its address. */
export function siteRow(id: string, url: string, name = id): Site {
  return { id, name, url, sponsor: null, level: null, region: id.slice(0, 6), parentId: null, status: 'running' };
}

export function harness(at: string): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'choucha-store-'));
  const pg = TEST_BACKEND === 'pg' ? freshPgDatabase() : null;
  const where = pg ? pg.url : join(dir, 'choucha.db');
  const db = openDb(where, { create: true });
  const h: Harness = {
    dir,
    where,
    db,
    check: undefined as unknown as Check,
    ensure: () => ensureCheck(db, { quarter: '2026Q4', tier: 'province', at: new Date(at).toISOString(), now: new Date().toISOString() }),
    register: (sites) => {
      upsertSites(db, sites, 'test', at);
      h.check = h.ensure();
      return h.check;
    },
    // A PostgreSQL database stays until the test process exits (test/helpers/pg.ts): a test may close
    // its connection and go on with the CLI on the same store.
    close: () => closeDb(db),
  };
  return h;
}

export function artifactsFor(h: Harness, siteId: string): SiteArtifacts {
  return siteArtifacts(h.db, h.check, getSites(h.db, [siteId])[0]!);
}

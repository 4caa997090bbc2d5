// A real SQLite file in a temp folder, with the check and artifact helpers tests need.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Check, ensureCheck } from '../../src/store/checks.js';
import { closeDb, type Db, openDb } from '../../src/store/db.js';
import { siteArtifacts } from '../../src/verdict/reread/site-artifacts.js';
import { getSites } from '../../src/store/sites.js';
import type { SiteArtifacts } from '../../src/model/artifacts.js';

export interface Harness {
  dir: string;
  db: Db;
  check: Check;
  ensure(): Check;
  close(): void;
}

export function harness(at: string): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'choucha-store-'));
  const db = openDb(join(dir, 'choucha.db'), { create: true });
  const h: Harness = {
    dir,
    db,
    check: undefined as unknown as Check,
    ensure: () => ensureCheck(db, { quarter: '2026Q4', tier: 'province', at: new Date(at).toISOString(), now: new Date().toISOString() }),
    close: () => closeDb(db),
  };
  return h;
}

export function artifactsFor(h: Harness, siteId: string): SiteArtifacts {
  return siteArtifacts(h.db, h.check, getSites(h.db, [siteId])[0]!);
}

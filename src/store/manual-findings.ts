// Expert and third-party findings in the store: keyed by what they say, so a re-import updates, never duplicates.
import { createHash } from 'node:crypto';
import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { Db } from './db.js';
import { manualFindings } from './schema.js';

export interface ManualFinding {
  quarter: string;
  siteId: string;
  rule: string;
  code: string;
  typeGiven: string;
  url: string | null;
  description: string;
  inspector: string;
  /** YYYY-MM-DD */
  foundOn: string;
  screenshotGiven: string | null;
  /** The copy kept beside the database, absolute. */
  screenshotPath: string | null;
  /** The file it was imported from (absolute) and its row there. */
  sourceFile: string;
  sourceRow: number;
}

export interface ManualImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Findings the file gave before and no longer gives. */
  removed: number;
}

/**
 * A finding is the same finding when it says the same thing about the same site in the same quarter:
 * rule and code, URL and description. Where it sits in a file (its row) is left out, so sorting the
 * sheet or inserting a row changes nothing, and two inspectors reporting one defect count it once.
 */
function manualFindingKey(f: Pick<ManualFinding, 'quarter' | 'siteId' | 'rule' | 'code' | 'url' | 'description'>): string {
  return createHash('sha256')
    .update(JSON.stringify([f.quarter, f.siteId, f.rule, f.code, f.url ?? '', f.description]))
    .digest('hex');
}

const COMPARED = ['typeGiven', 'inspector', 'foundOn', 'screenshotGiven', 'screenshotPath', 'sourceFile', 'sourceRow'] as const;

/**
 * Stores a file's good rows. With `replace` (the file had no bad row), findings that were last imported
 * from this file and that it no longer gives are removed: the file is the record of its findings. A file
 * with a bad row removes nothing, since the bad row may be one of them.
 */
export function saveManualFindings(db: Db, file: string, list: ManualFinding[], now: string, replace: boolean): ManualImportCounts {
  const counts: ManualImportCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  db.transaction((tx) => {
    const keys: string[] = [];
    for (const f of list) {
      const key = manualFindingKey(f);
      keys.push(key);
      const before = tx.select().from(manualFindings).where(eq(manualFindings.key, key)).get();
      if (!before) {
        tx.insert(manualFindings)
          .values({ key, ...f, importedAt: now })
          .run();
        counts.added++;
      } else if (COMPARED.every((k) => before[k] === f[k])) {
        counts.unchanged++;
      } else {
        tx.update(manualFindings)
          .set({ ...f, importedAt: now })
          .where(eq(manualFindings.key, key))
          .run();
        counts.updated++;
      }
    }
    if (replace) {
      counts.removed = tx
        .delete(manualFindings)
        .where(and(eq(manualFindings.sourceFile, file), notInArray(manualFindings.key, keys)))
        .run().changes;
    }
  });
  return counts;
}

/** Stored manual findings, of one quarter or all, in the order they were first imported. */
export function listManualFindings(db: Db, quarter?: string): (ManualFinding & { importedAt: string })[] {
  return db
    .select()
    .from(manualFindings)
    .where(quarter === undefined ? undefined : eq(manualFindings.quarter, quarter))
    .orderBy(asc(manualFindings.id))
    .all()
    .map(({ id: _id, key: _key, ...f }) => f);
}

/** A quarter's manual findings by site. */
export function manualFindingsOf(db: Db, quarter: string): Map<string, ManualFinding[]> {
  return Map.groupBy(listManualFindings(db, quarter), (f) => f.siteId);
}

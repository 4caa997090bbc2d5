// `sites import`: read a registry file and upsert its good rows; bad rows are reported, not fatal.
import { basename } from 'node:path';
import type { Db } from '../store/db.js';
import { type UpsertCounts, upsertSites } from '../store/sites.js';
import { readRegistryFile } from './read.js';
import type { RowError } from './row-error.js';

export interface ImportResult extends UpsertCounts {
  file: string;
  rows: number;
  errors: RowError[];
}

export async function importRegistry(db: Db, file: string, now: string): Promise<ImportResult> {
  const read = await readRegistryFile(file);
  const counts = upsertSites(db, read.sites, basename(file), now);
  return { file, rows: read.rowCount, errors: read.errors, ...counts };
}

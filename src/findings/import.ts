// `findings import`: read a findings sheet, keep the screenshots, store the good rows; bad rows are reported, not fatal.
import { resolve } from 'node:path';
import { cstDay } from '../model/day.js';
import type { RowError } from '../registry/row-error.js';
import type { Db } from '../store/db.js';
import { type ManualFinding, type ManualImportCounts, saveManualFindings } from '../store/manual-findings.js';
import { getSites } from '../store/sites.js';
import { findingsFromTable, readFindingsTable, siteIdsIn } from './read.js';
import { checkScreenshot, keepScreenshot } from './screenshot.js';

export interface FindingsImportResult extends ManualImportCounts {
  file: string;
  rows: number;
  errors: RowError[];
  /** The quarters the stored findings belong to. */
  quarters: string[];
}

export interface FindingsImportOptions {
  /** --quarter, already parsed; null: each row's quarter is its date's. */
  quarter: string | null;
  /** Where screenshots are copied: a folder beside the database. */
  screenshotDir: string;
  now: string;
}

export async function importFindings(db: Db, file: string, opts: FindingsImportOptions): Promise<FindingsImportResult> {
  const path = resolve(file);
  const table = await readFindingsTable(file);
  // One look-up for the whole sheet: a finding must name a registered site.
  const registered = new Set(getSites(db, siteIdsIn(table)).map((s) => s.id));
  const read = findingsFromTable(
    {
      file,
      quarter: opts.quarter,
      today: cstDay(opts.now),
      isRegistered: (id) => registered.has(id),
      checkScreenshot: (given) => checkScreenshot(given, path),
    },
    table,
  );
  const kept: ManualFinding[] = read.findings.map((f) => ({
    quarter: f.quarter,
    siteId: f.siteId,
    rule: f.rule,
    code: f.code,
    typeGiven: f.typeGiven,
    url: f.url,
    description: f.description,
    inspector: f.inspector,
    foundOn: f.date,
    screenshotGiven: f.screenshot?.given ?? null,
    screenshotPath: f.screenshot ? keepScreenshot(f.screenshot, opts.screenshotDir) : null,
    sourceFile: path,
    sourceRow: f.row,
  }));
  const counts = saveManualFindings(db, path, kept, opts.now, read.errors.length === 0);
  return { file, rows: read.rowCount, errors: read.errors, quarters: [...new Set(kept.map((f) => f.quarter))].sort(), ...counts };
}

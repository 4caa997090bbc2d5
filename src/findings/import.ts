// `findings import`: read a findings sheet, keep the screenshots, store the good rows; bad rows are reported, not fatal.
import { resolve } from 'node:path';
import { cstDay } from '../model/day.js';
import { shortenValue, type RowError } from '../registry/row-error.js';
import type { Db } from '../store/db.js';
import { type ManualFinding, type ManualImportCounts, saveManualFindings } from '../store/manual-findings.js';
import { getSites } from '../store/sites.js';
import { findingsFromTable, readFindingsTable, siteIdsIn } from './read.js';
import { keepScreenshot } from './screenshot.js';

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
  const read = findingsFromTable({ file, quarter: opts.quarter, today: cstDay(opts.now), isRegistered: (id) => registered.has(id) }, table);
  const errors = [...read.errors];
  const kept: ManualFinding[] = [];
  for (const f of read.findings) {
    let shot: { given: string; path: string } | null = null;
    if (f.screenshot) {
      const r = keepScreenshot(f.screenshot.value, path, opts.screenshotDir);
      if (!r.ok) {
        errors.push({ file, row: f.row, field: f.screenshot.header, value: shortenValue(f.screenshot.value), expected: r.expected });
        continue;
      }
      shot = r.value;
    }
    kept.push({
      quarter: f.quarter,
      siteId: f.siteId,
      rule: f.rule,
      code: f.code,
      typeGiven: f.typeGiven,
      url: f.url,
      description: f.description,
      inspector: f.inspector,
      foundOn: f.date,
      screenshotGiven: shot?.given ?? null,
      screenshotPath: shot?.path ?? null,
      sourceFile: path,
      sourceRow: f.row,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  const counts = saveManualFindings(db, path, kept, opts.now, errors.length === 0);
  return { file, rows: read.rowCount, errors, quarters: [...new Set(kept.map((f) => f.quarter))].sort(), ...counts };
}

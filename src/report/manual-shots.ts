// Screenshots sent with manual findings: kept beside the database (src/findings/screenshot.ts), copied
// into the report's folder with the reports, so the folder stays whole when it is moved or sent on.
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Report } from '../model/report.js';

const FOLDER = 'evidence/manual';

/** The copy's path in the report's folder, with / separators: the stored name is the image's content hash. */
export function manualShotPath(stored: string): string {
  return `${FOLDER}/${basename(stored)}`;
}

/**
 * Copies the report's manual screenshots from `storeDir` into `outDir`. A copy that is gone from the store
 * (the folder beside the database was not moved with it) is named in `missing`; the reports are still written.
 */
export async function copyManualShots(report: Report, storeDir: string, outDir: string): Promise<{ copied: number; missing: string[] }> {
  const paths = new Set(
    report.sites
      .flatMap((s) => [...s.findings, ...s.warnings])
      .map((f) => f.provenance?.screenshot?.path)
      .filter((p): p is string => p !== undefined),
  );
  const missing: string[] = [];
  for (const path of paths) {
    const from = join(storeDir, basename(path));
    const to = join(outDir, path);
    await mkdir(dirname(to), { recursive: true });
    try {
      await copyFile(from, to);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(from);
    }
  }
  return { copied: paths.size - missing.length, missing };
}

// The reporters by name, as `--format json,csv,xlsx` picks them, and the one place that writes files.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { renderCsv } from './csv.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './md.js';
import { renderJson } from './json.js';
import type { Report } from '../model/report.js';
import { renderXlsx } from './xlsx.js';

export interface Reporter {
  extension: string;
  render: (report: Report) => string | Buffer | Promise<string | Buffer>;
}

export const REPORTERS = {
  json: { extension: 'json', render: renderJson },
  csv: { extension: 'csv', render: renderCsv },
  xlsx: { extension: 'xlsx', render: renderXlsx },
  html: { extension: 'html', render: renderHtml },
  md: { extension: 'md', render: renderMarkdown },
  junit: { extension: 'junit.xml', render: renderJunit },
  docx: { extension: 'docx', render: renderDocx },
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORTERS, name);
}

/** Renders each format to `outDir/report.<ext>` and returns the paths written, in the order asked. */
export async function writeReports(report: Report, formats: string[], outDir: string): Promise<string[]> {
  // Check every name before writing anything, so a typo never leaves half a set of reports behind.
  const unknown = formats.filter((f) => !isReportFormat(f));
  if (unknown.length > 0) {
    throw new InputError(
      `Unknown report format: ${unknown.join(', ')}`,
      `Accepted formats: ${Object.keys(REPORTERS).join(', ')}`,
      'Pass --format with a comma-separated list of accepted formats.',
    );
  }
  await mkdir(outDir, { recursive: true });
  const paths: string[] = [];
  for (const format of new Set(formats as ReportFormat[])) {
    const reporter: Reporter = REPORTERS[format];
    const path = join(outDir, `report.${reporter.extension}`);
    await writeFile(path, await reporter.render(report));
    paths.push(path);
  }
  return paths;
}

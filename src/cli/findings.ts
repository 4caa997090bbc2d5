// `findings`: expert and third-party findings (人工), imported from a sheet and judged with the rules' own.
import { isPostgresUrl } from '../store/db.js';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { importFindings } from '../findings/import.js';
import { issueTypeNames } from '../findings/issue-types.js';
import { parseQuarter } from '../plan/quarter.js';
import { formatRowError } from '../registry/row-error.js';
import { closeDb } from '../store/db.js';
import { listManualFindings } from '../store/manual-findings.js';
import { type GlobalOptions, nowIso, open, say } from './common.js';

/** Screenshots named by findings sheets are copied here, beside the database. */
// Beside the SQLite file; with PostgreSQL there is no file, so in the folder the command runs in.
export const screenshotDirFor = (db: string): string =>
  isPostgresUrl(db) ? resolve('manual-evidence') : join(dirname(resolve(db)), 'manual-evidence');

export function registerFindings(program: Command): void {
  const findings = program.command('findings').description('expert and third-party findings (人工), judged with the rest');
  findings
    .command('import')
    .argument('<file>', 'CSV (UTF-8 or GBK) or XLSX: 网站标识码, 问题类型, 描述, 网址, 截图, 检查人, 检查日期')
    .option('--quarter <Q>', "the quarter the findings belong to, e.g. 2026Q4 (default: each row's date's)")
    .description('add or update findings; prints counts and every bad row. `check` judges them with the rules')
    .action(async (file: string, o: { quarter?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const quarter = o.quarter === undefined ? null : parseQuarter(o.quarter);
      const db = open(g);
      try {
        const r = await importFindings(db, file, { quarter, screenshotDir: screenshotDirFor(g.db), now: nowIso() });
        for (const e of r.errors) process.stderr.write(`${formatRowError(e)}\n`);
        const removed = r.removed > 0 ? `, ${r.removed} removed (no longer in the file)` : '';
        say(
          g,
          `${file}: ${r.rows} rows, ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged${removed}, ${new Set(r.errors.map((e) => e.row)).size} bad` +
            (r.quarters.length > 0 ? `; quarter ${r.quarters.join(', ')}: run \`choucha check\` to judge them` : ''),
        );
        if (r.errors.length > 0) process.exitCode = 2;
      } finally {
        closeDb(db);
      }
    });
  findings
    .command('list')
    .option('--quarter <Q>', 'only this quarter')
    .option('--json', 'one JSON array on stdout')
    .description('the stored findings, with the file and row each came from')
    .action((o: { quarter?: string; json?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const quarter = o.quarter === undefined ? undefined : parseQuarter(o.quarter);
      const db = open(g);
      try {
        const rows = listManualFindings(db, quarter);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        for (const f of rows) {
          process.stdout.write(
            `${f.quarter}\t${f.siteId}\t${f.rule}/${f.code}\t${f.url ?? ''}\t${f.description}\t${f.inspector}\t${f.foundOn}\t${f.sourceFile}:${f.sourceRow}\n`,
          );
        }
        say(g, `${rows.length} findings`);
      } finally {
        closeDb(db);
      }
    });
  findings
    .command('types')
    .description('the 问题类型 a findings sheet may use: rule/code, and the names that mean it')
    .action(() => {
      for (const t of issueTypeNames()) process.stdout.write(`${t.rule}/${t.code}\t${t.label}\t${t.names.join('、')}\n`);
    });
}

import type { Command } from 'commander';
import { importRegistry } from '../registry/import.js';
import { formatRowError } from '../registry/row-error.js';
import { SITE_LEVEL_LABELS, SITE_STATUS_LABELS } from '../model/site.js';
import { closeDb } from '../store/db.js';
import { listSites } from '../store/sites.js';
import { type GlobalOptions, nowIso, open, say } from './common.js';

export function registerSites(program: Command): void {
  const sites = program.command('sites').description('the site registry');
  sites
    .command('import')
    .argument('<file>', 'CSV (UTF-8 or GBK), XLSX or JSON, Chinese or English headers')
    .description('add or update registry rows; prints counts and every bad row')
    .action(async (file: string, _o, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const db = open(g, true);
      try {
        const r = await importRegistry(db, file, nowIso());
        for (const e of r.errors) process.stderr.write(`${formatRowError(e)}\n`);
        say(
          g,
          `${file}: ${r.rows} rows, ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${new Set(r.errors.map((e) => e.row)).size} bad`,
        );
        if (r.errors.length > 0) process.exitCode = 2;
      } finally {
        closeDb(db);
      }
    });
  sites
    .command('list')
    .option('--json', 'one JSON array on stdout')
    .description('the registered sites')
    .action((o: { json?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const db = open(g);
      try {
        const rows = listSites(db);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        for (const s of rows) {
          const level = s.level ? SITE_LEVEL_LABELS[s.level] : '';
          process.stdout.write(`${s.id}\t${s.name}\t${s.url}\t${level}\t${s.region ?? ''}\t${SITE_STATUS_LABELS[s.status]}\n`);
        }
        say(g, `${rows.length} sites`);
      } finally {
        closeDb(db);
      }
    });
}

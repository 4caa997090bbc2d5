// `history`: repeat offenders and 合格率 by region and level, compared with the quarter before.
// `disagreements`: where a check and the lower tier it re-checked disagree.
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { parseQuarter, parseTier } from '../plan/quarter.js';
import { disagreements } from '../plan/tiers.js';
import { buildReport } from '../report/build.js';
import { computeHistory } from '../report/history.js';
import { type RateRow } from '../model/report.js';
import { closeDb } from '../store/db.js';
import { verdictHistory } from '../store/history.js';
import { lowerVerdictsOf } from '../store/tiers.js';
import { type GlobalOptions, nowIso, open } from './common.js';
import { existingCheck } from './stages.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const change = (x: number | null) => (x === null ? '' : ` (${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pts)`);
const rateLines = (rows: RateRow[]) =>
  rows
    .map(
      (r) =>
        `  ${r.key}\t${r.qualified}/${r.checked}\t${pct(r.rate)}${change(r.change)}${r.repeatOffenders ? `\t${r.repeatOffenders} repeat` : ''}\n`,
    )
    .join('');

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description(
      'repeat offenders (unqualified in consecutive quarters) and 合格率 by region and level, with the change from the last quarter',
    )
    .option('--quarter <Q>', 'the quarter (default: the latest judged at this tier)')
    .option('--tier <tier>', 'prefecture | province | national', 'province')
    .option('--json', 'print as JSON')
    .action((o: { quarter?: string; tier: string; json?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const tier = parseTier(o.tier);
      const db = open(g);
      try {
        const rows = verdictHistory(db, tier);
        const quarter = o.quarter ? parseQuarter(o.quarter) : rows.at(-1)?.quarter;
        if (!quarter || !rows.some((r) => r.quarter === quarter)) {
          throw new InputError(`No judged ${tier} check${o.quarter ? ` for ${o.quarter}` : ''}`, undefined, 'Run `choucha check` first.');
        }
        const h = computeHistory(rows, quarter);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(h, null, 2)}\n`);
          return;
        }
        const repeat = h.sites.filter((s) => s.consecutiveUnqualified >= 2);
        process.stdout.write(`${quarter} ${tier}, compared with ${h.previousQuarter}\n`);
        process.stdout.write(`连续不合格 (unqualified in consecutive quarters): ${repeat.length}\n`);
        for (const s of repeat) process.stdout.write(`  ${s.id}\t${s.name}\t${s.region ?? ''}\t${s.consecutiveUnqualified} quarters\n`);
        process.stdout.write(`合格率 by region:\n${rateLines(h.regions)}合格率 by level:\n${rateLines(h.levels)}`);
      } finally {
        closeDb(db);
      }
    });

  program
    .command('disagreements')
    .description('sites where this check and the lower tier it re-checked (sample --recheck-qualified) disagree')
    .requiredOption('--quarter <Q>', 'the quarter, e.g. 2026Q4')
    .option('--tier <tier>', 'the re-checking tier', 'province')
    .option('--json', 'print as JSON')
    .action((o: { quarter: string; tier: string; json?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const db = open(g);
      try {
        const check = existingCheck(db, o, 'disagreements');
        const lower = lowerVerdictsOf(db, check.id);
        if (!lower)
          throw new InputError(
            `No lower-tier results imported into the ${o.tier} check of ${o.quarter}`,
            undefined,
            'Run `choucha sample --recheck-qualified FILE` first.',
          );
        const list = disagreements(lower, buildReport(db, check, nowIso()).sites);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${list.length} disagreement(s) with the ${lower.tier} tier\n`);
        for (const d of list) {
          process.stdout.write(`${d.siteId}\t${d.name ?? ''}\t${d.lowerTier}: ${d.lowerVerdict}\t${o.tier}: ${d.upperVerdict}\n`);
          for (const f of d.onlyUpper) process.stdout.write(`  + ${f.rule}/${f.code}\t${f.fingerprint}\t${f.message}\n`);
          for (const f of d.onlyLower) process.stdout.write(`  - ${f.rule}/${f.code}\t${f.fingerprint}\t${f.message}\n`);
        }
      } finally {
        closeDb(db);
      }
    });
}

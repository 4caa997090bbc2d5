// `recheck` (复核): re-fetch only the evidence URLs of the last check's findings and say which are fixed.
import type { Command } from 'commander';
import { fetchEvidence } from '../gather/recheck.js';
import { cstDay } from '../model/day.js';
import { buildReport } from '../report/build.js';
import { closeDb } from '../store/db.js';
import { decide, evidenceUrls, type RecheckOutcome } from '../verdict/recheck.js';
import { fingerprint } from '../model/fingerprint.js';
import { type GlobalOptions, guard, nowIso, open, parseDuration, say } from './common.js';
import { existingCheck } from './stages.js';

const LABEL = { fixed: '已整改', 'not-fixed': '未整改', 'not-rechecked': '未复核' } as const;

export function registerRecheck(program: Command): void {
  program
    .command('recheck')
    .description("复核: re-fetch the evidence URLs of the last check's findings and say which are fixed")
    .requiredOption('--quarter <Q>', 'the quarter, e.g. 2026Q4')
    .option('--tier <tier>', 'prefecture | province | national', 'province')
    .option('--timeout <duration>', 'per URL', '15s')
    .option('--json', 'print the outcomes as JSON')
    .action(async (o: { quarter: string; tier: string; timeout: string; json?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const db = open(g);
      try {
        const check = existingCheck(db, o, 'recheck');
        const report = buildReport(db, check, nowIso());
        // Problems that counted: notices and ignored findings are not something to fix.
        const todo = report.sites.flatMap((s) =>
          s.findings.filter((f) => !f.ignored && f.kind !== 'notice').map((f) => ({ site: s.id, f })),
        );
        const fetched = await fetchEvidence(
          todo.flatMap((t) => evidenceUrls(t.f)),
          { guard: guard(g), timeoutMs: parseDuration(o.timeout, '--timeout'), concurrency: 4, now: nowIso() },
        );
        const days = { atDay: cstDay(check.at), today: cstDay(nowIso()) };
        const outcomes: RecheckOutcome[] = todo.map((t) =>
          decide(
            t.site,
            t.f,
            t.f.fingerprint ?? fingerprint(t.site, t.f),
            evidenceUrls(t.f).map((u) => fetched.get(u)!),
            days,
          ),
        );
        if (o.json)
          process.stdout.write(
            `${JSON.stringify({ quarter: check.quarter, tier: check.tier, recheckedAt: nowIso(), outcomes }, null, 2)}\n`,
          );
        else
          for (const r of outcomes)
            process.stdout.write(`${LABEL[r.status]}\t${r.siteId}\t${r.rule}/${r.code}\t${r.fingerprint}\t${r.reason}\n`);
        const n = (s: string) => outcomes.filter((r) => r.status === s).length;
        say(g, `recheck: ${n('fixed')} fixed, ${n('not-fixed')} not fixed, ${n('not-rechecked')} not rechecked`);
      } finally {
        closeDb(db);
      }
    });
}

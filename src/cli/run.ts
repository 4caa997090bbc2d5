// `run`: import → probe → crawl → check → report in one go, resuming whatever an earlier run finished.
import type { Command } from 'commander';
import { loadEdition } from '../verdict/config/edition.js';
import { readStateCouncilList } from '../verdict/config/state-council-list.js';
import { readIgnoreList } from '../verdict/config/ignore-list.js';
import { importRegistry } from '../registry/import.js';
import { formatRowError } from '../registry/row-error.js';
import { BrowserMissingError } from '../gather/browser/browser.js';
import { closeDb } from '../store/db.js';
import { collectGarbage } from '../heap.js';
import { doFunctions } from './functions.js';
import type { RenderMode } from '../model/site.js';
import { type GlobalOptions, nowIso, open, say } from './common.js';
import { workerCount } from './workers.js';
import { DEFAULT_FORMATS, failOnOption, FORMAT_HELP, onlyOption } from './pipeline.js';
import { doNotify, type NotifyFlags, notifyConfigOf, withNotifyFlags } from './notify.js';
import {
  type CheckFlags,
  type CrawlFlags,
  doCheck,
  doCrawl,
  doEvidence,
  doHttps,
  doIpv6,
  doAttachments,
  doLinks,
  type LinkFlags,
  doProbe,
  doReport,
  type FailOn,
  failTripped,
  type ProbeFlags,
  theCheck,
  withCheckFlags,
  withCrawlFlags,
  withLinkFlags,
  withJsonLogs,
  withProbeFlags,
  withWorkersFlag,
  type WorkersFlag,
} from './stages.js';

type RunFlags = CheckFlags &
  ProbeFlags &
  CrawlFlags &
  LinkFlags &
  NotifyFlags &
  WorkersFlag & {
    registry: string;
    out: string;
    format: string;
    edition: string;
    failOn?: FailOn;
    screenshots: boolean;
    stateCouncil?: string;
    only?: 'unqualified';
    ignore?: string;
  };

export function registerRun(program: Command): void {
  const cmd = program.command('run').description('import the registry, probe, crawl, judge and report in one go');
  withNotifyFlags(
    withJsonLogs(
      withWorkersFlag(
        withLinkFlags(
          withCrawlFlags(
            withProbeFlags(withCheckFlags(cmd.requiredOption('--registry <file>', 'the site registry (CSV, XLSX or JSON)')), '3'),
          ),
        ),
      ),
    ),
  )
    .option('--edition <name|file>', 'rule edition: 2019, 2015 or a YAML file', '2019')
    .option('--state-council <file>', 'State Council documents to find republished (CSV or JSON; see rules/state-council/example.csv)')
    .option('--ignore <file>', 'ignore list (YAML or CSV, see rules/ignore.example.yaml): reviewed findings that do not count')
    .option('--out <dir>', 'output folder', 'out')
    .option('--format <list>', FORMAT_HELP, DEFAULT_FORMATS)
    .addOption(onlyOption())
    .option('--no-screenshots', 'do not capture homepages and veto pages as evidence')
    .addOption(failOnOption())
    .action(async (o: RunFlags, c: Command) => {
      const g = c.optsWithGlobals<GlobalOptions>();
      // A one-shot run probes a few times in quick succession; a week of monitoring is `probe` on a schedule.
      if (c.getOptionValueSource('interval') === 'default') o.interval = '10s';
      // Bad reference input stops the run before anything is fetched or written.
      const docs = o.stateCouncil ? readStateCouncilList(o.stateCouncil) : null;
      const ignore = o.ignore ? readIgnoreList(o.ignore) : null;
      const notify = notifyConfigOf(o);
      loadEdition(o.edition);
      // --workers on a SQLite file stops the run before anything is fetched.
      workerCount(g, o.workers);
      const db = open(g, true);
      try {
        const imported = await importRegistry(db, o.registry, nowIso());
        for (const e of imported.errors) process.stderr.write(`${formatRowError(e)}\n`);
        say(g, `registry: ${imported.rows} rows, ${imported.added} added, ${imported.updated} updated, ${imported.errors.length} errors`);
        const check = theCheck(db, o);
        await doProbe(db, check, g, o);
        await doCrawl(db, check, g, o);
        await doLinks(db, check, g, o);
        await doHttps(db, check, g);
        await doIpv6(db, check, g);
        await doFunctions(db, check, g, o.render as RenderMode);
        await doAttachments(db, check, g);
        // One process runs every stage: what one stage left for a later collection would otherwise sit
        // under the next stage's peak (the report's came on top of judging's, past 500 MB at 1,000 sites).
        collectGarbage();
        const judged = doCheck(db, check, g, o.edition, docs, ignore);
        collectGarbage();
        if (o.screenshots) {
          // Evidence is wanted, but a machine without Chromium still gets its verdicts.
          await doEvidence(db, judged, g, o.out).catch((e: unknown) => {
            if (!(e instanceof BrowserMissingError)) throw e;
            say(g, `screenshots skipped: ${e.message}. ${e.hint ?? ''}`);
          });
        }
        const report = await doReport(db, judged, g, o.format, o.out, o.only);
        if (imported.errors.length > 0) process.exitCode = 2;
        else if (failTripped(report, o.failOn)) process.exitCode = 1;
        if (notify) await doNotify(report, notify, g);
      } finally {
        closeDb(db);
      }
    });
}

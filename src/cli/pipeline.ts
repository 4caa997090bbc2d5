// probe, crawl, check and report as commands of their own.
import { type Command, Option } from 'commander';
import { loadEdition } from '../verdict/config/edition.js';
import { readStateCouncilList } from '../verdict/config/state-council-list.js';
import { readIgnoreList } from '../verdict/config/ignore-list.js';
import { closeDb } from '../store/db.js';
import { InputError } from '../errors.js';
import { type GlobalOptions, open } from './common.js';
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
  doWatch,
  type WatchFlags,
  withWatchFlags,
  doReport,
  existingCheck,
  type FailOn,
  failTripped,
  type ProbeFlags,
  theCheck,
  withCheckFlags,
  withCrawlFlags,
  withLinkFlags,
  withProbeFlags,
  withJsonLogs,
  withWorkersFlag,
  type WorkersFlag,
} from './stages.js';

export const FORMAT_HELP = 'comma list of json, csv, xlsx, html, md, junit, docx';
export const DEFAULT_FORMATS = 'json,csv,xlsx,html';
export const onlyOption = () =>
  new Option('--only <which>', 'list only these sites in the reports (the summary still counts every site)').choices(['unqualified']);
export const failOnOption = () =>
  new Option('--fail-on <what>', 'exit 1 when a site is unqualified | has a veto | is anything but qualified').choices([
    'unqualified',
    'veto',
    'any',
  ]);

export function registerPipeline(program: Command): void {
  withWorkersFlag(
    withWatchFlags(
      withProbeFlags(
        withJsonLogs(withCheckFlags(program.command('probe').description('availability probes of every site in the check'))),
        '1',
      ),
    ),
  ).action(async (o: CheckFlags & ProbeFlags & WatchFlags & WorkersFlag, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const db = open(g);
    try {
      if (o.watch && o.once)
        throw new InputError('--watch and --once together', 'One monitors for days, the other probes once.', 'Pick one.');
      if (o.watch && o.workers !== undefined)
        throw new InputError(
          '--watch and --workers together',
          'A week of monitoring keeps its own plan on this machine; workers take rounds of `probe --rounds N --interval D`.',
          'Drop one.',
        );
      if (o.watch) await doWatch(db, theCheck(db, o), g, o);
      else await doProbe(db, theCheck(db, o), g, o.once ? { ...o, rounds: '1' } : o, o);
    } finally {
      closeDb(db);
    }
  });

  withWorkersFlag(
    withCrawlFlags(
      withJsonLogs(
        withCheckFlags(program.command('crawl').description('crawl homepages, columns and list pages; resumes where it stopped')),
      ),
    ),
  ).action(async (o: CheckFlags & CrawlFlags & WorkersFlag, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const db = open(g);
    try {
      await doCrawl(db, theCheck(db, o), g, o);
    } finally {
      closeDb(db);
    }
  });

  withWorkersFlag(
    withLinkFlags(
      withJsonLogs(
        withCheckFlags(
          program.command('links').description('check every link found by the crawl, once per target; suspects are tried again'),
        ),
      ),
    ),
  ).action(async (o: CheckFlags & LinkFlags & WorkersFlag, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const db = open(g);
    try {
      await doLinks(db, theCheck(db, o), g, o);
    } finally {
      closeDb(db);
    }
  });

  withJsonLogs(
    withCheckFlags(program.command('https').description("each homepage host's HTTPS, HTTP redirect and certificate, once per check")),
  ).action(async (o: CheckFlags, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const db = open(g);
    try {
      await doHttps(db, theCheck(db, o), g);
    } finally {
      closeDb(db);
    }
  });

  withJsonLogs(
    withCheckFlags(
      program.command('ipv6').description("each homepage host's AAAA, the homepage over IPv6 and its own link hosts' IPv6, once per check"),
    ),
  ).action(async (o: CheckFlags, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const db = open(g);
    try {
      await doIpv6(db, theCheck(db, o), g);
    } finally {
      closeDb(db);
    }
  });

  withJsonLogs(
    withCheckFlags(
      program
        .command('attachments')
        .description("the attachments each site's crawled pages link to, read for personal data, once per check"),
    ),
  ).action(async (o: CheckFlags, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const db = open(g);
    try {
      await doAttachments(db, theCheck(db, o), g);
    } finally {
      closeDb(db);
    }
  });

  withJsonLogs(withCheckFlags(program.command('check').description('judge the stored crawl (no network): rules, then verdicts')))
    .option('--edition <name|file>', 'rule edition: 2019, 2015 or a YAML file')
    .option('--state-council <file>', 'State Council documents to find republished (CSV or JSON; see rules/state-council/example.csv)')
    .option('--ignore <file>', 'ignore list (YAML or CSV, see rules/ignore.example.yaml): reviewed findings that do not count')
    .action((o: CheckFlags & { stateCouncil?: string; ignore?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const docs = o.stateCouncil ? readStateCouncilList(o.stateCouncil) : null;
      const ignore = o.ignore ? readIgnoreList(o.ignore) : null;
      // A bad edition file stops the command before the check is created or anything judged.
      if (o.edition) loadEdition(o.edition);
      const db = open(g);
      try {
        const check = theCheck(db, o);
        doCheck(db, check, g, o.edition ?? check.edition, docs, ignore);
      } finally {
        closeDb(db);
      }
    });

  withJsonLogs(
    withCheckFlags(
      program.command('evidence').description('screenshots of every checked homepage and every page behind a veto (after check)'),
    ),
  )
    .option('--out <dir>', 'output folder; screenshots go to <dir>/evidence', 'out')
    .action(async (o: CheckFlags & { out: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const db = open(g);
      try {
        await doEvidence(db, theCheck(db, o), g, o.out);
      } finally {
        closeDb(db);
      }
    });

  withNotifyFlags(withJsonLogs(withCheckFlags(program.command('report').description('write the reports of a judged check'))))
    .option('--format <list>', FORMAT_HELP, DEFAULT_FORMATS)
    .option('--out <dir>', 'output folder', 'out')
    .addOption(onlyOption())
    .addOption(failOnOption())
    .action(async (o: CheckFlags & NotifyFlags & { format: string; out: string; failOn?: FailOn; only?: 'unqualified' }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      // A bad notify config or a missing secret stops the command before anything is written.
      const notify = notifyConfigOf(o);
      const db = open(g);
      try {
        existingCheck(db, o, 'report');
        // Found: theCheck keeps its behaviour on an existing check (a new --at, newly registered sites).
        const report = await doReport(db, theCheck(db, o), g, o.format, o.out, o.only);
        if (failTripped(report, o.failOn)) process.exitCode = 1;
        if (notify) await doNotify(report, notify, g);
      } finally {
        closeDb(db);
      }
    });
}

// Each pipeline stage as the CLI runs it, shared by its own command and by `run`.
import { type Command, Option } from 'commander';
import { RENDER_MODES, type RenderMode } from '../model/site.js';
import { resolve } from 'node:path';
import { crawlCheck } from '../gather/crawl/crawl-check.js';
import { captureEvidence } from '../gather/browser/screenshots.js';
import { CRAWL_DEFAULTS, type CrawlOptions } from '../gather/crawl/crawler.js';
import { probeCheck } from '../gather/probe/probe-check.js';
import { probeWatch } from '../gather/probe/probe-watch.js';
import { randomBytes } from 'node:crypto';
import { InputError } from '../errors.js';
import { parseAt, parseQuarter, parseTier } from '../plan/quarter.js';
import { buildReport } from '../report/build.js';
import { writeReports } from '../report/index.js';
import { copyManualShots } from '../report/manual-shots.js';
import { screenshotDirFor } from './findings.js';
import type { Report } from '../model/report.js';
import { allChecks, type Check, ensureCheck, findCheck, sampleOf, setCheckEdition } from '../store/checks.js';
import { linkStatusCounts } from '../store/links.js';
import { getSites } from '../store/sites.js';
import { checkLinks, type LinkCheckOptions, type LinkScope } from '../gather/links/link-checker.js';
import { checkHttps } from '../gather/https/https-check.js';
import { checkIpv6 } from '../gather/ipv6/ipv6-check.js';
import { ATTACHMENT_DEFAULTS, checkAttachments } from '../gather/attachments/attachment-check.js';
import type { Db } from '../store/db.js';
import { loadEdition } from '../verdict/config/edition.js';
import { judgeCheck } from '../verdict/judge-check.js';
import type { IgnoreList } from '../verdict/config/ignore-list.js';
import type { StateCouncilDoc } from '../rules/utils/state-council-docs.js';
import { type GlobalOptions, guard, nowIso, parseCount, parseDuration, say, vantageOf } from './common.js';
import { onStopSignal } from './stop-signal.js';
import { Progress } from './progress.js';
import { crawlOnWorkers, linksOnWorkers, probeOnWorkers, workerCount } from './workers.js';

export interface CheckFlags {
  quarter: string;
  tier: string;
  at?: string;
  edition?: string;
}

export function withCheckFlags(cmd: Command): Command {
  return cmd
    .requiredOption('--quarter <Q>', 'the quarter, e.g. 2026Q4')
    .option('--tier <tier>', 'prefecture | province | national', 'province')
    .option('--at <ISO>', 'reference time (监测时间点); default: kept from the check, or now for a new one');
}

/** Stage commands, whose stdout carries no data: --json switches their progress and notes to JSON lines. */
export function withJsonLogs(cmd: Command): Command {
  return cmd.option('--json', 'progress and notes as JSON lines on stderr (for CI logs)');
}

export function theCheck(db: Db, f: CheckFlags): Check {
  return ensureCheck(db, {
    quarter: parseQuarter(f.quarter),
    tier: parseTier(f.tier),
    at: f.at ? parseAt(f.at) : undefined,
    now: nowIso(),
  });
}

/**
 * The check of a quarter and tier that must exist already: `report`, `recheck` and `disagreements` read a
 * check and never create one, so a mistyped quarter fails (exit 2) instead of reporting every site "not checked".
 */
export function existingCheck(db: Db, f: { quarter: string; tier: string }, command: string): Check {
  const quarter = parseQuarter(f.quarter);
  const tier = parseTier(f.tier);
  const check = findCheck(db, quarter, tier);
  if (check) return check;
  const known = allChecks(db).map((c) => `${c.quarter} ${c.tier}`);
  throw new InputError(
    `No ${tier} check for ${quarter}: \`choucha ${command}\` reads an existing check and does not create one`,
    known.length > 0 ? `This database has checks for: ${known.join(', ')}.` : 'This database has no checks yet.',
    `Create it with \`choucha run --registry FILE --quarter ${quarter} --tier ${tier}\`, or stage by stage: ` +
      `\`choucha sample --quarter ${quarter} --tier ${tier}\` (or \`choucha crawl\`), then \`choucha check --quarter ${quarter} --tier ${tier}\`.`,
  );
}

export interface ProbeFlags {
  rounds: string;
  interval: string;
  timeout: string;
}

export function withProbeFlags(cmd: Command, rounds: string): Command {
  return cmd
    .option('--rounds <N>', 'probe rounds', rounds)
    .option('--interval <duration>', 'time between round starts', '72m')
    .option('--timeout <duration>', 'a probe fails when the homepage has not loaded by then', '15s');
}

/** `limits`: the probe command's own --concurrency and --per-host (`run`'s flags of those names are the crawl's). */
export async function doProbe(
  db: Db,
  check: Check,
  g: GlobalOptions,
  f: ProbeFlags & WorkersFlag,
  limits?: Pick<WatchFlags, 'concurrency' | 'perHost'>,
): Promise<void> {
  const rounds = parseCount(f.rounds, '--rounds');
  const workers = workerCount(g, f.workers);
  if (workers !== null)
    return probeOnWorkers(
      db,
      check,
      g,
      { rounds, intervalMs: parseDuration(f.interval, '--interval'), timeoutMs: parseDuration(f.timeout, '--timeout') },
      workers,
    );
  const bar = new Progress(g, 'probe', rounds, 'rounds');
  const r = await probeCheck(db, check, {
    rounds,
    intervalMs: parseDuration(f.interval, '--interval'),
    timeoutMs: parseDuration(f.timeout, '--timeout'),
    // `run` has no probe concurrency flag of its own: its crawl is the long stage, 16 probes at once do.
    concurrency: limits ? parseCount(limits.concurrency, '--concurrency') : 16,
    perHost: limits ? parseCount(limits.perHost, '--per-host') : 1,
    guard: guard(g),
    ...vantageOf(g),
    onRound: (n, ok, bad) => bar.tick(`round ${n}: ${ok} up, ${bad} down`),
  });
  bar.finish(`probes: ${r.probes} recorded, ${r.failed} failed`, { probes: r.probes, failed: r.failed });
}

/** `probe` alone: a week of monitoring on a plan (--watch), or one round for cron and systemd timers (--once). */
export interface WatchFlags {
  watch?: boolean;
  once?: boolean;
  days: string;
  perDay: string;
  seed?: string;
  maxLate: string;
  perHost: string;
  concurrency: string;
}

export function withWatchFlags(cmd: Command): Command {
  return cmd
    .option('--watch', 'monitor on a stored plan of jittered probe times until the plan is done; a restart carries on with it')
    .option('--once', 'one round of probes now, then exit (for cron or a systemd timer)')
    .option('--days <n>', 'length of the --watch plan in days', '7')
    .option('--per-day <n>', 'probes a day per site in the --watch plan (the standard asks for at least 20)', '24')
    .option('--seed <text>', "seed of the --watch plan's jitter; random when absent")
    .option('--max-late <duration>', 'a planned probe later than this when the watcher gets to it is recorded as missed', '30m')
    .option('--per-host <n>', 'probes in flight at most on one host', '1')
    .option('--concurrency <n>', 'probes in flight at most over all hosts', '64');
}

export async function doWatch(db: Db, check: Check, g: GlobalOptions, f: ProbeFlags & WatchFlags): Promise<void> {
  const days = Number(f.days);
  if (!(days > 0)) throw new InputError(`Bad --days "${f.days}"`, 'Expected a positive number of days, e.g. 7.');
  const stop = new AbortController();
  const unlisten = onStopSignal(() => stop.abort());
  try {
    const r = await probeWatch(db, check, {
      days,
      perDay: parseCount(f.perDay, '--per-day'),
      seed: f.seed ?? randomBytes(8).toString('hex'),
      timeoutMs: parseDuration(f.timeout, '--timeout'),
      maxLateMs: parseDuration(f.maxLate, '--max-late'),
      concurrency: parseCount(f.concurrency, '--concurrency'),
      perHost: parseCount(f.perHost, '--per-host'),
      guard: guard(g),
      ...vantageOf(g),
      signal: stop.signal,
    });
    say(
      g,
      `watch: ${r.planned} probes planned now, ${r.taken} taken, ${r.missed} missed${stop.signal.aborted ? ' (stopped; run again to carry on)' : ''}`,
    );
  } finally {
    unlisten();
  }
}

export interface CrawlFlags {
  maxPages: string;
  concurrency: string;
  perHost: string;
  delay: string;
  render: string;
  siteBudget: string;
  maxBodyMb: string;
  maxDepth: string;
  maxBoardPages: string;
  maxLetters: string;
}

/** With a PostgreSQL store: the stage's work goes to workers, N of them started here (0: workers elsewhere). */
export interface WorkersFlag {
  workers?: string;
}

export function withWorkersFlag(cmd: Command): Command {
  return cmd.option(
    '--workers <N>',
    'PostgreSQL store: queue the work (crawl, link batches, probe rounds from every vantage) for workers, N of them started here (0: workers elsewhere take it)',
  );
}

export function withCrawlFlags(cmd: Command): Command {
  return cmd
    .option('--max-pages <N>', 'pages per site at most', String(CRAWL_DEFAULTS.maxPages))
    .option('--concurrency <N>', 'requests in flight overall', String(CRAWL_DEFAULTS.concurrency))
    .option('--per-host <N>', 'requests in flight per host', String(CRAWL_DEFAULTS.perHost))
    .option('--delay <duration>', 'time between request starts on one host', `${CRAWL_DEFAULTS.delayMs}ms`)
    .option('--max-depth <N>', 'levels of columns below the homepage followed at most', String(CRAWL_DEFAULTS.maxDepth))
    .option(
      '--max-board-pages <N>',
      'list pages of one message board at most (a board is read back over the 12 months before --at)',
      String(CRAWL_DEFAULTS.maxBoardPages),
    )
    .option(
      '--max-letters <N>',
      "letters' own pages read per board at most, for reply days the list does not show",
      String(CRAWL_DEFAULTS.maxLetterPages),
    )
    .option(
      '--site-budget <duration>',
      'time one site may take; past it the site is partially checked',
      `${CRAWL_DEFAULTS.siteBudgetMs / 60_000}m`,
    )
    .option('--max-body-mb <N>', 'megabytes of one page at most, after decompression', String(CRAWL_DEFAULTS.maxBodyBytes / 1_000_000))
    .addOption(
      new Option('--render <mode>', 'auto: render pages whose lists are built by script; never; always')
        .choices(RENDER_MODES)
        .default('auto'),
    );
}

/** The crawl's options from its flags: the same on one machine and in every worker (a job carries the flags). */
export function crawlOptionsOf(f: CrawlFlags, g: GlobalOptions): CrawlOptions {
  return {
    ...CRAWL_DEFAULTS,
    maxPages: parseCount(f.maxPages, '--max-pages'),
    concurrency: parseCount(f.concurrency, '--concurrency'),
    perHost: parseCount(f.perHost, '--per-host'),
    delayMs: parseDuration(f.delay, '--delay'),
    render: f.render as RenderMode,
    siteBudgetMs: parseDuration(f.siteBudget, '--site-budget'),
    maxDepth: parseCount(f.maxDepth, '--max-depth'),
    maxBoardPages: parseCount(f.maxBoardPages, '--max-board-pages'),
    maxLetterPages: parseCount(f.maxLetters, '--max-letters'),
    maxBodyBytes: parseCount(f.maxBodyMb, '--max-body-mb') * 1_000_000,
    guard: guard(g),
  };
}

export async function doCrawl(db: Db, check: Check, g: GlobalOptions, f: CrawlFlags & WorkersFlag): Promise<void> {
  const workers = workerCount(g, f.workers);
  if (workers !== null) return crawlOnWorkers(db, check, g, f, workers);
  const bar = new Progress(g, 'crawl', sampleOf(db, check.id).length, 'sites');
  const r = await crawlCheck(db, check, {
    ...crawlOptionsOf(f, g),
    onSiteDone: (id, state, pages) => bar.tick(`${id} ${state}, ${pages} pages`),
  });
  bar.finish(`crawl: ${r.crawled} sites crawled, ${r.skipped} already done`, { crawled: r.crawled, skipped: r.skipped });
}

export function doCheck(
  db: Db,
  check: Check,
  g: GlobalOptions,
  editionName: string,
  stateCouncil: StateCouncilDoc[] | null = null,
  ignore: IgnoreList | null = null,
): Check {
  const edition = loadEdition(editionName);
  setCheckEdition(db, check.id, edition.name);
  const judged = { ...check, edition: edition.name };
  const bar = new Progress(g, 'check', sampleOf(db, check.id).length, 'sites');
  const r = judgeCheck(db, judged, edition, nowIso(), { stateCouncil, ignore, onSite: (id) => bar.tick(id) });
  const closed = r.closed > 0 ? `; ${r.closed} closed sites in scope checked on their probes` : '';
  bar.finish(`check: ${r.judged} sites judged against edition ${edition.name}${closed}`, { judged: r.judged, closed: r.closed });
  return judged;
}

export interface LinkFlags {
  links: string;
  linkRetry: string;
}

export function withLinkFlags(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--links <scope>', "which link targets to check: all, internal (the check's own sites), none")
        .choices(['all', 'internal', 'none'])
        .default('all'),
    )
    .option('--link-retry <duration>', 'pause before suspected failures are tried again', '30s');
}

/** The link checker's options from its flags: the same on one machine and in every worker (a job carries the flags). */
export function linkOptionsOf(db: Db, check: Check, g: GlobalOptions, f: LinkFlags): LinkCheckOptions {
  const hosts = new Set(
    getSites(
      db,
      sampleOf(db, check.id).map((s) => s.siteId),
    ).map((s) => new URL(s.url).host),
  );
  return {
    scope: f.links as LinkScope,
    internalHosts: hosts,
    guard: guard(g),
    concurrency: 16,
    perHost: 2,
    timeoutMs: 15_000,
    retryAfterMs: parseDuration(f.linkRetry, '--link-retry'),
    canaries: vantageOf(g).canaries,
  };
}

export async function doLinks(db: Db, check: Check, g: GlobalOptions, f: LinkFlags & WorkersFlag): Promise<void> {
  const workers = workerCount(g, f.workers);
  // Workers give every target its first try; the suspects' second try below needs all of their answers.
  if (workers !== null && f.links !== 'none') await linksOnWorkers(db, check, g, f, workers);
  await checkLinks(db, check, linkOptionsOf(db, check, g, f));
  const c = linkStatusCounts(db, check.id);
  say(
    g,
    `links: ${
      Object.entries(c)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ') || 'none found'
    }`,
  );
}

/** The homepage host's HTTPS, redirect and certificate, once per site of the check; sites measured already are skipped. */
export async function doHttps(db: Db, check: Check, g: GlobalOptions): Promise<void> {
  const bar = new Progress(g, 'https', null, 'sites');
  const r = await checkHttps(db, check, { guard: guard(g), timeoutMs: 15_000, concurrency: 8, onSite: (id) => bar.tick(id) });
  const ported = r.portNamed > 0 ? `, ${r.portNamed} not measured (their registered URL names a port)` : '';
  bar.finish(`https: ${r.measured} sites measured, ${r.skipped} already done${ported}`, { ...r });
}

/**
 * The homepage host's AAAA, the homepage over IPv6 and the IPv6 of the site's own link hosts, once per
 * site of the check; nothing is measured from a machine without an IPv6 route (the rule then says so).
 */
export async function doIpv6(db: Db, check: Check, g: GlobalOptions): Promise<void> {
  const bar = new Progress(g, 'ipv6', null, 'sites');
  const r = await checkIpv6(db, check, {
    guard: guard(g),
    timeoutMs: 15_000,
    concurrency: 8,
    maxLinkHosts: 30,
    retryAfterMs: 5_000,
    onSite: (id) => bar.tick(id),
  });
  const parts = [`${r.measured} sites measured`, `${r.skipped} already done`];
  if (r.addressHosts > 0) parts.push(`${r.addressHosts} not measured (their registered URL is an IP address)`);
  if (r.noRoute) parts.push(`nothing measured: ${r.noRoute}`);
  bar.finish(`ipv6: ${parts.join(', ')}`, { ...r });
}

/**
 * The attachments of each site's own linked from its crawled pages (xlsx, csv, docx, pdf read; xls, doc,
 * wps, et named), fetched and read to rows once per check for the personal-data check.
 */
export async function doAttachments(db: Db, check: Check, g: GlobalOptions): Promise<void> {
  const bar = new Progress(g, 'attachments', null, 'sites');
  const r = await checkAttachments(db, check, {
    ...ATTACHMENT_DEFAULTS,
    guard: guard(g),
    onSite: (id, read, notRead) => bar.tick(`${id}: ${read} read, ${notRead} not read`),
  });
  const omitted = r.omitted > 0 ? `, ${r.omitted} past the per-site cap` : '';
  bar.finish(`attachments: ${r.read} read, ${r.notRead} not read${omitted}; ${r.sites} sites, ${r.skipped} already done`, { ...r });
}

export async function doEvidence(db: Db, check: Check, g: GlobalOptions, out: string): Promise<void> {
  const bar = new Progress(g, 'evidence', null, 'screenshots');
  const r = await captureEvidence(db, check, {
    outDir: resolve(out),
    guard: guard(g),
    concurrency: 2,
    timeoutMs: 30_000,
    onShot: (url, ok) => bar.tick(`${ok ? 'taken' : 'failed'}: ${url}`),
  });
  bar.finish(`screenshots: ${r.taken} taken, ${r.failed} failed`, { taken: r.taken, failed: r.failed });
}

/** Writes the reports; returns the whole report (for --fail-on) whatever `only` leaves in the files. */
export async function doReport(
  db: Db,
  check: Check,
  g: GlobalOptions,
  formats: string,
  out: string,
  only?: 'unqualified',
): Promise<Report> {
  const report = buildReport(db, check, nowIso(), resolve(out));
  const listed = only ? { ...report, sites: report.sites.filter((s) => s.verdict === only) } : report;
  const paths = await writeReports(
    listed,
    formats
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    out,
  );
  const shots = await copyManualShots(listed, screenshotDirFor(g.db), out);
  for (const m of shots.missing) say(g, `screenshot of a manual finding missing from the store: ${m}`);
  const s = report.summary;
  say(g, `${check.quarter}: ${s.checked} checked, ${s.qualified} qualified, ${s.unqualified} unqualified, ${s.notChecked} not checked`);
  for (const p of paths) say(g, `wrote ${p}`);
  return report;
}

export type FailOn = 'unqualified' | 'veto' | 'any';

/** Whether `--fail-on` trips: the CI contract (exit 1). */
export function failTripped(report: Report, failOn: FailOn | undefined): boolean {
  if (!failOn) return false;
  if (failOn === 'veto') return report.sites.some((s) => s.vetoes.length > 0);
  if (failOn === 'any') return report.sites.some((s) => s.verdict !== 'qualified');
  return report.sites.some((s) => s.verdict === 'unqualified');
}

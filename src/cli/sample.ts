// `sample`: draw the check's sample (stratified, seeded), optionally from what a lower tier called qualified.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { drawSample, regionStratum } from '../plan/sample.js';
import { assertBelow, readLowerReport } from '../plan/tiers.js';
import { parseTier } from '../plan/quarter.js';
import { SITE_LEVEL_LABELS, SITE_LEVELS, type Site, type SiteLevel } from '../model/site.js';
import { setSample } from '../store/checks.js';
import { closeDb } from '../store/db.js';
import { listSites } from '../store/sites.js';
import { saveLowerVerdicts } from '../store/tiers.js';
import { type GlobalOptions, nowIso, open, parseCount, say } from './common.js';
import { type CheckFlags, theCheck, withCheckFlags } from './stages.js';

interface SampleFlags extends CheckFlags {
  region?: string;
  level?: string;
  ratio?: string;
  count?: string;
  minPerStratum: string;
  seed?: string;
  recheckQualified?: string;
  out?: string;
  json?: boolean;
}

function parseLevels(s: string | undefined): SiteLevel[] | undefined {
  if (!s) return undefined;
  const byLabel = new Map(Object.entries(SITE_LEVEL_LABELS).map(([k, v]) => [v, k as SiteLevel]));
  return s.split(',').map((x) => {
    const t = x.trim();
    const level = (SITE_LEVELS as readonly string[]).includes(t) ? (t as SiteLevel) : byLabel.get(t);
    if (!level) throw new InputError(`Bad --level "${t}"`, `Expected any of: ${SITE_LEVELS.join(', ')} (or 省级门户, 市级部门 …).`);
    return level;
  });
}

function parseRatio(s: string): number {
  const n = Number(s);
  if (!(n > 0 && n <= 1)) throw new InputError(`Bad --ratio "${s}"`, 'Expected a share above 0 and at most 1, e.g. 0.3.');
  return n;
}

const q = (v: string | null | undefined) => {
  const s = v ?? '';
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The sample as a registry-shaped CSV (UTF-8 with BOM), so it opens in Excel and imports back as it is. */
export function sampleCsv(sites: Site[], region?: string): string {
  const head = ['网站标识码', '网站名称', '首页网址', '主办单位', '网站层级', '地区代码', '运行状态', '分层'];
  const rows = sites.map((s) => [
    s.id,
    s.name,
    s.url,
    s.sponsor,
    s.level ? SITE_LEVEL_LABELS[s.level] : '',
    s.region,
    '正常',
    `${s.level ?? 'unknown'}|${regionStratum(s.region, region)}`,
  ]);
  return `\ufeff${[head, ...rows].map((r) => r.map(q).join(',')).join('\r\n')}\r\n`;
}

export function registerSample(program: Command): void {
  withCheckFlags(program.command('sample').description("draw the check's sample: stratified by level and region, reproducible from --seed"))
    .option('--region <prefix>', 'region code prefix of the scope, e.g. 43 (a province) or 4301 (a city)')
    .option('--level <list>', 'site levels to draw from, comma-separated (province-portal, 市级部门 …)')
    .option('--ratio <R>', 'share of each stratum, rounded up (default 0.3; 1 with --recheck-qualified)')
    .option('--count <N>', 'total sites, shared among strata by size (instead of --ratio)')
    .option('--min-per-stratum <K>', 'each stratum gets at least K sites, or all it has', '1')
    .option('--seed <S>', 'the seed; the same seed and registry give the same sample (default: quarter-tier)')
    .option(
      '--recheck-qualified <report.json>',
      "draw from the sites a lower tier's report called qualified, and import its verdicts to compare",
    )
    .option('--out <file.csv>', 'also write the sample as a registry-shaped CSV')
    .option('--json', 'print the sample as JSON')
    .action((o: SampleFlags, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (o.ratio !== undefined && o.count !== undefined) throw new InputError('Give --ratio or --count, not both');
      const tier = parseTier(o.tier);
      const lower = o.recheckQualified ? readLowerReport(o.recheckQualified) : null;
      const db = open(g);
      try {
        const check = theCheck(db, o);
        if (lower) assertBelow(lower, check.quarter, tier);
        const registry = listSites(db);
        const qualified = lower ? new Set(lower.sites.filter((s) => s.verdict === 'qualified').map((s) => s.siteId)) : null;
        const pool = qualified ? registry.filter((s) => qualified.has(s.id)) : registry;
        const seed = o.seed ?? `${check.quarter}-${check.tier}`;
        const options = {
          ratio: o.ratio !== undefined ? parseRatio(o.ratio) : lower && o.count === undefined ? 1 : 0.3,
          ...(o.count !== undefined ? { count: parseCount(o.count, '--count') } : {}),
          minPerStratum: parseCount(o.minPerStratum, '--min-per-stratum', 0),
          seed,
          ...(o.region ? { region: o.region } : {}),
          ...(o.level ? { levels: parseLevels(o.level)! } : {}),
        };
        const drawn = drawSample(pool, options);
        if (drawn.siteIds.length === 0)
          throw new InputError(
            'The sample is empty',
            'No running registered site matches --region / --level' + (lower ? ' among the sites the lower tier called qualified.' : '.'),
          );
        setSample(db, check.id, drawn.siteIds, {
          ...options,
          recheckQualified: lower?.file ?? null,
          population: drawn.population,
          strata: drawn.strata,
          drawnAt: nowIso(),
        });
        if (lower) {
          const n = saveLowerVerdicts(db, check.id, lower, new Set(registry.map((s) => s.id)));
          say(g, `imported ${n} ${lower.tier} verdicts from ${lower.file}`);
        }
        const chosen = new Set(drawn.siteIds);
        const sites = registry.filter((s) => chosen.has(s.id));
        if (o.out) {
          writeFileSync(o.out, sampleCsv(sites, o.region));
          say(g, `wrote ${o.out}`);
        }
        if (o.json) {
          process.stdout.write(
            `${JSON.stringify({ quarter: check.quarter, tier: check.tier, seed, population: drawn.population, sampled: drawn.siteIds.length, strata: drawn.strata, sites: sites.map((s) => ({ id: s.id, name: s.name, url: s.url, level: s.level, region: s.region })) }, null, 2)}\n`,
          );
        } else {
          for (const s of drawn.strata) process.stdout.write(`${s.level}\t${s.region}\t${s.sampled}/${s.population}\n`);
          process.stdout.write(
            `${check.quarter} ${check.tier}: ${drawn.siteIds.length} of ${drawn.population} sites sampled (seed ${seed})\n`,
          );
        }
      } finally {
        closeDb(db);
      }
    });
}

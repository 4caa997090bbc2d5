// The report is a pure function of the stored check: sites, verdicts and findings → report.json's shape.
import type { Db } from '../store/db.js';
import { type Check, sampleOf } from '../store/checks.js';
import { getSites } from '../store/sites.js';
import { findingsBySite, judgementsOf } from '../store/verdicts.js';
import { closedInScope } from '../store/closed-sites.js';
import { ruleTitle } from '../rules/index.js';
import { relative, sep } from 'node:path';
import { shotsOf } from '../store/evidence.js';
import { probesBetween } from '../store/probes.js';
import { availability } from './availability.js';
import type { Report, ReportClosedSite, ReportFinding, ReportSite, Screenshot } from '../model/report.js';
import { verdictHistory } from '../store/history.js';
import { lowerVerdictsOf } from '../store/tiers.js';
import { disagreements } from '../plan/tiers.js';
import { computeHistory } from './history.js';
import { manualShotPath } from './manual-shots.js';
import { cstIsoIn, withCstInstants } from './time.js';

/** Every instant in the report, evidence and messages included, is written in China Standard Time (+08:00). */
export function buildReport(db: Db, check: Check, generatedAt: string, outDir = '.'): Report {
  return withCstInstants(buildUtc(db, check, generatedAt, outDir));
}

function buildUtc(db: Db, check: Check, generatedAt: string, outDir: string): Report {
  // Screenshots by URL, with paths relative to where the report is written, so the folder can be moved whole.
  const taken = shotsOf(db, check.id).filter((s) => s.path);
  const picture = (s: (typeof taken)[number]): Screenshot => ({
    path: relative(outDir, s.path!).split(sep).join('/'),
    url: s.url,
    capturedAt: s.capturedAt,
    ...(s.note ? { note: s.note } : {}),
  });
  const shots = new Map(taken.filter((s) => s.kind === 'page').map((s) => [s.url, picture(s)]));
  // Pages with their hidden links shown and outlined: the picture a hidden-links finding shows first.
  const revealed = new Map(taken.filter((s) => s.kind === 'hidden-links').map((s) => [s.url, picture(s)]));
  // A homepage is captured at its final address, which may differ from the registered one.
  const homeShots = new Map(
    [...shots].filter(([u]) => /^\/((index|default)\.\w+)?$/.test(new URL(u).pathname)).map(([u, s]) => [new URL(u).host, s]),
  );
  const withShots = (f: ReportFinding): ReportFinding => {
    const urls = [f.url, ...pageUrls(f.evidence)].filter((u): u is string => !!u);
    const hiddenOn = f.rule === 'hidden-links' ? [f.url, hiddenPageOf(f.evidence)].filter((u): u is string => !!u) : [];
    const found = [...[...new Set(hiddenOn)].map((u) => revealed.get(u)), ...[...new Set(urls)].map((u) => shots.get(u))].filter(
      (x): x is Screenshot => !!x,
    );
    return found.length > 0 ? { ...f, evidence: { ...f.evidence, screenshots: found } } : f;
  };
  // The window site-unreachable counts with the 2019 edition's defaults (7 days, the run's hour after `at`).
  const window = {
    windowDays: 7,
    from: new Date(Date.parse(check.at) - 7 * 86_400_000).toISOString(),
    to: new Date(Date.parse(check.at) + 60 * 60_000).toISOString(),
  };
  const sample = new Map(sampleOf(db, check.id).map((s) => [s.siteId, s]));
  const judged = new Map(judgementsOf(db, check.id, ruleTitle).map((j) => [j.siteId, j]));
  const sites: ReportSite[] = getSites(db, [...sample.keys()]).map((s) => {
    const j = judged.get(s.id);
    const c = sample.get(s.id)!;
    const all = (j?.findings ?? []).map(withShots).map(messageInCst).map(manualShotIn);
    return {
      id: s.id,
      name: s.name,
      url: s.url,
      sponsor: s.sponsor,
      level: s.level,
      region: s.region,
      verdict: j?.verdict ?? 'not-checked',
      score: j?.score ?? null,
      vetoes: j?.vetoes ?? [],
      findings: all.filter((f) => !isWarning(f)),
      warnings: all.filter(isWarning),
      notChecked: j?.notChecked ?? [],
      notCheckedReason: j ? j.notCheckedReason : '尚未判定（请先运行 choucha check）',
      crawl: { state: c.crawlState, reason: c.crawlReason, pagesFetched: c.pagesFetched },
      availability: availability(probesBetween(db, s.id, window.from, window.to), window),
      screenshot: shots.get(s.url) ?? homeShots.get(new URL(s.url).host) ?? null,
    };
  });
  const found = findingsBySite(db, check.id, ruleTitle);
  const closed: ReportClosedSite[] = closedInScope(db, check).map((s) => ({
    id: s.id,
    name: s.name,
    url: s.url,
    sponsor: s.sponsor,
    level: s.level,
    region: s.region,
    availability: availability(probesBetween(db, s.id, window.from, window.to), window),
    findings: (found.get(s.id) ?? []).map(messageInCst),
  }));
  const qualified = sites.filter((s) => s.verdict === 'qualified').length;
  const unqualified = sites.filter((s) => s.verdict === 'unqualified').length;
  const checked = qualified + unqualified;
  const h = computeHistory(verdictHistory(db, check.tier), check.quarter);
  const lower = lowerVerdictsOf(db, check.id);
  return {
    schemaVersion: 1,
    quarter: check.quarter,
    tier: check.tier,
    edition: check.edition,
    at: check.at,
    generatedAt,
    summary: {
      checked,
      qualified,
      unqualified,
      notChecked: sites.length - checked,
      qualifiedRate: checked > 0 ? Math.round((qualified / checked) * 10000) / 10000 : null,
      warned: sites.filter((s) => s.warnings.length > 0).length,
    },
    sites,
    ...(h.sites.length > 0
      ? {
          history: {
            previousQuarter: h.previousQuarter,
            sites: h.sites.map((x) => ({ id: x.id, consecutiveUnqualified: x.consecutiveUnqualified })),
            regions: h.regions,
            levels: h.levels,
          },
        }
      : {}),
    ...(closed.length > 0 ? { closed } : {}),
    ...(lower ? { disagreements: disagreements(lower, sites) } : {}),
  };
}

/** A message quoting a probe's time ("最近一次 …") quotes it with +08:00, like every other instant in the report. */
function messageInCst(f: ReportFinding): ReportFinding {
  return { ...f, message: cstIsoIn(f.message) };
}

/** Where a manual finding's screenshot is in the report's folder: copied there with the reports (manual-shots.ts). */
function manualShotIn(f: ReportFinding): ReportFinding {
  const shot = f.provenance?.screenshot;
  if (!f.provenance || !shot) return f;
  return { ...f, provenance: { ...f.provenance, screenshot: { ...shot, path: manualShotPath(shot.path) } } };
}

/** Pre-warnings are listed apart from the findings in every report: they are advice, not defects. */
function isWarning(f: ReportFinding): boolean {
  return f.rule === 'pre-warning';
}

/** The page an illegal link was hidden on, when the rule names it (evidence.hidden.pageUrl). */
function hiddenPageOf(evidence: Record<string, unknown>): string | null {
  const page = (evidence.hidden as { pageUrl?: unknown } | null | undefined)?.pageUrl;
  return typeof page === 'string' ? page : null;
}

function pageUrls(evidence: Record<string, unknown>): string[] {
  const lists = [evidence.columns, evidence.emptyColumns, evidence.messages].filter(Array.isArray) as { url?: unknown }[][];
  return lists
    .flat()
    .map((c) => c.url)
    .filter((u): u is string => typeof u === 'string');
}

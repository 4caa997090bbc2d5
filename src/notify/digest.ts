// Who is told what, as a pure function of the report: each recipient's sites (the whole check, or an
// office's by region code prefix or 主办单位), whether what it listens for happened there, and the
// digest it is sent. Times are China time (+08:00), as every report gives them.
import type { FindingKind, Report, ReportFinding, ReportSite, Verdict } from '../model/report.js';
import { byRegionThenId, isVetoed } from '../report/facts.js';
import { regionLabel } from '../report/labels.js';
import { cstIso, cstIsoIn } from '../report/time.js';
import type { NotifyEvent, Recipient, Scope } from './config.js';

export interface DigestFinding {
  rule: string;
  title: string;
  kind: FindingKind;
  message: string;
  url: string | null;
  /** Found by a person (人工, imported with `findings import`), not by the rules. */
  manual: boolean;
}

export interface DigestSite {
  id: string;
  name: string;
  url: string;
  sponsor: string | null;
  region: string | null;
  /** "湖南省 长沙市", from the region code. */
  regionName: string;
  verdict: Verdict;
  score: number | null;
  vetoed: boolean;
  /** Vetoes and deductions that count; ignored findings and notices left out. */
  problems: DigestFinding[];
  warnings: DigestFinding[];
  /** Why the site could not be judged, when it could not. */
  notCheckedReason: string | null;
}

export interface Digest {
  recipient: { name: string; scope: Scope };
  /** What happened in the recipient's scope among what it listens for: why it is sent. */
  events: NotifyEvent[];
  check: { quarter: string; tier: string; edition: string; at: string; generatedAt: string };
  summary: {
    sites: number;
    checked: number;
    qualified: number;
    unqualified: number;
    vetoed: number;
    notChecked: number;
    /** qualified / checked, 4 places; null when nothing in scope was judged. */
    qualifiedRate: number | null;
    warned: number;
  };
  /** The sites someone has to act on: unqualified, not checked, or warned; a qualified site without a warning is only counted. */
  sites: DigestSite[];
}

export interface DigestPlan {
  /** Each digest with the recipient it goes to. */
  digests: { to: Recipient; digest: Digest }[];
  /** Recipients sent nothing this time, and why. */
  quiet: { name: string; reason: string }[];
  /** Sites no office's scope takes in (their news goes only to the check's recipient, if any). */
  unclaimed: string[];
}

/** 主办单位 as registries spell it, give or take spaces (full-width among them). */
const sponsorKey = (s: string) => s.replace(/[\s\u3000]+/g, '');

export function inScope(site: Pick<ReportSite, 'region' | 'sponsor'>, scope: Scope): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'region') return site.region !== null && scope.prefixes.some((p) => site.region!.startsWith(p));
  return site.sponsor !== null && scope.names.some((n) => sponsorKey(n) === sponsorKey(site.sponsor!));
}

const warningsOf = (s: ReportSite) => s.warnings.filter((f) => !f.ignored);

function finding(f: ReportFinding): DigestFinding {
  return { rule: f.rule, title: f.title, kind: f.kind, message: cstIsoIn(f.message), url: f.url, manual: f.source === 'manual' };
}

function digestSite(s: ReportSite): DigestSite {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    sponsor: s.sponsor,
    region: s.region,
    regionName: regionLabel(s.region),
    verdict: s.verdict,
    score: s.score,
    vetoed: isVetoed(s),
    problems: s.findings.filter((f) => f.kind !== 'notice').map(finding),
    warnings: warningsOf(s).map(finding),
    notCheckedReason: s.notCheckedReason,
  };
}

/** Vetoed first, then the other unqualified, then not checked, then only warned; by region and id within each. */
function urgency(s: ReportSite): number {
  if (isVetoed(s)) return 0;
  if (s.verdict === 'unqualified') return 1;
  if (s.verdict === 'not-checked') return 2;
  return 3;
}

export function planDigests(report: Report, recipients: Recipient[]): DigestPlan {
  const digests: DigestPlan['digests'] = [];
  const quiet: DigestPlan['quiet'] = [];
  for (const r of recipients) {
    const sites = report.sites.filter((s) => inScope(s, r.scope));
    if (sites.length === 0) {
      quiet.push({ name: r.name, reason: 'no site of this check is in its scope' });
      continue;
    }
    const vetoed = sites.filter(isVetoed).length;
    const warned = sites.filter((s) => warningsOf(s).length > 0).length;
    const happened: Record<NotifyEvent, boolean> = { 'run-end': true, veto: vetoed > 0, 'pre-warning': warned > 0 };
    const events = r.events.filter((e) => happened[e]);
    if (events.length === 0) {
      quiet.push({ name: r.name, reason: `nothing it listens for (${r.events.join(', ')}) happened in its scope` });
      continue;
    }
    const qualified = sites.filter((s) => s.verdict === 'qualified').length;
    const unqualified = sites.filter((s) => s.verdict === 'unqualified').length;
    const checked = qualified + unqualified;
    const attention = sites
      .filter((s) => s.verdict !== 'qualified' || warningsOf(s).length > 0)
      .sort((a, b) => urgency(a) - urgency(b) || byRegionThenId(a, b));
    const digest: Digest = {
      recipient: { name: r.name, scope: r.scope },
      events,
      check: {
        quarter: report.quarter,
        tier: report.tier,
        edition: report.edition,
        at: cstIso(report.at),
        generatedAt: cstIso(report.generatedAt),
      },
      summary: {
        sites: sites.length,
        checked,
        qualified,
        unqualified,
        vetoed,
        notChecked: sites.length - checked,
        qualifiedRate: checked > 0 ? Math.round((qualified / checked) * 10000) / 10000 : null,
        warned,
      },
      sites: attention.map(digestSite),
    };
    digests.push({ to: r, digest });
  }
  const offices = recipients.filter((r) => r.scope.kind !== 'all');
  const unclaimed = offices.length === 0 ? [] : report.sites.filter((s) => !offices.some((o) => inScope(s, o.scope))).map((s) => s.id);
  return { digests, quiet, unclaimed };
}

// report.json, schemaVersion 1 (DESIGN.md). Stable English keys; Chinese only in titles and messages.
import type { FindingSource, ManualProvenance } from './finding.js';
import type { Site } from './site.js';
import type { Tier } from './tier.js';

export type Verdict = 'qualified' | 'unqualified' | 'not-checked';
export type FindingKind = 'veto' | 'deduction' | 'notice';

/** One site's verdict as judging returns it and the store keeps it. */
export interface Judgement {
  verdict: Verdict;
  score: number | null;
  vetoes: string[];
  findings: ReportFinding[];
  notChecked: { rule: string; reason: string }[];
  notCheckedReason: string | null;
}

export interface ReportFinding {
  rule: string;
  code: string;
  /** Chinese title of the rule, e.g. 栏目不更新. */
  title: string;
  kind: FindingKind;
  /** Points deducted for this finding after caps (0 for vetoes and notices). */
  points: number;
  url: string | null;
  message: string;
  evidence: Record<string, unknown>;
  /** Stable id of the finding (src/model/fingerprint.ts): what the ignore list and tier comparisons name. */
  fingerprint?: string;
  /** Set when an ignore-list entry took the finding out of the verdict: it counts as neither veto nor points. */
  ignored?: IgnoredBy | null;
  /** Who found it: the rules (`checker`) or a person (`manual`, shown as 人工); absent in reports written before it existed. */
  source?: FindingSource;
  /** For a manual finding: the file, row, inspector, day and screenshot it was imported with. */
  provenance?: ManualProvenance | null;
}

export interface IgnoredBy {
  reason: string;
  by: string;
  until: string | null;
  /** How the edition would have counted it. */
  kind: FindingKind;
  points: number;
}

/** A site as every report names it: the registry's identity of it. */
export type ReportSiteHeader = Pick<Site, 'id' | 'name' | 'url' | 'sponsor' | 'level' | 'region'>;

export interface ReportSite extends ReportSiteHeader {
  verdict: Verdict;
  /** 0–100 when scored; null when a veto stopped the scoring or the site was not checked. */
  score: number | null;
  vetoes: string[];
  findings: ReportFinding[];
  /** 预警: notices that the site is close to a veto (rule `pre-warning`), kept apart from `findings`. */
  warnings: ReportFinding[];
  /** Rules that could not judge this site, with why. */
  notChecked: { rule: string; reason: string }[];
  /** Why the whole site is not-checked, when it is. */
  notCheckedReason: string | null;
  crawl: { state: string; reason: string | null; pagesFetched: number };
  /** Availability probes in the week ending at the check's `at` (added in schema 1: older readers ignore it). */
  availability: Availability;
  /** The homepage as captured for evidence: path relative to the report's folder. */
  screenshot: Screenshot | null;
}

export interface Screenshot {
  path: string;
  url: string;
  capturedAt: string;
  /** What was done to the page before the shot (its hidden links shown and outlined); absent for a page as served. */
  note?: string;
}

export interface Report {
  schemaVersion: 1;
  quarter: string;
  tier: string;
  edition: string;
  at: string;
  generatedAt: string;
  summary: {
    /** Sites given a verdict: qualified + unqualified. */
    checked: number;
    qualified: number;
    unqualified: number;
    notChecked: number;
    /** qualified / checked, null when nothing was checked. */
    qualifiedRate: number | null;
    /** Sites with at least one pre-warning. */
    warned: number;
  };
  sites: ReportSite[];
  /** This tier's verdicts over the quarters (src/report/history.ts); absent when nothing was judged. */
  history?: ReportHistory;
  /**
   * Sites registered as closed (关停) in the check's scope: no verdict, but probed, and judged by
   * registry-mismatch alone (a closed site still serving its pages). Absent when the scope has none.
   */
  closed?: ReportClosedSite[];
  /** Where this check and the lower tier it re-checked (`sample --recheck-qualified`) disagree. */
  disagreements?: Disagreement[];
}

export interface ReportClosedSite extends ReportSiteHeader {
  availability: Availability;
  findings: ReportFinding[];
}

export interface ReportHistory {
  previousQuarter: string;
  /** Calendar quarters in a row, ending with this one, each site was unqualified (at this tier). */
  sites: { id: string; consecutiveUnqualified: number }[];
  regions: RateRow[];
  levels: RateRow[];
}

export interface Outage {
  /** The first failed probe of the run. */
  from: string;
  /** The next probe that succeeded; null when the site had not recovered by the last probe. */
  recoveredAt: string | null;
  /** Failed probes in a row. */
  probes: number;
  /** From the first failed probe to the recovery, or to the last failed probe while still down. */
  minutes: number;
}

export interface Availability {
  windowDays: number;
  /** The window as counted: `at` minus windowDays up to `at` (plus the check's grace for its own run). */
  from: string;
  to: string;
  /** Every probe taken in the window, from every vantage. */
  probes: number;
  /** The probes that measured the site: `probes` less those in `excluded`. */
  valid: number;
  /** Failures among the valid probes: what site-unreachable counts. */
  failures: number;
  /** failures / valid; null with no valid probe. */
  ratio: number | null;
  longestOutage: Outage | null;
  /** Probes that measured nothing about the site: lost to the checker's network, or stopped by a firewall. */
  excluded: { vantage: number; blocked: number };
  /** Runs of probes lost to the checker's network, with why: the windows the week lost. */
  lostWindows: { from: string; to: string; probes: number; reason: string | null }[];
  /** The same figures from each place probes were taken from; `null` names probes stored before vantages were kept. */
  byVantage: { vantage: string | null; probes: number; valid: number; failures: number }[];
}

export interface RateRow {
  key: string;
  checked: number;
  qualified: number;
  /** qualified / checked, rounded to 4 places; null when nothing was checked. */
  rate: number | null;
  previousRate: number | null;
  /** rate − previousRate, null unless both exist. */
  change: number | null;
  /** Sites unqualified in this quarter and the one before it at least. */
  repeatOffenders: number;
}

/** A finding as a lower tier's report.json names it. */
export interface LowerFinding {
  rule: string;
  code: string;
  url: string | null;
  message: string;
  fingerprint: string;
}

export interface Disagreement {
  siteId: string;
  name: string | null;
  lowerTier: string;
  lowerVerdict: string;
  upperVerdict: string;
  /** Findings the upper tier counted and the lower did not, and the other way round, matched by fingerprint. */
  onlyUpper: LowerFinding[];
  onlyLower: LowerFinding[];
}

/** A lower tier's report.json as a higher tier imports it (`sample --recheck-qualified`). */
export interface LowerSite {
  siteId: string;
  verdict: string;
  /** Findings that counted for the lower tier (vetoes and deductions; notices and ignored ones left out). */
  findings: LowerFinding[];
}

export interface LowerReport {
  file: string;
  quarter: string;
  tier: Tier;
  sites: LowerSite[];
}

// report.json, schemaVersion 1 (DESIGN.md). Stable English keys; Chinese only in titles and messages.
import type { Availability } from './availability.js';
import type { SiteLevel } from '../registry/site.js';

export type Verdict = 'qualified' | 'unqualified' | 'not-checked';
export type FindingKind = 'veto' | 'deduction' | 'notice';

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
}

export interface ReportSite {
  id: string;
  name: string;
  url: string;
  sponsor: string | null;
  level: SiteLevel | null;
  region: string | null;
  verdict: Verdict;
  /** 0–100 when scored; null when a veto stopped the scoring or the site was not checked. */
  score: number | null;
  vetoes: string[];
  findings: ReportFinding[];
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
  };
  sites: ReportSite[];
}

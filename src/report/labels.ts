// Chinese labels for the people who read the reports; report.json keeps the English keys.
import { SITE_LEVEL_LABELS, type SiteLevel } from '../model/site.js';
import type { FindingKind, Verdict } from '../model/report.js';
import type { Tier } from '../model/tier.js';
import { regionNames } from './regions.js';

export const VERDICT_LABELS: Record<Verdict, string> = {
  qualified: '合格',
  unqualified: '不合格',
  'not-checked': '未检查',
};

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  veto: '单项否决',
  deduction: '扣分',
  notice: '提示',
};

/** "湖南省 长沙市" (names from src/report/regions.ts); the bare code when even its province is unknown; "" with no code. */
export function regionLabel(region: string | null): string {
  if (region === null || region === '') return '';
  return regionNames(region) ?? region;
}

const TIER_LABELS: Record<Tier, string> = {
  prefecture: '市级',
  province: '省级',
  national: '国家级',
};

/** 省级 for province; a tier this version does not know is shown as given. */
/** A verdict in Chinese; a value this version does not know (an older report's) as written. */
export function verdictLabel(v: string): string {
  return Object.hasOwn(VERDICT_LABELS, v) ? VERDICT_LABELS[v as Verdict] : v;
}

export function tierLabel(tier: string): string {
  return Object.hasOwn(TIER_LABELS, tier) ? TIER_LABELS[tier as Tier] : tier;
}

export function levelLabel(level: SiteLevel | null): string {
  return level === null ? '' : SITE_LEVEL_LABELS[level];
}

const QUARTER_NUMERALS = ['一', '二', '三', '四'] as const;

/** "2026Q4" → "2026年第四季度"; anything else is shown as given rather than guessed at. */
export function quarterLabel(quarter: string): string {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (match === null) return quarter;
  return `${match[1]}年第${QUARTER_NUMERALS[Number(match[2]) - 1]}季度`;
}

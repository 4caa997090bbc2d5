// 合格率 by region and by level, as the exposure 通报 tables them: checked, qualified, unqualified, rate.
import { levelLabel } from './labels.js';
import { provinceName } from './regions.js';
import type { Report, ReportSite } from '../model/report.js';

export interface RateRow {
  key: string;
  label: string;
  sites: number;
  checked: number;
  qualified: number;
  unqualified: number;
  /** qualified / checked, null when nothing there was checked. */
  rate: number | null;
}

function rows(sites: ReportSite[], keyOf: (s: ReportSite) => string, labelOf: (s: ReportSite) => string): RateRow[] {
  const by = new Map<string, RateRow>();
  for (const s of sites) {
    const key = keyOf(s);
    let r = by.get(key);
    if (!r) by.set(key, (r = { key, label: labelOf(s), sites: 0, checked: 0, qualified: 0, unqualified: 0, rate: null }));
    r.sites++;
    if (s.verdict === 'qualified') r.qualified++;
    if (s.verdict === 'unqualified') r.unqualified++;
  }
  for (const r of by.values()) {
    r.checked = r.qualified + r.unqualified;
    r.rate = r.checked > 0 ? Math.round((r.qualified / r.checked) * 10000) / 10000 : null;
  }
  return [...by.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** By province (the first two digits of the region code): prefecture names change, provinces do not. */
export function ratesByRegion(report: Report): RateRow[] {
  return rows(
    report.sites,
    (s) => s.region?.slice(0, 2) ?? '~',
    (s) => (s.region ? (provinceName(s.region) ?? `${s.region.slice(0, 2)}0000`) : '未登记地区'),
  );
}

export function ratesByLevel(report: Report): RateRow[] {
  return rows(
    report.sites,
    (s) => s.level ?? '~',
    (s) => levelLabel(s.level) || '未登记层级',
  );
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

// History across quarters: repeat offenders (unqualified in consecutive quarters, 连续两季度…) per site
// and region, and 合格率 per region and level with the change from the quarter before. Pure.
import type { VerdictRow } from '../store/history.js';
import type { RateRow } from '../model/report.js';

export interface SiteHistory {
  id: string;
  name: string;
  region: string | null;
  level: string | null;
  verdict: string;
  /** Calendar quarters in a row, ending with this one, the site was judged unqualified (0 when it was not). */
  consecutiveUnqualified: number;
}

export interface History {
  quarter: string;
  previousQuarter: string;
  sites: SiteHistory[];
  regions: RateRow[];
  levels: RateRow[];
}

export function previousQuarter(q: string): string {
  const y = Number(q.slice(0, 4));
  const n = Number(q.slice(5));
  return n === 1 ? `${y - 1}Q4` : `${y}Q${n - 1}`;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function computeHistory(rows: VerdictRow[], quarter: string): History {
  const prev = previousQuarter(quarter);
  const verdictOf = new Map(rows.map((r) => [`${r.quarter}|${r.siteId}`, r.verdict]));
  const current = rows.filter((r) => r.quarter === quarter);
  const sites: SiteHistory[] = current.map((r) => {
    let n = 0;
    for (let q = quarter; verdictOf.get(`${q}|${r.siteId}`) === 'unqualified'; q = previousQuarter(q)) n++;
    return { id: r.siteId, name: r.name, region: r.region, level: r.level, verdict: r.verdict, consecutiveUnqualified: n };
  });
  const repeat = new Set(sites.filter((s) => s.consecutiveUnqualified >= 2).map((s) => s.id));
  const rates = (key: (r: VerdictRow) => string | null): RateRow[] => {
    const tally = (q: string) => {
      const m = new Map<string, { checked: number; qualified: number; repeat: number }>();
      for (const r of rows) {
        if (r.quarter !== q || (r.verdict !== 'qualified' && r.verdict !== 'unqualified')) continue;
        const k = key(r) ?? 'unknown';
        const t = m.get(k) ?? { checked: 0, qualified: 0, repeat: 0 };
        t.checked++;
        if (r.verdict === 'qualified') t.qualified++;
        if (q === quarter && repeat.has(r.siteId)) t.repeat++;
        m.set(k, t);
      }
      return m;
    };
    const now = tally(quarter);
    const before = tally(prev);
    return [...now.keys()].sort().map((k) => {
      const t = now.get(k)!;
      const b = before.get(k);
      const rate = round(t.qualified / t.checked);
      const previousRate = b ? round(b.qualified / b.checked) : null;
      return {
        key: k,
        checked: t.checked,
        qualified: t.qualified,
        rate,
        previousRate,
        change: previousRate === null ? null : round(rate - previousRate),
        repeatOffenders: t.repeat,
      };
    });
  };
  return { quarter, previousQuarter: prev, sites, regions: rates((r) => r.region), levels: rates((r) => r.level) };
}

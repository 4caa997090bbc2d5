// 首页日期与内容变化不符: the homepage shows newer dates while the items it lists stayed the same, probe
// after probe. Dates rewritten without new content is how publication dates are forged to pass the
// homepage-stale check (serious-error's 伪造发布日期, a 2019 veto item). Probes cannot prove intent, so
// this is a notice for a person to confirm, never a veto on its own.
// The item-list hash is over titles and links only, so that changed dates alone do not change it.
import { z } from 'zod';
import type { Day } from '../model/day.js';
import type { ProbeArtifact } from '../model/artifacts.js';
import { defineRule } from './rule.js';
import { probesInWindow } from './utils/probe-window.js';

const TEXT = {
  title: '首页日期与内容变化不符',
  'dates-moved-items-same': '首页显示的日期变新了，但列出的信息条目没有变化（疑似伪造发布日期，需人工核实）',
};

const options = z.object({
  windowDays: z.number().positive().default(14),
  graceMinutes: z.number().min(0).default(60),
  /** Probes that read the homepage's list: fewer cannot show a change over time. */
  minProbes: z.number().int().min(2).default(2),
});

export const homepageDates = defineRule({
  meta: {
    id: 'homepage-dates',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 单项否决 严重表述错误（伪造发布日期）',
    codes: { 'dates-moved-items-same': TEXT['dates-moved-items-same'] },
    requiredArtifacts: ['probes'],
    options,
  },
  run(a, opts, ctx) {
    const read = probesInWindow(a.probes, ctx.at, opts.windowDays, opts.graceMinutes)
      .filter((p) => p.itemsHash && p.itemDates)
      .sort((x, y) => x.startedAt.localeCompare(y.startedAt));
    if (read.length < opts.minProbes) {
      return {
        status: 'not-checked',
        reason: `${opts.windowDays}天内只有 ${read.length} 次探测读到首页信息列表，至少需要 ${opts.minProbes} 次才能比较变化`,
      };
    }
    const moved: Array<{ before: string; after: string; newestBefore: Day | null; newestAfter: Day | null; newDates: Day[] }> = [];
    let lastRealChange = read[0]!.startedAt;
    for (let i = 1; i < read.length; i++) {
      const prev = read[i - 1]!;
      const cur = read[i]!;
      if (cur.itemsHash !== prev.itemsHash) {
        lastRealChange = cur.startedAt;
        continue;
      }
      const newestBefore = newest(prev);
      const newestAfter = newest(cur);
      if (newestAfter && (!newestBefore || newestAfter > newestBefore)) {
        const before = new Set(prev.itemDates);
        moved.push({
          before: prev.startedAt,
          after: cur.startedAt,
          newestBefore,
          newestAfter,
          newDates: cur.itemDates!.filter((d) => !before.has(d)),
        });
      }
    }
    if (moved.length === 0) return { status: 'checked', findings: [] };
    return {
      status: 'checked',
      findings: [
        {
          rule: 'homepage-dates',
          code: 'dates-moved-items-same',
          siteId: a.site.id,
          url: a.site.url,
          message: `${TEXT['dates-moved-items-same']}：${read.length} 次探测中 ${moved.length} 次，例如 ${moved[0]!.newestBefore ?? '无日期'} → ${moved[0]!.newestAfter}`,
          evidence: { probes: read.length, times: moved.length, lastRealChange, examples: moved.slice(0, 5) },
        },
      ],
    };
  },
});

function newest(p: ProbeArtifact): Day | null {
  return p.itemDates?.[0] ?? null;
}

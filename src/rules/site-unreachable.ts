// 站点无法访问 (2019 单项否决 1): over a week of probes (≥20 a day, 15 s each), failures reach 5%.
// Too few probes in the window is not a measurement: the rule says so instead of guessing. Probes lost to
// the checker's own network, or stopped by a firewall, measured nothing about the site: they count
// neither as failures nor as probes, and a site a firewall keeps blocking is not-checked, never unreachable.
import { z } from 'zod';
import { defineRule } from './rule.js';
import { probesInWindow, siteProbes } from './utils/probe-window.js';

const TEXT = { title: '站点无法访问', unreachable: '监测期内首页无法访问的次数达到或超过规定比例' };

const options = z.object({
  windowDays: z.number().positive().default(7),
  minProbes: z.number().int().positive().default(140),
  failureRatio: z.number().min(0).max(1).default(0.05),
  /** Probes a check's own run takes just after `at` still belong to it. */
  graceMinutes: z.number().min(0).default(60),
  /** A failure from one vantage while another loaded the homepage this close in time is the vantage's [U]. */
  crossVantageMinutes: z.number().min(0).default(30),
});

export const siteUnreachable = defineRule({
  meta: {
    id: 'site-unreachable',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 单项否决 站点无法访问',
    codes: { unreachable: TEXT.unreachable },
    requiredArtifacts: ['probes'],
    options,
  },
  run(a, opts, ctx) {
    const all = probesInWindow(a.probes, ctx.at, opts.windowDays, opts.graceMinutes);
    const { valid: inWindow, lost, blocked } = siteProbes(all, opts.crossVantageMinutes * 60_000);
    if (inWindow.length < opts.minProbes) {
      const excluded = [blocked ? `${blocked} 次被网站防护拦截` : '', lost ? `${lost} 次因检查机网络问题作废` : ''].filter(Boolean);
      return {
        status: 'not-checked',
        reason: excluded.length
          ? `监测窗口（${opts.windowDays}天）内 ${all.length} 次探测中${excluded.join('、')}，有效探测只有 ${inWindow.length} 次，至少需要 ${opts.minProbes} 次`
          : `监测窗口（${opts.windowDays}天）内只有 ${inWindow.length} 次探测，至少需要 ${opts.minProbes} 次`,
      };
    }
    const failed = inWindow.filter((p) => !p.ok);
    const ratio = failed.length / inWindow.length;
    if (ratio < opts.failureRatio) return { status: 'checked', findings: [] };
    const kinds: Record<string, number> = {};
    for (const p of failed) kinds[p.failure ?? 'other'] = (kinds[p.failure ?? 'other'] ?? 0) + 1;
    return {
      status: 'checked',
      findings: [
        {
          rule: 'site-unreachable',
          code: 'unreachable',
          siteId: a.site.id,
          url: a.site.url,
          message: `${inWindow.length} 次探测中 ${failed.length} 次无法访问（${(ratio * 100).toFixed(1)}%），达到 ${(opts.failureRatio * 100).toFixed(0)}%`,
          evidence: {
            probes: inWindow.length,
            failures: failed.length,
            excluded: { vantage: lost, blocked },
            ratio,
            failureKinds: kinds,
            firstFailure: failed[0]?.startedAt ?? null,
            lastFailure: failed.at(-1)?.startedAt ?? null,
            examples: failed.slice(0, 5).map((p) => ({ at: p.startedAt, failure: p.failure, status: p.status, error: p.error })),
          },
        },
      ],
    };
  },
});

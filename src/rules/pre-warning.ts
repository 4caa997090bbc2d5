// 预警 (pre-warnings): a site close to a veto, told before an inspector finds it. Each warning stops
// where its veto starts, so a site is never both warned and vetoed for the same thing. Thresholds are
// edition options [U]: offices set their own.
import { z } from 'zod';
import { daysBefore } from '../model/day.js';
import { replyState } from '../model/reply-state.js';
import type { Finding } from '../model/finding.js';
import { defineRule, type RuleInput } from './rule.js';
import { homepageLists } from './utils/homepage-lists.js';
import { replyDeadline, sortValid } from './utils/letters.js';
import { probesInWindow, siteProbes } from './utils/probe-window.js';
import { newestItem, windowStart } from './utils/window.js';

const TEXT = {
  title: '预警',
  'homepage-nearly-stale': '首页即将达到不更新否决标准',
  'columns-nearly-empty': '空白栏目数量接近否决标准',
  'nearly-unreachable': '网站不可用率接近否决标准',
  'letter-nearly-overdue': '留言即将超过3个月未答复',
};
type Code = Exclude<keyof typeof TEXT, 'title'>;

const options = z.object({
  /** Homepage without a new item for this many days (the veto is at `homepageVetoDays`). */
  homepageDays: z.number().int().positive().default(10),
  homepageVetoDays: z.number().int().positive().default(14),
  emptyColumns: z.number().int().positive().default(4),
  emptyVetoCount: z.number().int().positive().default(5),
  /** Probe failure share from which to warn, below the veto's. */
  downRatio: z.number().min(0).max(1).default(0.03),
  downVetoRatio: z.number().min(0).max(1).default(0.05),
  /** Fewer probes than this in the window say nothing about a rate. */
  minProbes: z.number().int().positive().default(20),
  probeWindowDays: z.number().positive().default(7),
  /** A valid letter open this many months (the veto is at `letterVetoMonths`). */
  letterMonths: z.number().int().positive().default(2),
  letterVetoMonths: z.number().int().positive().default(3),
  letterWindowMonths: z.number().int().positive().default(12),
  duplicateDays: z.number().int().min(0).default(7),
});
type Options = z.infer<typeof options>;

type Input = RuleInput<'homepage' | 'lists' | 'probes' | 'channels'>;

function homepage(a: Input, o: Options, atDay: string): Record<string, unknown> | null {
  const newest = newestItem(
    homepageLists(a).lists.flatMap((l) => l.items),
    atDay,
  );
  if (!newest?.date) return null;
  const warnFrom = windowStart(atDay, { days: o.homepageDays });
  const vetoFrom = windowStart(atDay, { days: o.homepageVetoDays });
  // The first day on which, with nothing newer, the newest item falls out of the veto window.
  const vetoOn = daysBefore(newest.date, -(o.homepageVetoDays + 1));
  return newest.date < warnFrom && newest.date >= vetoFrom
    ? { newestDate: newest.date, newestTitle: newest.title, newestUrl: newest.url, vetoFrom, vetoOn }
    : null;
}

function columns(a: Input, o: Options): Record<string, unknown> | null {
  const empty = a.lists.filter((l) => l.kind === 'column' && l.state === 'empty');
  return empty.length >= o.emptyColumns && empty.length < o.emptyVetoCount
    ? { empty: empty.length, vetoCount: o.emptyVetoCount, columns: empty.map((c) => ({ name: c.name, url: c.url })) }
    : null;
}

function probes(a: Input, o: Options, at: string): Record<string, unknown> | null {
  const inWindow = siteProbes(probesInWindow(a.probes, at, o.probeWindowDays, 0)).valid;
  if (inWindow.length < o.minProbes) return null;
  const failed = inWindow.filter((p) => !p.ok).length;
  const ratio = failed / inWindow.length;
  return ratio >= o.downRatio && ratio < o.downVetoRatio
    ? { probes: inWindow.length, failures: failed, ratio: Math.round(ratio * 10000) / 10000 }
    : null;
}

function letters(a: Input, o: Options, atDay: string): Record<string, unknown> | null {
  const from = windowStart(atDay, { months: o.letterWindowMonths });
  const all = a.channels
    .filter((c) => c.state === 'read')
    .flatMap((c) => c.messages.map((m) => ({ ...m, board: c.name, boardUrl: c.url })));
  const open = sortValid(all, o.duplicateDays).valid.filter((l) => {
    if (!l.askedOn || l.askedOn < from || l.repliedOn !== null || replyState(l.status) !== 'pending') return false;
    return replyDeadline(l.askedOn, o.letterMonths) < atDay && replyDeadline(l.askedOn, o.letterVetoMonths) >= atDay;
  });
  return open.length > 0
    ? {
        letters: open.map((l) => ({
          title: l.title,
          url: l.url,
          board: l.board,
          askedOn: l.askedOn,
          lastAllowedDay: replyDeadline(l.askedOn!, o.letterVetoMonths),
        })),
      }
    : null;
}

export const preWarning = defineRule({
  meta: {
    id: 'pre-warning',
    title: TEXT.title,
    indicator: '预警：接近 国办秘函〔2019〕19号 单项否决标准（阈值为本地设置）',
    codes: Object.fromEntries(Object.entries(TEXT).filter(([k]) => k !== 'title')) as Record<Code, string>,
    requiredArtifacts: ['homepage', 'lists', 'probes', 'channels'],
    options,
  },
  run(a, o, ctx) {
    if (!a.homepage?.readable) return { status: 'not-checked', reason: '首页未能获取，无法预警' };
    const out: Finding[] = [];
    const add = (code: Code, message: string, evidence: Record<string, unknown> | null, url: string | null) => {
      if (evidence) out.push({ rule: 'pre-warning', code, siteId: a.site.id, url, message, evidence });
    };
    const home = homepage(a, o, ctx.atDay);
    add(
      'homepage-nearly-stale',
      `首页最新信息发布于 ${String(home?.newestDate)}，超过 ${o.homepageDays} 天未更新，${String(home?.vetoOn)} 起仍未更新将被单项否决`,
      home,
      a.homepage.finalUrl,
    );
    const cols = columns(a, o);
    add(
      'columns-nearly-empty',
      `已有 ${String(cols?.empty)} 个空白栏目，达到 ${o.emptyVetoCount} 个将被单项否决`,
      cols,
      a.homepage.finalUrl,
    );
    const down = probes(a, o, ctx.at);
    add(
      'nearly-unreachable',
      `监测期内 ${String(down?.probes)} 次探测失败 ${String(down?.failures)} 次（${((Number(down?.ratio) || 0) * 100).toFixed(1)}%），达到 ${o.downVetoRatio * 100}% 将被单项否决`,
      down,
      a.homepage.finalUrl,
    );
    const open = letters(a, o, ctx.atDay);
    const first = (open?.letters as { url: string | null; lastAllowedDay: string }[] | undefined)?.[0];
    add(
      'letter-nearly-overdue',
      `${(open?.letters as unknown[] | undefined)?.length ?? 0} 条有效留言已超过 ${o.letterMonths} 个月未答复，最早须在 ${first?.lastAllowedDay ?? ''} 前答复`,
      open,
      first?.url ?? a.homepage.finalUrl,
    );
    return { status: 'checked', findings: out };
  },
});

// 栏目不更新 (2019 单项否决 3), two counters:
//  1. 动态、要闻类 not updated in 2 weeks + 通知公告、政策文件类 first-level columns not updated in 6 months, ≥ 5;
//  2. columns that should update but have not for long (人事、规划计划类 > 1 year), empty columns included, ≥ 10.
// Below the counts each stale column is a deduction (first-level) or a notice.
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import type { ListArtifact } from '../model/artifacts.js';
import { defineRule, type RuleInput } from './rule.js';
import { openedItems, unconfirmedUndated } from './utils/undated-lists.js';
import { type ColumnCategory, classifyColumn } from './utils/categories.js';
import { describePeriod, newestItem, type Period, windowStart } from './utils/window.js';

const TEXT = {
  title: '栏目不更新',
  tooManyStale: '动态要闻类、通知公告政策文件类栏目未按时更新的数量达到否决标准',
  tooManyLongStale: '应更新但长期未更新的栏目（含空白栏目）数量达到否决标准',
  staleFirstLevel: '一级栏目未按时更新',
  staleColumn: '栏目未按时更新',
};

const options = z.object({
  newsDays: z.number().int().positive().default(14),
  noticeMonths: z.number().int().positive().default(6),
  noticeFirstLevelOnly: z.boolean().default(true),
  longtermMonths: z.number().int().positive().default(12),
  vetoCount: z.number().int().positive().default(5),
  longVetoCount: z.number().int().positive().default(10),
  countEmptyInLong: z.boolean().default(true),
});
type Options = z.infer<typeof options>;

interface Stale {
  list: ListArtifact;
  category: ColumnCategory;
  period: Period;
  since: string;
  newest: string | null;
}

export const columnStale = defineRule({
  meta: {
    id: 'column-stale',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 单项否决 栏目不更新',
    codes: {
      'too-many-stale': TEXT.tooManyStale,
      'too-many-long-stale': TEXT.tooManyLongStale,
      'stale-first-level': TEXT.staleFirstLevel,
      'stale-column': TEXT.staleColumn,
    },
    requiredArtifacts: ['lists'],
    options,
  },
  run(a, opts, ctx) {
    const columns = a.lists.filter((l) => l.kind === 'column');
    if (!columns.some((c) => c.state === 'items' || c.state === 'empty')) {
      return { status: 'not-checked', reason: '没有读取到任何栏目列表' };
    }
    const stale: Stale[] = [];
    // Undated lists whose items' pages could not be read: as unknown as an unreadable column.
    const unconfirmed: ListArtifact[] = [];
    for (const list of columns) {
      if (list.state !== 'items') continue;
      if (unconfirmedUndated(list)) {
        unconfirmed.push(list);
        continue;
      }
      const category = classifyColumn(list.name, ctx.lexicons.columnCategories);
      if (!category) continue;
      // Level unknown is not first-level: a notice column is only counted where we know it is one.
      if (category === 'notice' && opts.noticeFirstLevelOnly && list.level !== 1) continue;
      const period = periodOf(category, opts);
      const since = windowStart(ctx.atDay, period);
      const newest = newestItem(list.items, ctx.atDay);
      if (!newest || newest.date! < since) stale.push({ list, category, period, since, newest: newest?.date ?? null });
    }
    const counted = stale.filter((s) => s.category !== 'longterm');
    const long = stale.filter((s) => s.category === 'longterm');
    const empty = opts.countEmptyInLong ? columns.filter((c) => c.state === 'empty') : [];
    // Columns we could not read might be stale (or empty): a count they could tip is not certain.
    const unreadable = [...columns.filter((c) => c.state === 'unreadable'), ...unconfirmed];
    const mayCount = unreadable.filter((c) => {
      const cat = classifyColumn(c.name, ctx.lexicons.columnCategories);
      return cat === 'news' || (cat === 'notice' && (!opts.noticeFirstLevelOnly || c.level === 1));
    });
    const mayLong = opts.countEmptyInLong
      ? unreadable
      : unreadable.filter((c) => classifyColumn(c.name, ctx.lexicons.columnCategories) === 'longterm');
    const tips = (known: number, unknown: number, at: number) => known < at && known + unknown >= at;
    if (tips(counted.length, mayCount.length, opts.vetoCount) || tips(long.length + empty.length, mayLong.length, opts.longVetoCount)) {
      const names = [...new Set([...mayCount, ...mayLong])]
        .slice(0, 5)
        .map((c) => `${c.name}：${c.stateReason ?? (c.state === 'items' ? '列表未标注日期，文章页未能读取' : '')}`);
      return {
        status: 'not-checked',
        reason: `已确认 ${counted.length + long.length} 个栏目未按时更新，另有 ${unreadable.length} 个栏目无法读取或未标注日期，可能达到否决标准（${names.join('；')}）`,
      };
    }
    const findings: Finding[] = [];
    const vetoed = new Set<Stale>();
    if (counted.length >= opts.vetoCount) {
      findings.push(veto(a, 'too-many-stale', `${counted.length} 个栏目未按时更新（标准：${opts.vetoCount} 个及以上即否决）`, counted, []));
      counted.forEach((s) => vetoed.add(s));
    }
    if (long.length + empty.length >= opts.longVetoCount) {
      findings.push(
        veto(
          a,
          'too-many-long-stale',
          `${long.length} 个栏目长期未更新、${empty.length} 个空白栏目，合计 ${long.length + empty.length} 个（标准：${opts.longVetoCount} 个及以上即否决）`,
          long,
          empty,
        ),
      );
      long.forEach((s) => vetoed.add(s));
    }
    for (const s of stale) if (!vetoed.has(s)) findings.push(perColumn(a, s));
    return { status: 'checked', findings };
  },
});

function periodOf(c: ColumnCategory, o: Options): Period {
  if (c === 'news') return { days: o.newsDays };
  if (c === 'notice') return { months: o.noticeMonths };
  return { months: o.longtermMonths };
}

function describe(s: Stale) {
  const opened = openedItems(s.list.items);
  return {
    name: s.list.name,
    url: s.list.url,
    level: s.list.level,
    category: s.category,
    windowStart: s.since,
    newestDate: s.newest,
    ...(opened.length > 0 ? { articlesOpened: opened } : {}),
  };
}

function veto(a: RuleInput<'lists'>, code: string, message: string, stale: Stale[], empty: ListArtifact[]): Finding {
  return {
    rule: 'column-stale',
    code,
    siteId: a.site.id,
    url: stale[0]?.list.url ?? empty[0]?.url ?? null,
    message,
    evidence: {
      count: stale.length + empty.length,
      columns: stale.map(describe),
      emptyColumns: empty.map((e) => ({ name: e.name, url: e.url, reason: e.stateReason })),
    },
  };
}

function perColumn(a: RuleInput<'lists'>, s: Stale): Finding {
  const first = s.list.level === 1;
  const opened = openedItems(s.list.items).length;
  const seen = s.newest
    ? `最新信息发布于 ${s.newest}${opened > 0 ? '（列表未标注日期，据其文章页）' : ''}`
    : `列表中的信息均未标注日期${opened > 0 ? `（已打开 ${opened} 篇文章页，也未标注）` : ''}`;
  return {
    rule: 'column-stale',
    code: first ? 'stale-first-level' : 'stale-column',
    siteId: a.site.id,
    url: s.list.url,
    message: `${first ? '一级栏目' : '栏目'}“${s.list.name}”${describePeriod(s.period)}内未更新，${seen}`,
    evidence: describe(s),
  };
}

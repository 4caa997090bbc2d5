// 首页不更新 (2019 单项否决 2): in the two weeks before `at`, the homepage shows no new item.
// An item without a visible date counts as not updated; a homepage that is only navigation is judged
// on its first-level columns.
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';
import { homepageLists } from './utils/homepage-lists.js';
import { openedItems, unconfirmedUndated } from './utils/undated-lists.js';
import { describePeriod, newestItem, windowStart } from './utils/window.js';

const TEXT = {
  title: '首页不更新',
  stale: '首页栏目监测期内没有更新信息',
  undated: '首页信息均未标注发布日期，视为未更新',
};

const options = z.object({ days: z.number().int().positive().default(14) });

export const homepageStale = defineRule({
  meta: {
    id: 'homepage-stale',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 单项否决 首页不更新',
    codes: { stale: TEXT.stale },
    requiredArtifacts: ['homepage', 'lists'],
    options,
  },
  run(a, opts, ctx) {
    if (!a.homepage?.readable) return { status: 'not-checked', reason: '首页未能获取，无法判断更新情况' };
    const { lists: judged, navOnly } = homepageLists(a);
    if (judged.length === 0) {
      return { status: 'not-checked', reason: '首页没有可读的信息列表，一级栏目也未能读取' };
    }
    const since = windowStart(ctx.atDay, { days: opts.days });
    const items = judged.flatMap((l) => l.items);
    const newest = newestItem(items, ctx.atDay);
    if (newest && newest.date! >= since) return { status: 'checked', findings: [] };
    // A homepage block in a frame that was not read may be the fresh one.
    const unreadFrames = a.lists.filter((l) => l.kind === 'homepage-block' && l.state === 'unreadable');
    if (unreadFrames.length > 0) {
      return {
        status: 'not-checked',
        reason: `首页${unreadFrames
          .slice(0, 3)
          .map((l) => `“${l.name}”（${l.stateReason ?? '未读取'}）`)
          .join('、')}未能读取，无法判断首页是否更新`,
      };
    }
    const unconfirmed = judged.filter(unconfirmedUndated);
    if (unconfirmed.length > 0) {
      return {
        status: 'not-checked',
        reason: `首页${unconfirmed
          .slice(0, 3)
          .map((l) => `“${l.name}”`)
          .join('、')}等列表未标注发布日期，其信息的文章页也未能读取，无法判断是否更新`,
      };
    }
    const opened = openedItems(items);
    const finding: Finding = {
      rule: 'homepage-stale',
      code: 'stale',
      siteId: a.site.id,
      url: a.homepage.finalUrl,
      message: newest
        ? `首页最新信息发布于 ${newest.date}${newest.dateFrom === 'article' ? '（首页列表未标注日期，据其文章页）' : ''}，${describePeriod({ days: opts.days })}内（${since} 起）没有更新${navOnly ? '（首页仅为导航，已检查一级栏目）' : ''}`
        : opened.length > 0
          ? `${TEXT.undated}（已打开 ${opened.length} 篇信息的文章页，均未标注发布日期）`
          : TEXT.undated,
      evidence: {
        windowStart: since,
        newestDate: newest?.date ?? null,
        newestTitle: newest?.title ?? null,
        newestUrl: newest?.url ?? null,
        itemsSeen: items.length,
        undatedItems: items.filter((i) => !i.date).length,
        newestDateFrom: newest?.dateFrom ?? null,
        articlesOpened: opened,
        judgedOn: navOnly ? 'first-level-columns' : 'homepage-blocks',
        lists: judged.map((l) => ({ name: l.name, url: l.url })),
      },
    };
    return { status: 'checked', findings: [finding] };
  },
});

// 空白栏目 (2019 单项否决 4): 5 or more columns that never had any content.
// Empty needs evidence (a 暂无信息 placeholder, an empty list, a page of only a title); a column whose
// items are all old is stale, not empty, and a list we could not read is neither.
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';

const TEXT = { title: '空白栏目', tooMany: '空白栏目数量达到否决标准', one: '空白栏目' };

const options = z.object({ vetoCount: z.number().int().positive().default(5) });

export const columnEmpty = defineRule({
  meta: {
    id: 'column-empty',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 单项否决 空白栏目',
    codes: { 'too-many-empty': TEXT.tooMany, 'empty-column': TEXT.one },
    requiredArtifacts: ['lists'],
    options,
  },
  run(a, opts) {
    const columns = a.lists.filter((l) => l.kind === 'column');
    if (!columns.some((c) => c.state === 'items' || c.state === 'empty')) {
      return { status: 'not-checked', reason: '没有读取到任何栏目列表' };
    }
    const empty = columns.filter((c) => c.state === 'empty');
    const unknown = columns.filter((c) => c.state === 'unreadable');
    // Columns we could not read might be empty: only when they could not change the answer is it certain.
    if (empty.length < opts.vetoCount && empty.length + unknown.length >= opts.vetoCount) {
      return {
        status: 'not-checked',
        reason: `${empty.length} 个空白栏目，另有 ${unknown.length} 个栏目无法读取（${unknown
          .slice(0, 3)
          .map((c) => `${c.name}：${c.stateReason ?? ''}`)
          .join('；')}），可能达到否决标准`,
      };
    }
    const evidence = empty.map((c) => ({ name: c.name, url: c.url, reason: c.stateReason }));
    if (empty.length >= opts.vetoCount) {
      const f: Finding = {
        rule: 'column-empty',
        code: 'too-many-empty',
        siteId: a.site.id,
        url: empty[0]!.url,
        message: `${empty.length} 个空白栏目（标准：${opts.vetoCount} 个及以上即否决）：${empty.map((c) => c.name).join('、')}`,
        evidence: { count: empty.length, columns: evidence },
      };
      return { status: 'checked', findings: [f] };
    }
    return {
      status: 'checked',
      findings: empty.map((c, i) => ({
        rule: 'column-empty' as const,
        code: 'empty-column',
        siteId: a.site.id,
        url: c.url,
        message: `栏目“${c.name}”为空白栏目（${c.stateReason ?? '无内容'}）`,
        evidence: evidence[i]!,
      })),
    };
  },
});

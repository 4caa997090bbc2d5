// 个人信息泄露: a page shows a citizen's personal numbers whole: an ID number, a bank card, or mobiles in
// a 公示 list. Not in the 2019 indicators; the 通报 of recent years name it among the most frequent
// problems, so its kind and points are the edition's [U]. The finding never carries a number whole:
// only masked forms (430102********1234), the page, where on it, and how many.
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';
import { type PersonalKind, scanPersonalData } from './utils/personal-data.js';

const TEXT = {
  title: '个人信息泄露',
  'id-number': '公开完整的居民身份证号码',
  'bank-card': '公开完整的银行卡号',
  mobile: '公开群众的手机号码',
};

const NOUN: Record<PersonalKind, string> = { 'id-number': '居民身份证号码', 'bank-card': '银行卡号', mobile: '手机号码' };

const options = z.object({
  /** Text blocks either side of an ID number in which a mobile is that person's (a table row's cells) [U]. */
  rowBlocks: z.number().int().min(0).default(4),
  /** Distinct unmasked mobiles on one page that make it a roster of citizens [U]. */
  rosterMobiles: z.number().int().min(2).default(5),
  /** Masked examples kept in a finding. */
  maxExamples: z.number().int().positive().default(3),
});

export const privacyLeak = defineRule({
  meta: {
    id: 'privacy-leak',
    title: TEXT.title,
    indicator: '《个人信息保护法》、政府信息公开中的个人信息保护要求（2019 指标未列，近年通报常见）',
    codes: { 'id-number': TEXT['id-number'], 'bank-card': TEXT['bank-card'], mobile: TEXT.mobile },
    requiredArtifacts: ['texts', 'homepage'],
    options,
  },
  run(a, opts, ctx) {
    if (!a.homepage?.readable || a.texts.pages.length === 0) return { status: 'not-checked', reason: '未读取到页面文字，无法检查个人信息' };
    const findings: Finding[] = [];
    const pages = [...a.texts.pages, { url: a.texts.shared.url, kind: 'template' as const, blocks: a.texts.shared.blocks }];
    for (const page of pages) {
      const hits = scanPersonalData(page.blocks, { atDay: ctx.atDay, rowBlocks: opts.rowBlocks, rosterMobiles: opts.rosterMobiles });
      const byKind = Map.groupBy(hits, (h) => h.kind);
      for (const [kind, list] of byKind) {
        findings.push({
          rule: 'privacy-leak',
          code: kind,
          siteId: a.site.id,
          url: page.url,
          message: `页面公开了 ${list.length} 个完整的${NOUN[kind]}（如 ${list[0]!.masked}），应隐去部分数字`,
          evidence: {
            kind,
            count: list.length,
            masked: list.slice(0, opts.maxExamples).map((h) => h.masked),
            // Where on the page: the text block (a paragraph or a table cell) counted from the top.
            blocks: list.slice(0, opts.maxExamples).map((h) => h.block),
            inTemplate: page.kind === 'template',
          },
        });
      }
    }
    return { status: 'checked', findings };
  },
});

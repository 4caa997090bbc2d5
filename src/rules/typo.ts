// 错别字 (deduction): wrong forms from the typo lexicon, found at word boundaries in the site's own text.
// Names, quotations and web addresses are left alone. One finding per wrong word,
// however many pages repeat it.
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';
import { hasText, scanSite } from './utils/text-findings.js';

const TEXT = {
  title: '错别字',
  typo: '页面存在错别字',
};

const options = z.object({
  /** Example pages kept in the evidence of each finding. */
  maxExamples: z.number().int().positive().default(3),
});

export const typo = defineRule({
  meta: {
    id: 'typo',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 信息发布 内容准确性（错别字）',
    codes: { typo: TEXT.typo },
    requiredArtifacts: ['texts', 'homepage'],
    options,
  },
  run(a, opts, ctx) {
    if (!a.homepage?.readable || !hasText(a.texts)) return { status: 'not-checked', reason: '未读取到页面文字，无法检查错别字' };
    const findings: Finding[] = scanSite(a.texts, (t) => ctx.lexicons.typos.check(t), opts.maxExamples).map((g) => ({
      rule: 'typo',
      code: 'typo',
      siteId: a.site.id,
      url: g.examples[0]?.url ?? g.pages[0] ?? null,
      message: `“${g.wrong}”应为“${g.suggestion}”：${g.examples[0]?.sentence ?? ''}${g.count > 1 ? `（共 ${g.count} 处，${g.pages.length} 个页面）` : ''}`,
      evidence: {
        wrong: g.wrong,
        suggestion: g.suggestion,
        source: g.how,
        count: g.count,
        pageCount: g.pages.length,
        inTemplate: g.inTemplate,
        examples: g.examples,
        urls: g.pages.slice(0, 5),
      },
    }));
    return { status: 'checked', findings };
  },
});

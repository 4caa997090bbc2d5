// 严重表述错误 (2019 单项否决): the country's name, state organs, fixed political formulations and
// leaders' names written wrong: one character of the same sound or a similar shape, one dropped or
// doubled, or an error already named in a 通报. Every finding shows its sentence. The number of
// occurrences that makes the veto is an edition option (standards.md: one; a press summary said
// more than three).
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';
import { hasText, scanSite } from './utils/text-findings.js';

const TEXT = {
  title: '严重表述错误',
  serious: '存在严重表述错误',
  belowCount: '存在严重表述错误（未达否决数量）',
  how: { known: '通报过的错误写法', sound: '同音字', shape: '形近字', dropped: '漏字', added: '多字', name: '领导人姓名同音字' } as Record<
    string,
    string
  >,
  kind: {
    country: '国名',
    organ: '国家机构名称',
    party: '党的名称或会议',
    formulation: '规范表述',
    place: '地名',
    leader: '领导人姓名',
  } as Record<string, string>,
};

const options = z.object({
  /** Occurrences that make the veto [P]: 1 by standards.md. */
  vetoCount: z.number().int().positive().default(1),
  maxExamples: z.number().int().positive().default(3),
});

export const seriousError = defineRule({
  meta: {
    id: 'serious-error',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 单项否决 严重表述错误',
    codes: { serious: TEXT.serious, 'below-count': TEXT.belowCount },
    requiredArtifacts: ['texts', 'homepage'],
    options,
  },
  run(a, opts, ctx) {
    if (!a.homepage?.readable || !hasText(a.texts)) return { status: 'not-checked', reason: '未读取到页面文字，无法检查严重表述错误' };
    const groups = scanSite(a.texts, (t) => ctx.lexicons.serious.check(t), opts.maxExamples);
    const total = groups.reduce((n, g) => n + g.count, 0);
    const code = total >= opts.vetoCount ? 'serious' : 'below-count';
    const findings: Finding[] = groups.map((g) => ({
      rule: 'serious-error',
      code,
      siteId: a.site.id,
      url: g.examples[0]?.url ?? g.pages[0] ?? null,
      message: `${TEXT.kind[g.kind ?? ''] ?? '规范表述'}错误：“${g.wrong}”应为“${g.suggestion}”（${TEXT.how[g.how] ?? g.how}）：${g.examples[0]?.sentence ?? ''}${g.count > 1 ? `（共 ${g.count} 处，${g.pages.length} 个页面）` : ''}`,
      evidence: {
        wrong: g.wrong,
        suggestion: g.suggestion,
        how: g.how,
        termKind: g.kind ?? null,
        count: g.count,
        pageCount: g.pages.length,
        inTemplate: g.inTemplate,
        examples: g.examples,
        urls: g.pages.slice(0, 5),
        needsConfirmation: '严重表述错误须人工核实原文后通报',
      },
    }));
    return { status: 'checked', findings };
  },
});

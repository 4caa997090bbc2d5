// 错别字 (deduction): wrong forms from the typo lexicon, found at word boundaries in the site's own text,
// and misspellings the statistical detector finds (a character that makes no word where a character
// of the same sound or shape would make a frequent one). Names, quotations and web addresses are left
// alone. One finding per wrong word, however many pages repeat it.
// The site's own text is evidence for the detector's finds: a form the site writes on many pages and
// never in the corrected form is a local name (a village, a company, a new term the dictionary lacks),
// not a slip, and is dropped; a form the site also writes correctly elsewhere is confirmed by it.
import { z } from 'zod';
import type { TextArtifact } from '../model/artifacts.js';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';
import { hasText, type HitGroup, scanSite } from './utils/text-findings.js';

const TEXT = {
  title: '错别字',
  typo: '页面存在错别字',
  detected: '疑似错别字',
  seen: (right: string, n: number) => `本站其他位置写作“${right}”${n} 处`,
};

const options = z.object({
  /** Example pages kept in the evidence of each finding. */
  maxExamples: z.number().int().positive().default(3),
  /** Beside the lexicon, the statistical detector (rules/utils/typo-detector.ts). */
  detect: z.boolean().default(true),
  /**
   * A detected form written on this many pages or more, and never in its corrected form, is taken for a
   * local name or term and dropped; so is one only in the template (menu, footer) that the site never
   * writes corrected: a template holds the office's own names.
   */
  localTermPages: z.number().int().positive().default(3),
});

const isDetected = (g: HitGroup) => g.how.startsWith('detected-');

/** How often each of `words` occurs in the site's text, the template's text once. */
function occurrences(texts: TextArtifact, words: string[]): Map<string, number> {
  const n = new Map(words.map((w) => [w, 0]));
  if (words.length === 0) return n;
  for (const blocks of [texts.shared.blocks, ...texts.pages.map((p) => p.blocks)])
    for (const b of blocks)
      for (const w of words) for (let i = b.indexOf(w); i >= 0; i = b.indexOf(w, i + w.length)) n.set(w, n.get(w)! + 1);
  return n;
}

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
    const { typos, serious } = ctx.lexicons;
    // A detected misspelling of a protected term is serious-error's finding, not a second one here.
    const check = (t: string) => {
      const hits = typos.check(t);
      if (!hits.some((h) => h.how.startsWith('detected-'))) return hits;
      const worse = serious.check(t);
      return hits.filter((h) => !h.how.startsWith('detected-') || !worse.some((w) => h.start < w.end && h.end > w.start));
    };
    const groups = scanSite(a.texts, opts.detect ? check : (t) => typos.checkListed(t), opts.maxExamples);
    const written = occurrences(a.texts, [...new Set(groups.filter(isDetected).map((g) => g.suggestion))]);
    const findings: Finding[] = groups
      .filter((g) => !isDetected(g) || written.get(g.suggestion)! > 0 || (!g.inTemplate && g.pages.length < opts.localTermPages))
      .map((g) => {
        const detected = isDetected(g);
        const right = detected ? written.get(g.suggestion)! : 0;
        const note = right > 0 ? `（${TEXT.seen(g.suggestion, right)}）` : '';
        return {
          rule: 'typo',
          code: 'typo',
          siteId: a.site.id,
          url: g.examples[0]?.url ?? g.pages[0] ?? null,
          message: `${detected ? `${TEXT.detected}：` : ''}“${g.wrong}”应为“${g.suggestion}”${note}：${g.examples[0]?.sentence ?? ''}${g.count > 1 ? `（共 ${g.count} 处，${g.pages.length} 个页面）` : ''}`,
          evidence: {
            wrong: g.wrong,
            suggestion: g.suggestion,
            source: g.how,
            count: g.count,
            pageCount: g.pages.length,
            inTemplate: g.inTemplate,
            examples: g.examples,
            urls: g.pages.slice(0, 5),
            ...(detected ? { suggestionOnSite: right, needsConfirmation: '统计方法发现的疑似错别字，须人工核实原文' } : {}),
          },
        };
      });
    return { status: 'checked', findings };
  },
});

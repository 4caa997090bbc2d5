// 错别字 (deduction): wrong forms from the typo lexicon, found at word boundaries in the site's own text,
// and misspellings the statistical detector finds (a character that makes no word where a character
// of the same sound or shape would make a frequent one). Names, quotations and web addresses are left
// alone. One finding per wrong word, however many pages repeat it.
// The site's own text is evidence for the detector's finds: a form the site writes on many pages and
// never in the corrected form is a local name (a village, a company, a new term the dictionary lacks),
// not a slip, and is dropped; a form the site also writes correctly elsewhere is confirmed by it.
// So is the text of the check's other sites, once judging has read them all (ctx.corpus): a form many
// sites write, or a phrase around it several write just so, is the check's usage (纠治“四风”), not one
// office's slip, and is dropped; a form no other site writes, whose corrected phrase many write, is
// confirmed, and the finding says how many.
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
  others: (wrong: string, right: string, n: number) => `本次检查的其他网站中 ${n} 个写作“${right}”，无一写作“${wrong}”`,
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
  /**
   * A detected form that at least this many other sites of the check write, and at least
   * `corpusTermShare` as many as write its correction, is the check's usage and dropped.
   */
  corpusTermSites: z.number().int().positive().default(2),
  corpusTermShare: z.number().min(0).max(1).default(0.2),
  /** A detected form no other site writes, the phrase around whose correction this many other sites write, is said confirmed by them. */
  corpusConfirmSites: z.number().int().positive().default(3),
});

interface InRun {
  sites: number;
  otherSitesWithWrong: number;
  otherSitesWithSuggestion: number;
  /** The most other sites that write one of the phrases around it as this site does. */
  otherSitesWithPhrase: number;
  /** The same for a phrase around it, as its first example writes it, that other sites write corrected and none wrong. */
  context: { wrong: string; suggestion: string; otherSitesWithWrong: number; otherSitesWithSuggestion: number } | null;
}

const HAN = /[\u4e00-\u9fa5]/;
/** Characters either side of a detected form that make the phrase the check's corpus is asked about. */
const CONTEXT = 2;

/**
 * The detected form with the ideographs before it, and with those after it, in its first example, wrong
 * and corrected: the phrases the check's corpus is asked about (大数局产业 is confirmed by 数据产业, whatever
 * each site writes before it).
 */
export function contextOf(g: Pick<HitGroup, 'wrong' | 'suggestion' | 'examples'>): { wrong: string; suggestion: string }[] {
  const s = g.examples[0]?.sentence ?? '';
  const at = s.indexOf(g.wrong);
  if (at < 0) return [];
  const end = at + g.wrong.length;
  let a = at;
  let b = end;
  for (let k = 0; k < CONTEXT && a > 0 && HAN.test(s[a - 1]!); k++) a--;
  for (let k = 0; k < CONTEXT && b < s.length && HAN.test(s[b]!); k++) b++;
  const out: { wrong: string; suggestion: string }[] = [];
  if (a < at) out.push({ wrong: s.slice(a, end), suggestion: `${s.slice(a, at)}${g.suggestion}` });
  if (b > end) out.push({ wrong: s.slice(at, b), suggestion: `${g.suggestion}${s.slice(end, b)}` });
  return out;
}

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

/** What the check's other sites say for a detected form: the phrase around it when they write that, else the form. */
/**
 * What the check's other sites say for a detected form: the phrase around it, written corrected by enough of
 * them and wrong by none. The form alone is no confirmation: 思想 is on every site, whatever 思乡 means.
 */
function confirmation(run: InRun | null, least: number): string[] {
  const c = run?.context;
  if (!run || run.otherSitesWithWrong > 0 || !c || c.otherSitesWithSuggestion < least) return [];
  return [TEXT.others(c.wrong, c.suggestion, c.otherSitesWithSuggestion)];
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
    const inRun = (g: HitGroup): InRun | null => {
      const corpus = ctx.corpus;
      if (!corpus || !isDetected(g)) return null;
      const wrong = corpus.otherSitesWriting(g.wrong, a.site.id);
      const right = corpus.otherSitesWriting(g.suggestion, a.site.id);
      if (wrong < 0 || right < 0) return null;
      // Of the phrases around it, the one the most other sites write corrected and none wrong; and the
      // most other sites writing one of them as this site does.
      let context: InRun['context'] = null;
      let phraseWrong = 0;
      for (const p of contextOf(g)) {
        const cw = corpus.otherSitesWriting(p.wrong, a.site.id);
        const cs = corpus.otherSitesWriting(p.suggestion, a.site.id);
        phraseWrong = Math.max(phraseWrong, cw);
        if (cw === 0 && cs > (context?.otherSitesWithSuggestion ?? 0))
          context = { ...p, otherSitesWithWrong: cw, otherSitesWithSuggestion: cs };
      }
      return {
        sites: corpus.sites,
        otherSitesWithWrong: wrong,
        otherSitesWithSuggestion: right,
        otherSitesWithPhrase: phraseWrong,
        context,
      };
    };
    // Usage: the form as common as a fifth of its correction, or a phrase around it written just so by
    // other sites (纠风工作 on five sites is a term, however many more write 纠纷).
    const usage = (r: InRun | null) =>
      r !== null &&
      ((r.otherSitesWithWrong >= opts.corpusTermSites && r.otherSitesWithWrong >= opts.corpusTermShare * r.otherSitesWithSuggestion) ||
        r.otherSitesWithPhrase >= opts.corpusTermSites);
    const findings: Finding[] = groups
      .map((g) => ({ g, run: inRun(g) }))
      .filter(
        ({ g, run }) =>
          !isDetected(g) || (!usage(run) && (written.get(g.suggestion)! > 0 || (!g.inTemplate && g.pages.length < opts.localTermPages))),
      )
      .map(({ g, run }) => {
        const detected = isDetected(g);
        const right = detected ? written.get(g.suggestion)! : 0;
        const notes = [...(right > 0 ? [TEXT.seen(g.suggestion, right)] : []), ...confirmation(run, opts.corpusConfirmSites)];
        const note = notes.length > 0 ? `（${notes.join('；')}）` : '';
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
            ...(detected ? { context: contextOf(g) } : {}),
            ...(run ? { corpus: run } : {}),
          },
        };
      });
    return { status: 'checked', findings };
  },
});

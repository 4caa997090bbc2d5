// The typo rule weighing a detected find against the check's other sites (ctx.corpus): dropped where
// other sites write the same form about as often as its correction, confirmed where only this site
// writes it, and left as it was where the corpus was not asked about it.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { RunCorpus } from '../../src/rules/rule.js';
import { contextOf, typo } from '../../src/rules/typo.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { ctx, withText } from '../helpers/artifacts.js';

const SENTENCE = '今年以来，全县大数局产业规模持续扩大。';
const artifacts = withText({ 'a.html': [SENTENCE] });

/** A corpus of `sites` sites where the listed forms are written by that many other sites. */
const corpus = (sites: number, others: Record<string, number>): RunCorpus => ({
  sites,
  otherSitesWriting: (form) => others[form] ?? -1,
});

function run(c: RunCorpus | undefined, options: Record<string, unknown> = {}): Finding[] {
  const r = runRule(typo, artifacts, typo.meta.options.parse(options), { ...ctx, ...(c ? { corpus: c } : {}) });
  if (r.status !== 'checked') throw new Error('not checked');
  return r.findings;
}

describe('typo with the check as a corpus', () => {
  it('without a corpus the detected find stands, with the phrase it would be asked about', () => {
    const [f, ...rest] = run(undefined);
    expect(rest).toEqual([]);
    expect(f!.evidence).toMatchObject({
      wrong: '数局',
      suggestion: '数据',
      context: [
        { wrong: '县大数局', suggestion: '县大数据' },
        { wrong: '数局产业', suggestion: '数据产业' },
      ],
    });
    expect(f!.evidence.corpus).toBeUndefined();
  });

  it('confirmed by the phrase when no other site writes the slip and enough write the correction', () => {
    const [f] = run(corpus(40, { 数局: 0, 数据: 30, 县大数局: 0, 县大数据: 4, 数局产业: 0, 数据产业: 12 }));
    expect(f!.message).toContain('本次检查的其他网站中 12 个写作“数据产业”，无一写作“数局产业”');
    expect(f!.evidence.corpus).toMatchObject({ sites: 40, otherSitesWithWrong: 0, otherSitesWithSuggestion: 30 });
  });

  it('not confirmed by the form alone: a common correction is on every site whatever the slip means', () => {
    const [f] = run(corpus(40, { 数局: 0, 数据: 30, 数局产业: 0, 数据产业: 0 }));
    expect(f).toBeDefined();
    expect(f!.message).not.toContain('其他网站');
  });

  it('not confirmed by too few sites, and not dropped either', () => {
    const [f] = run(corpus(5, { 数局: 0, 数据: 2, 数局产业: 0, 数据产业: 2 }));
    expect(f).toBeDefined();
    expect(f!.message).not.toContain('其他网站');
  });

  it('dropped when other sites write the form as the check’s usage', () => {
    expect(run(corpus(40, { 数局: 6, 数据: 30, 数局产业: 6, 数据产业: 0 }))).toEqual([]);
  });

  it('dropped when other sites write the phrase around it just so, however many more write the correction', () => {
    expect(run(corpus(400, { 数局: 2, 数据: 300, 数局产业: 2, 数据产业: 100 }))).toEqual([]);
  });

  it('kept when a few other sites share the form elsewhere but many more write the correction', () => {
    const [f] = run(corpus(400, { 数局: 2, 数据: 300, 县大数局: 0, 数局产业: 0, 数据产业: 100 }));
    expect(f).toBeDefined();
    expect(f!.message).not.toContain('其他网站');
  });

  it('one other site writing the form is not yet usage', () => {
    expect(run(corpus(40, { 数局: 1, 数据: 0, 数局产业: 1, 数据产业: 0 }))).toHaveLength(1);
  });

  it('a form the corpus was not asked about leaves the find as it was', () => {
    const [f] = run(corpus(40, {}));
    expect(f!.evidence.corpus).toBeUndefined();
  });

  it('the thresholds are the edition’s to set', () => {
    expect(run(corpus(40, { 数局: 1, 数据: 0 }), { corpusTermSites: 1 })).toEqual([]);
  });
});

describe('contextOf', () => {
  it.each([
    [
      { wrong: '数局', suggestion: '数据', examples: [{ url: '', sentence: SENTENCE }] },
      [
        { wrong: '县大数局', suggestion: '县大数据' },
        { wrong: '数局产业', suggestion: '数据产业' },
      ],
    ],
    [{ wrong: '持旭', suggestion: '持续', examples: [{ url: '', sentence: '我局“持旭”优化' }] }, []],
    [
      { wrong: '效律', suggestion: '效率', examples: [{ url: '', sentence: '提高效律。' }] },
      [{ wrong: '提高效律', suggestion: '提高效率' }],
    ],
    [{ wrong: '效律', suggestion: '效率', examples: [] }, []],
  ])('%o', (g, want) => {
    expect(contextOf(g)).toEqual(want);
  });
});

// Validity marks of 规范性文件 as real pages print them, and the titles and words that only look like one.
import { describe, expect, it } from 'vitest';
import { validityMarks } from '../../src/extract/validity.js';

describe('validity marks', () => {
  it.each([
    ['a labelled field', ['有效性：现行有效'], ['有效性：现行有效']],
    ['a label and its value in cells of their own', ['发布日期', '2026-11-20', '有效性', '有效'], ['有效']],
    ['效力状态 without a colon', ['效力状态 已废止'], ['效力状态 已废止']],
    [
      'a validity period',
      ['本规定自2026年12月1日起施行，有效期至2031年11月30日。'],
      ['本规定自2026年12月1日起施行，有效期至2031年11月30日。'],
    ],
    ['a period in years', ['有效期5年'], ['有效期5年']],
    ['an entry’s tag in a list row', ['关于印发某某办法的通知 [有效] 2026-11-20'], ['关于印发某某办法的通知 [有效] 2026-11-20']],
    ['a title’s suffix', ['关于加强城市管理的若干规定（已废止）'], ['关于加强城市管理的若干规定（已废止）']],
  ])('reads %s', (_n, blocks, marks) => {
    expect(validityMarks(blocks)).toEqual(marks);
  });

  it.each([
    ['a title about repealing documents', ['关于废止部分规范性文件的决定']],
    ['a title about validity work', ['市司法局开展规范性文件有效性评估工作']],
    ['ordinary text with 有效', ['切实有效推进各项工作落实', '有效期间内请及时办理']],
    ['a date and a source', ['发布日期：2026-11-20', '来源：市政府办公室']],
  ])('finds none in %s', (_n, blocks) => {
    expect(validityMarks(blocks)).toEqual([]);
  });
});

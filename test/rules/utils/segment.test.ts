// The segmenter computes jieba's cut (no HMM) on the compact dictionary: it must cut as @node-rs/jieba
// does, from whose dictionary file it reads, on the corpus sentences and on words at its edges.
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { cut, splitByWords } from '../../../src/rules/utils/segment.js';
import { wordDict } from '../../../src/verdict/config/text-data.js';

const corpus = (f: string) =>
  readFileSync(new URL(`../corpus/${f}`, import.meta.url), 'utf8')
    .trim()
    .split('\n');

describe('cut', () => {
  const jieba = Jieba.withDict(dict);
  const sentences = [
    ...corpus('clean.txt'),
    ...corpus('errors.jsonl').map((l) => (JSON.parse(l) as { text: string }).text),
    'ABC公司2026年第3季度营收12.5亿元，同比增长8.3%。',
    '联系电话：0731-88880000，邮箱 gov@x.gov.cn\r\n地址：𫖇子路1号',
    '',
  ];
  it.each(sentences.map((s, i) => [i + 1, s] as const))('sentence %i as @node-rs/jieba cuts it', (_n, s) => {
    expect(cut(s, wordDict())).toEqual(jieba.cut(s, false));
  });
});

describe('wordDict', () => {
  it('knows words, prefixes and strangers', () => {
    const d = wordDict();
    expect(d.count1('部署')).toBeGreaterThan(1000);
    expect(d.countOf('中华人民共', 0, 5)).toBe(0);
    expect(d.countOf('部暑', 0, 2)).toBe(-1);
    expect(d.words).toBeGreaterThan(340_000);
  });
});

describe('splitByWords', () => {
  it('clears a hit whose characters belong to other words, not one inside a longer word', () => {
    expect(splitByWords('请按排名先后顺序入场', 1, 3, wordDict())).toBe(true);
    expect(splitByWords('该项目座落在城区东部', 3, 5, wordDict())).toBe(false);
  });
});

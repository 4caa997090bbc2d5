// The homophone-word typo detector: a pair of characters written for a word of the same sound (an input
// method's wrong pick) is found with the word meant; right words of official writing, names and words
// only one character away stay silent. Sentences written for these tests, none from a labelled set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { HomophoneWords } from '../../src/rules/utils/homophone-words.js';
import { detectTypos } from '../../src/rules/utils/typo-detector.js';
import { parseScorer } from '../../src/rules/utils/typo-features.js';
import { WORD_TUNING } from '../../src/rules/utils/typo-word-detector.js';
import { WORD_FEATURE_NAMES } from '../../src/rules/utils/typo-word-features.js';
import { WordDict } from '../../src/rules/utils/word-dict.js';
import { detectorData } from '../../src/verdict/config/text-data.js';

const found = (s: string) => detectTypos(s, detectorData()).map((h) => [h.wrong, h.suggestion, h.how]);

describe('a pair written for a homophone word', () => {
  it.each([
    ['请各淡味于本周五前将材料报送县政府办公室。', '淡味', '单位'],
    ['县商务局召开罚站改革工作推进会。', '罚站', '发展'],
    ['积极开展绩效平谷工作，委托第三方机构实施。', '平谷', '评估'],
    ['县政府召开常务会议，各乡镇和有关淡味负责同志参加。', '淡味', '单位'],
  ])('%s', (sentence, wrong, right) => {
    expect(found(sentence)).toEqual([[wrong, right, 'detected-word']]);
  });
});

describe('near misses stay silent', () => {
  it.each([
    ['right words laws seldom write', '全县各级党组织要持续夯实基层基础，提振干部群众干事创业信心。'],
    ['a set phrase and a verb of official writing', '他们继承先烈遗志，紧扣高质量发展主线。'],
    ['a current formulation', '推动“非禁即入”普遍落实，增加即期消费。'],
    ['a person whose given name sounds as a word', '村民张平谷介绍了合作社发展情况。'],
    ['a given name after a title', '会议由副县长刘心细主持。'],
    ['a right word in its sense', '本次活动在暴涨的物价面前显得尤为必要。'],
    ['the word meant, written rightly', '新建一处城市公园，方便群众休闲。'],
    ['traditional characters', '各鄉鎮人民政府要切實做好春節期間安全生產工作。'],
    // One character away is the one-character detector's, and a right word in the wrong sense is not guessed at.
    ['a word one character from another', '经济形式持续向好，全年地区生产总值增长6.2%。'],
  ])('%s', (_name, sentence) => {
    expect(found(sentence)).toEqual([]);
  });
});

describe('homophone words', () => {
  const dict = new WordDict('单位 900 x\n淡味 30 x\n评估 800 x\n平谷 200 x\n单薄 500 x\n丹尾 10 x\n');

  it('offers the dictionary’s words of the pair’s syllables, tones aside, with neither character kept', () => {
    const words = new HomophoneWords(dict, 50);
    const of = (pair: string) => words.of(pair.charCodeAt(0), pair.charCodeAt(1));
    expect(of('淡味')).toEqual(['单位']);
    expect(of('平谷')).toEqual(['评估']);
    // 单位 keeps 单 (a one-character slip: the other detector's); 淡味 and 丹尾 are rarer than the least count offered.
    expect(of('单卫')).toEqual([]);
  });
});

describe('the shipped word scorer', () => {
  it('is read with its own features and gates, and refused, the file named, when fitted for others', () => {
    const text = readFileSync(projectPath('rules/lexicons/typo-word-scorer.json'), 'utf8');
    const refit = 'npx tsx bench/fit-typo-scorer.ts --kind word';
    expect(parseScorer(text, 'typo-word-scorer.json', WORD_TUNING, WORD_FEATURE_NAMES, refit).weights).toHaveLength(
      WORD_FEATURE_NAMES.length,
    );
    const shipped = JSON.parse(text) as { features: string[] };
    const older = JSON.stringify({ ...shipped, features: shipped.features.slice(1) });
    expect(() => parseScorer(older, 'typo-word-scorer.json', WORD_TUNING, WORD_FEATURE_NAMES, refit)).toThrow(
      /^typo-word-scorer\.json: fitted for other features .*refit: npx tsx bench\/fit-typo-scorer\.ts --kind word$/,
    );
    expect(() => parseScorer(text, 'typo-word-scorer.json', { ...WORD_TUNING, minCount: 5 }, WORD_FEATURE_NAMES, refit)).toThrow(
      /fitted behind other gates/,
    );
  });
});

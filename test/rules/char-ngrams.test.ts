// The character trigram model the typo detector reads as its second line of evidence.
import { describe, expect, it } from 'vitest';
import { CharNgrams } from '../../src/rules/utils/char-ngrams.js';
import { detectorData } from '../../src/verdict/config/text-data.js';

const u = (ch: string) => ch.charCodeAt(0);

describe('CharNgrams on counts written out', () => {
  // 数据 follows 大 and precedes 产业 in the counts; 数局 is never written.
  const lm = new CharNgrams(
    [
      '# a comment line',
      '大 10',
      '数 10',
      '据 10',
      '局 10',
      '产 10',
      '业 10',
      '大数 8',
      '数据 8',
      '据产 5',
      '产业 6',
      '大数据 8',
      '数据产 5',
      '据产业 5',
      'ab 3',
      '',
    ].join('\n'),
  );

  it('prefers the character the trigrams have seen', () => {
    const t = '大数局产业';
    expect(lm.contextGain(t, 0, t.length, 2, u('据'))).toBeGreaterThan(5);
    expect(lm.contextGain('大数据产业', 0, 5, 2, u('局'))).toBeLessThan(-5);
  });

  it('gives no gain to a character for being commoner alone', () => {
    // Without context the two read the same: the gain is the unigram's, taken out.
    expect(lm.contextGain('局', 0, 1, 0, u('据'))).toBeCloseTo(0, 10);
  });

  it('backs off to lower orders where counts were pruned, never to zero', () => {
    const p = lm.logProb('业数局大', 0, 0, 4);
    expect(Number.isFinite(p)).toBe(true);
  });

  it('lets anything but an ideograph break the context', () => {
    const joined = lm.logProb('大数据', 0, 2, 3);
    const broken = lm.logProb('大数，据', 0, 3, 4);
    expect(joined).toBeGreaterThan(broken);
  });
});

describe('the shipped counts', () => {
  const { lm } = detectorData();
  it.each([
    ['全市大数局产业规模突破百亿元', '局', '据'],
    ['坚决遏制重特大事故发声', '声', '生'],
    ['维护公平竟争的市场秩序', '竟', '竞'],
  ])('%s: %s reads worse than %s', (t, wrong, right) => {
    const i = t.indexOf(wrong);
    expect(lm.contextGain(t, 0, t.length, i, u(right))).toBeGreaterThan(3);
  });
});

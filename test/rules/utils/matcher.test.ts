// The trie matcher against the plain definition: every pattern at every start, overlaps included.
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../src/rules/utils/matcher.js';

/** Every occurrence of every pattern by brute force, in the order findAll promises (start, then length). */
function reference(patterns: [string, number][], text: string): { start: number; end: number; text: string; value: number }[] {
  const out: { start: number; end: number; text: string; value: number }[] = [];
  for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) {
    const here = patterns
      .filter(([p]) => p && text.startsWith(p, i))
      .map(([p, value]) => ({ start: i, end: i + p.length, text: p, value }));
    // Same length: in the order the patterns were added.
    out.push(...here.sort((a, b) => a.end - b.end));
  }
  return out;
}

function matcherOf(patterns: [string, number][]): Matcher<number> {
  const m = new Matcher<number>();
  for (const [p, v] of patterns) m.add(p, v);
  return m;
}

describe('Matcher', () => {
  it('finds nested and overlapping patterns, a lone child turning into a branch, and astral characters', () => {
    // 共和 then 共和国 (a lone child extended), then 共产 (the lone child becomes a branch), 和国 inside 共和国.
    const patterns: [string, number][] = [
      ['共和', 1],
      ['共和国', 2],
      ['共产', 3],
      ['和国', 4],
      ['欧阳𬀩', 5],
      ['𬀩', 6],
      ['共和', 7],
    ];
    const m = matcherOf(patterns);
    const text = '中华人民共和国与共产党，欧阳𬀩同志';
    expect(m.findAll(text)).toEqual(reference(patterns, text));
    expect(m.findAll(text).map((f) => f.value)).toEqual([1, 7, 2, 4, 3, 5, 6]);
    expect(m.size).toBe(7);
  });

  it('agrees with the plain definition on random patterns and texts', () => {
    // A small alphabet makes shared prefixes, branches at every depth and many overlaps.
    let seed = 42;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const alphabet = ['政', '府', '网', '站', '𬀩', 'a'];
    const word = (max: number) => Array.from({ length: 1 + rand(max) }, () => alphabet[rand(alphabet.length)]!).join('');
    for (let round = 0; round < 50; round++) {
      const patterns: [string, number][] = Array.from({ length: 1 + rand(40) }, (_, i) => [word(5), i]);
      const m = matcherOf(patterns);
      const text = word(60);
      expect(m.findAll(text)).toEqual(reference(patterns, text));
    }
  });

  it('ignores an empty pattern and finds nothing in an empty text', () => {
    const m = matcherOf([
      ['', 1],
      ['政府', 2],
    ]);
    expect(m.size).toBe(1);
    expect(m.findAll('')).toEqual([]);
  });
});

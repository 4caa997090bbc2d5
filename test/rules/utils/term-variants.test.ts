// The variant index against the list it replaces: every one-edit variant of every shipped protected
// term, generated the way the lexicon used to be compiled, is found where it is written; the terms
// themselves and other edits are not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { homophones, isCommonHanzi, NUMERALS, shapeMap } from '../../../src/rules/utils/chars.js';
import { TermVariants } from '../../../src/rules/utils/term-variants.js';

const terms = (
  parse(readFileSync(new URL('../../../rules/lexicons/protected-terms.yaml', import.meta.url), 'utf8')) as { terms: { term: string }[] }
).terms.map((t) => t.term);
const shapes = shapeMap(
  (
    parse(readFileSync(new URL('../../../rules/lexicons/similar-chars.yaml', import.meta.url), 'utf8')) as {
      shapes: Record<string, string>;
    }
  ).shapes,
);
const sets = new Map<string, { sound: Set<string>; shape: Set<string> }>();
const alikes = (ch: string) => {
  if (!sets.has(ch)) {
    const none = NUMERALS.has(ch);
    sets.set(ch, {
      sound: new Set(none ? [] : homophones(ch)),
      shape: new Set(none ? [] : [...(shapes.get(ch) ?? [])].filter(isCommonHanzi)),
    });
  }
  return sets.get(ch)!;
};
const index = new TermVariants<{ right: string }>({ fixed: NUMERALS, alikes, minDropped: 6, minAdded: 5 });
for (const t of terms) index.add(t, { right: t });

/** The one-edit variants of a term, listed the way the lexicon used to be compiled into a trie. */
function listed(term: string): string[] {
  const c = [...term];
  const out = new Set<string>();
  c.forEach((ch, i) => {
    for (const alt of [...alikes(ch).sound, ...alikes(ch).shape]) out.add([...c.slice(0, i), alt, ...c.slice(i + 1)].join(''));
  });
  if (c.length >= 6)
    for (let i = 1; i < c.length - 1; i++) {
      const w = [...c.slice(0, i), ...c.slice(i + 1)].join('');
      // Dropping a copy of an end character is dropping the end: a shorter phrase, not a variant.
      if (!NUMERALS.has(c[i]!) && w !== term.slice(1) && w !== term.slice(0, -1)) out.add(w);
    }
  if (c.length >= 5)
    for (let i = 1; i < c.length; i++) {
      const near = new Set([c[i - 1]!, c[i]!, ...[c[i - 1]!, c[i]!].flatMap((n) => [...alikes(n).sound, ...alikes(n).shape])]);
      for (const x of near) out.add([...c.slice(0, i), x, ...c.slice(i)].join(''));
    }
  out.delete(term);
  return [...out];
}

describe('TermVariants', () => {
  it('indexes the shipped terms', () => {
    expect(index.size).toBe(terms.length);
    expect(terms.length).toBeGreaterThan(50);
  });

  it('finds every listed variant of every term where it is written, naming the term', () => {
    let checked = 0;
    const missed: string[] = [];
    // Every term, and a fixed twelfth of each term's variants (all of them take minutes with the law titles).
    for (const [n, t] of terms.entries()) {
      for (const [k, v] of listed(t).entries()) {
        if ((n + k) % 12 !== 0) continue;
        const text = `据了解${v}的要求`;
        const hits = index.findAll(text);
        checked++;
        if (!hits.some((h) => h.text === v && h.value.right === t && h.start === 3)) missed.push(`${t} → ${v}`);
      }
    }
    expect(checked).toBeGreaterThan(15_000);
    expect(missed).toEqual([]);
  });

  it('finds nothing in the terms themselves, nor in edits it does not make', () => {
    for (const t of terms) expect(index.findAll(`据了解${t}的要求`).filter((h) => h.value.right === t)).toEqual([]);
    expect(index.findAll('中华人们共合国')).toEqual([]); // two edits
    expect(index.findAll('人民代表在大会上')).toEqual([]); // an insertion that is ordinary grammar
    expect(index.findAll('党的十九大')).toEqual([]); // numerals are never varied
  });

  it('names the edit', () => {
    expect(index.findAll('中央政治居').map((h) => [h.text, h.value.how])).toEqual([['中央政治居', 'sound']]);
    expect(index.findAll('中华人民共和和国').map((h) => h.value.how)).toEqual(['added']);
  });
});

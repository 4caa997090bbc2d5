// Precision and recall on a corpus written apart from the lexicons: official prose full of near
// misses that must pass (clean.txt), and paragraphs each carrying one error of the kinds 通报 name
// (errors.jsonl). Both checkers run together, as `proofread` runs them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proofreadLines } from '../../src/rules/utils/proofread.js';
import { ctx } from '../helpers/artifacts.js';

const read = (f: string) =>
  readFileSync(new URL(`./corpus/${f}`, import.meta.url), 'utf8')
    .trim()
    .split('\n');
const checkers = [ctx.lexicons.serious, ctx.lexicons.typos];

describe('clean official prose', () => {
  it.each(read('clean.txt').map((l, i) => [i + 1, l] as const))('line %i passes', (_n, line) => {
    expect(proofreadLines([line], checkers)).toEqual([]);
  });
});

interface Planted {
  text: string;
  wrong: string;
  suggestion: string;
  rule: 'typo' | 'serious-error';
}

describe('one planted error per paragraph', () => {
  it.each(
    read('errors.jsonl')
      .map((l) => JSON.parse(l) as Planted)
      .map((e) => [e.wrong, e] as const),
  )('%s is found, and only it', (_w, e) => {
    const found = proofreadLines([e.text], checkers);
    expect(found.map((f) => f.rule)).toEqual([e.rule]);
    // The hit may span a little more or less than the planted word (侯车 in 侯车室); correcting it must give the same text.
    const cp = [...e.text];
    const f = found[0]!;
    const fixed = [...cp.slice(0, f.start), f.suggestion, ...cp.slice(f.end)].join('');
    expect(fixed).toBe(e.text.replace(e.wrong, e.suggestion));
  });
});

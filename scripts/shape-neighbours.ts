// Builds rules/lexicons/shape-neighbours.txt, the look-alike characters the typo detector tries, from the
// Unicode Character Database's Unihan file (Unicode licence, rules/lexicons/LICENSE-Unicode.txt).
// Two characters look alike when their 仓颉 (Cangjie) shape codes differ by one edit (the measure of
// Liu et al. 2011, "Visually and phonologically similar characters in incorrect Chinese words"), the
// shorter code having at least three letters (shorter codes name too little of a shape); or when they
// share a 四角号码 (four-corner code) and their Cangjie codes differ by one edit, or by two when both
// codes have four letters or more. Only the 6,763 characters of GB 2312, as for the sound sets.
// Beside it, part-neighbours.txt: pairs whose codes differ by one or two letters in front, a component
// written for the whole character (也 for 地, 去 for 法, 呆 for 保), which only the typo detector tries;
// and phonetic-neighbours.txt: characters of one phonetic series (kPhonetic, Casey's classes), which share
// the component that gives their sound (列 例, 完 院, 言 信, 交 郊 效, 其 期 斯), also only the typo
// detector's. Cangjie codes name a character's first and last parts, so a part on the right or at the
// bottom (例 is 亻 and 列) is lost to them; about a fifth of the labelled wrong characters the sound and
// shape sets missed are in one series with their correction.
//
// Usage: npx tsx scripts/shape-neighbours.ts UNIHAN_DICTIONARYLIKEDATA [OUT]
//   UNIHAN_DICTIONARYLIKEDATA: Unihan_DictionaryLikeData.txt (or .bz2, e.g. from Debian's unicode-data:
//   /usr/share/unicode/Unihan_DictionaryLikeData.txt.bz2); OUT defaults to the shipped file.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { isCommonHanzi } from '../src/rules/utils/chars.js';

const [input, out = new URL('../rules/lexicons/shape-neighbours.txt', import.meta.url).pathname] = process.argv.slice(2);
if (!input) {
  console.error('usage: tsx scripts/shape-neighbours.ts Unihan_DictionaryLikeData.txt[.bz2] [OUT]');
  process.exit(2);
}
const text = input.endsWith('.bz2') ? execFileSync('bzcat', [input], { maxBuffer: 1 << 28 }).toString('utf8') : readFileSync(input, 'utf8');
const version = /Unicode version:?\s*([\d.]+)/i.exec(text)?.[1] ?? 'unknown';

const cangjie = new Map<string, string>();
const corner = new Map<string, string>();
const series = new Map<string, string[]>();
for (const line of text.split('\n')) {
  const [u, key, value] = line.split('\t');
  if (!u?.startsWith('U+') || !value) continue;
  const ch = String.fromCodePoint(Number.parseInt(u.slice(2), 16));
  if (key === 'kCangjie') cangjie.set(ch, value);
  else if (key === 'kFourCornerCode') corner.set(ch, value.split(' ')[0]!.slice(0, 4));
  // A class number, with * or x marking a doubtful or unusual member: both are members.
  else if (key === 'kPhonetic')
    series.set(
      ch,
      value.split(' ').map((v) => v.replace(/[*x]+$/, '')),
    );
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

const chars: string[] = [];
for (let c = 0x4e00; c <= 0x9fa5; c++) {
  const h = String.fromCharCode(c);
  if (isCommonHanzi(h) && cangjie.has(h)) chars.push(h);
}
const near = new Map<string, string[]>(chars.map((c) => [c, []]));
const parts = new Map<string, string[]>(chars.map((c) => [c, []]));
for (let i = 0; i < chars.length; i++)
  for (let j = i + 1; j < chars.length; j++) {
    const a = chars[i]!;
    const b = chars[j]!;
    const ca = cangjie.get(a)!;
    const cb = cangjie.get(b)!;
    if (Math.abs(ca.length - cb.length) > 2) continue;
    const d = distance(ca, cb);
    const shorter = Math.min(ca.length, cb.length);
    const sameCorner = corner.has(a) && corner.get(a) === corner.get(b);
    if ((d <= 1 && shorter >= 3) || (sameCorner && (d <= 1 || (d <= 2 && shorter >= 4)))) {
      near.get(a)!.push(b);
      near.get(b)!.push(a);
      continue;
    }
    // One's code is the other's with one or two letters in front (也 地, 去 法, 呆 保): the part written for
    // the whole. Only the typo detector reads these; the serious-error variants keep to the closer set.
    const [short, long] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
    if (short.length >= 2 && long.length - short.length <= 2 && long.length > short.length && long.endsWith(short)) {
      parts.get(a)!.push(b);
      parts.get(b)!.push(a);
    }
  }
const members = new Map<string, string[]>();
for (const c of chars) for (const k of series.get(c) ?? []) members.set(k, [...(members.get(k) ?? []), c]);
const phonetic = new Map<string, string[]>(chars.map((c) => [c, []]));
for (const list of members.values())
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i]!, list[j]!];
      if (near.get(a)!.includes(b) || parts.get(a)!.includes(b) || phonetic.get(a)!.includes(b)) continue;
      phonetic.get(a)!.push(b);
      phonetic.get(b)!.push(a);
    }

function write(map: Map<string, string[]>, path: string, what: string, fields = 'kCangjie, kFourCornerCode'): void {
  const lines = [...map].filter(([, n]) => n.length > 0).map(([c, n]) => `${c}\t${n.join('')}`);
  writeFileSync(
    path,
    `# ${what}, generated by scripts/shape-neighbours.ts from Unihan ${version} (${fields}).\n` +
      `# Unicode licence: rules/lexicons/LICENSE-Unicode.txt. One character a line, a tab, its look-alikes.\n${lines.join('\n')}\n`,
  );
  console.log(`${lines.length} characters, ${lines.reduce((n, l) => n + [...l].length - 2, 0)} neighbours → ${path}`);
}
write(near, out, 'Look-alike characters');
write(parts, out.replace(/shape-neighbours\.txt$/, 'part-neighbours.txt'), 'Characters one of which is a part of the other (也 地, 去 法)');
write(
  phonetic,
  out.replace(/shape-neighbours\.txt$/, 'phonetic-neighbours.txt'),
  'Characters of one phonetic series, sharing the component that gives their sound (列 例, 完 院)',
  'kPhonetic',
);

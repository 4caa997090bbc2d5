// Share of single-character substitutions in protected terms the serious-error checker finds, and its
// flags on clean text beside them. Substitutions are what a writer types by mistake: at each character
// of each term of four characters or more (numerals never), the two likeliest characters of the same
// syllable in any tone (by their frequency in the word dictionary: what an input method offers first)
// and the likeliest look-alike of the Unihan shape set — sets the checker does not compile its variants
// from (it reads similar-chars.yaml and its own sound tables). A substitution that makes another protected
// term, or a word the dictionary knows over the whole changed span, is not an error and is skipped.
// Each is written into a carrier sentence; found means a hit over the changed character whose suggestion
// gives the term back (the term itself, or a shorter term or leader's name inside it).
// Clean text: every protected term and law title in a sentence, the fixtures' paragraphs, the text test
// corpus (test/rules/corpus/clean.txt) and the near misses the issue names (人民大会堂 beside 人民代表大会).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { paragraphs } from '../fixtures/text.js';
import { ConfusionSets, VIA_NAMES } from '../src/rules/utils/confusion.js';
import type { SeriousChecker } from '../src/rules/utils/protected-terms.js';
import { detectorData, shapeNeighbours } from '../src/verdict/config/text-data.js';

const CARRIERS = ['会议强调，要认真贯彻落实{}的部署要求。', '{}有关负责同志出席会议并讲话。'];
const NEAR = [
  '代表们在人民大会堂参加会议，审议政府工作报告。',
  '人民代表在大会上发言，党的十八大以来成效显著。',
  '全国人大代表、省人民医院院长出席座谈会。',
  '市人民政府办公室、市人民检察院有关负责同志参加。',
  '中央政治局委员、国务院副总理出席会议。',
];

/**
 * The hit's correction gives the term back: its suggestion is the term, or a term or name inside it
 * (中他人民共和国宪法 flagged as 中华人民共和国; 习进平强军思想 as 习近平), which mends the same character.
 */
function restores(text: string, h: { start: number; end: number; suggestion?: string | null }, term: string): boolean {
  if (!h.suggestion) return false;
  return `${text.slice(0, h.start)}${h.suggestion}${text.slice(h.end)}`.includes(term);
}

export function seriousRecall(serious: SeriousChecker): {
  variants: number;
  found: number;
  byVia: Map<string, [number, number]>;
  missed: string[];
} {
  // The Unihan look-alikes alone: the typo detector's part-for-whole pairs (也 for 地) are not what this measures.
  const conf = new ConfusionSets(shapeNeighbours());
  const { dict } = detectorData();
  const doc = parse(readFileSync(fileURLToPath(new URL('../rules/lexicons/protected-terms.yaml', import.meta.url)), 'utf8')) as {
    terms: { term: string }[];
  };
  const terms = doc.terms.map((t) => t.term).filter((t) => t.length >= 4);
  const protectedSet = new Set(terms);
  let variants = 0;
  let found = 0;
  const byVia = new Map<string, [number, number]>();
  const missed: string[] = [];
  for (const term of terms)
    for (let i = 0; i < term.length; i++) {
      const cs = conf.of(term[i]!);
      const by = (want: string[]) =>
        [...cs.units.keys()]
          .filter((k) => want.includes(VIA_NAMES[cs.via[k]!]!))
          .map((k) => String.fromCharCode(cs.units[k]!))
          .sort((a, b) => dict.count1(b) - dict.count1(a));
      const picks: [string, string][] = [
        ...by(['sound', 'tone'])
          .slice(0, 2)
          .map((c) => ['sound', c] as [string, string]),
        ...by(['shape'])
          .slice(0, 1)
          .map((c) => ['shape', c] as [string, string]),
      ];
      for (const [via, c] of picks) {
        const wrong = term.slice(0, i) + c + term.slice(i + 1);
        if (protectedSet.has(wrong) || dict.countOf(wrong, 0, wrong.length) > 0) continue;
        const carrier = CARRIERS[variants % CARRIERS.length]!;
        const at = carrier.indexOf('{}');
        const text = carrier.replace('{}', wrong);
        const ok = serious.check(text).some((h) => h.start <= at + i && h.end > at + i && restores(text, h, term));
        variants++;
        if (ok) found++;
        else if (missed.length < 30) missed.push(wrong);
        const v = byVia.get(via) ?? [0, 0];
        byVia.set(via, [v[0] + Number(ok), v[1] + 1]);
      }
    }
  return { variants, found, byVia, missed };
}

export function seriousOnClean(serious: SeriousChecker): { sentences: number; flagged: string[] } {
  const doc = parse(readFileSync(fileURLToPath(new URL('../rules/lexicons/protected-terms.yaml', import.meta.url)), 'utf8')) as {
    terms: { term: string }[];
  };
  const clean = [
    ...doc.terms.map((t) => CARRIERS[0]!.replace('{}', t.term)),
    ...readFileSync(fileURLToPath(new URL('../test/rules/corpus/clean.txt', import.meta.url)), 'utf8')
      .split('\n')
      .filter(Boolean),
    ...Array.from({ length: 40 }, (_, n) =>
      paragraphs({ place: '青山市', org: '青山市人民政府办公室', year: 2026 }, '安全生产工作推进会', n),
    ).flat(),
    ...NEAR,
  ];
  const flagged = clean.flatMap((s) => serious.check(s).map((h) => `${h.wrong}→${h.suggestion}: ${s}`));
  return { sentences: clean.length, flagged };
}

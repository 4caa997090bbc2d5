// A pair of characters written for a word of the same sound (淡味 for 单位, 暴涨 for 保障): the input
// method's wrong pick, which replaces both characters and so escapes the one-character detector. Each
// pair the segmentation does not hold inside a longer word is tried with the dictionary's words of its
// syllables (homophone-words.ts); the same gates as one character's (names, places, firms, known words),
// then a fitted scorer (typo-word-features.ts) weighs the segmentation's gain and the trigrams' on the
// pair and the two characters after it. A written pair that is itself a common word is not tried:
// real-word errors need more evidence than trigrams over laws.
import type { CharNgrams } from './char-ngrams.js';
import type { HomophoneWords } from './homophone-words.js';
import { looksLikeName } from './names.js';
import { bestRoute } from './segment.js';
import type { TextHit } from './text-hit.js';
import { inSpans, type Span } from './text-spans.js';
import type { KnownWords } from './typo-detector.js';
import { score, type TypoScorer } from './typo-features.js';
import { givenName, NAME_SUFFIX, ORG_AHEAD, PLACE_SUFFIX } from './typo-gates.js';
import { WORD_FEATURE_NAMES, wordCandidateFeatures } from './typo-word-features.js';
import type { WordDict } from './word-dict.js';

export interface WordTuning {
  /** Least dictionary count of the word offered (homophone-words.ts indexes no rarer word). */
  minCount: number;
  /** A written pair that is a word more frequent than this is not tried. */
  commonWritten: number;
  /**
   * Least gain of the trigrams for the word over the pair, less the characters' own frequency: below it the
   * segmentation is not asked (the costly part), and no labelled training error scored near the threshold.
   */
  minLm: number;
  /** A character standing alone as a word more often than this (太, 是, 在) is grammar: a pair with one is not tried. */
  commonChar: number;
}

/** The gates the word scorer was fitted behind: change one, refit (`bench/fit-typo-scorer.ts --kind word`). */
export const WORD_TUNING: WordTuning = { minCount: 50, commonWritten: 3000, minLm: 3, commonChar: 60_000 };

/** Sees every candidate the word scorer weighs: the fitting script's way in. */
export type WordCandidateObserver = (i: number, word: string, features: Float64Array) => void;

export interface WordDetectorData {
  dict: WordDict;
  known: KnownWords;
  lm: CharNgrams;
  homophones: HomophoneWords;
  wordScorer: TypoScorer;
}

/** A run's tokens as the detector's best segmentation cut them: each character's token's start and end. */
export interface RunTokens {
  a: number;
  b: number;
  tokStart: Int32Array;
  tokEnd: Int32Array;
}

const REACH = 3;

/** The surest homophone word for each pair of the run that clears the scorer, in `out`. */
export function wordHits(
  text: string,
  { a, b, tokStart, tokEnd }: RunTokens,
  data: WordDetectorData,
  skip: Span[],
  out: (TextHit & { margin: number })[],
  tuning: WordTuning = WORD_TUNING,
  observe?: WordCandidateObserver,
): void {
  const { dict, known, lm, homophones, wordScorer } = data;
  const x = new Float64Array(WORD_FEATURE_NAMES.length);
  const lone = (k: number) => tokEnd[k - a]! - tokStart[k - a]! === 1;
  const tried: string[] = [];
  const lpTried: number[] = [];
  const ownTried: number[] = [];
  for (let i = a; i + 1 < b; i++) {
    // Inside a word of three characters or more the pair is where it belongs.
    if (tokEnd[i - a]! - tokStart[i - a]! > 2 || tokEnd[i + 1 - a]! - tokStart[i + 1 - a]! > 2) continue;
    const writtenCount = dict.countOf(text, i, i + 2);
    if (writtenCount > tuning.commonWritten) continue;
    if (lone(i) && dict.countOf(text, i, i + 1) > tuning.commonChar) continue;
    if (lone(i + 1) && dict.countOf(text, i + 1, i + 2) > tuning.commonChar) continue;
    const words = homophones.of(text.charCodeAt(i), text.charCodeAt(i + 1));
    if (words.length === 0) continue;
    // The trigrams first, on the pair and two characters after it: few candidates pass, and the gates
    // and the segmentation are asked for those only.
    const lo = Math.max(a, i - 2);
    const to = Math.min(b, i + 4);
    const lpWritten = lm.logProb(text, lo, i, to);
    const ownWritten = charsUnigram(lm, text.charCodeAt(i), text.charCodeAt(i + 1));
    let passing = 0;
    for (const word of words) {
      if (dict.count1(word) < tuning.minCount) continue;
      const lpCorrected = lm.logProb(text, lo, i, to, i, word.charCodeAt(0), i + 1, word.charCodeAt(1));
      const ownCorrected = charsUnigram(lm, word.charCodeAt(0), word.charCodeAt(1));
      const own = ownWritten === null || ownCorrected === null ? 0 : ownCorrected - ownWritten;
      if (lpCorrected - lpWritten - own < tuning.minLm) continue;
      tried[passing] = word;
      lpTried[passing] = lpCorrected;
      ownTried[passing++] = own;
    }
    if (passing === 0 || inSpans(skip, i, i + 2)) continue;
    if (looksLikeName(text, i, i + 2) || (i > 0 && looksLikeName(text, i - 1, i + 1)) || looksLikeName(text, i + 1, i + 3)) continue;
    if (givenName(text, i) || givenName(text, i + 1)) continue;
    if (known.covers(text, i) || known.covers(text, i + 1)) continue;
    if (PLACE_SUFFIX.test(text[i + 1]!) || NAME_SUFFIX.test(text.slice(i + 2, i + 5))) continue;
    const w0 = tokStart[Math.max(a, i - REACH) - a]!;
    const w1 = tokEnd[Math.min(b - 1, i + 1 + REACH) - a]!;
    const base = bestRoute(dict, text, w0, w1).score;
    const pair = text.slice(i, i + 2);
    const writtenCharCount = Math.min(dict.count1(pair[0]!), dict.count1(pair[1]!));
    const writtenToken = tokStart[i - a] === i && tokEnd[i - a] === i + 2;
    let best: (typeof out)[number] | null = null;
    for (let k = 0; k < passing; k++) {
      const word = tried[k]!;
      const s1 = `${text.slice(w0, i)}${word}${text.slice(i + 2, w1)}`;
      const r = bestRoute(dict, s1, 0, s1.length);
      // The corrected text must read the word whole: as a token, or inside a longer one (营业执照, 联席会议).
      let ws = 0;
      while (r.next[ws]! <= i - w0) ws = r.next[ws]!;
      if (r.next[ws]! < i - w0 + 2) continue;
      wordCandidateFeatures(
        {
          seg: r.score - base,
          lpWritten,
          lpCorrected: lpTried[k]!,
          own: ownTried[k]!,
          writtenCount,
          writtenToken,
          correctedCount: dict.count1(word),
          writtenCharCount,
          atStart: i === a,
          atEnd: i + 2 === b,
        },
        x,
      );
      observe?.(i, word, x);
      const margin = score(wordScorer, x) - wordScorer.threshold;
      if (margin < 0 || (best && margin <= best.margin)) continue;
      best = { rule: 'typo', start: i, end: i + 2, wrong: pair, suggestion: word, how: 'detected-word', margin };
    }
    if (best && !ORG_AHEAD.test(text.slice(best.end, best.end + 16))) out.push(best);
  }
}

/** ln P1 of two characters together under the trigrams' unigrams, null where the model knows neither. */
function charsUnigram(lm: CharNgrams, c0: number, c1: number): number | null {
  // unigramGain(x, y) = ln P1(y) − ln P1(x): against a fixed character, the difference of two is theirs.
  const ref = 0x7684; // 的: counted in every corpus.
  const g0 = lm.unigramGain(ref, c0);
  const g1 = lm.unigramGain(ref, c1);
  return g0 === null || g1 === null ? null : g0 + g1;
}

// 错别字 no lexicon lists: a character that makes no word where it stands, when a character of the same
// sound or a similar shape would make a frequent one. Each position jieba leaves as a lone character or
// inside a two-character word is tried with its confusables (confusion.ts); a candidate counts when the
// corrected sentence reads it inside a dictionary word of two characters or more. Gates first: names,
// counts, firms and places, words the dictionary lacks, function words, a neighbour's word cut in two.
// Then a fitted scorer weighs the evidence (typo-features.ts): the gain in ln-probability of the most
// probable segmentation around the character (jieba's unigram model, segment.ts), which knows words; and
// the character trigrams of official writing (char-ngrams.ts, counted over laws) on either side of it,
// which know which words follow which (大数局产业: 数局 is never written). Inside a dictionary word
// (登机, 税源) only the dictionary's evidence counts: laws not writing a word is no evidence against it.
// The scorer is fitted on training data with a budget of flags on proofread official text
// (bench/fit-typo-scorer.ts): a false typo puts an office on a list wrongly. A pair written for a
// homophone word (淡味 for 单位) is typo-word-detector.ts's, run over the same segmentation.
import type { ConfusionSets } from './confusion.js';
import { VIA_NAMES } from './confusion.js';
import type { CharNgrams } from './char-ngrams.js';
import { looksLikeName } from './names.js';
import { givenName, NAME_SUFFIX, ORG_AHEAD, PLACE_SUFFIX } from './typo-gates.js';
import { bestRoute } from './segment.js';
import type { TextHit } from './text-hit.js';
import { inSpans, type Span } from './text-spans.js';
import { candidateFeatures, FEATURE_NAMES, score, type TypoScorer } from './typo-features.js';
import { hashStart, hashStep, type WordDict } from './word-dict.js';
import { WORD_TUNING, type WordCandidateObserver, type WordDetectorData, wordHits } from './typo-word-detector.js';

export interface DetectorTuning {
  /** Least segmentation gain whatever else the evidence says: the dictionary must not prefer the written form. */
  minSegGain: number;
  /** Least dictionary count of the word the correction makes. */
  minCount: number;
  /**
   * The corrected sentence must read the correction inside a word of `minCount` (false: any dictionary word
   * the candidate makes with its neighbours will do, and is what the finding shows).
   */
  readsCorrection: boolean;
  /** A two-character word at least this frequent counts as a word the character is inside (签定 147 is, 按排 3 is not). */
  rareWord: number;
  /** A two-character word more frequent than this is not tried at all: its characters are where they belong. */
  commonWord: number;
  /** A character that stands alone as a word more often than this (的, 在, 和) is not tried: its confusions are grammar, not spelling. */
  commonChar: number;
  /** A correction that cuts in two a word this frequent beside the character (竟 + 争相 as 竞争 + 相) is not made. */
  brokenWord: number;
  /** The score a candidate must reach; undefined: the fitted scorer's own threshold. */
  threshold?: number;
}

/**
 * The gates before the fitted scorer (typo-features.ts) weighs a candidate. The scorer was fitted with these
 * (`npx tsx bench/fit-typo-scorer.ts`): change one, refit.
 */
export const TUNING: DetectorTuning = {
  minSegGain: 0,
  minCount: 20,
  readsCorrection: true,
  rareWord: 30,
  commonWord: 2000,
  commonChar: 90_000,
  brokenWord: 100,
};

/** Sees every candidate the scorer weighs: the fitting script's way in. */
export type CandidateObserver = (i: number, unit: number, features: Float64Array) => void;

/** Characters either side of the one tried whose words the gain is measured over. */
const REACH = 3;
/** The longest word a correction is looked for in. */
const LONGEST = 8;
const HAN = /[\u4e00-\u9fa5]{2,}/g;

/** 几户, 数名, 每家: a numeral word before a measure word is a count, not a misspelling of 几乎. */
const COUNT_WORD = /[几数每各两]/;
/** A correction into a function word (心电监护仪及耗材 as 以及) rewrites grammar around a name the dictionary lacks, not a slip. */
const FUNCTION_WORDS = new Set([
  '以及',
  '及其',
  '而且',
  '并且',
  '但是',
  '因为',
  '所以',
  '如果',
  '虽然',
  '即使',
  '对于',
  '关于',
  '以便',
  '以免',
  '以后',
  '以前',
  '以上',
  '以下',
  '以来',
  '以外',
  '以内',
  '或者',
  '还是',
  '只是',
  '就是',
  '可以',
  '已经',
]);
const MEASURE = /[户个名位家次年天人条项件所座只辆台套处批份类种块张本篇期届]/;

/** Words the dictionary lacks (rules/lexicons/modern-words.txt), by each character they hold. */
export class KnownWords {
  private readonly byChar = new Map<string, string[]>();
  constructor(words: Iterable<string>) {
    for (const w of words) for (const c of new Set(w)) (this.byChar.get(c) ?? this.byChar.set(c, []).get(c)!).push(w);
  }

  /** Is text[i] inside one of the words, written in full? */
  covers(text: string, i: number): boolean {
    for (const w of this.byChar.get(text[i]!) ?? [])
      for (let k = w.indexOf(text[i]!); k >= 0; k = w.indexOf(text[i]!, k + 1)) if (i - k >= 0 && text.startsWith(w, i - k)) return true;
    return false;
  }
}

export interface DetectedHit extends TextHit {
  /** The scorer's score over its threshold. */
  margin: number;
}

export interface DetectorData extends WordDetectorData {
  dict: WordDict;
  conf: ConfusionSets;
  known: KnownWords;
  lm: CharNgrams;
  scorer: TypoScorer;
}

export function detectTypos(
  text: string,
  data: DetectorData,
  tuning: DetectorTuning = TUNING,
  skip: Span[] = [],
  observe?: CandidateObserver,
  observeWord?: WordCandidateObserver,
): DetectedHit[] {
  const hits: DetectedHit[] = [];
  for (const m of text.matchAll(HAN)) runHits(text, m.index, m.index + m[0].length, data, tuning, skip, hits, observe, observeWord);
  if (hits.length < 2) return hits;
  // Of overlapping corrections keep the surest.
  const kept: DetectedHit[] = [];
  for (const h of [...hits].sort((x, y) => y.margin - x.margin)) if (!kept.some((k) => h.start < k.end && h.end > k.start)) kept.push(h);
  return kept.sort((x, y) => x.start - y.start);
}

function runHits(
  text: string,
  a: number,
  b: number,
  data: DetectorData,
  tuning: DetectorTuning,
  skip: Span[],
  out: DetectedHit[],
  observe?: CandidateObserver,
  observeWord?: WordCandidateObserver,
): void {
  const { dict, conf, known, lm, scorer } = data;
  const threshold = tuning.threshold ?? scorer.threshold;
  const x = new Float64Array(FEATURE_NAMES.length);
  const { next } = bestRoute(dict, text, a, b);
  const tokStart = new Int32Array(b - a);
  const tokEnd = new Int32Array(b - a);
  for (let i = a; i < b; ) {
    const e = next[i - a]!;
    for (let k = i; k < e; k++) {
      tokStart[k - a] = i;
      tokEnd[k - a] = e;
    }
    i = e;
  }
  wordHits(text, { a, b, tokStart, tokEnd }, data, skip, out, WORD_TUNING, observeWord);
  const prefixHash = new Uint32Array(REACH + 1);
  const startAt = new Int32Array(REACH + 1);
  for (let i = a; i < b; i++) {
    const ts = tokStart[i - a]!;
    const te = tokEnd[i - a]!;
    if (te - ts > 2 || (te - ts === 1 && dict.countOf(text, i, i + 1) > tuning.commonChar)) continue;
    const wordCount = te - ts === 2 ? dict.countOf(text, ts, te) : 0;
    if (wordCount > tuning.commonWord) continue;
    const alone = te - ts === 1;
    const place = alone ? 0 : wordCount >= tuning.rareWord ? 2 : 1;
    const cs = conf.of(text[i]!);
    if (cs.units.length === 0 || inSpans(skip, i, i + 1)) continue;
    if ((i > 0 && looksLikeName(text, i - 1, i + 1)) || looksLikeName(text, i, i + 2) || givenName(text, i)) continue;
    if (i > 0 && COUNT_WORD.test(text[i - 1]!) && MEASURE.test(text[i]!)) continue;
    if (known.covers(text, i)) continue;
    // 襄村, 龙镇: the suffix of a place's name after a character that is part of it is not a misspelling.
    if (i > a && PLACE_SUFFIX.test(text[i]!)) continue;
    // Where a corrected word may start: at i, or where text[st, i) begins some word.
    let starts = 0;
    for (let st = i; st >= Math.max(a, i - REACH); st--) {
      let h = hashStart;
      for (let k = st; k < i; k++) h = hashStep(h, text.charCodeAt(k));
      if (st < i && dict.countOf(text, st, i, h) < 0) continue;
      startAt[starts] = st;
      prefixHash[starts++] = h;
    }
    const w0 = tokStart[Math.max(a, i - REACH) - a]!;
    const w1 = tokEnd[Math.min(b - 1, i + REACH) - a]!;
    let base = Number.NaN;
    let written: { lp: number; left: number; right: number; charCount: number; leftPair: number; rightPair: number } | null = null;
    let best: DetectedHit | null = null;
    const suffixNext = NAME_SUFFIX.test(text.slice(i + 1, i + 4));
    for (let c = 0; c < cs.units.length; c++) {
      const unit = cs.units[c]!;
      if (formedWord(text, i, b, unit, starts, startAt, prefixHash, dict, tuning.minCount) < 0) continue;
      if (Number.isNaN(base)) base = bestRoute(dict, text, w0, w1).score;
      const s1 = `${text.slice(w0, i)}${String.fromCharCode(unit)}${text.slice(i + 1, w1)}`;
      const r = bestRoute(dict, s1, 0, s1.length);
      const seg = r.score - base;
      if (seg < tuning.minSegGain) continue;
      // The corrected sentence must read the correction as a frequent word: that word is the hit.
      let ws = 0;
      while (r.next[ws]! <= i - w0) ws = r.next[ws]!;
      const we = r.next[ws]!;
      const correctedCount = we - ws >= 2 ? dict.countOf(s1, ws, we) : 0;
      const reads = we - ws >= 2 && correctedCount >= tuning.minCount;
      if (reads && FUNCTION_WORDS.has(s1.slice(ws, we))) continue;
      if (!reads && tuning.readsCorrection) continue;
      const formed = reads ? -1 : formedWord(text, i, b, unit, starts, startAt, prefixHash, dict, tuning.minCount);
      const start = reads ? w0 + ws : Math.floor(formed / 256);
      const end = reads ? w0 + we : start + (formed % 256);
      // 那弄村 read as 那农村: a correction that takes in a name's suffix is a place's name rewritten.
      if (suffixNext && end > i + 1) continue;
      const broken = alone ? brokenWord(text, a, b, i, start, end, tokStart, tokEnd, dict) : 0;
      if (broken >= tuning.brokenWord) continue;
      written ??= {
        lp: lm.logProb(text, a, i, Math.min(b, i + 3)),
        left: i > a ? lm.logProb(text, i - 1, i, i + 1) : 0,
        right: i + 1 < b ? lm.logProb(text, i, i + 1, i + 2) : 0,
        charCount: dict.countOf(text, i, i + 1),
        leftPair: i > a ? dict.countOf(text, i - 1, i + 1) : -1,
        rightPair: i + 1 < b ? dict.countOf(text, i, i + 2) : -1,
      };
      const lpCorrected = lm.logProb(text, a, i, Math.min(b, i + 3), i, unit);
      const own = lm.unigramGain(text.charCodeAt(i), unit);
      candidateFeatures(
        {
          seg,
          // As lm.contextGain, from the trigrams already read.
          lm: own === null ? 0 : lpCorrected - written.lp - own,
          lpWritten: written.lp,
          lpCorrected,
          leftWritten: written.left,
          leftCorrected: i > a ? lm.logProb(text, i - 1, i, i + 1, i, unit) : 0,
          rightWritten: written.right,
          rightCorrected: i + 1 < b ? lm.logProb(text, i, i + 1, i + 2, i, unit) : 0,
          place,
          via: cs.via[c]!,
          writtenCount: alone ? written.charCount : wordCount,
          correctedCount: reads
            ? correctedCount
            : dict.countOf(text.slice(start, i) + String.fromCharCode(unit) + text.slice(i + 1, end), 0, end - start),
          correctedLength: end - start,
          writtenCharCount: written.charCount,
          candidateCharCount: dict.count1(String.fromCharCode(unit)),
          leftPair: written.leftPair,
          rightPair: written.rightPair,
          broken,
          atStart: i === a,
          atEnd: i + 1 === b,
        },
        x,
      );
      observe?.(i, unit, x);
      const margin = score(scorer, x) - threshold;
      if (margin < 0 || (best && margin <= best.margin)) continue;
      const via = VIA_NAMES[cs.via[c]!]!;
      best = {
        rule: 'typo',
        start,
        end,
        wrong: text.slice(start, end),
        suggestion: `${text.slice(start, i)}${String.fromCharCode(unit)}${text.slice(i + 1, end)}`,
        how: `detected-${via}${place === 2 ? '-inword' : ''}`,
        margin,
      };
    }
    // A name or a firm running on after the surest correction (进巷村, 亲咨公司): the position is a name's.
    if (best && !NAME_SUFFIX.test(text.slice(best.end, best.end + 3)) && !ORG_AHEAD.test(text.slice(best.end, best.end + 16)))
      out.push(best);
  }
}

/** The count of a word beside a lone text[i] that the corrected word [start, end) ends or starts inside of, 0 for none. */
function brokenWord(
  text: string,
  a: number,
  b: number,
  i: number,
  start: number,
  end: number,
  tokStart: Int32Array,
  tokEnd: Int32Array,
  dict: WordDict,
): number {
  let n = 0;
  if (i + 1 < b && end > i + 1) {
    const e = tokEnd[i + 1 - a]!;
    if (e - (i + 1) >= 2 && end < e) n = Math.max(n, dict.countOf(text, i + 1, e));
  }
  if (i > a && start < i) {
    const s = tokStart[i - 1 - a]!;
    if (i - s >= 2 && start > s) n = Math.max(n, dict.countOf(text, s, i));
  }
  return n;
}

/** Where `unit` at i makes a word of two characters or more, of at least `minCount`, with its neighbours: start × 256 + length, or −1. */
function formedWord(
  text: string,
  i: number,
  b: number,
  unit: number,
  starts: number,
  startAt: Int32Array,
  prefixHash: Uint32Array,
  dict: WordDict,
  minCount: number,
): number {
  for (let s = 0; s < starts; s++) {
    const st = startAt[s]!;
    let h = hashStep(prefixHash[s]!, unit);
    for (let end = i + 1; end <= Math.min(b, st + LONGEST); end++) {
      if (end > i + 1) h = hashStep(h, text.charCodeAt(end - 1));
      const n = dict.countWith(text, st, end, i, unit, h);
      if (n < 0) break;
      if (end - st >= 2 && n >= minCount) return st * 256 + (end - st);
    }
  }
  return -1;
}

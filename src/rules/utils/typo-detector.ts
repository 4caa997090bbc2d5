// 错别字 no lexicon lists: a character that makes no word where it stands, when a character of the same
// sound or a similar shape would make a frequent one. Each position jieba leaves as a lone character or
// inside a rare two-character word (签定) is tried with its confusables (confusion.ts); a candidate counts
// when it makes a dictionary word of two characters or more, and the evidence for it clears the least
// set for its kind of confusion. The evidence is the gain in ln-probability of the sentence's most
// probable segmentation around the character (jieba's unigram model, segment.ts), which knows words; and,
// for a character that stands alone (大数局产业: 局 is no word there), the gain of the three character
// trigrams that read it (char-ngrams.ts, counted over laws), which knows which words follow which. A
// character inside a dictionary word (登机, 思乡, 纠风 where the dictionary has it) is where a word is:
// only the word evidence may move it, as strongly as before the trigrams; laws not writing a word is no
// evidence against it. The least gains are tuned for precision on training data (bench/text-detector.ts):
// a false typo puts an office on a list wrongly.
import type { ConfusionSets, Via } from './confusion.js';
import { VIA_NAMES } from './confusion.js';
import type { CharNgrams } from './char-ngrams.js';
import { looksLikeName, SURNAMES } from './names.js';
import { bestRoute } from './segment.js';
import type { TextHit } from './text-hit.js';
import { inSpans, type Span } from './text-spans.js';
import { hashStart, hashStep, type WordDict } from './word-dict.js';

export interface DetectorTuning {
  /** Least evidence for a lone character, segmentation gain + lmWeight × context gain of the trigrams, by kind of confusion. */
  minGain: Record<Via, number>;
  /** Least segmentation gain for a character inside a rare two-character word (签定, 按排): the trigrams are not read. */
  minGainRareWord: Record<Via, number>;
  /** The same inside a two-character word of at least `rareWord` (可学 for 科学): 99 never. */
  minGainInWord: Record<Via, number>;
  /** What a nat of trigram gain is worth beside a nat of segmentation gain. */
  lmWeight: number;
  /** Least segmentation gain whatever the trigrams say: they read laws, and a word the dictionary prefers must back them. */
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
}

/**
 * Tuned on the training fifths of ECSpell's odw and law sets and SIGHAN 2013–2015 train
 * (`npx tsx bench/text-detector.ts FILES --split tune`): the most recall on the official sets at precision
 * ≥ 0.935 there and ≥ 0.8 on SIGHAN's learners' essays, whose everyday words laws seldom write. The
 * least gains for characters inside words are those tuned before the trigrams. Measured on the held-out
 * fifth.
 */
export const TUNING: DetectorTuning = {
  minGain: { sound: 12, tone: 14, shape: 16, near: 15 },
  minGainRareWord: { sound: 10, tone: 11, shape: 11, near: 14 },
  minGainInWord: { sound: 7, tone: 7, shape: 99, near: 7 },
  lmWeight: 0.75,
  minSegGain: 2,
  minCount: 20,
  readsCorrection: true,
  rareWord: 30,
  commonWord: 2000,
  commonChar: 100_000,
};

/** Characters either side of the one tried whose words the gain is measured over. */
const REACH = 3;
/** The longest word a correction is looked for in. */
const LONGEST = 8;
const HAN = /[\u4e00-\u9fa5]{2,}/g;

/** A name's suffix: a misspelling right before 村 or 公司 is more often a place or a firm the dictionary lacks. */
const NAME_SUFFIX =
  /^(?:村|镇|乡|街道|社区|居委会|路|街|巷|屯|寨|嘎查|苏木|公司|集团|合作社|有限|区|县|市|州|盟|旗|经开区|高新区|新区|开发区)/;
/** A firm's or body's name runs on to its kind within the clause: 众诚建筑工程专业合作社, 星辰茶业有限公司. */
const ORG_AHEAD =
  /^[\u4e00-\u9fa5]{0,10}?(?:专业合作社|合作社|有限公司|股份公司|公司|集团|协会|商会|学会|研究会|联合会|工作室|事务所|厂|店)/;
/** A title right before a surname: 书记田唯主持, 副县长方真指出: the next one or two characters are a given name. */
const TITLE =
  /(?:书记|县长|市长|区长|州长|镇长|乡长|主任|局长|部长|厅长|处长|科长|院长|校长|所长|站长|主席|委员|代表|同志|董事长|总经理|经理|记者|通讯员|老师|医生|教授|专家)$/;
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
  /** The gain over the kind's least gain, in ln-probability. */
  margin: number;
}

export interface DetectorData {
  dict: WordDict;
  conf: ConfusionSets;
  known: KnownWords;
  lm: CharNgrams;
}

export function detectTypos(text: string, data: DetectorData, tuning: DetectorTuning = TUNING, skip: Span[] = []): DetectedHit[] {
  const hits: DetectedHit[] = [];
  for (const m of text.matchAll(HAN)) runHits(text, m.index, m.index + m[0].length, data, tuning, skip, hits);
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
  { dict, conf, known, lm }: DetectorData,
  tuning: DetectorTuning,
  skip: Span[],
  out: DetectedHit[],
): void {
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
  const prefixHash = new Uint32Array(REACH + 1);
  const startAt = new Int32Array(REACH + 1);
  for (let i = a; i < b; i++) {
    const ts = tokStart[i - a]!;
    const te = tokEnd[i - a]!;
    if (te - ts > 2 || (te - ts === 1 && dict.countOf(text, i, i + 1) > tuning.commonChar)) continue;
    const wordCount = te - ts === 2 ? dict.countOf(text, ts, te) : 0;
    if (wordCount > tuning.commonWord) continue;
    const alone = te - ts === 1;
    const inWord = wordCount >= tuning.rareWord;
    const least = alone ? tuning.minGain : inWord ? tuning.minGainInWord : tuning.minGainRareWord;
    const cs = conf.of(text[i]!);
    if (cs.units.length === 0 || inSpans(skip, i, i + 1)) continue;
    if ((i > 0 && looksLikeName(text, i - 1, i + 1)) || looksLikeName(text, i, i + 2) || givenName(text, i)) continue;
    if (i > 0 && COUNT_WORD.test(text[i - 1]!) && MEASURE.test(text[i]!)) continue;
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
    let best: DetectedHit | null = null;
    for (let c = 0; c < cs.units.length; c++) {
      const unit = cs.units[c]!;
      if (formedWord(text, i, b, unit, starts, startAt, prefixHash, dict, tuning.minCount) < 0) continue;
      if (Number.isNaN(base)) base = bestRoute(dict, text, w0, w1).score;
      const s1 = `${text.slice(w0, i)}${String.fromCharCode(unit)}${text.slice(i + 1, w1)}`;
      const r = bestRoute(dict, s1, 0, s1.length);
      const via = VIA_NAMES[cs.via[c]!]!;
      const seg = r.score - base;
      const margin = alone ? seg + tuning.lmWeight * lm.contextGain(text, a, b, i, unit) - least[via] : seg - least[via];
      if (seg < tuning.minSegGain || margin < 0 || (best && margin <= best.margin)) continue;
      // The corrected sentence must read the correction as a frequent word: that word is the hit.
      let ws = 0;
      while (r.next[ws]! <= i - w0) ws = r.next[ws]!;
      const we = r.next[ws]!;
      const reads = we - ws >= 2 && dict.countOf(s1, ws, we) >= tuning.minCount;
      if (reads && FUNCTION_WORDS.has(s1.slice(ws, we))) continue;
      if (!reads && tuning.readsCorrection) continue;
      const formed = reads ? -1 : formedWord(text, i, b, unit, starts, startAt, prefixHash, dict, tuning.minCount);
      const start = reads ? w0 + ws : Math.floor(formed / 256);
      const end = reads ? w0 + we : start + (formed % 256);
      best = {
        rule: 'typo',
        start,
        end,
        wrong: text.slice(start, end),
        suggestion: `${text.slice(start, i)}${String.fromCharCode(unit)}${text.slice(i + 1, end)}`,
        how: `detected-${via}${inWord ? '-inword' : ''}`,
        margin,
      };
    }
    if (
      best &&
      !known.covers(text, i) &&
      !NAME_SUFFIX.test(text.slice(best.end, best.end + 3)) &&
      !ORG_AHEAD.test(text.slice(best.end, best.end + 16))
    )
      out.push(best);
  }
}

/** Is text[i] one or two characters into a name that follows a title (书记田唯, 副县长方真)? */
function givenName(text: string, i: number): boolean {
  for (const back of [1, 2]) {
    const s = i - back;
    if (s >= 0 && SURNAMES.has(text[s]!) && TITLE.test(text.slice(Math.max(0, s - 4), s))) return true;
  }
  return false;
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

// What the word detector (typo-word-detector.ts) knows about a pair of characters written for a homophone
// word, as the numbers its scorer weighs; fitted as the one-character scorer is (bench/fit-typo-scorer.ts
// --kind word), shipped as rules/lexicons/typo-word-scorer.json and refused there if fitted for other names.

export interface WordCandidateEvidence {
  /** Gain in ln-probability of the best segmentation around the pair. */
  seg: number;
  /** ln P of the pair and the two characters after it under the trigrams, as written and as corrected. */
  lpWritten: number;
  lpCorrected: number;
  /** ln P1 of the corrected pair's characters less the written pair's: what their own frequency explains. */
  own: number;
  /** Dictionary count of the written pair as a word (−1: no word begins so; 0: only begins words). */
  writtenCount: number;
  /** The best segmentation reads the written pair as one word. */
  writtenToken: boolean;
  correctedCount: number;
  /** The lesser dictionary count of the written characters as words of their own. */
  writtenCharCount: number;
  atStart: boolean;
  atEnd: boolean;
}

export const WORD_FEATURE_NAMES = [
  'bias',
  'seg',
  'lm',
  'lp_written',
  'lp_corrected',
  'written_count',
  'written_word',
  'written_token',
  'corrected_count',
  'count_ratio',
  'written_char_count',
  'min_seg_lm',
  'seg_over_10',
  'lm_over_10',
  'at_start',
  'at_end',
] as const;

const ln1p = (n: number) => Math.log1p(Math.max(0, n));
const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function wordCandidateFeatures(e: WordCandidateEvidence, out: Float64Array): Float64Array {
  const seg = clip(e.seg, -30, 40);
  const lm = clip(e.lpCorrected - e.lpWritten - e.own, -30, 30);
  out[0] = 1;
  out[1] = seg;
  out[2] = lm;
  out[3] = e.lpWritten / 10;
  out[4] = e.lpCorrected / 10;
  out[5] = ln1p(e.writtenCount) / 5;
  out[6] = e.writtenCount > 0 ? 1 : 0;
  out[7] = e.writtenToken ? 1 : 0;
  out[8] = ln1p(e.correctedCount) / 5;
  out[9] = (ln1p(e.correctedCount) - ln1p(e.writtenCount)) / 5;
  out[10] = ln1p(e.writtenCharCount) / 5;
  out[11] = Math.min(seg, lm);
  out[12] = Math.max(0, seg - 10);
  out[13] = Math.max(0, lm - 10);
  out[14] = e.atStart ? 1 : 0;
  out[15] = e.atEnd ? 1 : 0;
  return out;
}

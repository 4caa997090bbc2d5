// What the typo detector knows about one candidate correction, as the numbers its scorer weighs. The
// weights are fitted (bench/fit-typo-scorer.ts) on training data and shipped as rules/lexicons/typo-scorer.json;
// a feature's name is its key there, so a scorer fitted for another list of features is refused, not misread.
// Hand-set least gains for each kind of confusion (the detector before) weighed two of these numbers; a
// fitted line weighs them all, and what the trigrams say beside the written character (提效 is written, 低效
// is too) is what keeps correct modern terms silent.

/** The raw measurements of a candidate, taken by the detector. */
export interface CandidateEvidence {
  /** Gain in ln-probability of the best segmentation around the character. */
  seg: number;
  /** Gain of the three trigrams that read the character, less the characters' own frequency (char-ngrams.ts). */
  lm: number;
  /** ln P of the written characters i..i+2 under the trigrams, as written and as corrected. */
  lpWritten: number;
  lpCorrected: number;
  /** ln P(text[i] | text[i−1]) and ln P(text[i+1] | text[i]), as written and as corrected (0 at a run's edge). */
  leftWritten: number;
  leftCorrected: number;
  rightWritten: number;
  rightCorrected: number;
  /** 0: the character stands alone; 1: inside a rare two-character word; 2: inside a two-character word. */
  place: 0 | 1 | 2;
  /** 0 sound, 1 tone, 2 shape, 3 near (VIA in confusion.ts). */
  via: number;
  /** Dictionary count of the written token (the character alone, or its two-character word). */
  writtenCount: number;
  /** Dictionary count and length of the word the correction is read in. */
  correctedCount: number;
  correctedLength: number;
  /** Dictionary counts of the written and the candidate character as words of their own. */
  writtenCharCount: number;
  candidateCharCount: number;
  /** Dictionary counts of the written character with its left and its right neighbour as a word (−1: none). */
  leftPair: number;
  rightPair: number;
  /** Dictionary count of a neighbouring word the correction would cut in two (竟 + 争相 read as 竞争 + 相), 0 for none. */
  broken: number;
}

export const FEATURE_NAMES = [
  'bias',
  'seg',
  'lm_alone',
  'lm_rare',
  'lp_written',
  'lp_corrected',
  'written_count',
  'written_count_inword',
  'written_count_alone',
  'corrected_count',
  'corrected_length',
  'rare',
  'inword',
  'tone',
  'shape',
  'near',
  'seg_rare',
  'seg_inword',
  'seg_shape',
  'lm_shape',
  'char_count_ratio',
  'left_pair',
  'right_pair',
  'min_seg_lm',
  'seg_over_10',
  'lm_over_10',
  'left_gain',
  'right_gain',
  'min_side_gain',
  'left_written',
  'right_written',
  'max_side_written',
  'broken_word',
] as const;

const ln1p = (n: number) => Math.log1p(Math.max(0, n));
const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The feature vector, in FEATURE_NAMES' order, written into `out`. Scales keep every feature near [−5, 5]. */
export function candidateFeatures(e: CandidateEvidence, out: Float64Array): Float64Array {
  const seg = clip(e.seg, -30, 40);
  const lm = clip(e.lm, -30, 30);
  const alone = e.place === 0 ? 1 : 0;
  const rare = e.place === 1 ? 1 : 0;
  const inword = e.place === 2 ? 1 : 0;
  const shape = e.via === 2 ? 1 : 0;
  const written = ln1p(e.writtenCount) / 5;
  // Inside a dictionary word the trigrams are no evidence: laws not writing 税源 or 攸关 says nothing
  // against them. Only the dictionary's evidence reaches the scorer there.
  const trusted = e.place === 2 ? 0 : 1;
  const leftGain = trusted * (e.leftCorrected - e.leftWritten);
  const rightGain = trusted * (e.rightCorrected - e.rightWritten);
  out[0] = 1;
  out[1] = seg;
  out[2] = lm * alone;
  out[3] = lm * rare;
  out[4] = (trusted * e.lpWritten) / 10;
  out[5] = (trusted * e.lpCorrected) / 10;
  out[6] = written;
  out[7] = written * inword;
  out[8] = written * alone;
  out[9] = ln1p(e.correctedCount) / 5;
  out[10] = e.correctedLength;
  out[11] = rare;
  out[12] = inword;
  out[13] = e.via === 1 ? 1 : 0;
  out[14] = shape;
  out[15] = e.via === 3 ? 1 : 0;
  out[16] = seg * rare;
  out[17] = seg * inword;
  out[18] = seg * shape;
  out[19] = trusted * lm * shape;
  out[20] = (ln1p(e.candidateCharCount) - ln1p(e.writtenCharCount)) / 5;
  out[21] = ln1p(e.leftPair) / 5;
  out[22] = ln1p(e.rightPair) / 5;
  out[23] = Math.min(seg, trusted * lm);
  out[24] = Math.max(0, seg - 10);
  out[25] = Math.max(0, trusted * lm - 10);
  out[26] = leftGain / 5;
  out[27] = rightGain / 5;
  out[28] = Math.min(leftGain, rightGain) / 5;
  out[29] = (trusted * e.leftWritten) / 10;
  out[30] = (trusted * e.rightWritten) / 10;
  out[31] = (trusted * Math.max(e.leftWritten, e.rightWritten)) / 10;
  out[32] = ln1p(e.broken) / 5;
  return out;
}

/** A fitted line over the features: the candidate is a typo when w·x reaches `threshold`. */
export interface TypoScorer {
  weights: Float64Array;
  threshold: number;
}

/** The shipped scorer's JSON, checked against the features this code computes. */
export function parseScorer(json: string, source: string): TypoScorer {
  const s = JSON.parse(json) as { features?: string[]; weights?: number[]; threshold?: number };
  const names = s.features ?? [];
  if (names.length !== FEATURE_NAMES.length || names.some((n, k) => n !== FEATURE_NAMES[k]))
    throw new Error(
      `${source}: features ${names.join(',')} are not the detector's (${FEATURE_NAMES.join(',')}); refit with bench/fit-typo-scorer.ts`,
    );
  if (!Array.isArray(s.weights) || s.weights.length !== names.length || s.weights.some((w) => typeof w !== 'number' || !Number.isFinite(w)))
    throw new Error(`${source}: weights must be ${names.length} finite numbers`);
  if (typeof s.threshold !== 'number' || !Number.isFinite(s.threshold)) throw new Error(`${source}: threshold must be a finite number`);
  return { weights: Float64Array.from(s.weights), threshold: s.threshold };
}

export function score(scorer: TypoScorer, x: Float64Array): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += scorer.weights[k]! * x[k]!;
  return s;
}

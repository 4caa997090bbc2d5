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
  /** The character opens or closes its run of ideographs: there the side probabilities are 0, not certainty. */
  atStart: boolean;
  atEnd: boolean;
}

export const FEATURE_NAMES = [
  'bias',
  'seg',
  'lm_alone',
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
  'at_start',
  'at_end',
] as const;

const ln1p = (n: number) => Math.log1p(Math.max(0, n));
const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The feature vector, in FEATURE_NAMES' order, written into `out`. Log-probabilities and log-counts are scaled down; the gains are clipped, not scaled. */
export function candidateFeatures(e: CandidateEvidence, out: Float64Array): Float64Array {
  const seg = clip(e.seg, -30, 40);
  const lm = clip(e.lm, -30, 30);
  const alone = e.place === 0 ? 1 : 0;
  const rare = e.place === 1 ? 1 : 0;
  const inword = e.place === 2 ? 1 : 0;
  const shape = e.via === 2 ? 1 : 0;
  const written = ln1p(e.writtenCount) / 5;
  // Only for a character standing alone do the trigrams speak. Inside a dictionary word, rare or not, they
  // are no evidence: laws not writing 税源, 攸关 or 时艰 says nothing against them.
  const trusted = alone;
  const leftGain = trusted * (e.leftCorrected - e.leftWritten);
  const rightGain = trusted * (e.rightCorrected - e.rightWritten);
  out[0] = 1;
  out[1] = seg;
  out[2] = lm * alone;
  out[3] = (trusted * e.lpWritten) / 10;
  out[4] = (trusted * e.lpCorrected) / 10;
  out[5] = written;
  out[6] = written * inword;
  out[7] = written * alone;
  out[8] = ln1p(e.correctedCount) / 5;
  out[9] = e.correctedLength;
  out[10] = rare;
  out[11] = inword;
  out[12] = e.via === 1 ? 1 : 0;
  out[13] = shape;
  out[14] = e.via === 3 ? 1 : 0;
  out[15] = seg * rare;
  out[16] = seg * inword;
  out[17] = seg * shape;
  out[18] = trusted * lm * shape;
  out[19] = (ln1p(e.candidateCharCount) - ln1p(e.writtenCharCount)) / 5;
  out[20] = ln1p(e.leftPair) / 5;
  out[21] = ln1p(e.rightPair) / 5;
  out[22] = Math.min(seg, trusted * lm);
  out[23] = Math.max(0, seg - 10);
  out[24] = Math.max(0, trusted * lm - 10);
  out[25] = leftGain / 5;
  out[26] = rightGain / 5;
  out[27] = Math.min(leftGain, rightGain) / 5;
  out[28] = (trusted * e.leftWritten) / 10;
  out[29] = (trusted * e.rightWritten) / 10;
  out[30] = (trusted * Math.max(e.leftWritten, e.rightWritten)) / 10;
  out[31] = ln1p(e.broken) / 5;
  out[32] = e.atStart ? 1 : 0;
  out[33] = e.atEnd ? 1 : 0;
  return out;
}

/** A fitted line over the features: the candidate is a typo when w·x reaches `threshold`. */
export interface TypoScorer {
  weights: Float64Array;
  threshold: number;
}

/**
 * The shipped scorer's JSON, checked against the features this code computes and the gates it was fitted
 * behind (`gates`: the detector's TUNING): a scorer fitted for other features or other gates is refused
 * with the file named, not misread.
 */
export function parseScorer(
  json: string,
  source: string,
  gates: object,
  featureNames: readonly string[] = FEATURE_NAMES,
  refit = 'npx tsx bench/fit-typo-scorer.ts',
): TypoScorer {
  let s: { features?: unknown; weights?: unknown; threshold?: unknown; gates?: unknown };
  try {
    s = JSON.parse(json) as typeof s;
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message})`, { cause: e });
  }
  if (!s || typeof s !== 'object') throw new Error(`${source}: expected an object with features, weights and threshold`);
  const names = Array.isArray(s.features) ? (s.features as unknown[]) : [];
  const at = featureNames.findIndex((n, k) => names[k] !== n);
  if (at >= 0 || names.length !== featureNames.length)
    throw new Error(
      `${source}: fitted for other features (${at >= 0 ? `feature ${at + 1} is ${JSON.stringify(names[at] ?? null)}, the detector's is ${featureNames[at]}` : `${names.length} features, the detector has ${featureNames.length}`}); refit: ${refit}`,
    );
  if (JSON.stringify(s.gates) !== JSON.stringify(gates))
    throw new Error(`${source}: fitted behind other gates (${JSON.stringify(s.gates ?? null)}); refit: ${refit}`);
  const weights = s.weights;
  if (!Array.isArray(weights) || weights.length !== names.length || weights.some((w) => typeof w !== 'number' || !Number.isFinite(w)))
    throw new Error(`${source}: weights must be ${names.length} finite numbers`);
  if (typeof s.threshold !== 'number' || !Number.isFinite(s.threshold)) throw new Error(`${source}: threshold must be a finite number`);
  return { weights: Float64Array.from(weights as number[]), threshold: s.threshold };
}

export function score(scorer: TypoScorer, x: Float64Array): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += scorer.weights[k]! * x[k]!;
  return s;
}

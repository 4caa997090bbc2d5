// What the typo and serious-error checkers report for one text: the same shape for a crawled page
// and for a draft handed to `choucha proofread`.

export interface TextHit {
  rule: 'typo' | 'serious-error';
  /** UTF-16 offsets into the text checked, end exclusive. */
  start: number;
  end: number;
  wrong: string;
  suggestion: string;
  /**
   * Why it is wrong. typo: the lexicon source (e.g. `xh7`); serious-error: `known` (an error named in
   * a 通报), `sound` or `shape` (one character replaced), `dropped` or `added` (one character
   * missing or doubled), `name` (a leader's name written with a homophone).
   */
  how: string;
  /** serious-error: what was misspelled (country, organ, party, formulation, place, leader). */
  kind?: string;
}

/** Of overlapping hits keep the longest (then the first): 实施细责 rather than a shorter entry inside it. */
export function dropOverlaps(hits: TextHit[]): TextHit[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TextHit[] = [];
  for (const h of sorted) if (!kept.some((k) => h.start < k.end && h.end > k.start)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

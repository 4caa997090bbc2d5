// `proofread`: the typo and serious-error checks on a draft, line by line. Offsets are counted in
// Unicode code points within the line (𬀩 is one), as an editor counts characters.
import type { TextHit } from './text-hit.js';

export interface ProofreadFinding {
  line: number;
  start: number;
  end: number;
  wrong: string;
  suggestion: string;
  rule: TextHit['rule'];
  /** Present when the statistical detector found it (no lexicon lists it): a suspected typo to confirm. */
  detected?: true;
}

type Checker = { check(text: string): TextHit[] };

function codePoints(s: string, utf16: number): number {
  let n = 0;
  for (let i = 0; i < utf16; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** Serious errors first where the two overlap: a misspelled state organ is not just a typo. */
export function proofreadLines(lines: string[], checkers: Checker[]): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  lines.forEach((text, i) => {
    const taken: TextHit[] = [];
    for (const c of checkers) for (const h of c.check(text)) if (!taken.some((t) => h.start < t.end && h.end > t.start)) taken.push(h);
    taken.sort((a, b) => a.start - b.start);
    for (const h of taken)
      out.push({
        line: i + 1,
        start: codePoints(text, h.start),
        end: codePoints(text, h.end),
        wrong: h.wrong,
        suggestion: h.suggestion,
        rule: h.rule,
        ...(h.how.startsWith('detected-') ? { detected: true as const } : {}),
      });
  });
  return out;
}

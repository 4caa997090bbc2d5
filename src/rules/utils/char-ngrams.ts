// A character trigram model of official writing (rules/lexicons/char-ngrams.txt.gz, counted by
// scripts/char-ngrams.ts from the texts of Chinese laws and regulations, which are not under copyright:
// 著作权法 第五条). The word dictionary knows which strings are words, not which words follow which:
// 大数局产业 segments as cheaply as 大数据产业 does, but 数局产 is never written in official text and
// 数据产 is written thousands of times. The detector reads the gain a candidate brings to the trigrams
// around it as a second line of evidence.
//
// Interpolated absolute discounting (D = 0.75): each order backs off to the one below with the mass its
// counts leave, the discounts and whatever was pruned from the file; the unigram is add-one over the
// ideographs.

const BASE = 0x4e00;
/** U+4E00..U+9FA5: the ideographs the model counts, as 15-bit codes. */
const SPAN = 0x9fa6 - BASE;
const D = 0.75;

const code = (unit: number) => {
  const c = unit - BASE;
  return c >= 0 && c < SPAN ? c : -1;
};

/** Open-addressed counts of keys below 2^45 (three 15-bit codes), split in a 15-bit high and a 30-bit low half. */
class Counts {
  private hi: Uint16Array;
  private lo: Uint32Array;
  readonly count: Uint32Array;
  /** For a context key: the sum of its continuations' discounted counts (the rest is the backoff's). */
  readonly kept: Float32Array;
  private readonly mask: number;
  size = 0;

  constructor(expected: number) {
    let n = 1024;
    while (n < expected * 1.6) n <<= 1;
    this.hi = new Uint16Array(n);
    this.lo = new Uint32Array(n);
    this.count = new Uint32Array(n);
    this.kept = new Float32Array(n);
    this.mask = n - 1;
  }

  /** The slot of (hi, lo), or −1; with `add`, the slot it is given when absent. */
  slot(hi: number, lo: number, add = false): number {
    // Slot 0 of a key means empty: keys are stored + 1 in the low half.
    const l = lo + 1;
    let s = (Math.imul(hi ^ Math.imul(l, 0x9e3779b1), 0x85ebca6b) >>> 0) & this.mask;
    for (;;) {
      const at = this.lo[s]!;
      if (at === 0) {
        if (!add) return -1;
        this.hi[s] = hi;
        this.lo[s] = l;
        this.size++;
        return s;
      }
      if (at === l && this.hi[s] === hi) return s;
      s = (s + 1) & this.mask;
    }
  }

  get(hi: number, lo: number): number {
    const s = this.slot(hi, lo);
    return s < 0 ? 0 : this.count[s]!;
  }
}

export class CharNgrams {
  private readonly uni = new Uint32Array(SPAN);
  private readonly uniKept = new Float32Array(SPAN);
  private readonly bi: Counts;
  private readonly tri: Counts;
  private total = 0;

  /** `text`: the shipped counts, a line each: one to three ideographs, a space, the count. */
  constructor(text: string) {
    let bis = 0;
    let tris = 0;
    for (let i = 0; i < text.length; ) {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      const sp = text.indexOf(' ', i);
      if (sp - i === 2) bis++;
      else if (sp - i === 3) tris++;
      i = end + 1;
    }
    this.bi = new Counts(bis);
    this.tri = new Counts(tris);
    for (let i = 0; i < text.length; ) {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      const sp = text.indexOf(' ', i);
      const n = sp > i && sp < end ? Number.parseInt(text.slice(sp + 1, end), 10) : 0;
      if (n > 0 && text.charCodeAt(i) !== 0x23) {
        const a = code(text.charCodeAt(i));
        const b = sp - i > 1 ? code(text.charCodeAt(i + 1)) : 0;
        const c = sp - i > 2 ? code(text.charCodeAt(i + 2)) : 0;
        if (a >= 0 && b >= 0 && c >= 0) {
          if (sp - i === 1) {
            this.uni[a] = n;
            this.total += n;
          } else if (sp - i === 2) {
            this.bi.count[this.bi.slot(0, a * SPAN + b, true)] = n;
            this.uniKept[a]! += n - D;
          } else if (sp - i === 3) {
            this.tri.count[this.tri.slot(a, b * SPAN + c, true)] = n;
            const ctx = this.bi.slot(0, a * SPAN + b, true);
            this.bi.kept[ctx]! += n - D;
          }
        }
      }
      i = end + 1;
    }
  }

  private p1(c: number): number {
    return (this.uni[c]! + 1) / (this.total + SPAN);
  }

  private p2(b: number, c: number): number {
    const nb = this.uni[b]!;
    if (nb === 0) return this.p1(c);
    const n = this.bi.get(0, b * SPAN + c);
    return (Math.max(n - D, 0) + (nb - this.uniKept[b]!) * this.p1(c)) / nb;
  }

  private p3(a: number, b: number, c: number): number {
    const s = this.bi.slot(0, a * SPAN + b);
    const nab = s < 0 ? 0 : this.bi.count[s]!;
    if (nab === 0) return this.p2(b, c);
    const n = this.tri.get(a, b * SPAN + c);
    return (Math.max(n - D, 0) + (nab - this.bi.kept[s]!) * this.p2(b, c)) / nab;
  }

  /**
   * ln P of the characters `text[from, to)` given what precedes them inside `text[lo, …)`, with the unit
   * at `at` read as `unit`, and the one at `at2` as `unit2` (pass at = −1 for the text as written). Anything but an ideograph breaks the
   * context, as the counts were taken over runs of ideographs.
   */
  logProb(text: string, lo: number, from: number, to: number, at = -1, unit = 0, at2 = -1, unit2 = 0): number {
    const u = (k: number) => code(k === at ? unit : k === at2 ? unit2 : text.charCodeAt(k));
    let sum = 0;
    for (let j = from; j < to; j++) {
      const c = u(j);
      if (c < 0) continue;
      const b = j - 1 >= lo ? u(j - 1) : -1;
      const a = b >= 0 && j - 2 >= lo ? u(j - 2) : -1;
      sum += Math.log(a >= 0 ? this.p3(a, b, c) : b >= 0 ? this.p2(b, c) : this.p1(c));
    }
    return sum;
  }

  /**
   * ln P1(unit) − ln P1(written): what contextGain takes off for the characters' own frequency; null when
   * either is outside the counted ideographs, where the model knows nothing.
   */
  unigramGain(written: number, unit: number): number | null {
    const a = code(written);
    const b = code(unit);
    return a < 0 || b < 0 ? null : Math.log(this.p1(b)) - Math.log(this.p1(a));
  }

  /**
   * What the context says for `unit` at i over `text[i]`, inside the run `[lo, hi)`: the gain in ln P of
   * the three trigrams that read the character, less the gain of the character alone. A character the
   * corpus seldom writes (她, 梦: laws are not letters) is not a typo for being rare; it is one for not
   * fitting where it stands.
   */
  contextGain(text: string, lo: number, hi: number, i: number, unit: number): number {
    const to = Math.min(hi, i + 3);
    const alone = this.unigramGain(text.charCodeAt(i), unit);
    // Outside the counted ideographs the model knows nothing: no evidence either way.
    if (alone === null) return 0;
    return this.logProb(text, lo, i, to, i, unit) - this.logProb(text, lo, i, to) - alone;
  }
}

// Word frequencies from the jieba dictionary that @node-rs/jieba ships (its dict.txt: 349,045 words with
// their counts in a large corpus of modern Chinese, MIT licence), held in typed arrays: about 20 MB,
// against about 50 MB for @node-rs/jieba's own copy and the buffers its dict.js reads. The segmenter
// (segment.ts) and the typo detector read it; judging's configuration reads the file once
// (verdict/config/text-data.ts) and hands the one copy to both.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, one unit at a time, so a caller can extend a word as it scans. */
export const hashStart = FNV_OFFSET;
export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, FNV_PRIME) >>> 0;
}

export class WordDict {
  /** Every word's code units; a prefix entry points into the word it was cut from. */
  private readonly units: Uint16Array;
  private readonly start: Uint32Array;
  private readonly len: Uint8Array;
  /** 0 for a prefix that is no word of its own. */
  private readonly count: Uint32Array;
  /** Open addressing: entry index + 1, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** ln of the sum of all counts: a word's log-probability is ln(count) − logTotal. */
  readonly logTotal: number;
  readonly words: number;

  constructor(dictText: string) {
    let unitsTotal = 0;
    for (let i = 0; i < dictText.length; ) {
      const nl = dictText.indexOf('\n', i);
      const end = nl < 0 ? dictText.length : nl;
      const sp = dictText.indexOf(' ', i);
      if (sp > i && sp < end) unitsTotal += sp - i;
      i = end + 1;
    }
    // A word of n units adds at most n − 1 prefixes.
    const cap = unitsTotal + 1;
    this.units = new Uint16Array(unitsTotal);
    const start = new Uint32Array(cap);
    const len = new Uint8Array(cap);
    const count = new Uint32Array(cap);
    let size = 1;
    while (size < cap * 1.6) size <<= 1;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    let entries = 0;
    let used = 0;
    let total = 0;
    let words = 0;
    for (let i = 0; i < dictText.length; ) {
      const nl = dictText.indexOf('\n', i);
      const end = nl < 0 ? dictText.length : nl;
      const sp = dictText.indexOf(' ', i);
      if (sp > i && sp < end && sp - i < 256) {
        const at = used;
        for (let k = i; k < sp; k++) this.units[used++] = dictText.charCodeAt(k);
        const sp2 = dictText.indexOf(' ', sp + 1);
        const n = Number.parseInt(dictText.slice(sp + 1, sp2 > sp && sp2 < end ? sp2 : end), 10) || 0;
        let h = hashStart;
        for (let l = 1; l <= sp - i; l++) {
          h = hashStep(h, this.units[at + l - 1]!);
          const found = this.probe(h, this.units, at, l, start, len);
          const isWord = l === sp - i;
          if (found >= 0) {
            if (isWord) {
              total += n - count[found]!;
              if (count[found] === 0) words++;
              count[found] = n;
            }
            continue;
          }
          start[entries] = at;
          len[entries] = l;
          count[entries] = isWord ? n : 0;
          if (isWord) {
            total += n;
            words++;
          }
          this.slots[this.freeSlot(h)] = ++entries;
        }
      }
      i = end + 1;
    }
    this.start = start.slice(0, entries);
    this.len = len.slice(0, entries);
    this.count = count.slice(0, entries);
    this.logTotal = Math.log(total);
    this.words = words;
  }

  private freeSlot(h: number): number {
    let s = h & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    return s;
  }

  /** The entry whose units equal `src[at, at + l)`, or −1. */
  private probe(h: number, src: Uint16Array | string, at: number, l: number, start = this.start, len = this.len): number {
    const str = typeof src === 'string';
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const e = this.slots[s]! - 1;
      if (e < 0) return -1;
      if (len[e] !== l) continue;
      const w = start[e]!;
      let k = 0;
      if (str) while (k < l && this.units[w + k] === src.charCodeAt(at + k)) k++;
      else while (k < l && this.units[w + k] === src[at + k]) k++;
      if (k === l) return e;
    }
  }

  /**
   * What `text[from, to)` is: its count when it is a word, 0 when it only begins words, −1 when no word
   * begins so. `h` is its hash when the caller already has it.
   */
  countOf(text: string, from: number, to: number, h = -1): number {
    if (to - from > 255 || to <= from) return -1;
    if (h < 0) {
      h = hashStart;
      for (let k = from; k < to; k++) h = hashStep(h, text.charCodeAt(k));
    }
    const e = this.probe(h, text, from, to - from);
    return e < 0 ? -1 : this.count[e]!;
  }

  /** As `countOf`, for `text[from, to)` with the unit at `at` replaced by `unit`: a candidate correction, tried without a new string. */
  countWith(text: string, from: number, to: number, at: number, unit: number, h = -1): number {
    if (to - from > 255 || to <= from) return -1;
    if (h < 0) {
      h = hashStart;
      for (let k = from; k < to; k++) h = hashStep(h, k === at ? unit : text.charCodeAt(k));
    }
    const l = to - from;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const e = this.slots[s]! - 1;
      if (e < 0) return -1;
      if (this.len[e] !== l) continue;
      const w = this.start[e]! - from;
      let k = from;
      while (k < to && this.units[w + k] === (k === at ? unit : text.charCodeAt(k))) k++;
      if (k === to) return this.count[e]!;
    }
  }

  /** Every word of `length` units counted at least `least` times, with its count. */
  *wordsOf(length: number, least: number): Generator<[string, number]> {
    for (let e = 0; e < this.count.length; e++)
      if (this.len[e] === length && this.count[e]! >= least)
        yield [String.fromCharCode(...this.units.subarray(this.start[e]!, this.start[e]! + length)), this.count[e]!];
  }

  /** The count of `word` as a word (0 when it is none). */
  count1(word: string): number {
    return Math.max(0, this.countOf(word, 0, word.length));
  }

  /** ln P(word) in the dictionary's unigram model, a word of count 0 scored as count 1 (jieba's rule). */
  logProb(n: number): number {
    return Math.log(n > 0 ? n : 1) - this.logTotal;
  }

  /** Bytes held, for the benchmark. */
  get bytes(): number {
    return this.units.byteLength + this.start.byteLength + this.len.byteLength + this.count.byteLength + this.slots.byteLength;
  }
}

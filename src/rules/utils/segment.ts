// Word boundaries. A lexicon hit is only an error when its characters are not, in that sentence, parts
// of other words: 按排名 is 按 + 排名, 既使得 is 既 + 使得, 热烈土地 is 热烈 + 土地.
// jieba's cut without HMM (the most probable route through the words of its dictionary), computed here
// on the compact copy of that dictionary the typo detector reads anyway (word-dict.ts). @node-rs/jieba
// held its own copy, about 50 MB more at judging's peak, and cut the corpus sentences the same way
// (test/rules/segment.test.ts compares the two).
import { hashStart, hashStep, type WordDict } from './word-dict.js';

/** A run jieba segments as one block: CJK ideographs with Latin letters, digits and a few joiners. */
const BLOCK = /[\u4E00-\u9FD5a-zA-Z0-9+#&._%-]+/g;
const SPACE = /\r\n|\s/y;
const LATIN = /^[a-zA-Z0-9]$/;

/**
 * The best route through `text[from, to)`: `next[i − from]` is where the word starting at i ends, and
 * the route's score is the sum of its words' ln(count) − ln(total), a character no word starts with
 * counting as a word of count 1.
 */
export function route(dict: WordDict, text: string, from: number, to: number): Int32Array {
  return bestRoute(dict, text, from, to).next;
}

export function bestRoute(dict: WordDict, text: string, from: number, to: number): { next: Int32Array; score: number } {
  const n = to - from;
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n);
  for (let i = to - 1; i >= from; i--) {
    let top = -Infinity;
    let end = i + 1;
    let h = hashStart;
    for (let j = i; j < to; j++) {
      h = hashStep(h, text.charCodeAt(j));
      const c = dict.countOf(text, i, j + 1, h);
      if (c < 0) break;
      if (c === 0) continue;
      const s = Math.log(c) - dict.logTotal + best[j + 1 - from]!;
      // jieba compares (score, end): the longer word wins a tie.
      if (s >= top) {
        top = s;
        end = j + 1;
      }
    }
    if (top === -Infinity) top = dict.logProb(0) + best[i + 1 - from]!;
    best[i - from] = top;
    next[i - from] = end;
  }
  return { next, score: best[0]! };
}

/** The words of `text` as jieba's `cut(text, false)` gives them. */
export function cut(text: string, dict: WordDict): string[] {
  const out: string[] = [];
  let at = 0;
  const other = (to: number) => {
    while (at < to) {
      SPACE.lastIndex = at;
      const m = SPACE.exec(text);
      const c = text.charCodeAt(at);
      const pair = c >= 0xd800 && c <= 0xdbff && at + 1 < to;
      const l = m && m.index === at ? m[0].length : pair ? 2 : 1;
      out.push(text.slice(at, at + l));
      at += l;
    }
  };
  for (const m of text.matchAll(BLOCK)) {
    other(m.index);
    const end = m.index + m[0].length;
    const next = route(dict, text, m.index, end);
    let latin = '';
    for (let i = m.index; i < end; ) {
      const e = next[i - m.index]!;
      const w = text.slice(i, e);
      if (e - i === 1 && LATIN.test(w)) latin += w;
      else {
        if (latin) out.push(latin);
        latin = '';
        out.push(w);
      }
      i = e;
    }
    if (latin) out.push(latin);
    at = end;
  }
  other(text.length);
  return out;
}

/** Least dictionary count of each word of a compound the segmenter took as one (see splitByWords). */
const COMPOUND_PART = 20;
/** Length from which a hit's one unchanged end character may be shared with a word outside it. */
const LONG_HIT = 6;

/** Characters either side of a hit handed to the segmenter: enough to see the words around it. */
const MARGIN = 12;

/**
 * True when a word of the sentence crosses an edge of [start, end) without covering the whole hit:
 * the hit's characters belong to other words. A word that contains the whole hit (座落在) does not
 * clear it: it is the wrong form inside a longer word.
 */
export function splitByWords(
  text: string,
  start: number,
  end: number,
  dict: WordDict,
  opts: { compounds?: boolean; edited?: number } = {},
): boolean {
  const from = Math.max(0, start - MARGIN);
  const to = Math.min(text.length, end + MARGIN);
  const s = start - from;
  const e = end - from;
  let pos = 0;
  for (const w of cut(text.slice(from, to), dict)) {
    const ws = pos;
    const we = pos + w.length;
    pos = we;
    if (w.length < 2 || we <= s || ws >= e) continue;
    const inside = ws >= s && we <= e;
    const covers = ws <= s && we >= e;
    // The margin cuts words at its own edges; a word that starts or ends there is not trusted.
    const clipped = (ws === 0 && from > 0) || (we === to - from && to < text.length);
    if (inside || covers || clipped) continue;
    // `edited`: the one character a long hit changed. A word of the text before or after that takes only
    // the hit's unchanged end character (落实习 as 落/实习 before 习进平…思想) shares a character with it;
    // it says nothing about the edit, which lies elsewhere.
    if (opts.edited !== undefined && e - s >= LONG_HIT) {
      const shared = ws < s ? [s, we] : [ws, e];
      const edit = opts.edited - from;
      if (shared[1]! - shared[0]! === 1 && (edit < shared[0]! || edit >= shared[1]!)) continue;
    }
    // `compounds`: the dictionary also lists phrases of two words (国家有关 from 国家有关部门); one cut
    // at the hit's edge into two words of their own is two words meeting there, not one across it.
    if (opts.compounds) {
      const cutAt = ws < s ? s : e;
      const a = text.slice(from + ws, from + cutAt);
      const b = text.slice(from + cutAt, from + we);
      if (a.length >= 2 && b.length >= 2 && dict.countOf(a, 0, a.length) >= COMPOUND_PART && dict.countOf(b, 0, b.length) >= COMPOUND_PART)
        continue;
    }
    return true;
  }
  return false;
}

// Word boundaries from jieba. A lexicon hit is only an error when its characters are not, in that
// sentence, parts of other words: 按排名 is 按 + 排名, 既使得 is 既 + 使得, 热烈土地 is 热烈 + 土地.
// @node-rs/jieba rather than nodejieba: the same dictionary and segmentation (168 of the 170 corpus
// sentences cut identically, the other two differ only in how a run of Latin letters and digits is
// split), a prebuilt addon instead of a compile, and about 150 MB less held once loaded. No HMM: that
// is how nodejieba's cut read the same sentences.
import type { Jieba } from '@node-rs/jieba';
import { lazyModule } from '../../lazy-module.js';

const jiebaModule = lazyModule<typeof import('@node-rs/jieba')>('@node-rs/jieba');
const dictModule = lazyModule<typeof import('@node-rs/jieba/dict.js')>('@node-rs/jieba/dict.js');
// The dictionary is loaded on the first lexicon hit, not at start: most commands never need it.
let jieba: Jieba | null = null;
const segmenter = () => (jieba ??= jiebaModule().Jieba.withDict(dictModule().dict));

/** Characters either side of a hit handed to the segmenter: enough for jieba to see the words around it. */
const MARGIN = 12;

/**
 * True when a word of the sentence crosses an edge of [start, end) without covering the whole hit:
 * the hit's characters belong to other words. A word that contains the whole hit (座落在) does not
 * clear it: it is the wrong form inside a longer word.
 */
export function splitByWords(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - MARGIN);
  const to = Math.min(text.length, end + MARGIN);
  const s = start - from;
  const e = end - from;
  let pos = 0;
  for (const w of segmenter().cut(text.slice(from, to), false)) {
    const ws = pos;
    const we = pos + w.length;
    pos = we;
    if (w.length < 2 || we <= s || ws >= e) continue;
    const inside = ws >= s && we <= e;
    const covers = ws <= s && we >= e;
    // The margin cuts words at its own edges; a word that starts or ends there is not trusted.
    const clipped = (ws === 0 && from > 0) || (we === to - from && to < text.length);
    if (!inside && !covers && !clipped) return true;
  }
  return false;
}

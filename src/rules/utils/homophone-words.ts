// Words written for words of the same sound: 单位 typed as 淡味, 评估 as 平谷, 保障 as 暴涨. A pinyin input
// method offers every word of a syllable pair, and the wrong one picked replaces both characters at once,
// which no one-character correction mends (about a quarter of the labelled errors in official-document
// training text are such pairs). The dictionary's two-character words are indexed by their syllables
// without tones; a written pair's candidates are the words of its syllables, tones aside.
import { lazyModule } from '../../lazy-module.js';
import { isCommonHanzi } from './chars.js';
import type { WordDict } from './word-dict.js';

const pinyinPro = lazyModule<typeof import('pinyin-pro')>('pinyin-pro');

const ASKED_MAX = 200_000;

export class HomophoneWords {
  private readonly bySound = new Map<string, string[]>();
  private readonly readings = new Map<string, string[]>();
  /** Pairs asked before: a site's pages repeat their words, and every page's every pair is asked. */
  private readonly asked = new Map<number, readonly string[]>();

  /** `least`: the least dictionary count of a word offered as a correction. */
  constructor(dict: WordDict, least: number) {
    for (const [w] of dict.wordsOf(2, least)) {
      if (!isCommonHanzi(w[0]!) || !isCommonHanzi(w[1]!)) continue;
      for (const key of this.keys(w)) {
        const list = this.bySound.get(key);
        if (list) list.push(w);
        else this.bySound.set(key, [w]);
      }
    }
  }

  /** A character's syllables, tones aside; every reading of a character of several. */
  private syllables(ch: string): string[] {
    let r = this.readings.get(ch);
    if (!r) {
      r = [
        ...new Set(
          pinyinPro()
            .pinyin(ch, { toneType: 'none', multiple: true, type: 'array' })
            .filter((p) => /^[a-zü]+$/.test(p)),
        ),
      ];
      this.readings.set(ch, r);
    }
    return r;
  }

  private keys(pair: string): string[] {
    const out: string[] = [];
    for (const a of this.syllables(pair[0]!)) for (const b of this.syllables(pair[1]!)) out.push(`${a} ${b}`);
    return out;
  }

  /** The words that sound as the pair of units `c0 c1` does, tones aside, with neither of its characters: each once. */
  of(c0: number, c1: number): readonly string[] {
    // A number, not the pair's string: every pair of every page is asked, and a new string is hashed each time.
    const id = c0 * 0x10000 + c1;
    let words = this.asked.get(id);
    if (words) return words;
    const pair = String.fromCharCode(c0, c1);
    const found = new Set<string>();
    // Traditional characters (鄉鎮) and rare ones are no one's slip for a common word: none is offered.
    if (isCommonHanzi(pair[0]!) && isCommonHanzi(pair[1]!))
      for (const key of this.keys(pair))
        for (const w of this.bySound.get(key) ?? []) if (w[0] !== pair[0] && w[1] !== pair[1]) found.add(w);
    words = [...found];
    // Bounded: a long run over many sites must not grow it without end.
    if (this.asked.size >= ASKED_MAX) this.asked.clear();
    this.asked.set(id, words);
    return words;
  }
}

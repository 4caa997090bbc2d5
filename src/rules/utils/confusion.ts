// The characters a writer may have meant instead of the one written: the same syllable and tone, the same
// syllable in another tone, a syllable dialect speakers confuse (in/ing, z/zh…), all from pinyin-pro's
// readings; and look-alikes, from the Unihan shape codes (rules/lexicons/shape-neighbours.txt) and the
// curated pairs of similar-chars.yaml. Common characters (GB 2312) only, numerals never.
import { lazyModule } from '../../lazy-module.js';
import { isCommonHanzi, nearHomophones, NUMERALS } from './chars.js';

const pinyinPro = lazyModule<typeof import('pinyin-pro')>('pinyin-pro');

/** How a candidate is confused with the written character, from the likeliest kind. */
export const VIA = { sound: 0, tone: 1, shape: 2, near: 3 } as const;
export type Via = keyof typeof VIA;
export const VIA_NAMES: readonly Via[] = ['sound', 'tone', 'shape', 'near'];

export interface Confusables {
  /** Candidate characters' UTF-16 units, and beside each its VIA code. */
  units: Uint16Array;
  via: Uint8Array;
}

const NONE: Confusables = { units: new Uint16Array(0), via: new Uint8Array(0) };

function tonedReadings(ch: string): string[] {
  return pinyinPro()
    .pinyin(ch, { toneType: 'num', multiple: true, type: 'array' })
    .filter((p) => /^[a-zü]+[0-5]?$/.test(p));
}

export class ConfusionSets {
  private readonly shapes: Map<string, Set<string>>;
  private bySound: Map<string, string[]> | null = null;
  private readonly cache = new Map<number, Confusables>();

  /** `shapes`: each character's look-alikes, both ways. */
  constructor(shapes: Map<string, Set<string>>) {
    this.shapes = shapes;
  }

  private soundIndex(): Map<string, string[]> {
    if (this.bySound) return this.bySound;
    const m = new Map<string, string[]>();
    for (let c = 0x4e00; c <= 0x9fa5; c++) {
      const h = String.fromCharCode(c);
      if (!isCommonHanzi(h) || NUMERALS.has(h)) continue;
      for (const r of tonedReadings(h)) {
        const list = m.get(r);
        if (list) list.push(h);
        else m.set(r, [h]);
      }
    }
    return (this.bySound = m);
  }

  /** What `ch` may have been meant as; computed once a character. */
  of(ch: string): Confusables {
    const code = ch.charCodeAt(0);
    const hit = this.cache.get(code);
    if (hit) return hit;
    if (ch.length !== 1 || !isCommonHanzi(ch) || NUMERALS.has(ch)) {
      this.cache.set(code, NONE);
      return NONE;
    }
    const index = this.soundIndex();
    const found = new Map<string, number>();
    const add = (c: string, via: Via) => {
      if (c === ch || NUMERALS.has(c) || !isCommonHanzi(c)) return;
      const prev = found.get(c);
      if (prev === undefined || VIA[via] < prev) found.set(c, VIA[via]);
    };
    const toned = tonedReadings(ch);
    for (const r of toned) for (const c of index.get(r) ?? []) add(c, 'sound');
    const bare = new Set(toned.map((r) => r.replace(/\d$/, '')));
    for (const b of bare) for (const t of ['1', '2', '3', '4', '5', '']) for (const c of index.get(b + t) ?? []) add(c, 'tone');
    for (const c of this.shapes.get(ch) ?? []) add(c, 'shape');
    for (const c of nearHomophones(ch)) add(c, 'near');
    const units = new Uint16Array(found.size);
    const via = new Uint8Array(found.size);
    let i = 0;
    for (const [c, v] of found) {
      units[i] = c.charCodeAt(0);
      via[i++] = v;
    }
    const out = { units, via };
    this.cache.set(code, out);
    return out;
  }
}

/** Look-alikes as shape-neighbours.txt writes them: a character, a tab, its neighbours. */
export function parseShapeNeighbours(text: string, into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [ch, near] = line.split('\t');
    if (!ch || !near) continue;
    for (const n of near) {
      if (!into.has(ch)) into.set(ch, new Set());
      into.get(ch)!.add(n);
      if (!into.has(n)) into.set(n, new Set());
      into.get(n)!.add(ch);
    }
  }
  return into;
}

// Which characters can be mistaken for which: same sound (from pinyin-pro's readings) or similar
// shape (a curated list in rules/lexicons/). Substitutes are drawn only from the 6,763 characters
// of GB 2312, the ones an input method offers first: an error a person makes with an IME or by eye
// is a common character, and a traditional form such as 國 is then never taken for a misspelling.
import iconv from 'iconv-lite';
import { lazyModule } from '../../lazy-module.js';

// Only the lexicon rules read pinyin: pinyin-pro (~140 ms) is loaded for the first reading asked for.
const pinyinPro = lazyModule<typeof import('pinyin-pro')>('pinyin-pro');

export function isCommonHanzi(ch: string): boolean {
  if (ch.length !== 1 || ch < '\u4e00' || ch > '\u9fa5') return false;
  const b = iconv.encode(ch, 'gbk');
  // GB 2312 hanzi occupy rows 16–87 of the EUC-CN table; GBK keeps those codes unchanged.
  return b.length === 2 && b[0]! >= 0xb0 && b[0]! <= 0xf7 && b[1]! >= 0xa1 && b[1]! <= 0xfe;
}

export function readings(ch: string): string[] {
  return pinyinPro()
    .pinyin(ch, { toneType: 'none', multiple: true, type: 'array' })
    .filter((p) => /^[a-zü]+$/.test(p));
}

let bySound: Map<string, string[]> | null = null;

/** Common characters read (in any of their readings) like `ch` in any of its readings, `ch` excluded. */
export function homophones(ch: string): string[] {
  if (!bySound) {
    bySound = new Map();
    for (let c = 0x4e00; c <= 0x9fa5; c++) {
      const h = String.fromCharCode(c);
      if (!isCommonHanzi(h)) continue;
      for (const r of readings(h)) {
        const list = bySound.get(r);
        if (list) list.push(h);
        else bySound.set(r, [h]);
      }
    }
  }
  const out = new Set<string>();
  for (const r of readings(ch)) for (const h of bySound.get(r) ?? []) if (h !== ch) out.add(h);
  return [...out];
}

// Readings a speaker of many dialects confuses: front and back nasals (贫 pin / 平 ping), flat and
// retroflex initials (资 zi / 知 zhi), n and l, f and h before u.
const NEAR: [RegExp, string][] = [
  [/in$/, 'ing'],
  [/ing$/, 'in'],
  [/en$/, 'eng'],
  [/eng$/, 'en'],
  [/([^i])an$/, '$1ang'],
  [/([^i])ang$/, '$1an'],
  [/^zh/, 'z'],
  [/^z(?!h)/, 'zh'],
  [/^ch/, 'c'],
  [/^c(?!h)/, 'ch'],
  [/^sh/, 's'],
  [/^s(?!h)/, 'sh'],
  [/^n/, 'l'],
  [/^l/, 'n'],
  [/^fu/, 'hu'],
  [/^hu/, 'fu'],
];

/** Common characters read like `ch` but for one confusion of NEAR, `ch` and its homophones excluded. */
export function nearHomophones(ch: string): string[] {
  homophones(ch); // builds bySound
  const same = new Set(readings(ch));
  const out = new Set<string>();
  for (const r of same)
    for (const [re, to] of NEAR) {
      if (!re.test(r)) continue;
      const alt = r.replace(re, to);
      if (!same.has(alt)) for (const h of bySound!.get(alt) ?? []) if (h !== ch) out.add(h);
    }
  for (const h of homophones(ch)) out.delete(h);
  return [...out];
}

/** Shape groups as the lexicon writes them (`人: 入八`) → each character's look-alikes, both ways. */
export function shapeMap(groups: Record<string, string>): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    if (!m.has(a)) m.set(a, new Set());
    m.get(a)!.add(b);
  };
  for (const [ch, alikes] of Object.entries(groups)) {
    for (const a of [...alikes.replace(/\s+/g, '')]) {
      link(ch, a);
      link(a, ch);
    }
  }
  return m;
}

/** Numerals are never taken for misspellings of each other: 十八大 and 十九大 are both right. */
export const NUMERALS = new Set([...'〇零一二三四五六七八九十百千两']);

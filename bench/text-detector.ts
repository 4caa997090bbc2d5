// npx tsx bench/text-detector.ts FILE… [--split dev|tune|all] [--tuning JSON] [--show N]
// Precision and recall of the typo detector (src/rules/utils/typo-detector.ts) on labelled sentences:
// one a line, `N<TAB>written<TAB>correct` (the format of ECSpell's domains_data and of the simplified
// SIGHAN train files). Each file is split by a hash of the line: a fifth is `dev`, the rest `tune`; tune
// on `tune` only and report `dev`. Only character substitutions are scored (lines whose two sides differ
// in length are skipped). A hit counts for each character it changes: right when it is a labelled
// error and the suggestion is the labelled character, wrong otherwise (a right place with a wrong
// character is wrong: a false correction is what an office would be listed for).
// The files are kept out of the repository: ECSpell's Data/domains_data/odw.train and law.train
// (github.com/Aopolin-Lv/ECSpell, MIT; never its .test files) and the SIGHAN 2013–2015 train sets in
// simplified characters, converted to that format. `npm run bench:text -- --labelled FILE…` prints the
// same figures for the dev fifth.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type DetectorData, detectTypos, TUNING, type DetectorTuning } from '../src/rules/utils/typo-detector.js';
import { detectorData } from '../src/verdict/config/text-data.js';
import { hashStart, hashStep } from '../src/rules/utils/word-dict.js';

export interface DetectorScore {
  file: string;
  split: string;
  sentences: number;
  clean: number;
  cleanFlagged: number;
  gold: number;
  hitChars: number;
  right: number;
  placed: number;
  chars: number;
  charsPerSecond: number;
  byVia: Map<string, { right: number; wrong: number }>;
  wrongs: string[];
}

/** Is the line in the split: a fifth of the lines, by a hash of the line, is `dev`, the rest `tune`. */
export function inSplit(line: string, split: string): boolean {
  if (split === 'all') return true;
  let h = hashStart;
  for (let i = 0; i < line.length; i++) h = hashStep(h, line.charCodeAt(i));
  return (h % 5 === 0) === (split === 'dev');
}

export function scoreDetector(
  file: string,
  split: string,
  tuning: DetectorTuning = TUNING,
  show = 0,
  data: DetectorData = detectorData(),
): DetectorScore {
  let sentences = 0,
    clean = 0,
    cleanFlagged = 0,
    gold = 0,
    hitChars = 0,
    right = 0,
    placed = 0,
    chars = 0,
    ms = 0;
  const byVia = new Map<string, { right: number; wrong: number }>();
  const wrongs: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [, src, tgt] = line.split('\t');
    if (!src || !tgt || src.length !== tgt.length || !inSplit(line, split)) continue;
    sentences++;
    chars += src.length;
    const errs = new Map<number, string>();
    for (let i = 0; i < src.length; i++) if (src[i] !== tgt[i]) errs.set(i, tgt[i]!);
    gold += errs.size;
    const t = performance.now();
    const hits = detectTypos(src, data, tuning);
    ms += performance.now() - t;
    if (errs.size === 0) {
      clean++;
      if (hits.length) cleanFlagged++;
    }
    for (const h of hits) {
      const v = byVia.get(h.how) ?? byVia.set(h.how, { right: 0, wrong: 0 }).get(h.how)!;
      for (let k = 0; k < h.wrong.length; k++) {
        if (h.wrong[k] === h.suggestion[k]) continue;
        hitChars++;
        const want = errs.get(h.start + k);
        if (want !== undefined) placed++;
        if (want === h.suggestion[k]) {
          right++;
          v.right++;
        } else {
          v.wrong++;
          if (wrongs.length < show)
            wrongs.push(`${h.wrong}→${h.suggestion} (${h.how} ${h.margin.toFixed(1)})  ${src}${want ? `  [label ${want}]` : ''}`);
        }
      }
    }
  }
  return {
    file,
    split,
    sentences,
    clean,
    cleanFlagged,
    gold,
    hitChars,
    right,
    placed,
    chars,
    charsPerSecond: (chars / ms) * 1000,
    byVia,
    wrongs,
  };
}

export function printScore(s: DetectorScore): void {
  const p = s.hitChars ? s.right / s.hitChars : 1;
  const r = s.gold ? s.right / s.gold : 0;
  console.log(`${s.file} [${s.split}]: ${s.sentences} sentences (${s.clean} clean), ${s.gold} labelled errors`);
  console.log(
    `  correction precision ${p.toFixed(3)} (${s.right}/${s.hitChars}), recall ${r.toFixed(3)}; detection precision ${(s.hitChars ? s.placed / s.hitChars : 1).toFixed(3)}`,
  );
  console.log(
    `  clean sentences flagged: ${s.cleanFlagged}/${s.clean}; ${(((s.hitChars - s.right) / Math.max(1, s.chars)) * 1e5).toFixed(1)} wrong corrections per 100,000 characters; ${s.charsPerSecond.toFixed(0)} chars/s`,
  );
  console.log(`  by kind: ${[...s.byVia].map(([k, v]) => `${k} ${v.right}/${v.right + v.wrong}`).join(', ')}`);
  for (const w of s.wrongs) console.log(`    ✗ ${w}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { split: { type: 'string', default: 'dev' }, tuning: { type: 'string' }, show: { type: 'string', default: '0' } },
  });
  if (positionals.length === 0) {
    console.error('usage: tsx bench/text-detector.ts FILE… [--split dev|tune|all] [--tuning JSON] [--show N]');
    process.exit(2);
  }
  const tuning: DetectorTuning = { ...TUNING, ...(JSON.parse(values.tuning ?? '{}') as Partial<DetectorTuning>) };
  for (const file of positionals) printScore(scoreDetector(file, values.split, tuning, Number(values.show)));
}

// npx tsx bench/text-detector.ts FILE… [--split dev|tune|all] [--tuning JSON] [--show N]
// Precision and recall of the typo detector (src/rules/utils/typo-detector.ts) on labelled sentences:
// one a line, `N<TAB>written<TAB>correct` (the format of ECSpell's domains_data and of the simplified
// SIGHAN train files). Each file is split by a hash of the line: a fifth is `dev`, the rest `tune`; tune
// on `tune` only and report `dev`. Only character substitutions are scored (lines whose two sides differ
// in length are skipped). A hit counts for each character it changes: right when it is a labelled
// error and the suggestion is the labelled character, wrong otherwise (a right place with a wrong
// character is wrong: a false correction is what an office would be listed for).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { detectTypos, TUNING, type DetectorTuning } from '../src/rules/utils/typo-detector.js';
import { detectorData } from '../src/verdict/config/text-data.js';
import { hashStart, hashStep } from '../src/rules/utils/word-dict.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { split: { type: 'string', default: 'dev' }, tuning: { type: 'string' }, show: { type: 'string', default: '0' } },
});
if (positionals.length === 0) {
  console.error('usage: tsx bench/text-detector.ts FILE… [--split dev|tune|all] [--tuning JSON] [--show N]');
  process.exit(2);
}
const given = JSON.parse(values.tuning ?? '{}') as Partial<DetectorTuning>;
const tuning: DetectorTuning = {
  ...TUNING,
  ...given,
  minGain: { ...TUNING.minGain, ...given.minGain },
  minGainInWord: { ...TUNING.minGainInWord, ...given.minGainInWord },
};
const inSplit = (line: string) => {
  if (values.split === 'all') return true;
  let h = hashStart;
  for (let i = 0; i < line.length; i++) h = hashStep(h, line.charCodeAt(i));
  return (h % 5 === 0) === (values.split === 'dev');
};

const data = detectorData();
const show = Number(values.show);
for (const file of positionals) {
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
    if (!src || !tgt || src.length !== tgt.length || !inSplit(line)) continue;
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
  const p = hitChars ? right / hitChars : 1;
  const r = gold ? right / gold : 0;
  console.log(`${file} [${values.split}]: ${sentences} sentences (${clean} clean), ${gold} labelled errors`);
  console.log(
    `  correction precision ${p.toFixed(3)} (${right}/${hitChars}), recall ${r.toFixed(3)}; detection precision ${(hitChars ? placed / hitChars : 1).toFixed(3)}`,
  );
  console.log(`  clean sentences flagged: ${cleanFlagged}/${clean}; ${((chars / ms) * 1000).toFixed(0)} chars/s`);
  console.log(`  by kind: ${[...byVia].map(([k, v]) => `${k} ${v.right}/${v.right + v.wrong}`).join(', ')}`);
  for (const w of wrongs) console.log(`    ✗ ${w}`);
}

// npm run bench:text [-- --mb N] [--labelled FILE]…: the typo and serious-error checkers' speed in characters per second
// over generated official text (the fixtures' paragraphs with near misses mixed in), and the time
// to compile the lexicons; the serious-error checker's recall of substitutions in protected terms and its
// flags on clean text (bench/serious-terms.ts). `typo` is the lexicon and the statistical detector together, as `check` and
// `proofread` run them; `typo (listed)` the lexicon alone. Run alone: nothing else should share the two
// cores. The detector's precision and recall: bench/text-detector.ts.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { paragraphs } from '../fixtures/text.js';
import { loadLexicons } from '../src/verdict/config/lexicons.js';
import { seriousOnClean, seriousRecall } from './serious-terms.js';
import { printScore, scoreDetector } from './text-detector.js';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '4' }, labelled: { type: 'string', multiple: true, default: [] } },
});
const target = Number(values.mb) * 1_000_000;
const NEAR = [
  '请按排名先后顺序入场，这一举措既使得企业减负。',
  '人民代表在大会上发言，党的十八大以来成效显著。',
  '有群众说“布署”写错了，详见 http://www.x.gov.cn/a.html 。',
];
const WRONG = ['会议对工作进行了布署。', '县人民攻府各部门：'];

const lines: string[] = [];
let chars = 0;
for (let n = 0; chars < target; n++) {
  const block = [
    ...paragraphs({ place: '青山市', org: '青山市人民政府办公室', year: 2026 }, '安全生产工作推进会', n),
    NEAR[n % NEAR.length]!,
    ...(n % 50 === 0 ? WRONG : []),
  ];
  for (const b of block) {
    lines.push(b);
    chars += b.length;
  }
}

const t0 = performance.now();
const lex = loadLexicons(fileURLToPath(new URL('../rules/editions/2019.yaml', import.meta.url)), {
  columnCategories: '../lexicons/column-categories.yaml',
});
const typoSize = lex.typos.size;
const t1 = performance.now();
const seriousSize = lex.serious.size;
const t2 = performance.now();
lex.typos.check('预热分词词典：布署');

function measure(name: string, check: (s: string) => unknown[]): void {
  const start = performance.now();
  let hits = 0;
  for (const l of lines) hits += check(l).length;
  const s = (performance.now() - start) / 1000;
  console.log(
    `${name.padEnd(15)} ${(chars / s / 1e6).toFixed(2)} M chars/s  (${(chars / 1e6).toFixed(1)} M chars in ${s.toFixed(2)} s, ${hits} hits)`,
  );
}

console.log(
  `lexicons: typo ${typoSize} entries compiled in ${(t1 - t0).toFixed(0)} ms (with loading); serious-error ${seriousSize} variants in ${(t2 - t1).toFixed(0)} ms`,
);
measure('typo (listed)', (s) => lex.typos.checkListed(s));
measure('typo', (s) => lex.typos.check(s));
measure('serious-error', (s) => lex.serious.check(s));
const recall = seriousRecall(lex.serious);
console.log(
  `serious-error: ${recall.found} of ${recall.variants} single-character substitutions in protected terms found (${((100 * recall.found) / recall.variants).toFixed(1)}%; ${[...recall.byVia].map(([k, [f, n]]) => `${k} ${f}/${n}`).join(', ')})`,
);
if (recall.missed.length) console.log(`  missed, e.g.: ${recall.missed.slice(0, 12).join(' ')}`);
const clean = seriousOnClean(lex.serious);
console.log(
  `serious-error on clean text: ${clean.flagged.length} flags in ${clean.sentences} sentences${clean.flagged.length ? `: ${clean.flagged.slice(0, 5).join(' | ')}` : ''}`,
);
// The detector's precision and recall on labelled sentences kept out of the repository (training data
// whose held-out fifth is measured: bench/text-detector.ts), when given.
for (const file of values.labelled) printScore(scoreDetector(file, 'dev'));
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);

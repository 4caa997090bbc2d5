// Builds rules/lexicons/char-ngrams.txt.gz, the character trigram counts the typo detector reads
// (src/rules/utils/char-ngrams.ts), from a corpus of official writing: the texts of Chinese laws,
// administrative regulations, local regulations and judicial interpretations as the LawRefBook project
// collects them from the national database of laws (https://github.com/LawRefBook/Laws), and the government
// work reports of even years (bench/build-clean-reports.ts --model-part; the other reports are the clean
// text the scorers are held to). Laws keep no record of current policy's wording (加力提效, 外送通道), which
// sites repeat on every page. Laws, regulations and state documents are outside copyright (著作权法 第五条);
// only counts are shipped, never the text.
//
// A corpus sentence that shares a run of 12 ideographs with any sentence of the --exclude files is left
// out. Exclude the labelled training files the detector is tuned and measured on (a model that has read the
// correct form of a measured sentence would overstate its recall) and the published test files of the same
// sets, ECSpell's odw.test and law.test: their sentences come from laws and State Council documents, and
// 1,266 of them were counted until 2026-12-08.
//
// Usage: npx tsx scripts/char-ngrams.ts [--exclude FILE]… [--out FILE] CORPUS_FILE_OR_DIR…
//   e.g. git clone https://github.com/LawRefBook/Laws && npx tsx bench/build-clean-reports.ts \
//        --model-part gwr-even.txt government_work_reports.jsonl cpc_congress_reports.jsonl > reports.tsv && \
//        npx tsx scripts/char-ngrams.ts --exclude odw.train --exclude law.train --exclude odw.test \
//        --exclude law.test Laws gwr-even.txt
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { SharedRuns } from './shared-runs.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    exclude: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: new URL('../rules/lexicons/char-ngrams.txt.gz', import.meta.url).pathname },
    min: { type: 'string', default: '2' },
  },
});
if (positionals.length === 0) {
  console.error('usage: tsx scripts/char-ngrams.ts [--exclude FILE]… [--out FILE] CORPUS_FILE_OR_DIR…');
  process.exit(2);
}

const HAN_RUN = /[\u4e00-\u9fa5]+/g;

const excluded = new SharedRuns();
for (const file of values.exclude)
  for (const line of readFileSync(file, 'utf8').split('\n')) for (const side of line.split('\t').slice(1)) excluded.add(side);

function* files(path: string): Generator<string> {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) yield* files(join(path, name));
  } else if (/\.(md|txt)$/.test(path)) yield path;
}

const counts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
let kept = 0;
let dropped = 0;
let chars = 0;
for (const root of positionals)
  for (const file of files(root))
    for (const sentence of readFileSync(file, 'utf8').split(/[。；！？\n]/)) {
      if (excluded.shares(sentence)) {
        dropped++;
        continue;
      }
      kept++;
      for (const m of sentence.matchAll(HAN_RUN)) {
        const s = m[0];
        chars += s.length;
        for (let i = 0; i < s.length; i++) for (let n = 1; n <= 3 && i + n <= s.length; n++) bump(counts[n - 1]!, s.slice(i, i + n));
      }
    }

const min = Number(values.min);
const lines = [
  `# Character 1-3-gram counts of ${positionals.map((p) => basename(p)).join(', ')} (official writing: see scripts/char-ngrams.ts).`,
  `# ${chars} ideographs in ${kept} sentences; ${dropped} sentences left out as shared with the labelled sets; bigrams and trigrams seen fewer than ${min} times dropped.`,
];
for (const [n, m] of counts.entries())
  for (const [k, v] of [...m].sort((x, y) => (x[0] < y[0] ? -1 : 1))) if (n === 0 || v >= min) lines.push(`${k} ${v}`);
writeFileSync(values.out, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
console.log(`${values.out}: ${lines.length - 2} n-grams from ${chars} ideographs (${dropped} sentences left out)`);

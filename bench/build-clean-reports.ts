// npx tsx bench/build-clean-reports.ts [--model-part FILE] JSONL… > reports.tsv
// The proofread official text the typo scorers are held to (bench/fit-typo-scorer.ts --clean): government
// work reports and CPC congress reports from zh.wikisource, as github.com/aldohemsn/chinese-political-corpora
// collects them (government_work_reports.jsonl, cpc_congress_reports.jsonl; state documents, 著作权法 第五条).
// One sentence a line as `0<TAB>sentence<TAB>sentence`: split after 。！？； and at line breaks; sentences of
// fewer than six ideographs, or with one outside GB 2312 (those in traditional characters), are left out.
//
// With --model-part, the reports are shared between the trigram model and this clean text, never both: the
// government work reports of even years go to FILE, which scripts/char-ngrams.ts counts (so that the model
// knows current official phrasing: 加力提效, 外送通道, 稳字当头), and everything else is the clean text, less
// any sentence sharing a run of 12 ideographs with FILE (reports repeat their stock sentences year after
// year; a sentence the model has read would be no test of it).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isCommonHanzi } from '../src/rules/utils/chars.js';
import { SharedRuns } from '../scripts/shared-runs.js';

const { values, positionals: files } = parseArgs({ allowPositionals: true, options: { 'model-part': { type: 'string' } } });
if (files.length === 0) {
  console.error('usage: tsx bench/build-clean-reports.ts [--model-part FILE] JSONL… > reports.tsv');
  process.exit(2);
}

interface Report {
  content: string;
  year?: unknown;
}

const reports: Report[] = [];
for (const file of files)
  for (const [n, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    let r: Report;
    try {
      r = JSON.parse(line) as Report;
    } catch (e) {
      throw new Error(`${file}:${n + 1}: not JSON (${(e as Error).message})`, { cause: e });
    }
    if (typeof r.content !== 'string') throw new Error(`${file}:${n + 1}: expected a "content" string`);
    reports.push(r);
  }

const modelPart = values['model-part'];
const toModel = (r: Report) => modelPart !== undefined && /^\d{4}$/.test(String(r.year)) && Number(r.year) % 2 === 0;
const read = new SharedRuns();
if (modelPart) {
  const part = reports.filter(toModel).map((r) => r.content);
  writeFileSync(modelPart, `${part.join('\n')}\n`);
  for (const text of part) for (const s of text.split(/[。；！？\n]/)) read.add(s);
  console.error(`${modelPart}: ${part.length} reports for the model`);
}

let sentences = 0;
let chars = 0;
let shared = 0;
for (const r of reports) {
  if (toModel(r)) continue;
  for (const s of r.content.split(/(?<=[。！？；])|\n+/)) {
    const t = s.trim();
    const han = [...t].filter((c) => /[\u4e00-\u9fa5]/.test(c));
    if (han.length < 6 || han.some((c) => !isCommonHanzi(c))) continue;
    if (read.shares(t)) {
      shared++;
      continue;
    }
    process.stdout.write(`0\t${t}\t${t}\n`);
    sentences++;
    chars += t.length;
  }
}
console.error(`${sentences} sentences, ${chars} characters${shared ? `; ${shared} left out as read by the model` : ''}`);

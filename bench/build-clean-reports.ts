// npx tsx bench/build-clean-reports.ts JSONL… > reports.tsv
// The proofread official text the typo scorers are held to (bench/fit-typo-scorer.ts --clean): government
// work reports and CPC congress reports from zh.wikisource, as github.com/aldohemsn/chinese-political-corpora
// collects them (government_work_reports.jsonl, cpc_congress_reports.jsonl; state documents, 著作权法 第五条).
// One sentence a line as `0<TAB>sentence<TAB>sentence`: split after 。！？； and at line breaks; sentences of
// fewer than six ideographs, or with one outside GB 2312 (those in traditional characters), are left out.
import { readFileSync } from 'node:fs';
import { isCommonHanzi } from '../src/rules/utils/chars.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: tsx bench/build-clean-reports.ts JSONL… > reports.tsv');
  process.exit(2);
}
let sentences = 0;
let chars = 0;
for (const file of files)
  for (const [n, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    let content: unknown;
    try {
      content = (JSON.parse(line) as { content?: unknown }).content;
    } catch (e) {
      throw new Error(`${file}:${n + 1}: not JSON (${(e as Error).message})`, { cause: e });
    }
    if (typeof content !== 'string') throw new Error(`${file}:${n + 1}: expected a "content" string`);
    for (const s of content.split(/(?<=[。！？；])|\n+/)) {
      const t = s.trim();
      const han = [...t].filter((c) => /[\u4e00-\u9fa5]/.test(c));
      if (han.length < 6 || han.some((c) => !isCommonHanzi(c))) continue;
      process.stdout.write(`0\t${t}\t${t}\n`);
      sentences++;
      chars += t.length;
    }
  }
console.error(`${sentences} sentences, ${chars} characters`);

// Facts right on the saved-page corpus: what a person reads on each page (its publication date, each
// footer identity item, each list's name and newest date) against what choucha reads. Run against any
// checkout to compare extractors: `npx tsx bench/saved-page-facts.ts [PAGES_DIR]`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectRead } from '../src/extract/inspect.js';
import { readPage } from '../src/extract/page.js';
import { cstDay } from '../src/model/day.js';

interface Entry {
  file: string;
  expected: string;
  url: string;
  contentType: string | null;
  at: string;
}
type Reading = {
  publishedAt: string | null;
  identity: Record<string, string | null>;
  columns: { name: string | null; items: { date: string | null }[] }[];
};

const dir = process.argv[2] ?? new URL('../test/extract/pages/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Entry[];
const squeeze = (s: string | null) => (s === null ? null : s.replace(/\s+/g, ''));
const newest = (c: Reading['columns'][number] | undefined) =>
  c?.items.map((i) => i.date).reduce<string | null>((a, d) => (d && (!a || d > a) ? d : a), null) ?? null;

let right = 0;
let total = 0;
const wrong: string[] = [];
for (const e of manifest) {
  const got = inspectRead(
    readPage(readFileSync(join(dir, e.file)), { url: e.url, contentType: e.contentType, atDay: cstDay(e.at) }),
  ) as unknown as Reading;
  const want = JSON.parse(readFileSync(join(dir, e.expected), 'utf8')) as Reading;
  const fact = (what: string, ok: boolean) => {
    total++;
    if (ok) right++;
    else wrong.push(`${e.file}: ${what}`);
  };
  fact('publication date', got.publishedAt === want.publishedAt);
  for (const k of ['siteCode', 'icp', 'police']) fact(k, squeeze(got.identity[k] ?? null) === squeeze(want.identity[k] ?? null));
  want.columns.forEach((c, i) => {
    const g = got.columns.find((x) => x.name === c.name) ?? got.columns[i];
    fact(`list ${i + 1} name`, g?.name === c.name);
    fact(`list ${i + 1} newest date`, newest(g) === newest(c));
  });
}
console.log(`facts right: ${right} of ${total} (${((100 * right) / total).toFixed(1)}%) on ${manifest.length} pages`);
for (const w of wrong) console.log(`  wrong: ${w}`);

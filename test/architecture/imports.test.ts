// The pipeline runs one way (../shared/DESIGN.md, Layout): no stage imports one that comes after it.
// Each folder under src/ is a stage; the files at src/'s top (errors, paths, heap, lazy-module) are
// shared helpers any stage but the model may use.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

// What each stage may import besides itself.
const ALLOWED: Record<string, string[]> = {
  model: [],
  base: [],
  extract: ['model', 'base'],
  rules: ['model', 'base'],
  store: ['model', 'extract', 'base'],
  registry: ['model', 'store', 'base'],
  plan: ['model', 'store', 'registry', 'base'],
  gather: ['model', 'extract', 'store', 'registry', 'plan', 'base'],
  verdict: ['model', 'rules', 'extract', 'store', 'registry', 'plan', 'base'],
  // Imported expert findings: read like the registry, named by the rules, stored; verdict reads them from the store.
  findings: ['model', 'rules', 'store', 'registry', 'plan', 'base'],
  report: ['model', 'rules', 'store', 'registry', 'plan', 'verdict', 'base'],
  // Notifications: digests of the report model, sent once the reports are written; nothing of gather or the store.
  notify: ['model', 'report', 'base'],
  worker: ['model', 'extract', 'store', 'registry', 'plan', 'gather', 'base'],
  cli: ['model', 'extract', 'store', 'registry', 'plan', 'gather', 'worker', 'rules', 'verdict', 'report', 'findings', 'notify', 'base'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs)$/.test(f) ? [p] : [];
  });
}

const stageOf = (file: string) => {
  const rel = relative(SRC, file).split('/');
  return rel.length === 1 ? 'base' : rel[0]!;
};

/** Every relative module a file imports, statically or with import(). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => resolve(dirname(file), s));
}

const edges = files(SRC).flatMap((file) => importsOf(file).map((target) => ({ file, target })));

describe('imports run one way', () => {
  it('finds the imports it checks', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(Object.keys(ALLOWED)).toEqual(expect.arrayContaining([...new Set(edges.map((e) => stageOf(e.file)))]));
  });

  it('no stage imports a stage after it, and the model imports nothing of the project', () => {
    const backward = edges
      .filter(({ file, target }) => stageOf(file) !== stageOf(target) && !ALLOWED[stageOf(file)]!.includes(stageOf(target)))
      .map(({ file, target }) => `${relative(SRC, file)} → ${relative(SRC, target)}`);
    expect(backward).toEqual([]);
  });

  it('within gather, a job imports the http client, the browser and itself, never another job', () => {
    const jobs = ['crawl', 'probe', 'links', 'https', 'ipv6', 'attachments', 'search'];
    const jobOf = (f: string) => relative(join(SRC, 'gather'), f).split('/')[0]!;
    const gather = edges.filter(({ file, target }) => stageOf(file) === 'gather' && stageOf(target) === 'gather');
    expect(new Set(gather.map((e) => jobOf(e.file)))).toEqual(new Set([...jobs, 'http', 'browser', 'recheck.ts']));
    const crossed = gather
      .filter(({ file, target }) => jobs.includes(jobOf(target)) && jobOf(target) !== jobOf(file))
      .map(({ file, target }) => `${relative(SRC, file)} → ${relative(SRC, target)}`);
    expect(crossed).toEqual([]);
  });

  it('within verdict, configuration is loaded apart from judging, and only configuration reads files', () => {
    const partOf = (f: string) => {
      const rel = relative(join(SRC, 'verdict'), f).split('/');
      return rel.length === 1 ? 'judging' : rel[0]!;
    };
    const verdictFiles = files(join(SRC, 'verdict'));
    expect(new Set(verdictFiles.map(partOf))).toEqual(new Set(['config', 'reread', 'judging']));
    // Configuration and the re-read stage import nothing of judging.
    const wrong = edges
      .filter(({ file, target }) => stageOf(file) === 'verdict' && stageOf(target) === 'verdict')
      .filter(({ file, target }) => partOf(file) !== 'judging' && partOf(target) === 'judging')
      .map(({ file, target }) => `${relative(SRC, file)} → ${relative(SRC, target)}`);
    expect(wrong).toEqual([]);
    const reading = verdictFiles
      .filter((f) => partOf(f) !== 'config')
      .filter((f) => /from '(node:fs|fs|yaml|csv-parse[^']*)'/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(reading).toEqual([]);
  });
});

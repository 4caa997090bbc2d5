// Every rule file is registered, tested, and counted by both editions (style.md: ESLint's check).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { loadEdition } from '../../src/verdict/edition.js';

const files = readdirSync(new URL('../../src/rules/', import.meta.url)).filter(
  (f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f),
);
const tests = new Set(readdirSync(new URL('./', import.meta.url)));

describe('the rule registry', () => {
  it.each(files)('%s is registered under its file name, has a table test and is in both editions', (file) => {
    const id = file.replace(/\.ts$/, '');
    const rule = RULES[id as keyof typeof RULES];
    expect(rule?.meta.id).toBe(id);
    expect(tests.has(`${id}.test.ts`)).toBe(true);
    for (const e of ['2019', '2015']) expect(loadEdition(e).rules.map((r) => r.id)).toContain(id);
  });

  it('registers nothing without a file', () => {
    expect(Object.keys(RULES).sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
  });
});

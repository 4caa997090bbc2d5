// Every rule file is registered, tested, and counted by both editions (style.md: ESLint's check).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES, ruleById } from '../../src/rules/index.js';
import { loadEdition } from '../../src/verdict/config/edition.js';

// Files in src/rules/ that are not rules: the list itself and the contract.
const NOT_RULES = ['index.ts', 'rule.ts'];
const files = readdirSync(new URL('../../src/rules/', import.meta.url)).filter((f) => f.endsWith('.ts') && !NOT_RULES.includes(f));
const tests = new Set(readdirSync(new URL('./', import.meta.url)));

describe('the rule registry', () => {
  it.each(files)('%s is listed under its file name, has a table test of its own and is in both editions', (file) => {
    const id = file.replace(/\.ts$/, '');
    expect(ruleById(id)?.meta.id).toBe(id);
    expect(tests.has(`${id}.test.ts`)).toBe(true);
    // The test must run this rule through the table helper, not merely exist.
    const test = readFileSync(new URL(`./${id}.test.ts`, import.meta.url), 'utf8');
    expect(test).toMatch(/ruleTable\(\w+/);
    expect(test).toContain(`src/rules/${id}.js`);
    for (const e of ['2019', '2015']) expect(loadEdition(e).rules.map((r) => r.id)).toContain(id);
  });

  it('lists nothing without a file, and no id twice', () => {
    expect([...RULE_IDS].sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
    expect(new Set(RULE_IDS).size).toBe(RULES.length);
  });

  it('every declared artifact is one the store provides', () => {
    const known = [
      'probes',
      'crawl',
      'homepage',
      'lists',
      'links',
      'texts',
      'articles',
      'identity',
      'channels',
      'hiddenLinks',
      'https',
      'ipv6',
      'attachments',
      'homepageFeatures',
      'documentValidity',
      'mobile',
      'search',
    ];
    for (const r of RULES) for (const a of r.meta.requiredArtifacts) expect(known).toContain(a);
  });
});

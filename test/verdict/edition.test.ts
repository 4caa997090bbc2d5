import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/verdict/config/edition.js';
import { InputError } from '../../src/errors.js';

const base = readFileSync(new URL('../../rules/editions/2019.yaml', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'choucha-edition-'));
writeFileSync(join(dir, 'lex.yaml'), readFileSync(new URL('../../rules/lexicons/column-categories.yaml', import.meta.url)));

function variant(name: string, edit: (s: string) => string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, edit(base).replace('../lexicons/column-categories.yaml', 'lex.yaml'));
  return file;
}

function errorOf(file: string): string {
  try {
    loadEdition(file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected the edition to be rejected');
}

describe('editions', () => {
  it('loads the shipped editions with every rule option resolved', () => {
    const e = loadEdition('2019');
    expect(e.name).toBe('2019');
    expect(e.rules.map((r) => r.id)).toEqual([
      'site-unreachable',
      'homepage-stale',
      'column-stale',
      'column-empty',
      'interaction-unanswered',
      'link-broken',
      'typo',
      'serious-error',
      'state-council-missing',
      'site-identity',
      'pre-warning',
      'registry-mismatch',
      'homepage-dates',
      'privacy-leak',
      'hidden-links',
      'https',
      'ipv6',
      'function-entries',
      'disclosure-guide',
      'annual-report',
      'document-validity',
      'mobile-friendly',
      'site-search',
    ]);
    expect(e.rules.find((r) => r.id === 'column-stale')?.options).toMatchObject({ vetoCount: 5, longVetoCount: 10, noticeMonths: 6 });
    expect(e.lexicons.columnCategories.categories.news.match).toContain('动态');
  });

  it('names the file and key of a bad option', () => {
    const msg = errorOf(variant('bad-option', (s) => s.replace('vetoCount: 5, longVetoCount', 'vetoCount: five, longVetoCount')));
    expect(msg).toMatch(/bad-option\.yaml rules\.column-stale\.options\.vetoCount/);
  });

  it('rejects an unknown rule, an unknown finding code and a missing one', () => {
    expect(errorOf(variant('unknown-rule', (s) => s.replace('  homepage-stale:', '  homepage-stal:')))).toMatch(
      /unknown rule "homepage-stal".*rules\.homepage-stal/,
    );
    expect(errorOf(variant('unknown-code', (s) => s.replace('stale: { kind: veto }', 'stael: { kind: veto }')))).toMatch(
      /can report "stale"/,
    );
    expect(errorOf(variant('bad-kind', (s) => s.replace('unreachable: { kind: veto }', 'unreachable: { kind: fatal }')))).toMatch(
      /rules\.site-unreachable\.findings\.unreachable\.kind/,
    );
  });

  it('reports YAML syntax errors with the file', () => {
    expect(errorOf(variant('broken', (s) => `${s}\n  : : [`))).toMatch(/broken\.yaml/);
  });

  it('says which editions exist when a name is unknown', () => {
    expect(() => loadEdition('2031')).toThrow(/No edition/);
  });
});

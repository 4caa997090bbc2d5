// The protected-terms list is data with provenance: every entry names its source, every source is
// described, and the list carries the date it was last reviewed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { protectedTermsSchema } from '../../src/rules/utils/protected-terms.js';

const shipped = parse(readFileSync(new URL('../../rules/lexicons/protected-terms.yaml', import.meta.url), 'utf8')) as unknown;

describe('protected-terms.yaml', () => {
  it('is hundreds of entries, each with a described source, reviewed on a date', () => {
    const t = protectedTermsSchema.parse(shipped);
    expect(t.terms.length).toBeGreaterThan(400);
    expect(t.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const e of t.terms) expect(t.sources[e.source], e.term).toBeTruthy();
    expect(new Set(t.terms.map((e) => e.term)).size).toBe(t.terms.length);
  });

  it('refuses an entry without a source, naming it', () => {
    const r = protectedTermsSchema.safeParse({
      reviewed: '2026-12-07',
      sources: { a: 'x' },
      terms: [{ term: '人民代表大会', kind: 'organ' }],
      knownErrors: [],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['terms', 0, 'source']);
  });

  it('refuses a source it does not describe', () => {
    const r = protectedTermsSchema.safeParse({
      reviewed: '2026-12-07',
      sources: { a: 'x' },
      terms: [{ term: '人民代表大会', kind: 'organ', source: 'b' }],
      knownErrors: [],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain('unknown source "b"');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/model/fingerprint.js';
import { ignoreFor, readIgnoreList } from '../../src/verdict/config/ignore-list.js';

const dir = mkdtempSync(join(tmpdir(), 'choucha-ignore-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('fingerprint', () => {
  it('names the defect, not where it was first seen or how often', () => {
    const typo = { rule: 'typo', code: 'typo', url: 'http://a/1.html', evidence: { wrong: '布署', suggestion: '部署', count: 3 } };
    expect(fingerprint('4300000001', typo)).toBe(
      fingerprint('4300000001', { ...typo, url: 'http://a/2.html', evidence: { ...typo.evidence, count: 9 } }),
    );
    expect(fingerprint('4300000001', typo)).not.toBe(fingerprint('4300000002', typo));
    expect(fingerprint('4300000001', typo)).not.toBe(
      fingerprint('4300000001', { ...typo, evidence: { wrong: '签定', suggestion: '签订' } }),
    );
  });

  it("keeps the URL where it is the defect's place, and leaves out dates measured from at", () => {
    const col = { rule: 'column-stale', code: 'stale-first-level', url: 'http://a/tzgg/', evidence: { newest: '2026-01-01' } };
    expect(fingerprint('x', col)).toBe(fingerprint('x', { ...col, evidence: { newest: '2026-03-01' } }));
    expect(fingerprint('x', col)).not.toBe(fingerprint('x', { ...col, url: 'http://a/zcwj/' }));
  });

  // The formula documented in src/model/fingerprint.ts, pinned: ignore lists and lower tiers' reports
  // hold these ids, so a change to the formula is a breaking change and must fail here. The literals
  // were computed by hand, outside choucha:
  //   createHash('sha256').update(JSON.stringify([rule, code, siteId, url, keyEvidence])).digest('hex').slice(0, 16)
  it.each([
    // ["typo","typo","4300000001",null,["布署","部署"]]: a typo's URL is only an example, left out (null).
    [{ rule: 'typo', code: 'typo', url: 'http://a/1.html', evidence: { wrong: '布署', suggestion: '部署', count: 3 } }, 'c388181d15341c3d'],
    // ["column-stale","stale","4300000001","http://a/zcgk/",[]]: the column's URL is the defect's place; no key evidence.
    [{ rule: 'column-stale', code: 'stale', url: 'http://a/zcgk/', evidence: { newest: '2026-01-01' } }, 'a7b2f14a2447164f'],
  ])('is the documented SHA-256 prefix for %o', (finding, expected) => {
    expect(fingerprint('4300000001', finding)).toBe(expected);
  });
});

describe('readIgnoreList', () => {
  it('reads YAML and CSV, and applies an entry through its until day inclusive', () => {
    const y = readIgnoreList(
      file('a.yaml', 'entries:\n  - fingerprint: 0123456789abcdef\n    reason: 误报\n    by: 张三\n    until: 2026-12-31\n'),
    );
    expect(y.entries).toEqual([{ fingerprint: '0123456789abcdef', reason: '误报', by: '张三', until: '2026-12-31' }]);
    expect(ignoreFor(y, '0123456789abcdef', '2026-12-31')).not.toBeNull();
    expect(ignoreFor(y, '0123456789abcdef', '2027-01-01')).toBeNull();
    expect(ignoreFor(y, 'fedcba9876543210', '2026-12-01')).toBeNull();
    const c = readIgnoreList(file('a.csv', '\ufefffingerprint,reason,by,until\n0123456789abcdef,误报,李四,\n'));
    expect(c.entries).toEqual([{ fingerprint: '0123456789abcdef', reason: '误报', by: '李四', until: null }]);
    expect(ignoreFor(c, '0123456789abcdef', '2099-01-01')).not.toBeNull();
  });

  it.each([
    ['missing.yaml', 'entries:\n  - fingerprint: 0123456789abcdef\n    by: 张三\n', 'row 1 field reason'],
    ['extra.yaml', '- fingerprint: 0123456789abcdef\n  reason: r\n  by: b\n  who: x\n', 'row 1'],
    ['notlist.yaml', 'entries: 3\n', 'field entries'],
    ['day.csv', 'fingerprint,reason,by,until\n0123456789abcdef,r,b,2026/12/01\n', 'row 2 field until'],
  ])('%s is refused with its row and field', (name, text, where) => {
    const path = file(name, text);
    expect(() => readIgnoreList(path)).toThrow(`${path} ${where}`);
  });
});

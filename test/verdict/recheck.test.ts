// 复核 decisions from what a fresh fetch gave: fixed only on evidence, otherwise not fixed or not rechecked.
import { describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../src/model/report.js';
import { decide, evidenceUrls } from '../../src/verdict/recheck.js';
import { type Fetched } from '../../src/model/recheck.js';

const DAYS = { atDay: '2026-12-01', today: '2027-01-10' };
const finding = (rule: string, code: string, url: string | null, evidence: Record<string, unknown>): ReportFinding => ({
  rule,
  code,
  title: rule,
  kind: 'deduction',
  points: 1,
  url,
  message: '',
  evidence,
});
const page = (over: Partial<Fetched>): Fetched => ({
  url: 'http://a/',
  status: 200,
  error: null,
  text: '',
  identity: { siteCode: null, icp: null, police: null },
  newestDate: null,
  ...over,
});
const status = (f: ReportFinding, fetched: Fetched[]) => decide('4300000001', f, 'fp', fetched, DAYS).status;

describe('recheck decide', () => {
  const link = finding('link-broken', 'page-link', 'http://a/list/', { target: 'http://a/gone.html' });
  it.each([
    [200, 'fixed'],
    [404, 'not-fixed'],
    [403, 'not-fixed'],
    [503, 'not-rechecked'],
    [null, 'not-rechecked'],
  ])('a dead link answering %s is %s', (http, want) => {
    expect(evidenceUrls(link)).toEqual(['http://a/gone.html']);
    expect(
      status(link, [page({ url: 'http://a/gone.html', status: http, error: http === null ? 'ECONNREFUSED' : null, text: null })]),
    ).toBe(want);
  });

  const stale = finding('homepage-stale', 'stale', 'http://a/', { windowStart: '2026-11-17', judgedOn: 'homepage-blocks' });
  it.each([
    ['2026-12-27', 'fixed'],
    ['2026-12-20', 'not-fixed'],
    [null, 'not-rechecked'],
  ])('a stale homepage whose newest item is %s is %s (the same 14 days, ending on the re-check day)', (newest, want) => {
    expect(status(stale, [page({ newestDate: newest })])).toBe(want);
  });

  it('cannot settle what one fetch does not show', () => {
    const nav = finding('homepage-stale', 'stale', 'http://a/', { windowStart: '2026-11-17', judgedOn: 'first-level-columns' });
    expect(evidenceUrls(nav)).toEqual([]);
    expect(status(nav, [])).toBe('not-rechecked');
    expect(status(finding('column-stale', 'too-many', 'http://a/', {}), [])).toBe('not-rechecked');
    const police = finding('site-identity', 'police-missing', 'http://a/', {});
    expect(status(police, [page({})])).toBe('not-rechecked');
    expect(status(police, [page({ identity: { siteCode: null, icp: null, police: '湘公网安备43000002000001号' } })])).toBe('fixed');
  });

  it('keeps a typo not fixed while any evidence page shows it, and unsure while one could not be read', () => {
    const typo = finding('typo', 'typo', 'http://a/1.html', { wrong: '布署', urls: ['http://a/1.html', 'http://a/2.html'] });
    const one = page({ url: 'http://a/1.html', text: '已经部署' });
    expect(status(typo, [one, page({ url: 'http://a/2.html', text: '工作布署' })])).toBe('not-fixed');
    expect(status(typo, [one, page({ url: 'http://a/2.html', status: null, error: 'timeout', text: null })])).toBe('not-rechecked');
    expect(status(typo, [one, page({ url: 'http://a/2.html', text: '已经部署' })])).toBe('fixed');
  });
});

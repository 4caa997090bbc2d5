import { describe, expect, it } from 'vitest';
import { cstDateText, cstIso, cstIsoIn, cstText, cstTextIn, isInstant, withCstInstants } from '../../src/report/time.js';

describe('China Standard Time in the reports', () => {
  it.each([
    ['2026-12-07T05:19:31.000Z', '2026-12-07T13:19:31+08:00', '2026-12-07 13:19:31'],
    ['2026-12-07T05:19:31.250Z', '2026-12-07T13:19:31.250+08:00', '2026-12-07 13:19:31'],
    // Past midnight in Beijing: the day moves on.
    ['2026-12-31T16:30:00Z', '2027-01-01T00:30:00+08:00', '2027-01-01 00:30:00'],
    ['2026-12-01T10:00:00+08:00', '2026-12-01T10:00:00+08:00', '2026-12-01 10:00:00'],
    ['2026-12-01T03:00:00-05:00', '2026-12-01T16:00:00+08:00', '2026-12-01 16:00:00'],
  ])('%s → %s, shown %s', (utc, iso, text) => {
    expect(cstIso(utc)).toBe(iso);
    expect(cstText(utc)).toBe(text);
    expect(Date.parse(cstIso(utc))).toBe(Date.parse(utc));
  });

  it('dates as a document writes them', () => {
    expect(cstDateText('2026-11-30T16:00:00Z')).toBe('2026年12月1日');
    expect(cstDateText('2026-12-07')).toBe('2026年12月7日');
  });

  it('leaves text that is not an instant alone', () => {
    expect(cstText('2026-12-01')).toBe('2026-12-01');
    expect(cstIso('昨天')).toBe('昨天');
    expect(isInstant('2026-12-01')).toBe(false);
    expect(isInstant('2026-13-45T99:00:00Z')).toBe(false);
  });

  it('rewrites instants inside a sentence', () => {
    const message = '3 次探测打开了登记网址（最近一次 2026-11-30T09:12:00.000Z），请人工确认';
    expect(cstTextIn(message)).toBe('3 次探测打开了登记网址（最近一次 2026-11-30 17:12:00），请人工确认');
    expect(cstIsoIn(message)).toBe('3 次探测打开了登记网址（最近一次 2026-11-30T17:12:00+08:00），请人工确认');
  });

  it('rewrites every instant at any depth and nothing else, URLs included', () => {
    const url = 'http://a.gov.cn/list?t=2026-11-30T09:12:00Z';
    expect(
      withCstInstants({
        at: '2026-12-01T02:00:00.000Z',
        n: 3,
        none: null,
        day: '2026-12-01',
        url,
        deep: [{ firstFailure: '2026-11-30T16:00:00Z' }],
      }),
    ).toEqual({
      at: '2026-12-01T10:00:00+08:00',
      n: 3,
      none: null,
      day: '2026-12-01',
      url,
      deep: [{ firstFailure: '2026-12-01T00:00:00+08:00' }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { findDate, inferYear } from '../../src/extract/dates.js';
import { cstDay, daysBefore, monthsBefore } from '../../src/model/day.js';

const AT = '2026-12-01';

describe('findDate', () => {
  it.each([
    ['2026-11-20', '2026-11-20'],
    ['2026/11/20', '2026-11-20'],
    ['2026.11.20', '2026-11-20'],
    ['2026年11月20日', '2026-11-20'],
    ['2026年1月2日', '2026-01-02'],
    ['(2026-11-20)', '2026-11-20'],
    ['发布时间：2026-11-20 10:30', '2026-11-20'],
    ['２０２６－１１－２０', '2026-11-20'],
  ])('reads %s', (text, day) => {
    expect(findDate(text, AT)?.day).toBe(day);
  });

  it('reads year-less dates standing alone or bracketed, inferring the year from the reference day', () => {
    expect(findDate('[11-20]', AT)).toMatchObject({ day: '2026-11-20', hasYear: false, text: '[11-20]' });
    expect(findDate('11-20', AT, { alone: true })?.day).toBe('2026-11-20');
    expect(findDate('[12-05]', AT)?.day).toBe('2025-12-05');
    expect(findDate('12-01', AT, { alone: true })?.day).toBe('2026-12-01');
  });

  it('does not take numbers inside a title for a date', () => {
    expect(findDate('关于印发1-2号文件的通知', AT)).toBeNull();
    expect(findDate('11-20', AT)).toBeNull(); // not alone, not bracketed
    expect(findDate('2026-13-01', AT)).toBeNull();
    expect(findDate('2026-02-30', AT)).toBeNull();
    expect(findDate('电话 0731-88881234', AT)).toBeNull();
  });

  it('inferYear skips 02-29 into a year without it', () => {
    expect(inferYear(2, 29, '2027-01-10')).toBeNull(); // 2026 has no 02-29
    expect(inferYear(2, 29, '2028-03-01')).toBe('2028-02-29');
  });
});

describe('calendar days in +08:00', () => {
  it('an instant late on the 30th UTC is already the 1st in China', () => {
    expect(cstDay('2026-11-30T17:00:00Z')).toBe('2026-12-01');
    expect(cstDay('2026-12-01T10:00:00+08:00')).toBe('2026-12-01');
  });
  it('counts calendar days and months back', () => {
    expect(daysBefore('2026-12-01', 14)).toBe('2026-11-17');
    expect(monthsBefore('2026-12-01', 6)).toBe('2026-06-01');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-12-01', 12)).toBe('2025-12-01');
  });
});

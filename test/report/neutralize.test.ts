import { describe, expect, it } from 'vitest';
import { neutralize } from '../../src/report/neutralize.js';

describe('neutralize', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
  ])('prefixes %j', (input, expected) => {
    expect(neutralize(input)).toBe(expected);
  });

  it.each(['湖南省人民政府', 'http://www.gov.cn/', 'a=b', ' =1', '', "'already"])('leaves %j alone', (input) => {
    expect(neutralize(input)).toBe(input);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(neutralize(97.5)).toBe(97.5);
    expect(neutralize(-1)).toBe(-1);
  });
});

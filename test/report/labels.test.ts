import { describe, expect, it } from 'vitest';
import { FINDING_KIND_LABELS, levelLabel, quarterLabel, regionLabel, VERDICT_LABELS } from '../../src/report/labels.js';

describe('labels', () => {
  it('names verdicts and finding kinds in Chinese', () => {
    expect(VERDICT_LABELS).toEqual({ qualified: '合格', unqualified: '不合格', 'not-checked': '未检查' });
    expect(FINDING_KIND_LABELS).toEqual({ veto: '单项否决', deduction: '扣分', notice: '提示' });
  });

  it.each([
    ['430100', '湖南省 430100'],
    ['110000', '北京市 110000'],
    ['650100', '新疆维吾尔自治区 650100'],
    ['820000', '澳门特别行政区 820000'],
    ['990100', '990100'],
    [null, ''],
  ])('region %j → %j', (code, label) => {
    expect(regionLabel(code)).toBe(label);
  });

  it('levels use the registry labels, null as blank', () => {
    expect(levelLabel('county-portal')).toBe('县级门户');
    expect(levelLabel(null)).toBe('');
  });

  it.each([
    ['2026Q4', '2026年第四季度'],
    ['2027Q1', '2027年第一季度'],
    ['2026-H2', '2026-H2'],
  ])('quarter %j → %j', (quarter, label) => {
    expect(quarterLabel(quarter)).toBe(label);
  });
});

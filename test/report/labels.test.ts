import { describe, expect, it } from 'vitest';
import { TIERS } from '../../src/model/tier.js';
import { FINDING_KIND_LABELS, levelLabel, quarterLabel, regionLabel, tierLabel, VERDICT_LABELS } from '../../src/report/labels.js';

describe('labels', () => {
  it('names verdicts and finding kinds in Chinese', () => {
    expect(VERDICT_LABELS).toEqual({ qualified: '合格', unqualified: '不合格', 'not-checked': '未检查' });
    expect(FINDING_KIND_LABELS).toEqual({ veto: '单项否决', deduction: '扣分', notice: '提示' });
  });

  // Names come from the GB/T 2260 dataset package; each case is a shape of code the registry holds.
  it.each([
    ['430000', '湖南省'],
    ['430100', '湖南省 长沙市'],
    ['431300', '湖南省 娄底市'],
    ['430104', '湖南省 长沙市 岳麓区'],
    // A municipality's 市辖区 and Chongqing's 县 are groupings, not places: never shown.
    ['110000', '北京市'],
    ['110101', '北京市 东城区'],
    ['500229', '重庆市 城口县'],
    // Counties a province administers directly sit under no prefecture.
    ['429004', '湖北省 仙桃市'],
    ['659012', '新疆维吾尔自治区 白杨市'],
    ['650100', '新疆维吾尔自治区 乌鲁木齐市'],
    ['820000', '澳门特别行政区'],
    // A code the list does not have keeps its known levels and shows the code itself.
    ['430199', '湖南省 长沙市 430199'],
    ['439900', '湖南省 439900'],
    ['990100', '990100'],
    ['43', '43'],
    [null, ''],
  ])('region %j → %j', (code, label) => {
    expect(regionLabel(code)).toBe(label);
  });

  it('tiers in Chinese; an unknown one as given', () => {
    expect(TIERS.map(tierLabel)).toEqual(['市级', '省级', '国家级']);
    expect(tierLabel('city')).toBe('city');
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

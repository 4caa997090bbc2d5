// Chinese labels for the people who read the reports; report.json keeps the English keys.
import { SITE_LEVEL_LABELS, type SiteLevel } from '../model/site.js';
import type { FindingKind, Verdict } from '../model/report.js';

export const VERDICT_LABELS: Record<Verdict, string> = {
  qualified: '合格',
  unqualified: '不合格',
  'not-checked': '未检查',
};

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  veto: '单项否决',
  deduction: '扣分',
  notice: '提示',
};

// GB/T 2260 province-level divisions, keyed by the first two digits of a region code.
// Only the province is named: prefecture and county names change often enough that a stale
// table would mislabel sites, while the code itself stays beside the name and is unambiguous.
const PROVINCES: Record<string, string> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

/** "湖南省 430100"; the bare code when its province is unknown; "" when there is no code. */
export function regionLabel(region: string | null): string {
  if (region === null || region === '') return '';
  const province = PROVINCES[region.slice(0, 2)];
  return province === undefined ? region : `${province} ${region}`;
}

export function levelLabel(level: SiteLevel | null): string {
  return level === null ? '' : SITE_LEVEL_LABELS[level];
}

const QUARTER_NUMERALS = ['一', '二', '三', '四'] as const;

/** "2026Q4" → "2026年第四季度"; anything else is shown as given rather than guessed at. */
export function quarterLabel(quarter: string): string {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (match === null) return quarter;
  return `${match[1]}年第${QUARTER_NUMERALS[Number(match[2]) - 1]}季度`;
}

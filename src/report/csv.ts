// The all-sites table as CSV, for people who open it in Excel or WPS and for quick scripting.
import { notCheckedReasons, problemMessages, scoreValue, vetoTitles } from './facts.js';
import { levelLabel, regionLabel, VERDICT_LABELS } from './labels.js';
import type { Report, ReportSite } from '../model/report.js';
import { neutralize, type CellValue } from './neutralize.js';
import { cstTextIn } from './time.js';

export const CSV_HEADER = [
  '序号',
  '地区',
  '网站名称',
  '网址',
  '网站标识码',
  '主办单位',
  '网站层级',
  '结论',
  '得分',
  '单项否决',
  '问题描述',
  '预警',
] as const;

// Excel only detects UTF-8 from the BOM; without it Chinese opens as mojibake in GBK locales.
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const LIST_SEPARATOR = '；';

export function renderCsv(report: Report): Buffer {
  const rows: CellValue[][] = [[...CSV_HEADER], ...report.sites.map((site, i) => siteRow(site, i + 1))];
  const text = rows.map((row) => row.map((cell) => quote(neutralize(cell))).join(',')).join('\r\n');
  return Buffer.concat([BOM, Buffer.from(`${text}\r\n`, 'utf8')]);
}

function siteRow(site: ReportSite, index: number): CellValue[] {
  const score = scoreValue(site);
  return [
    index,
    regionLabel(site.region),
    site.name,
    site.url,
    site.id,
    site.sponsor ?? '',
    levelLabel(site.level),
    VERDICT_LABELS[site.verdict],
    // One decimal always, so 97 and 97.5 line up and nobody reads "97" as a rounded value.
    typeof score === 'number' ? score.toFixed(1) : score,
    vetoTitles(site).join(LIST_SEPARATOR),
    cstTextIn([...problemMessages(site), ...notCheckedReasons(site)].join(LIST_SEPARATOR)),
    cstTextIn(site.warnings.map((w) => w.message).join(LIST_SEPARATOR)),
  ];
}

/** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
function quote(cell: CellValue): string {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

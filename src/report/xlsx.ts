// The Excel workbook inspectors circulate: the exposure list (不合格网站名单) laid out the way a
// 通报 annex is, then every site and every finding for whoever has to follow up.
import type ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { byRegionThenId, findingText, notCheckedReasons, problemMessages, scoreValue, vetoTitles } from './facts.js';
import { FINDING_KIND_LABELS, levelLabel, quarterLabel, regionLabel, VERDICT_LABELS } from './labels.js';
import type { Report, ReportSite } from '../model/report.js';
import { neutralize, type CellValue } from './neutralize.js';
import { cstTextIn } from './time.js';

export const EXPOSURE_SHEET = '不合格网站名单';
export const SITES_SHEET = '全部网站';
export const FINDINGS_SHEET = '全部问题';
export const WARNINGS_SHEET = '预警';
export const CLOSED_SHEET = '关停网站';
export const NO_UNQUALIFIED_TEXT = '本季度无不合格网站';
/** 问题类型 of a site that failed on points alone. */
export const OVER_DEDUCTION_TEXT = '扣分超限';

/** A cell to write: plain text or number, or a URL to show as a link. */
type Out = CellValue | { url: string };
interface Column {
  header: string;
  width: number;
  wrap?: boolean;
  numFmt?: string;
}

// Widths in Excel character units; a Chinese character takes about two.
const EXPOSURE_COLUMNS: Column[] = [
  { header: '序号', width: 6 },
  { header: '地区', width: 18 },
  { header: '网站名称', width: 30, wrap: true },
  { header: '网址', width: 36 },
  { header: '网站标识码', width: 14 },
  { header: '主办单位', width: 24, wrap: true },
  { header: '问题类型', width: 22, wrap: true },
  { header: '问题描述', width: 60, wrap: true },
  { header: '得分', width: 10, numFmt: '0.0' },
];

const SITE_COLUMNS: Column[] = [
  { header: '序号', width: 6 },
  { header: '地区', width: 18 },
  { header: '网站名称', width: 30 },
  { header: '网址', width: 36 },
  { header: '网站标识码', width: 14 },
  { header: '主办单位', width: 24 },
  { header: '网站层级', width: 12 },
  { header: '结论', width: 8 },
  { header: '得分', width: 10, numFmt: '0.0' },
  { header: '单项否决', width: 22, wrap: true },
  { header: '问题描述', width: 60, wrap: true },
];

const FINDING_COLUMNS: Column[] = [
  { header: '网站标识码', width: 14 },
  { header: '网站名称', width: 30 },
  { header: '规则', width: 22 },
  { header: '问题', width: 18 },
  { header: '类型', width: 10 },
  { header: '扣分', width: 8 },
  { header: '网址', width: 40 },
  { header: '问题描述', width: 60, wrap: true },
];

const CLOSED_COLUMNS: Column[] = [
  { header: '网站标识码', width: 14 },
  { header: '网站名称', width: 30 },
  { header: '登记网址', width: 36 },
  { header: '主办单位', width: 24 },
  { header: '探测次数', width: 10 },
  { header: '未响应次数', width: 10 },
  { header: '问题描述', width: 60, wrap: true },
];

export async function renderXlsx(report: Report): Promise<Buffer> {
  // exceljs is loaded when a workbook is read or written, not at every start of the CLI (~30 MB).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'choucha';
  // Stamp the report's own time, not the wall clock: the workbook is a view of report.json.
  workbook.created = workbook.modified = new Date(report.generatedAt);

  addExposureSheet(workbook, report);
  addTable(workbook.addWorksheet(SITES_SHEET), SITE_COLUMNS, 1, report.sites.map(siteRow));
  addTable(workbook.addWorksheet(FINDINGS_SHEET), FINDING_COLUMNS, 1, findingRows(report, 'findings'));
  addTable(workbook.addWorksheet(WARNINGS_SHEET), FINDING_COLUMNS, 1, findingRows(report, 'warnings'));
  if (report.closed) addTable(workbook.addWorksheet(CLOSED_SHEET), CLOSED_COLUMNS, 1, closedRows(report));

  // exceljs types its result as its own ArrayBuffer-like; at runtime it is a Node Buffer.
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function addExposureSheet(workbook: ExcelJS.Workbook, report: Report): void {
  const sheet = workbook.addWorksheet(EXPOSURE_SHEET, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  const last = EXPOSURE_COLUMNS.length;
  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = neutralize(`${quarterLabel(report.quarter)}政府网站抽查不合格网站名单`);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;

  const unqualified = report.sites.filter((s) => s.verdict === 'unqualified').sort(byRegionThenId);
  addTable(sheet, EXPOSURE_COLUMNS, 2, unqualified.map(exposureRow));
  if (unqualified.length === 0) {
    // An empty annex still has to say so in words: a blank table reads as a failed export.
    sheet.mergeCells(3, 1, 3, last);
    const cell = sheet.getCell(3, 1);
    cell.value = NO_UNQUALIFIED_TEXT;
    cell.alignment = { horizontal: 'center' };
  }
}

function exposureRow(site: ReportSite, index: number): Out[] {
  const vetoes = vetoTitles(site);
  return [
    index + 1,
    regionLabel(site.region),
    site.name,
    { url: site.url },
    site.id,
    site.sponsor ?? '',
    vetoes.length > 0 ? vetoes.join('；') : OVER_DEDUCTION_TEXT,
    cstTextIn(problemMessages(site).join('\n')),
    scoreValue(site),
  ];
}

function siteRow(site: ReportSite, index: number): Out[] {
  return [
    index + 1,
    regionLabel(site.region),
    site.name,
    { url: site.url },
    site.id,
    site.sponsor ?? '',
    levelLabel(site.level),
    VERDICT_LABELS[site.verdict],
    scoreValue(site),
    vetoTitles(site).join('；'),
    cstTextIn([...problemMessages(site), ...notCheckedReasons(site)].join('\n')),
  ];
}

function findingRows(report: Report, which: 'findings' | 'warnings'): Out[][] {
  return report.sites.flatMap((site) =>
    site[which].map((f): Out[] => [
      site.id,
      site.name,
      f.rule,
      f.title,
      FINDING_KIND_LABELS[f.kind],
      f.points,
      f.url === null ? '' : { url: f.url },
      cstTextIn(findingText(f)),
    ]),
  );
}

function closedRows(report: Report): Out[][] {
  return (report.closed ?? []).map((x) => [
    x.id,
    x.name,
    { url: x.url },
    x.sponsor ?? '',
    x.availability.probes,
    x.availability.failures,
    x.findings.map((f) => cstTextIn(f.message)).join('\n'),
  ]);
}

/** Header at `headerRow`, frozen above the data, then one row per entry. */
function addTable(sheet: Worksheet, columns: Column[], headerRow: number, rows: Out[][]): void {
  columns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = column.width;
    if (column.numFmt !== undefined) col.numFmt = column.numFmt;
  });
  const header = sheet.getRow(headerRow);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };

  rows.forEach((values, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      writeCell(cell, value);
      cell.alignment = { vertical: 'top', wrapText: columns[c]?.wrap === true };
    });
  });
}

function writeCell(cell: Cell, value: Out): void {
  if (typeof value !== 'object') {
    cell.value = neutralize(value);
    return;
  }
  // Only web addresses become clickable: a registry or page could carry javascript: or file: links.
  if (/^https?:\/\//i.test(value.url)) {
    cell.value = { text: neutralize(value.url), hyperlink: value.url };
    cell.font = { color: { argb: 'FF0563C1' }, underline: true };
  } else {
    cell.value = neutralize(value.url);
  }
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { renderXlsx } from '../../src/report/xlsx.js';
import { loadReport } from './fixture.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'choucha-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Render, write to disk and open again, as a reader of the file would. */
async function roundTrip(report: Report, name: string): Promise<ExcelJS.Workbook> {
  const path = join(dir, name);
  await writeFile(path, await renderXlsx(report));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function values(sheet: Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

function sheet(workbook: ExcelJS.Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

describe('renderXlsx', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await roundTrip(loadReport(), 'report.xlsx');
  });

  it('has the exposure list, all sites, all findings and the pre-warnings, in that order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['不合格网站名单', '全部网站', '全部问题', '预警']);
  });

  it('lists the pre-warnings on their own sheet, not among the findings', () => {
    const rows: string[] = [];
    workbook.getWorksheet('预警')!.eachRow((r, n) => n > 1 && rows.push(String(r.getCell(8).value)));
    expect(rows).toEqual(['首页最新信息发布于 2026-11-19，超过 10 天未更新，2026-11-17 前不更新将被单项否决']);
    const findings: string[] = [];
    workbook.getWorksheet('全部问题')!.eachRow((r) => findings.push(String(r.getCell(3).value)));
    expect(findings).not.toContain('pre-warning');
  });

  describe('不合格网站名单', () => {
    let ws: Worksheet;
    beforeAll(() => {
      ws = sheet(workbook, '不合格网站名单');
    });

    it('opens with the quarter title merged across the table', () => {
      expect(ws.getCell('A1').value).toBe('2026年第四季度政府网站抽查不合格网站名单');
      expect(ws.getCell('I1').isMerged).toBe(true);
      expect(ws.getCell('I1').master.address).toBe('A1');
    });

    it('has a bold, frozen header row', () => {
      expect(values(ws, 2)).toEqual(['序号', '地区', '网站名称', '网址', '网站标识码', '主办单位', '问题类型', '问题描述', '得分']);
      expect(ws.getCell('A2').font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    });

    it('lists only the unqualified sites, by region then id, sites without a region last', () => {
      const ids = [3, 4, 5].map((r) => ws.getCell(r, 5).value);
      expect(ids).toEqual(['4201000003', '4301000002', '4300000005']);
      expect(ws.getCell('A6').value).toBeNull();
      expect([3, 4, 5].map((r) => ws.getCell(r, 1).value)).toEqual([1, 2, 3]);
    });

    it('gives 问题类型 and 得分 for points failures and vetoes', () => {
      expect(ws.getCell('G3').value).toBe('扣分超限');
      expect(ws.getCell('I3').value).toBe(55);
      expect(ws.getCell('G4').value).toBe('首页不更新；空白栏目');
      expect(ws.getCell('I4').value).toBe('单项否决');
      expect(ws.getCell('B3').value).toBe('湖北省 武汉市');
    });

    it('joins the messages with line breaks in a wrapped cell', () => {
      expect(ws.getCell('H3').value).toBe('栏目“工作动态”超过 2 周未更新\n留言超过 3 个月未回复 2 条');
      expect(ws.getCell('H3').alignment?.wrapText).toBe(true);
    });

    it('links the 网址 cells', () => {
      expect(ws.getCell('D3').value).toEqual({ text: 'https://mzj.wuhan.gov.cn/', hyperlink: 'https://mzj.wuhan.gov.cn/' });
    });

    it('neutralises text that would run as a formula', () => {
      expect(ws.getCell('C5').value).toBe(`'=HYPERLINK("http://evil.example/","点击")`);
      expect(ws.getCell('F5').value).toBe("'+主办单位");
      expect(ws.getCell('C5').formula).toBeUndefined();
    });
  });

  it('全部网站 has every site with its verdict and numeric score', () => {
    const ws = sheet(workbook, '全部网站');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('H1').value).toBe('结论');
    expect([2, 3, 4, 5, 6].map((r) => ws.getCell(r, 8).value)).toEqual(['合格', '不合格', '不合格', '未检查', '不合格']);
    expect([2, 3, 4, 5, 6].map((r) => ws.getCell(r, 9).value)).toEqual([97.5, '单项否决', 55, '', '单项否决']);
    expect(ws.getCell('A7').value).toBeNull();
  });

  it('全部问题 has one row per finding with kind labels and numeric points', () => {
    const ws = sheet(workbook, '全部问题');
    expect(values(ws, 1)).toEqual(['网站标识码', '网站名称', '规则', '问题', '类型', '扣分', '网址', '问题描述']);
    expect(values(ws, 2)).toEqual([
      '4300000001',
      '湖南省人民政府门户网站',
      'link-broken',
      '不可用链接',
      '扣分',
      2.5,
      { text: 'http://www.hunan.gov.cn/zwgk/old.html', hyperlink: 'http://www.hunan.gov.cn/zwgk/old.html' },
      '首页链接 http://www.hunan.gov.cn/zwgk/old.html 返回 404',
    ]);
    expect(ws.getCell('E3').value).toBe('提示');
    expect(ws.getCell('A10').value).toBe('4300000005');
    expect(ws.getCell('A11').value).toBeNull();
  });

  it('does not make a link of a non-web address', async () => {
    const report = loadReport();
    report.sites[2]!.url = 'javascript:alert(1)';
    const ws = sheet(await roundTrip(report, 'js-link.xlsx'), '不合格网站名单');
    expect(ws.getCell('D3').value).toBe('javascript:alert(1)');
  });

  it('still writes the exposure sheet, saying so, when no site is unqualified', async () => {
    const report = loadReport();
    report.sites = report.sites.filter((s) => s.verdict !== 'unqualified');
    const ws = sheet(await roundTrip(report, 'empty.xlsx'), '不合格网站名单');
    expect(ws.getCell('A1').value).toBe('2026年第四季度政府网站抽查不合格网站名单');
    expect(ws.getCell('A2').value).toBe('序号');
    expect(ws.getCell('A3').value).toBe('本季度无不合格网站');
    expect(ws.getCell('A4').value).toBeNull();
  });
});

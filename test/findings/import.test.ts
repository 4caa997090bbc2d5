// `findings import` on real files into a real SQLite store: CSV and XLSX (written with exceljs) with good
// and bad rows. Every bad row is named by file, row and field with what was expected; the good rows are
// stored with their provenance; a re-import updates and never duplicates.
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFindings } from '../../src/findings/import.js';
import { formatRowError } from '../../src/registry/row-error.js';
import { listManualFindings } from '../../src/store/manual-findings.js';
import { type Harness, harness, siteRow } from '../helpers/store.js';
import { png } from './png.js';

const AT = '2026-12-01T10:00:00+08:00';
const NOW = '2026-12-05T02:00:00.000Z';
const HEADER = '网站标识码,网站名称,问题类型,描述,问题网址,截图,检查人,检查日期';
let h: Harness;
let dir: string;
let shotDir: string;

beforeEach(() => {
  h = harness(AT);
  h.register([siteRow('4301000001', 'http://www.changsha.gov.cn/', '长沙市人民政府'), siteRow('bm17000001', 'http://www.mof.gov.cn/')]);
  dir = mkdtempSync(join(tmpdir(), 'choucha-findings-'));
  shotDir = join(h.dir, 'manual-evidence');
  mkdirSync(join(dir, 'shots'));
  writeFileSync(join(dir, 'shots', 'home.png'), png(40));
  writeFileSync(join(dir, 'shots', 'notes.txt'), '不是图片');
});
afterEach(() => h.close());

const run = (file: string, quarter: string | null = null) => importFindings(h.db, file, { quarter, screenshotDir: shotDir, now: NOW });
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('findings import: CSV', () => {
  it('stores the good rows with their provenance and names every bad field of the bad ones', async () => {
    const file = write(
      'experts.csv',
      [
        HEADER,
        '4301000001,长沙市人民政府,首页不更新,首页最新信息为 2026-10-01,http://www.changsha.gov.cn/,shots/home.png,张三,2026-11-20',
        'BM17000001,财政部,link-broken/page-link,政策文件页链接打不开,http://www.mof.gov.cn/zcwj/,,李四,2026/11/21',
        '4301000001,长沙市人民政府,不可用链接,链接打不开,http://www.changsha.gov.cn/x/,,李四,2026-11-21',
        '4399999999,某县,错别字,“攻府”应为“政府”,,,王五,2026-11-21',
        '4301000001,长沙市人民政府,栏目不更新,,www.changsha.gov.cn,,,2026-13-01',
        '4301000001,长沙市人民政府,错别字,“攻府”应为“政府”,,shots/notes.txt,王五,2026年11月22日',
        '4301000001,长沙市人民政府,错别字,“攻府”应为“政府”,,shots/gone.png,王五,2026年11月22日',
        '4301000001,长沙市人民政府,错别字,“烈土”应为“烈士”,http://www.changsha.gov.cn/a/1.html,,王五,2026-12-09',
        '4301000001,长沙市人民政府,首页不更新,首页最新信息为 2026-10-01,http://www.changsha.gov.cn/,,赵六,2026-11-23',
      ].join('\n'),
    );
    const r = await run(file);
    expect(r.rows).toBe(9);
    expect(r.errors.map(formatRowError)).toEqual([
      `${file}: row 4, field 问题类型: got "不可用链接", expected one of the findings "不可用链接" may mean, which the edition counts apart: link-broken/homepage-link (首页不可用链接), link-broken/page-link (其他页面不可用链接), link-broken/unchecked (链接未能判定（非网站原因）)`,
      `${file}: row 5, field 网站标识码: got "4399999999", expected the 网站标识码 of a registered site (add it with \`choucha sites import\`)`,
      `${file}: row 6, field 描述: got (empty), expected what the inspector found (描述), not empty`,
      `${file}: row 6, field 问题网址: got "www.changsha.gov.cn", expected an http:// or https:// address (the scheme is missing: write http://www.changsha.gov.cn)`,
      `${file}: row 6, field 检查人: got (empty), expected who found it (检查人), not empty`,
      `${file}: row 6, field 检查日期: got "2026-13-01", expected the day it was found, e.g. 2026-11-20, 2026/11/20 or 2026年11月20日`,
      `${file}: row 7, field 截图: got "shots/notes.txt", expected a PNG, JPEG, GIF or WebP file, its path relative to the folder of experts.csv; ${join(dir, 'shots/notes.txt')} is not an image`,
      `${file}: row 8, field 截图: got "shots/gone.png", expected a PNG, JPEG, GIF or WebP file, its path relative to the folder of experts.csv; there is no file ${join(dir, 'shots/gone.png')}`,
      `${file}: row 9, field 检查日期: got "2026-12-09", expected the day it was found, e.g. 2026-11-20, 2026/11/20 or 2026年11月20日, not after today (2026-12-05)`,
      `${file}: row 10, field 描述: got "首页最新信息为 2026-10-01", expected a finding not already given on row 2 (same site, 问题类型, URL and description)`,
    ]);
    expect(r).toMatchObject({ added: 2, updated: 0, unchanged: 0, removed: 0, quarters: ['2026Q4'] });

    const stored = listManualFindings(h.db);
    expect(stored.map((f) => [f.siteId, `${f.rule}/${f.code}`, f.url, f.inspector, f.foundOn, f.sourceRow])).toEqual([
      ['4301000001', 'homepage-stale/stale', 'http://www.changsha.gov.cn/', '张三', '2026-11-20', 2],
      ['bm17000001', 'link-broken/page-link', 'http://www.mof.gov.cn/zcwj/', '李四', '2026-11-21', 3],
    ]);
    const [home] = stored;
    expect(home).toMatchObject({ quarter: '2026Q4', typeGiven: '首页不更新', sourceFile: file, screenshotGiven: 'shots/home.png' });
    // The screenshot is kept beside the database, byte for byte, under its content hash.
    expect(home!.screenshotPath!.startsWith(shotDir)).toBe(true);
    expect(readFileSync(home!.screenshotPath!)).toEqual(png(40));
  });

  it('takes the quarter from --quarter, else from each row date', async () => {
    const file = write(
      'q.csv',
      [HEADER, '4301000001,,typo,“攻府”应为“政府”,,,王五,2026-09-30', '4301000001,,typo,“烈土”,,,王五,2026-10-01'].join('\n'),
    );
    expect((await run(file)).quarters).toEqual(['2026Q3', '2026Q4']);
    const again = await run(file, '2026Q4');
    // The same rows under another quarter are other findings; the file's earlier ones it no longer gives go.
    expect(again).toMatchObject({ added: 1, unchanged: 1, removed: 1, quarters: ['2026Q4'] });
    expect(listManualFindings(h.db).map((f) => f.quarter)).toEqual(['2026Q4', '2026Q4']);
  });

  it('reads a GBK file saved by Excel on Chinese Windows, and a sheet made on Windows naming 截图\\home.png', async () => {
    const text = [HEADER, '4301000001,长沙市人民政府,严重表述错误,“中华人民共合国”,,shots\\home.png,张三,2026-11-20'].join('\r\n');
    const file = join(dir, 'gbk.csv');
    writeFileSync(file, iconv.encode(text, 'gbk'));
    const r = await run(file);
    expect(r.errors).toEqual([]);
    expect(listManualFindings(h.db)[0]).toMatchObject({
      rule: 'serious-error',
      code: 'serious',
      description: '“中华人民共合国”',
      screenshotGiven: 'shots\\home.png',
    });
  });

  it('refuses a sheet without a required column, naming the headers it accepts', async () => {
    const file = write('nohead.csv', '网站标识码,问题类型,描述\n4301000001,typo,错字\n');
    await expect(run(file)).rejects.toThrow(/missing required column\(s\) 检查人 \(inspector\), 检查日期 \(date\)/);
  });
});

describe('findings import: re-import', () => {
  it('updates what changed, adds nothing twice, and drops what the file no longer gives', async () => {
    const rows = [
      '4301000001,,首页不更新,首页最新信息为 2026-10-01,http://www.changsha.gov.cn/,,张三,2026-11-20',
      '4301000001,,typo,“攻府”应为“政府”,http://www.changsha.gov.cn/a/1.html,,王五,2026-11-21',
    ];
    const file = write('r.csv', [HEADER, ...rows].join('\n'));
    expect(await run(file)).toMatchObject({ added: 2, updated: 0, unchanged: 0, removed: 0 });
    expect(await run(file)).toMatchObject({ added: 0, updated: 0, unchanged: 2, removed: 0 });
    // Sorted the other way, one inspector's name corrected: the same two findings, one updated.
    write('r.csv', [HEADER, rows[1]!.replace('王五', '王五（第三方）'), rows[0]!].join('\n'));
    expect(await run(file)).toMatchObject({ added: 0, updated: 2, unchanged: 0, removed: 0 });
    expect(listManualFindings(h.db).map((f) => [f.rule, f.inspector, f.sourceRow])).toEqual([
      ['homepage-stale', '张三', 3],
      ['typo', '王五（第三方）', 2],
    ]);
    // A description corrected is another finding: the old one goes with the file's re-import.
    write('r.csv', [HEADER, rows[0]!.replace('2026-10-01', '2026-10-02')].join('\n'));
    expect(await run(file)).toMatchObject({ added: 1, updated: 0, unchanged: 0, removed: 2 });
    expect(listManualFindings(h.db)).toHaveLength(1);
    // A file with a bad row removes nothing: the bad row may be one of its findings.
    write('r.csv', [HEADER, rows[1]!.replace('王五', '')].join('\n'));
    expect(await run(file)).toMatchObject({ added: 0, removed: 0 });
    expect(listManualFindings(h.db)).toHaveLength(1);
  });

  it('keeps one finding when two files give it, and one file re-imported does not take it from the other', async () => {
    const row = '4301000001,,首页不更新,首页最新信息为 2026-10-01,http://www.changsha.gov.cn/,,张三,2026-11-20';
    const a = write('a.csv', [HEADER, row].join('\n'));
    const b = write('b.csv', [HEADER, row].join('\n'));
    await run(a);
    expect(await run(b)).toMatchObject({ added: 0, updated: 1 });
    write('a.csv', HEADER);
    expect(await run(a)).toMatchObject({ removed: 0 });
    expect(listManualFindings(h.db).map((f) => basename(f.sourceFile))).toEqual(['b.csv']);
  });
});

describe('findings import: XLSX', () => {
  it('reads date cells, numeric ids, hyperlinked screenshots and URLs under a title row', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('专家检查问题');
    sheet.addRow(['附件 2026年第四季度专家检查问题清单']);
    sheet.addRow(['序号', '网站标识码', '问题类型', '问题描述', '问题网址', '截图', '检查人', '检查日期']);
    sheet.addRow([
      1,
      4301000001,
      '首页不更新',
      '首页最新信息为 2026-10-01',
      { text: 'www.changsha.gov.cn', hyperlink: 'http://www.changsha.gov.cn/' },
      { text: '首页截图', hyperlink: 'shots/home.png' },
      '张三',
      new Date(Date.UTC(2026, 10, 20)),
    ]);
    sheet.addRow([2, 4301000001, '链接', '链接打不开', 'ftp://www.changsha.gov.cn/', null, '李四', new Date(Date.UTC(2026, 10, 21))]);
    sheet.addRow([
      3,
      'bm17000001',
      'privacy-leak/mobile',
      '公示名单含手机号',
      'http://www.mof.gov.cn/gs/1.html',
      null,
      '第三方监测机构',
      '2026-11-22',
    ]);
    const file = join(dir, 'experts.xlsx');
    await wb.xlsx.writeFile(file);

    const r = await run(file);
    expect(r.errors.map(formatRowError)).toEqual([
      `${file}: row 4, field 问题类型: got "链接", expected a rule id such as homepage-stale, rule/code such as link-broken/page-link, a rule title such as 首页不更新, or a 问题类型 \`choucha findings types\` lists`,
      `${file}: row 4, field 问题网址: got "ftp://www.changsha.gov.cn/", expected an http:// or https:// address, not a ftp: address`,
    ]);
    expect(listManualFindings(h.db).map((f) => [f.siteId, f.rule, f.code, f.url, f.foundOn, f.sourceRow, f.screenshotGiven])).toEqual([
      ['4301000001', 'homepage-stale', 'stale', 'http://www.changsha.gov.cn/', '2026-11-20', 3, 'shots/home.png'],
      ['bm17000001', 'privacy-leak', 'mobile', 'http://www.mof.gov.cn/gs/1.html', '2026-11-22', 5, null],
    ]);
    expect(existsSync(listManualFindings(h.db)[0]!.screenshotPath!)).toBe(true);
  });
});

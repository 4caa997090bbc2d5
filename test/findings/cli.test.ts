// Expert findings through the real CLI on a real SQLite file: `findings import`, then `check` and `report`
// on sites a finished crawl left qualified. A manual veto makes a site unqualified and every report marks
// it 人工; manual deductions come off the score; the ignore list takes one out; a re-import adds nothing.
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportSite } from '../../src/model/report.js';
import { cli } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';
import { harness, siteRow } from '../helpers/store.js';
import { storeHealthyCrawl } from './crawled-site.js';
import { png } from './png.js';

const AT = '2026-12-01T10:00:00+08:00';
const [A, B, C] = ['4301000001', '4302000001', '4303000001'];
let dir: string;
let base: string[];
let findingsCsv: string;

const site = (r: Report, id: string): ReportSite => r.sites.find((s) => s.id === id)!;
const manual = (s: ReportSite) => s.findings.filter((f) => f.source === 'manual');
async function checkAndReport(out: string, ...checkArgs: string[]): Promise<Report> {
  const c = await cli([...base, 'check', '--quarter', '2026Q4', ...checkArgs], { cwd: dir });
  expect(c.code, c.stderr).toBe(0);
  const r = await cli([...base, 'report', '--quarter', '2026Q4', '--format', 'json,html,md,xlsx,csv', '--out', join(dir, out)], {
    cwd: dir,
  });
  expect(r.code, r.stderr).toBe(0);
  return readValidReport<Report>(join(dir, out, 'report.json'));
}

beforeAll(() => {
  const h = harness(AT);
  const sites = [
    siteRow(A, 'http://www.changsha.gov.cn/', '长沙市人民政府'),
    siteRow(B, 'http://www.zhuzhou.gov.cn/', '株洲市人民政府'),
    siteRow(C, 'http://www.xiangtan.gov.cn/', '湘潭市人民政府'),
  ];
  h.register(sites);
  for (const s of sites) storeHealthyCrawl(h, s, '2026-12-01');
  dir = h.dir;
  h.close();
  base = ['--db', h.where];
  mkdirSync(join(dir, 'sheets', 'shots'), { recursive: true });
  writeFileSync(join(dir, 'sheets', 'shots', 'home.png'), png(90));
  findingsCsv = join(dir, 'sheets', 'experts.csv');
  writeFileSync(
    findingsCsv,
    [
      '网站标识码,网站名称,问题类型,描述,问题网址,截图,检查人,检查日期',
      `${A},长沙市人民政府,首页不更新,首页最新信息发布于2026年10月8日,http://www.changsha.gov.cn/,shots/home.png,张三,2026-11-20`,
      `${B},株洲市人民政府,错别字,“攻府”应为“政府”,http://www.zhuzhou.gov.cn/a/1.html,,王五,2026-11-21`,
      `${B},株洲市人民政府,privacy-leak/mobile,公示名单公开了群众手机号码,http://www.zhuzhou.gov.cn/gs/2.html,,王五,2026-11-21`,
      `${C},湘潭市人民政府,严重表述错误,“中华人民共合国”,http://www.xiangtan.gov.cn/a/3.html,,李四,2026-11-22`,
      `4309000001,某县人民政府,首页不更新,未登记的网站,,,李四,2026-11-22`,
    ].join('\n'),
  );
}, 60_000);

describe('choucha findings import, check and report', () => {
  let before: Report;
  let after: Report;

  beforeAll(async () => {
    before = await checkAndReport('before');
    const r = await cli([...base, 'findings', 'import', findingsCsv, '--quarter', '2026Q4'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${findingsCsv}: row 6, field 网站标识码: got "4309000001", expected the 网站标识码 of a registered site (add it with \`choucha sites import\`)`,
    );
    expect(r.stderr).toContain(`${findingsCsv}: 5 rows, 4 added, 0 updated, 0 unchanged, 1 bad`);
    after = await checkAndReport('after');
  }, 120_000);

  // The scores before are what the rules make of the stored crawl; what a person adds is measured from them.
  const scoreBefore = (id: string) => site(before, id).score!;

  it('starts from three qualified sites with no findings of a person', () => {
    expect(before.sites.map((s) => [s.id, s.verdict, manual(s).length])).toEqual([
      [A, 'qualified', 0],
      [B, 'qualified', 0],
      [C, 'qualified', 0],
    ]);
    expect(before.sites.every((s) => s.vetoes.length === 0 && s.score! >= 90)).toBe(true);
  });

  it('a manual veto is a veto: the site is unqualified, the finding is 人工 with its provenance', () => {
    const a = site(after, A);
    expect(a).toMatchObject({ verdict: 'unqualified', score: null, vetoes: ['homepage-stale'] });
    expect(manual(a)).toEqual([
      expect.objectContaining({
        rule: 'homepage-stale',
        code: 'stale',
        title: '首页不更新',
        kind: 'veto',
        url: 'http://www.changsha.gov.cn/',
        message: '首页最新信息发布于2026年10月8日',
        source: 'manual',
        provenance: {
          file: findingsCsv,
          row: 2,
          inspector: '张三',
          date: '2026-11-20',
          screenshot: { given: 'shots/home.png', path: expect.stringMatching(/^evidence\/manual\/[0-9a-f]{16}\.png$/) },
        },
      }),
    ]);
    // The screenshot travels with the reports, byte for byte.
    const shot = manual(a)[0]!.provenance!.screenshot!.path;
    expect(readFileSync(join(dir, 'after', shot))).toEqual(png(90));
    // The rules' own findings stay theirs.
    const ruled = a.findings.filter((f) => f.source !== 'manual');
    expect(ruled.length).toBeGreaterThan(0);
    expect(ruled.every((f) => f.source === 'checker')).toBe(true);
  });

  it('manual deductions come off the score as the edition counts them (typo −1, a mobile number −2)', () => {
    const b = site(after, B);
    expect(b).toMatchObject({ verdict: 'qualified', score: scoreBefore(B) - 3 });
    expect(manual(b).map((f) => [f.rule, f.kind, f.points])).toEqual([
      ['typo', 'deduction', 1],
      ['privacy-leak', 'deduction', 2],
    ]);
    expect(after.summary).toMatchObject({ checked: 3, qualified: 1, unqualified: 2 });
  });

  it('every report people read marks the finding 人工', async () => {
    const html = readFileSync(join(dir, 'after', 'report.html'), 'utf8');
    expect(html).toContain('<span class="source">人工</span><span class="kind">单项否决</span><b>首页不更新</b>');
    expect(html).toContain('人工检查：张三，2026年11月20日（experts.csv 第 2 行）');
    expect(html).toMatch(/<img src="evidence\/manual\/[0-9a-f]{16}\.png"/);
    const md = readFileSync(join(dir, 'after', 'report.md'), 'utf8');
    expect(md).toMatch(/\| 长沙市人民政府 \|.*\| 首页不更新 \| (.*；)?【人工】首页最新信息发布于2026年10月8日(；.*)? \|/);
    expect(readFileSync(join(dir, 'after', 'report.csv'), 'utf8')).toContain('【人工】“中华人民共合国”');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'after', 'report.xlsx'));
    const cells: string[] = [];
    wb.getWorksheet('全部问题')!.eachRow((row) => cells.push(String(row.getCell(8).value)));
    expect(cells).toContain('【人工】公示名单公开了群众手机号码');
  });

  it('the ignore list takes a manual veto out by its fingerprint, and it stays listed as 人工', async () => {
    const veto = manual(site(after, C))[0]!;
    expect(veto).toMatchObject({ rule: 'serious-error', kind: 'veto', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const list = join(dir, 'ignore.yaml');
    writeFileSync(list, `entries:\n  - fingerprint: ${veto.fingerprint}\n    reason: 复核：引用的是原文件标题\n    by: 办公厅网站监管处\n`);
    const ignored = await checkAndReport('ignored', '--ignore', list);
    const c = site(ignored, C);
    expect(c).toMatchObject({ verdict: 'qualified', score: scoreBefore(C), vetoes: [] });
    expect(manual(c)).toEqual([
      expect.objectContaining({
        rule: 'serious-error',
        kind: 'notice',
        source: 'manual',
        ignored: expect.objectContaining({ kind: 'veto' }),
      }),
    ]);
    // Only that finding: the other manual veto still stands.
    expect(site(ignored, A).verdict).toBe('unqualified');
  }, 60_000);

  it('a re-import updates and never duplicates: the same findings, judged once', async () => {
    const r = await cli([...base, 'findings', 'import', findingsCsv, '--quarter', '2026Q4'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('5 rows, 0 added, 0 updated, 4 unchanged, 1 bad');
    const list = await cli([...base, 'findings', 'list', '--json'], { cwd: dir });
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(4);
    const again = await checkAndReport('again');
    expect(again.sites.map((s) => [s.id, manual(s).length, s.score])).toEqual([
      [A, 1, null],
      [B, 2, scoreBefore(B) - 3],
      [C, 1, null],
    ]);
  }, 60_000);

  it('reads an XLSX sheet the same way, and names its bad rows', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('问题');
    sheet.addRow(['网站标识码', '问题类型', '问题描述', '问题网址', '检查人', '检查日期']);
    sheet.addRow([
      Number(B),
      'link-broken/homepage-link',
      '首页“政务公开”链接打不开',
      'http://www.zhuzhou.gov.cn/zwgk/',
      '第三方监测机构',
      new Date(Date.UTC(2026, 10, 25)),
    ]);
    sheet.addRow([Number(B), '首页不更新', '', 'http://www.zhuzhou.gov.cn/', '第三方监测机构', new Date(Date.UTC(2026, 10, 25))]);
    const file = join(dir, 'sheets', 'monitor.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await cli([...base, 'findings', 'import', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: row 3, field 问题描述: got (empty), expected what the inspector found (描述), not empty`);
    expect(r.stderr).toContain(`${file}: 2 rows, 1 added, 0 updated, 0 unchanged, 1 bad; quarter 2026Q4`);
    const report = await checkAndReport('xlsx');
    expect(site(report, B)).toMatchObject({ verdict: 'qualified', score: scoreBefore(B) - 4 });
    expect(existsSync(join(dir, 'xlsx', 'report.html'))).toBe(true);
  }, 60_000);

  it('refuses a quarter it cannot read, and a missing file, with exit 2', async () => {
    const q = await cli([...base, 'findings', 'import', findingsCsv, '--quarter', '2026-4'], { cwd: dir });
    expect(q.code).toBe(2);
    expect(q.stderr).toContain('Bad --quarter "2026-4"');
    const missing = await cli([...base, 'findings', 'import', join(dir, 'nope.csv')], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv: no such file');
  });
});

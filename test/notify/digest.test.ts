// Who is told what, from the checked-in report.json: the check as a whole, offices by region code
// prefix and by 主办单位, each told only when what it listens for happened among its own sites; and the
// mail an office reads, in China time.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import type { NotifyEvent, Recipient, Scope } from '../../src/notify/config.js';
import { planDigests } from '../../src/notify/digest.js';
import { mailSubject, mailText } from '../../src/notify/mail-text.js';
import { loadReport } from '../report/fixture.js';

const ALL: NotifyEvent[] = ['run-end', 'veto', 'pre-warning'];
const to = (name: string, scope: Scope, events = ALL): Recipient => ({ name, scope, events, mail: [], webhooks: [] });
const ids = (r: Report, name: string, recipients: Recipient[]) =>
  planDigests(r, recipients)
    .digests.find((d) => d.digest.recipient.name === name)
    ?.digest.sites.map((s) => s.id);

const CHECK = to('办公厅', { kind: 'all' });
const HUNAN = to('湖南', { kind: 'region', prefixes: ['43'] });
const WUHAN = to('武汉', { kind: 'region', prefixes: ['4201'] }, ['veto', 'pre-warning']);
const CHANGSHA_EDU = to('长沙市教育局', { kind: 'sponsor', names: ['长沙市　教育局'] });
const GUANGXI = to('广西', { kind: 'region', prefixes: ['45'] });

describe('planDigests', () => {
  const report = loadReport();
  const plan = planDigests(report, [CHECK, HUNAN, WUHAN, CHANGSHA_EDU, GUANGXI]);
  const digest = (name: string) => plan.digests.find((d) => d.digest.recipient.name === name)?.digest;

  it('gives the check as a whole every site to act on: vetoed, unqualified, not checked, warned, in that order', () => {
    const d = digest('办公厅')!;
    expect(d.events).toEqual(['run-end', 'veto', 'pre-warning']);
    expect(d.summary).toEqual({
      sites: 5,
      checked: 4,
      qualified: 1,
      unqualified: 3,
      vetoed: 2,
      notChecked: 1,
      qualifiedRate: 0.25,
      warned: 1,
    });
    // Vetoed by region then id (a site with no region last), then the rest; the qualified site is there for its 预警.
    expect(d.sites.map((s) => [s.id, s.verdict, s.vetoed])).toEqual([
      ['4301000002', 'unqualified', true],
      ['4300000005', 'unqualified', true],
      ['4201000003', 'unqualified', false],
      ['4300000004', 'not-checked', false],
      ['4300000001', 'qualified', false],
    ]);
  });

  it('gives an office its own sites, by region code prefix or by 主办单位 give or take spaces', () => {
    expect(ids(report, '湖南', [HUNAN])).toEqual(['4301000002', '4300000004', '4300000001']);
    expect(digest('湖南')!.summary).toMatchObject({ sites: 3, qualified: 1, unqualified: 1, vetoed: 1, notChecked: 1, warned: 1 });
    expect(ids(report, '长沙市教育局', [CHANGSHA_EDU])).toEqual(['4301000002']);
    expect(digest('长沙市教育局')!.recipient.scope).toEqual({ kind: 'sponsor', names: ['长沙市　教育局'] });
  });

  it('lists vetoes and deductions that count, and the 预警, with their Chinese titles; notices stay out', () => {
    const d = digest('湖南')!;
    const edu = d.sites[0]!;
    expect(edu.regionName).toBe('湖南省 长沙市');
    expect(edu.problems.map((f) => [f.title, f.kind])).toEqual([
      ['首页不更新', 'veto'],
      ['空白栏目', 'veto'],
      ['空白栏目', 'veto'],
      ['不可用链接', 'deduction'],
    ]);
    const portal = d.sites.find((s) => s.id === '4300000001')!;
    expect(portal.problems.map((f) => f.title)).toEqual(['不可用链接']); // the 错别字 notice is left out
    expect(portal.warnings.map((f) => f.message)).toEqual([
      '首页最新信息发布于 2026-11-19，超过 10 天未更新，2026-11-17 前不更新将被单项否决',
    ]);
  });

  it('sends an office nothing when none of what it listens for happened among its sites, or it has none', () => {
    expect(digest('武汉')).toBeUndefined();
    expect(digest('广西')).toBeUndefined();
    expect(plan.quiet).toEqual([
      { name: '武汉', reason: 'nothing it listens for (veto, pre-warning) happened in its scope' },
      { name: '广西', reason: 'no site of this check is in its scope' },
    ]);
  });

  it('tells an office that listens for vetoes once one of its sites is vetoed, and says only what happened', () => {
    const r = loadReport();
    const wuhan = r.sites.find((s) => s.id === '4201000003')!;
    wuhan.vetoes = ['column-stale'];
    wuhan.findings[0]!.kind = 'veto';
    const d = planDigests(r, [WUHAN]).digests[0]!.digest;
    expect(d.events).toEqual(['veto']);
    expect(d.sites.map((s) => [s.id, s.vetoed])).toEqual([['4201000003', true]]);
  });

  it('counts a 预警 taken out by the ignore list as no 预警', () => {
    const r = loadReport();
    r.sites[0]!.warnings[0]!.ignored = { reason: '已复核', by: '张三', until: null, kind: 'notice', points: 0 };
    const d = planDigests(r, [to('湖南', { kind: 'region', prefixes: ['43'] }, ['pre-warning', 'run-end'])]).digests[0]!.digest;
    expect(d.events).toEqual(['run-end']);
    expect(d.summary.warned).toBe(0);
    expect(d.sites.map((s) => s.id)).not.toContain('4300000001');
  });

  it('names the sites no office takes in', () => {
    // 4300000005 has no region; no office names its 主办单位.
    expect(plan.unclaimed).toEqual(['4300000005']);
    expect(planDigests(report, [CHECK]).unclaimed).toEqual([]);
  });

  it('gives every time in China time, +08:00, whatever the report was written in', () => {
    const r = loadReport();
    r.at = '2026-12-01T02:00:00.000Z';
    r.generatedAt = '2026-12-01T04:30:00Z';
    r.sites[2]!.findings[0]!.message = '最近一次探测 2026-11-30T16:05:00.000Z 失败';
    const d = planDigests(r, [CHECK]).digests[0]!.digest;
    expect(d.check).toEqual({
      quarter: '2026Q4',
      tier: 'province',
      edition: '2019',
      at: '2026-12-01T10:00:00+08:00',
      generatedAt: '2026-12-01T12:30:00+08:00',
    });
    expect(d.sites.find((s) => s.id === '4201000003')!.problems[0]!.message).toBe('最近一次探测 2026-12-01T00:05:00+08:00 失败');
    expect(mailText(d)).toContain('最近一次探测 2026-12-01 00:05:00 失败');
    expect(mailText(d)).toContain('监测时间点：2026-12-01 10:00:00，北京时间');
  });
});

describe('the mail an office reads', () => {
  const report = loadReport();
  const hunan = planDigests(report, [HUNAN]).digests[0]!.digest;

  it('says in its subject what happened among the office’s sites', () => {
    expect(mailSubject(hunan)).toBe('【政府网站抽查】2026年第四季度省级抽查 · 湖南：1 个网站不合格（单项否决 1 个），1 个网站预警');
    const r = loadReport();
    r.sites = r.sites.filter((s) => s.id === '4300000001');
    r.sites[0]!.warnings = [];
    expect(mailSubject(planDigests(r, [HUNAN]).digests[0]!.digest)).toBe('【政府网站抽查】2026年第四季度省级抽查 · 湖南：抽查网站全部合格');
  });

  it('lists the office’s sites to act on by kind, each problem by its title, with the counts', () => {
    expect(mailText(hunan)).toBe(
      [
        '湖南：',
        '',
        '2026年第四季度省级政府网站抽查已完成（监测时间点：2026-12-01 10:00:00，北京时间）。以下为地区代码以 43 开头的网站的结果。',
        '',
        '抽查 3 个网站：已判定 2 个，合格 1 个，不合格 1 个（其中单项否决 1 个），未检查 1 个，合格率 50.0%；预警 1 个。',
        '',
        '一、单项否决：1 个',
        '1. 长沙市教育局（网站标识码 4301000002，湖南省 长沙市）',
        '   http://jyj.changsha.gov.cn/',
        '   · 首页不更新：首页最近更新于 2026-10-20，已超过 2 周未更新',
        '     http://jyj.changsha.gov.cn/',
        '   · 空白栏目：栏目“通知公告”无任何信息',
        '     http://jyj.changsha.gov.cn/tzgg/',
        '   · 空白栏目：栏目“政策解读”无任何信息',
        '     http://jyj.changsha.gov.cn/zcjd/',
        '   · 不可用链接：链接 http://jyj.changsha.gov.cn/a.html 超时',
        '     http://jyj.changsha.gov.cn/a.html',
        '',
        '二、未检查：1 个',
        '1. 湖南省某厅（网站标识码 4300000004，湖南省）',
        '   http://xx.hunan.gov.cn/',
        '   · 抓取被拒绝（HTTP 403），未取得页面',
        '',
        '三、预警（期限前不整改将被单项否决或扣分）：1 个',
        '1. 湖南省人民政府门户网站（网站标识码 4300000001，湖南省）',
        '   http://www.hunan.gov.cn/',
        '   · 预警：首页最新信息发布于 2026-11-19，超过 10 天未更新，2026-11-17 前不更新将被单项否决',
        '     http://www.hunan.gov.cn/',
        '',
        '每项问题的证据（截图、网址、日期）见本次检查报告。',
        '本邮件由 choucha 于 2026-12-01 12:30:00（北京时间）生成的检查报告自动发送，请勿直接回复。',
        '',
      ].join('\n'),
    );
  });

  it('gives a score where deductions failed the site, and marks a person’s finding 【人工】', () => {
    const r = loadReport();
    r.sites[2]!.findings[1]!.source = 'manual';
    const text = mailText(planDigests(r, [WUHAN, to('武汉全部', { kind: 'region', prefixes: ['4201'] })]).digests[0]!.digest);
    expect(text).toContain('一、不合格（扣分后未达合格线）：1 个');
    expect(text).toContain('1. 武汉市民政局（网站标识码 4201000003，湖北省 武汉市） 得分 55.0');
    expect(text).toContain('   · 互动回应差：【人工】留言超过 3 个月未回复 2 条');
  });
});

// JUnit XML (parsed by a real XML parser: Chromium's DOMParser) and the Markdown summary, from the
// checked-in report.json with hostile text in it.
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/gather/browser/browser.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/md.js';
import { loadReport } from './fixture.js';

const report = loadReport();
report.sites[1]!.name = '长沙市<教育局> & "测试" \u0001';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

interface Parsed {
  error: string | null;
  suite: Record<string, string | null>;
  cases: { name: string | null; failures: (string | null)[]; skipped: boolean; out: string | null }[];
}

async function parse(xml: string): Promise<Parsed> {
  const page = await browser.newPage();
  try {
    return await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const err = doc.querySelector('parsererror');
      const suite = doc.querySelector('testsuite')!;
      return {
        error: err ? err.textContent : null,
        suite: { tests: suite.getAttribute('tests'), failures: suite.getAttribute('failures'), skipped: suite.getAttribute('skipped') },
        cases: [...doc.querySelectorAll('testcase')].map((c) => ({
          name: c.getAttribute('name'),
          failures: [...c.querySelectorAll('failure')].map((f) => f.getAttribute('type')),
          skipped: c.querySelector('skipped') !== null,
          out: c.querySelector('system-out')?.textContent ?? null,
        })),
      };
    }, xml);
  } finally {
    await page.close();
  }
}

describe('JUnit XML', () => {
  it('is well-formed, with a testcase per site, a failure per veto and a skip per unjudged site', async () => {
    const p = await parse(renderJunit(report));
    expect(p.error).toBeNull();
    expect(p.suite).toEqual({ tests: '5', failures: String(report.summary.unqualified), skipped: String(report.summary.notChecked) });
    expect(p.cases.map((c) => c.name)).toEqual(report.sites.map((s) => `${s.id} ${s.name.replace('\u0001', '')}`));
    for (const [i, s] of report.sites.entries()) {
      const vetoes = s.findings.filter((f) => f.kind === 'veto').map((f) => f.rule);
      const expected = s.verdict !== 'unqualified' ? [] : vetoes.length > 0 ? vetoes : ['score'];
      expect({ site: s.id, failures: p.cases[i]!.failures }).toEqual({ site: s.id, failures: expected });
      expect(p.cases[i]!.skipped).toBe(s.verdict === 'not-checked');
    }
    expect(p.cases[0]!.out).toContain('预警');
  });
});

describe('Markdown summary', () => {
  const md = renderMarkdown(report);
  it('has the figures, the rate tables, the unqualified sites and the pre-warnings apart', () => {
    expect(md).toContain('# 2026年第四季度政府网站抽查结果');
    expect(md).toContain(`合格 ${report.summary.qualified} 个，不合格 ${report.summary.unqualified} 个`);
    expect(md).toMatch(/## 各地区合格率\n\n\| 地区 \|/);
    const unqualifiedRows = md
      .split('## 不合格网站')[1]!
      .split('## 预警')[0]!
      .split('\n')
      .filter((l) => /^\| \d+ \|/.test(l));
    expect(unqualifiedRows).toHaveLength(report.summary.unqualified);
    expect(md.split('## 预警')[1]).toContain('超过 10 天未更新');
  });

  it('names, for a site below the pass mark without a veto, the rules that took its points under their Chinese titles', () => {
    const r = loadReport();
    const site = r.sites.find((x) => x.verdict === 'unqualified')!;
    site.findings = site.findings
      .filter((f) => f.kind !== 'veto')
      .concat([
        { ...site.findings[0]!, rule: 'ipv6', code: 'no-aaaa', kind: 'deduction', title: 'IPv6 支持', message: '首页域名没有 AAAA 记录' },
        {
          ...site.findings[0]!,
          rule: 'site-identity',
          code: 'icp-missing',
          kind: 'deduction',
          title: '网站标识',
          message: '首页未标注ICP备案编号',
        },
      ]);
    site.vetoes = [];
    const row = renderMarkdown(r)
      .split('\n')
      .find((l) => l.includes(site.name))!;
    expect(row).toContain('得分低于合格线（不可用链接、IPv6 支持、网站标识）');
  });

  it('keeps a site’s text from breaking its tables', () => {
    const r = loadReport();
    r.sites[1]!.name = '甲|乙\n丙';
    const row = renderMarkdown(r)
      .split('\n')
      .find((l) => l.includes('甲'))!;
    expect(row).toContain('甲\\|乙 丙');
  });
});

describe('Markdown workflow sections', () => {
  it('has the change from last quarter, repeat offenders and the tiers’ disagreements when the report carries them', () => {
    const r = loadReport();
    expect(renderMarkdown(r)).not.toContain('与上季度');
    r.history = {
      previousQuarter: '2026Q3',
      sites: [{ id: r.sites[2]!.id, consecutiveUnqualified: 2 }],
      regions: [{ key: '42', checked: 1, qualified: 0, rate: 0, previousRate: 0.5, change: -0.5, repeatOffenders: 1 }],
      levels: [],
    };
    r.disagreements = [
      {
        siteId: r.sites[0]!.id,
        name: r.sites[0]!.name,
        lowerTier: 'prefecture',
        lowerVerdict: 'qualified',
        upperVerdict: 'unqualified',
        onlyUpper: [],
        onlyLower: [],
      },
    ];
    const md = renderMarkdown(r);
    expect(md).toContain('## 与上季度（2026Q3）比较');
    expect(md).toMatch(/\| 湖北省[^|]* \| 0\.0% \| 50\.0% \| -50\.0 \| 1 \|/);
    expect(md).toContain(`- ${r.sites[2]!.name}：连续 2 个季度`);
    expect(md).toMatch(/## 梯次复核分歧[\s\S]*\| 市级 合格 \| 不合格 \|/);
  });
});

describe('times and tiers people read', () => {
  // A rule's message quoting a probe's time as the store holds it (UTC).
  const r = loadReport();
  r.sites[0]!.warnings[0]!.message = '最近一次探测失败 2026-11-30T09:12:00.000Z';
  r.sites[1]!.findings[0]!.message = '首页最近一次可访问 2026-11-30T16:30:00Z';

  it('Markdown shows the tier in Chinese and every time in Beijing time', () => {
    const md = renderMarkdown(r);
    expect(md).toContain('检查层级 省级，指标版本 2019，监测时间点 2026-12-01 10:00:00（北京时间）');
    expect(md).toContain('最近一次探测失败 2026-11-30 17:12:00');
    expect(md).toContain('首页最近一次可访问 2026-12-01 00:30:00');
    expect(md).not.toMatch(/\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z|province/);
  });

  it('JUnit messages say the same; its timestamp is ISO with +08:00', () => {
    const xml = renderJunit(r);
    expect(xml).toContain('首页最近一次可访问 2026-12-01 00:30:00');
    expect(xml).toContain('预警：最近一次探测失败 2026-11-30 17:12:00');
    expect(xml).toContain('timestamp="2026-12-01T12:30:00+08:00"');
    expect(xml).toContain('name="choucha 2026Q4 省级"');
    expect(xml).not.toMatch(/\d{2}Z/);
  });
});

// The HTML report opened in real headless Chromium: content present, filters working, hostile page
// text shown as text (no script runs), the evidence screenshot loaded, and a picture of it looked at.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/gather/browser/browser.js';
import { renderHtml } from '../../src/report/html.js';
import { readPng } from '../helpers/png.js';
import { loadReport } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'choucha-html-'));
const report = loadReport();
// Hostile text as sites really carry it: a title with a script, a message breaking out of an attribute.
report.sites[1]!.name = '<script>window.__pwned = 1</script>长沙市教育局';
report.sites[1]!.findings[0]!.message = '"><img src=x onerror="window.__pwned = 2">首页不更新';
report.sites[1]!.findings[0]!.url = 'javascript:window.__pwned = 3';
report.sites[2]!.sponsor = '<svg/onload=alert(1)>武汉市民政局';
report.sites[2]!.findings[0]!.message = "'><img src=y onerror=alert(2)>栏目不更新";
// Anything a payload could do that leaves a trace: a dialog, a script error, a CSP refusal on the console.
const dialogs: string[] = [];
const pageErrors: string[] = [];
const consoleErrors: string[] = [];
let browser: Browser;
let page: Page;
const shot = join(dir, 'shot.png');

beforeAll(async () => {
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  // Any real PNG serves as the evidence picture; the test's own screenshot of a blank page is one.
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.setContent('<body style="background:#c62828"><h1 style="color:#fff">首页</h1></body>');
  await page.screenshot({ path: join(dir, 'evidence', 'home.png') });
  const home = { path: 'evidence/home.png', url: report.sites[0]!.url, capturedAt: report.generatedAt };
  report.sites[0]!.screenshot = home;
  // The homepage picture also backs both findings; one finding has a page of its own besides.
  const column = { path: 'evidence/column.png', url: `${report.sites[0]!.url}tzgg/`, capturedAt: report.generatedAt };
  await page.setContent('<body style="background:#1565c0"><h1 style="color:#fff">栏目</h1></body>');
  await page.screenshot({ path: join(dir, 'evidence', 'column.png') });
  report.sites[0]!.findings[0]!.evidence = { ...report.sites[0]!.findings[0]!.evidence, screenshots: [home, column] };
  report.sites[0]!.findings[1]!.evidence = { ...report.sites[0]!.findings[1]!.evidence, screenshots: [home] };
  writeFileSync(join(dir, 'report.html'), renderHtml(report));
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  await page.screenshot({ path: shot, fullPage: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const visible = () => page.locator('article.card:visible').count();

describe('the HTML report in Chromium', () => {
  it('shows the summary and a card for every site', async () => {
    await expect(page.locator('#summary td').allTextContents()).resolves.toEqual([
      String(report.sites.length),
      String(report.summary.checked),
      String(report.summary.qualified),
      String(report.summary.unqualified),
      String(report.summary.notChecked),
      `${((report.summary.qualifiedRate ?? 0) * 100).toFixed(1)}%`,
      String(report.summary.warned),
    ]);
    expect(await page.locator('article.card').count()).toBe(report.sites.length);
    expect(await page.textContent('body')).toContain('各地区合格率');
    expect(await page.textContent('#warnings')).toContain('超过 10 天未更新');
  });

  it('runs no script from the report, and shows hostile text as text', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('article.card').nth(1).locator('h3').textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('img[src="x"], img[src="y"], svg[onload]').count()).toBe(0);
    expect(await page.locator('article.card').nth(2).textContent()).toContain('<svg/onload=alert(1)>');
    expect({ dialogs, pageErrors, consoleErrors }).toEqual({ dialogs: [], pageErrors: [], consoleErrors: [] });
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });

  it('filters by verdict, rule and region', async () => {
    await page.selectOption('#f-verdict', 'unqualified');
    expect(await visible()).toBe(report.summary.unqualified);
    await page.selectOption('#f-verdict', '');
    await page.selectOption('#f-rule', 'serious-error');
    expect(await visible()).toBe(report.sites.filter((s) => s.findings.some((f) => f.rule === 'serious-error')).length);
    await page.selectOption('#f-rule', '');
    await page.selectOption('#f-region', '42');
    expect(await visible()).toBe(report.sites.filter((s) => s.region?.startsWith('42')).length);
    await page.selectOption('#f-region', '');
    expect(await visible()).toBe(report.sites.length);
    expect(await page.textContent('#f-count')).toBe(String(report.sites.length));
  });

  it('loads the evidence screenshot from beside the report', async () => {
    const width = await page.locator('img[alt="首页截图"]').evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(width).toBe(1280);
  });

  it('shows a site’s homepage picture once, and a finding’s own picture where it differs', async () => {
    const card = page.locator('article.card').first();
    expect(await card.locator('img[src="evidence/home.png"]').count()).toBe(1);
    expect(
      await card
        .locator('.finding')
        .first()
        .locator('img')
        .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src'))),
    ).toEqual(['evidence/column.png']);
    expect(await card.locator('.finding').nth(1).locator('img').count()).toBe(0);
    expect(await card.locator('.finding').nth(1).textContent()).toContain('截图见本网站首页截图');
    expect(await card.locator('img[src="evidence/column.png"]').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1280);
  });

  it('names the tier in Chinese and gives times in Beijing time', async () => {
    const header = await page.textContent('header');
    expect(header).toContain('检查层级：省级');
    expect(header).toContain('监测时间点：2026-12-01 10:00:00');
    expect(header).toContain('生成时间：2026-12-01 12:30:00（北京时间）');
    expect(header).not.toMatch(/province|T\d{2}:|Z\b/);
  });

  it('names regions from their codes', async () => {
    expect(await page.locator('article.card').nth(1).locator('.meta').first().textContent()).toContain('湖南省 长沙市');
    expect(await page.locator('article.card').nth(2).locator('.meta').first().textContent()).toContain('湖北省 武汉市');
  });

  it('renders to a picture with something on it', () => {
    copyFileSync(shot, join(dir, 'report-view.png'));
    const png = readPng(shot);
    expect(png.width).toBe(1280);
    expect(png.height).toBeGreaterThan(900);
    expect(png.levels).toBeGreaterThan(8);
  });
});

describe('the workflow sections', () => {
  it('shows last quarter’s change, a repeat offender, the tiers’ disagreements and an ignored finding', async () => {
    const r = loadReport();
    r.history = {
      previousQuarter: '2026Q3',
      sites: [{ id: r.sites[1]!.id, consecutiveUnqualified: 3 }],
      regions: [{ key: '43', checked: 2, qualified: 1, rate: 0.5, previousRate: 0.25, change: 0.25, repeatOffenders: 1 }],
      levels: [],
    };
    r.disagreements = [
      {
        siteId: r.sites[0]!.id,
        name: r.sites[0]!.name,
        lowerTier: 'prefecture',
        lowerVerdict: 'qualified',
        upperVerdict: 'unqualified',
        onlyUpper: [{ rule: 'homepage-stale', code: 'stale', url: null, message: '首页不更新<b>x</b>', fingerprint: 'f' }],
        onlyLower: [],
      },
    ];
    r.sites[0]!.findings[0]!.ignored = { reason: '链接已恢复，误报', by: '张三', until: '2026-12-31', kind: 'deduction', points: 1 };
    const p = await browser.newPage();
    try {
      await p.setContent(renderHtml(r));
      expect(await p.textContent('#history')).toContain('+25.0');
      expect(await p.locator('article.card').nth(1).textContent()).toContain('连续 3 个季度不合格');
      expect(await p.textContent('#disagreements')).toContain('首页不更新<b>x</b>');
      expect(await p.locator('#disagreements b').count()).toBe(0);
      expect(await p.locator('.finding.ignored').first().textContent()).toContain('已复核忽略：链接已恢复，误报（张三，至 2026-12-31');
    } finally {
      await p.close();
    }
  });
});

// 暗链 evidence end to end: a site whose homepage hides a gambling link and an ordinary one is crawled,
// judged, captured and reported by the real CLI, and both hidden-links findings carry a picture of the
// page with those links shown and outlined, in report.json and in the HTML report. Near misses: the
// homepage's own picture is the page as served, and a visible external link gets no finding.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportSite, Screenshot } from '../../src/model/report.js';
import { OUTLINE_RGB } from '../../src/gather/browser/reveal-hidden.js';
import { REGISTRY_HEADERS } from '../../fixtures/registry.js';
import { cli } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';
import { pixelsOf, readPng } from '../helpers/png.js';

const AT = '2026-12-01T10:00:00+08:00';
const ID = '4301000099';

const HOME = `<!doctype html><html><head><meta charset="utf-8"><title>某某县人民政府</title>
<style>.gg{position:absolute;left:-6000px;top:-6000px}</style></head>
<body style="margin:0;font:16px sans-serif">
<h1>某某县人民政府门户网站</h1>
<ul><li><a href="/xw/1.html">县政府召开常务会议</a><span>2026-11-30</span></li>
<li><a href="/xw/2.html">全县秋冬种工作推进会召开</a><span>2026-11-28</span></li></ul>
<p>友情链接：<a href="http://www.hunan.gov.cn/">湖南省人民政府</a> <a href="https://www.12306.cn/">中国铁路12306</a></p>
<div class="gg"><a href="http://bc.example.com/">澳门葡京百家乐</a></div>
<p style="font-size:0"><a href="http://shop.example.com/">优惠</a></p>
<div style="height:1200px">正文</div>
<p>网站标识码 ${ID}</p></body></html>`;

const ARTICLE = (t: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${t}</title></head><body><h1>${t}</h1><p>2026-11-30</p></body></html>`;

let server: Server;
let dir: string;
let out: string;
let site: ReportSite;
let html: string;
let evidence: { code: number; stderr: string };
const db = () => ['--db', join(dir, 'db'), '--allow-private'];
const q = ['--quarter', '2026Q4'];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    res.writeHead(path === '/' || path.startsWith('/xw/') ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(path === '/' ? HOME : path.startsWith('/xw/') ? ARTICLE('县政府召开常务会议') : '<h1>404</h1>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = mkdtempSync(join(tmpdir(), 'choucha-hl-shots-'));
  out = join(dir, 'out');
  writeFileSync(
    join(dir, 'registry.csv'),
    `${REGISTRY_HEADERS.join(',')}\n${ID},某某县人民政府,${url},某某县人民政府办公室,县级门户,430100,正常\n`,
  );
  expect((await cli([...db(), 'sites', 'import', join(dir, 'registry.csv')])).code).toBe(0);
  expect((await cli([...db(), 'crawl', ...q, '--at', AT])).code).toBe(0);
  expect((await cli([...db(), 'check', ...q])).code).toBe(0);
  evidence = await cli([...db(), 'evidence', ...q, '--out', out]);
  expect((await cli([...db(), 'report', ...q, '--out', out, '--format', 'json,html'])).code).toBe(0);
  site = readValidReport<Report>(join(out, 'report.json')).sites[0]!;
  html = readFileSync(join(out, 'report.html'), 'utf8');
}, 240_000);

afterAll(() => new Promise((r) => server.close(r)));

const hiddenLinks = () => site.findings.filter((f) => f.rule === 'hidden-links');
const revealShot = (f: ReportSite['findings'][number]) => (f.evidence.screenshots as Screenshot[] | undefined)?.find((s) => s.note);

describe('a hidden-links finding shows its page with the hidden links shown', () => {
  it('fires on the hidden gambling link (veto) and the hidden ordinary link (notice), not on the visible ones', () => {
    expect(evidence.code).toBe(0);
    expect(
      hiddenLinks()
        .map((f) => f.code)
        .sort(),
    ).toEqual(['hidden-link', 'illegal-link']);
    const targets = hiddenLinks().flatMap((f) => [
      f.evidence.target,
      ...((f.evidence.links as { target: string }[] | undefined) ?? []).map((l) => l.target),
    ]);
    expect(targets).not.toContain('https://www.12306.cn/');
  });

  it('each finding carries the revealed picture: a PNG beside the report, noted, with the outline in it', () => {
    // Each case stands alone: a loop over no finding would prove nothing.
    expect(hiddenLinks().length).toBeGreaterThan(0);
    for (const f of hiddenLinks()) {
      const shot = revealShot(f);
      expect(shot, f.code).toBeDefined();
      expect(shot!.url).toBe(site.url);
      expect(shot!.note).toMatch(/已将 2 个隐藏链接显示/);
      const png = join(out, shot!.path);
      expect(existsSync(png)).toBe(true);
      expect(readPng(png).width).toBe(1280);
      // Two links outlined: hundreds of pixels of the outline's colour.
      expect(pixelsOf(png, OUTLINE_RGB)).toBeGreaterThan(200);
    }
  });

  it('near miss: the homepage’s own picture is the page as served, with nothing outlined', () => {
    expect(site.screenshot).not.toBeNull();
    expect(site.screenshot!.note).toBeUndefined();
    expect(site.screenshot!.path).not.toBe(revealShot(hiddenLinks()[0]!)!.path);
    expect(pixelsOf(join(out, site.screenshot!.path), OUTLINE_RGB)).toBe(0);
  });

  it('the HTML report shows the picture under the finding, with its note', () => {
    const shot = revealShot(hiddenLinks()[0]!)!;
    expect(html).toContain(`src="${shot.path}"`);
    expect(html).toContain(`<figcaption class="muted">${shot.note}</figcaption>`);
  });

  it('capturing again takes nothing twice', async () => {
    const again = await cli([...db(), 'evidence', ...q, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('screenshots: 0 taken, 0 failed');
  });
});

// The 通报 as a real Word file: word/document.xml read out of the zip and its paragraphs and table
// checked, then the file opened by a real reader, LibreOffice (Debian's libreoffice-writer-nogui),
// converted to PDF and the PDF's pages and text read back with poppler's pdfinfo and pdftotext.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/report/docx.js';
import { tongbao } from '../../src/report/tongbao.js';
import { readZipEntry } from '../helpers/zip.js';
import { loadReport } from './fixture.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'choucha-docx-'));
const report = loadReport();
// Text sites really carry: markup characters, and a control character XML 1.0 cannot hold.
report.sites[1]!.name = '长沙市<教育局>&\u0001';
const t = tongbao(report);

const decode = (xml: string) =>
  xml.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
/** The text of each element `tag` (w:p, w:tc…) in order, its runs joined. */
const texts = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}[ >][\\s\\S]*?</${tag}>`, 'g'))].map((m) =>
    decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('')),
  );

let docx: Buffer;
let xml: string;
beforeAll(async () => {
  docx = await renderDocx(report);
  writeFileSync(join(dir, 'report.docx'), docx);
  xml = readZipEntry(docx, 'word/document.xml').toString('utf8');
});

describe('the 通报 docx, read out of the zip', () => {
  it('is a Word document: a zip with the main part and its content types', () => {
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readZipEntry(docx, '[Content_Types].xml').toString('utf8')).toContain('wordprocessingml.document.main+xml');
    expect(xml).toMatch(/^<\?xml[^>]*\?>\s*<w:document /);
  });

  it('has the title, the three parts in order, and the attachment line', () => {
    const paragraphs = texts(xml, 'w:p').filter(Boolean);
    expect(paragraphs.slice(0, 3)).toEqual(['关于2026年第四季度政府网站', '抽查情况的通报', '各有关单位：']);
    const at = (text: string) => paragraphs.findIndex((p) => p === text);
    expect(at('一、总体情况')).toBeGreaterThan(0);
    expect(at('二、存在的主要问题')).toBeGreaterThan(at('一、总体情况'));
    expect(at('三、下一步工作要求')).toBeGreaterThan(at('二、存在的主要问题'));
    expect(at('附件：不合格网站名单')).toBeGreaterThan(at('三、下一步工作要求'));
    expect(paragraphs[at('一、总体情况') + 1]).toContain('合格率为25.0%');
  });

  it('names each kind of problem with examples: site, URL and date', () => {
    const paragraphs = texts(xml, 'w:p');
    for (const [i, k] of t.problems.entries()) {
      const p = paragraphs.find((x) => x.startsWith(`（${'一二三四五六'[i]}）${k.title}。`));
      expect(p, k.title).toBeDefined();
      expect(p).toBe(`（${'一二三四五六'[i]}）${k.title}。${k.text}`);
      expect(p).toContain(`${k.sites}个网站存在此类问题`);
      for (const e of k.examples) expect(p).toContain(`${e.site}（${e.url}）：${e.message}（检查日期：${e.date}）`);
    }
    expect(paragraphs.join('')).toContain('长沙市<教育局>&（http://jyj.changsha.gov.cn/）');
    expect(xml).not.toContain('\u0001');
  });

  it('tables the unqualified sites in the attachment, on a landscape page', () => {
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => texts(m[0], 'w:tc'));
    expect(rows[0]).toEqual(['序号', '地区', '网站名称', '网址', '网站标识码', '主办单位', '问题']);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['1', '湖北省 武汉市', '武汉市民政局', 'https://mzj.wuhan.gov.cn/', '4201000003'],
      ['2', '湖南省 长沙市', '长沙市<教育局>&', 'http://jyj.changsha.gov.cn/', '4301000002'],
      ['3', '', '=HYPERLINK("http://evil.example/","点击")', 'http://evil.example/', '4300000005'],
    ]);
    // Two sections: the 通报 on portrait A4, the attachment on landscape A4.
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).not.toContain('landscape');
    expect(sizes[1]).toContain('w:orient="landscape"');
  });

  it('says so, in the problems and in the table, when nothing counted against any site', async () => {
    const r = loadReport();
    r.sites = r.sites.filter((s) => s.verdict !== 'unqualified').map((s) => ({ ...s, findings: [] }));
    const empty = readZipEntry(await renderDocx(r), 'word/document.xml').toString('utf8');
    const rows = [...empty.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => texts(m[0], 'w:tc'));
    expect(rows).toEqual([['序号', '地区', '网站名称', '网址', '网站标识码', '主办单位', '问题'], ['本季度无不合格网站']]);
    expect(texts(empty, 'w:p')).toContain('本次抽查未发现构成单项否决或扣分的问题。');
  });
});

describe('the 通报 docx in a real reader (LibreOffice → PDF)', () => {
  let pdfText: string;
  let pageSizes: string[];

  beforeAll(async () => {
    await run('soffice', ['--version']).catch(() => {
      throw new Error('soffice not found: install LibreOffice (apt-get install libreoffice-writer-nogui), as .ci/run does');
    });
    // Its own profile folder, so a LibreOffice the user has open, or another test, is not disturbed.
    await run(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'report.docx'),
      ],
      { timeout: 120_000 },
    );
    pdfText = (await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'report.pdf'), '-'])).stdout;
    const info = (await run('pdfinfo', ['-f', '1', '-l', '100', join(dir, 'report.pdf')])).stdout;
    pageSizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]!);
  }, 150_000);

  it('opens it and lays it out on A4 pages: the 通报 portrait, the attachment landscape', () => {
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageSizes.length).toBeGreaterThanOrEqual(2);
    const portrait = '595.304 x 841.89';
    const landscape = '841.89 x 595.304';
    expect(pageSizes[0]).toBe(portrait);
    expect(pageSizes.at(-1)).toBe(landscape);
    // The attachment starts a page of its own: exactly the pages after the 通报 body are landscape.
    expect(pageSizes.filter((s) => s === landscape).length).toBeGreaterThanOrEqual(1);
  });

  it('shows the text a reader sees: title, figures, examples, the list and page numbers', () => {
    // pdftotext breaks lines and spaces out Latin runs between Chinese characters: compare without whitespace.
    const text = pdfText.replace(/\s+/g, '');
    expect(text).toContain('关于2026年第四季度政府网站抽查情况的通报');
    expect(text).toContain('合格率为25.0%');
    expect(text).toContain('存在的主要问题');
    expect(text).toContain('长沙市<教育局>&');
    expect(text).toContain('武汉市民政局');
    expect(text).toContain('不合格网站名单');
    expect(text).toContain('4201000003');
    expect(text).toContain('—1—');
    expect(text).toContain(`—${pageSizes.length}—`);
  });
});

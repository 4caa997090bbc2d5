// The attachments job against a real loopback site: a 公示 page linking real files (xlsx, docx, csv,
// pdf, and .doc and .xls saved by LibreOffice) with planted synthetic numbers, masked lists, near
// misses, a zip bomb, an over-size file, a damaged .xls, a missing file and another site's file. What the job stores, what privacy-leak finds in it,
// and that no report, log or stored reason written from it carries a planted number whole.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAttachments, ATTACHMENT_DEFAULTS, type AttachmentCheckOptions } from '../../src/gather/attachments/attachment-check.js';
import { attachmentLinks } from '../../src/gather/attachments/candidates.js';
import { extractPool } from '../../src/gather/attachments/extract-pool.js';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { buildReport } from '../../src/report/build.js';
import { writeReports } from '../../src/report/index.js';
import { privacyLeak } from '../../src/rules/privacy-leak.js';
import { saveLinks } from '../../src/store/links.js';
import { savePage } from '../../src/store/pages.js';
import { loadEdition } from '../../src/verdict/config/edition.js';
import { judgeCheck } from '../../src/verdict/judge-check.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { ctx } from '../helpers/artifacts.js';
import { csvOf, docOf, docxOf, pdfOf, xlsOf, xlsxOf, xlsxOfBlankRows, zipBomb } from '../helpers/attachment-files.js';
import { cardNumber, idNumber } from '../helpers/personal-numbers.js';
import { artifactsFor, harness, siteRow } from '../helpers/store.js';

const ids = [1, 2, 3, 4, 5, 6].map((n) => idNumber(`4301021985030712${n}`));
const card = cardNumber('622202100112345678');
const mobile = '13912345670';
/** Every number planted whole: none may leave the store. */
const PLANTED = [...ids, card, mobile];
const masked = (s: string) => `${s.slice(0, 6)}********${s.slice(-4)}`;
const header = ['序号', '姓名', '身份证号', '银行卡号', '联系电话'];
const wrongCheck = `${ids[0]!.slice(0, 17)}${ids[0]!.endsWith('0') ? '1' : '0'}`;

const files: Record<string, Buffer> = {};
const requests: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  files['/u/dibao-mingdan.xlsx'] = await xlsxOf({
    低保名单: [header, ['1', '张某某', ids[0]!, card, mobile], ['2', '李某某', ids[1]!, '', '']],
  });
  files['/u/mask.xlsx'] = await xlsxOf({ 名单: [header, ['1', '王某某', '430102********1234', '6222 **** **** 5678', '139****5670']] });
  files['/u/codes.csv'] = csvOf([
    ['单位', '统一社会信用代码', '订单号'],
    ['某某公司', '91430100MA4L0ABC1X', wrongCheck],
  ]);
  files['/u/luqu.docx'] = await docxOf('拟录取人员公示', [
    ['姓名', '身份证号'],
    ['赵某某', ids[2]!],
  ]);
  files['/u/buzhu.pdf'] = await pdfOf('补贴发放名单', [
    ['姓名', '身份证号'],
    ['钱某某', ids[3]!],
  ]);
  files['/u/bomb.docx'] = zipBomb(6_000_000);
  files['/u/big.xlsx'] = Buffer.concat([await xlsxOf({ 名单: [['孙某某', ids[4]!]] }), Buffer.alloc(3_000_000)]);
  files['/u/old.xls'] = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  // Word 97-2003 and Excel 97-2003 files as LibreOffice saves them: one leaking, one masked.
  files['/u/gongshi.doc'] = await docOf('拟提拔干部公示', [
    ['姓名', '身份证号', '联系电话'],
    ['周某某', ids[5]!, mobile],
  ]);
  files['/u/mask.xls'] = await xlsOf({ 名单: [header, ['1', '王某某', '430102********1234', '6222 **** **** 5678', '139****5670']] });
  server = createServer((q, r) => {
    requests.push(q.url!);
    const body = files[q.url!];
    if (!body) return r.writeHead(404).end('not found');
    r.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // LibreOffice saves the .doc and the .xls: seconds each, more on a busy machine.
}, 120_000);

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const opts = (o: Partial<AttachmentCheckOptions> = {}): AttachmentCheckOptions => ({
  ...ATTACHMENT_DEFAULTS,
  guard: new AddressGuard(true),
  maxBytes: 2_000_000,
  delayMs: 10,
  limits: { ...ATTACHMENT_DEFAULTS.limits, maxUnzippedBytes: 5_000_000 },
  ...o,
});

describe('which attachments a site has', () => {
  it('its own files by extension, lists of people first, up to the cap', () => {
    const links = [
      { pageUrl: 'http://www.x.gov.cn/a.html', target: 'http://www.x.gov.cn/u/report.pdf', text: '年度报告' },
      { pageUrl: 'http://www.x.gov.cn/a.html', target: 'http://file.x.gov.cn/u/1.xls', text: '2026年低保名单' },
      { pageUrl: 'http://www.x.gov.cn/b.html', target: 'http://www.x.gov.cn/u/report.pdf', text: '下载' },
      { pageUrl: 'http://www.x.gov.cn/a.html', target: 'http://www.y.gov.cn/u/2.xlsx', text: '名单' },
      { pageUrl: 'http://www.x.gov.cn/a.html', target: 'http://www.x.gov.cn/art/1.html', text: '公示' },
    ];
    expect(attachmentLinks('http://www.x.gov.cn/', links, 1)).toEqual({
      chosen: [{ url: 'http://file.x.gov.cn/u/1.xls', format: 'xls', foundOn: 'http://www.x.gov.cn/a.html', linkText: '2026年低保名单' }],
      found: 2,
    });
  });
});

describe('reading on a worker under a time cap', () => {
  it('ends a read past the cap with the reason, and reads the next file on a fresh worker', async () => {
    // The long file takes several times the cap to read (4.4 million rows, 97 MB of XML: about 3 s here), and the
    // cap leaves the small one ample time even on a loaded machine: the test is about what happens at the cap,
    // not about how fast a read is.
    const long = xlsxOfBlankRows(4_400_000);
    const small = await xlsxOf({ 名单: [header, ['1', '张某某', ids[5]!, '', '']] });
    // No row or character cap ends the long read first: only the clock may.
    const limits = { ...ATTACHMENT_DEFAULTS.limits, maxRows: 1_000_000, maxChars: 100_000_000 };
    const pool = extractPool({ limits, timeoutMs: 1000, heapMb: 128 });
    try {
      expect(await pool.read(long, 'xlsx')).toEqual({ state: 'not-read', format: null, reason: '读取超过 1 秒，未读完' });
      const next = await pool.read(small, 'xlsx');
      expect(next.state === 'read' && next.rows.length).toBe(2);
    } finally {
      await pool.close();
    }
  });
});

describe('the attachments job', () => {
  it('fetches, reads and stores; privacy-leak finds the leaks and says what it could not read; nothing reprints a number', async () => {
    const h = harness('2026-12-01T10:00:00+08:00');
    try {
      h.register([siteRow('4301000001', `${base}/`, '某某县人民政府')]);
      const home = `${base}/`;
      savePage(h.db, h.check.id, '4301000001', {
        url: home,
        finalUrl: home,
        kind: 'homepage',
        status: 200,
        contentType: 'text/html; charset=utf-8',
        encoding: 'utf-8',
        fetchedAt: new Date().toISOString(),
        body: Buffer.from('<html><body><a href="/gs.html">公示公告</a></body></html>'),
        error: null,
      });
      const names: [string, string][] = [
        ['/u/dibao-mingdan.xlsx', '2026年低保名单'],
        ['/u/mask.xlsx', '名单（已脱敏）'],
        ['/u/codes.csv', '企业信用代码'],
        ['/u/luqu.docx', '拟录取人员'],
        ['/u/buzhu.pdf', '补贴发放名单'],
        ['/u/bomb.docx', '附件'],
        ['/u/big.xlsx', '附件'],
        ['/u/gongshi.doc', '拟提拔干部公示'],
        ['/u/mask.xls', '名单（已脱敏）'],
        ['/u/old.xls', '附件'],
        ['/u/gone.xlsx', '附件'],
      ];
      saveLinks(h.db, h.check.id, '4301000001', `${base}/gs.html`, false, [
        ...names.map(([p, text]) => ({ target: `${base}${p}`, tag: 'a' as const, text })),
        { target: 'http://www.other.gov.cn/u/list.xlsx', tag: 'a' as const, text: '外站名单' },
        { target: `${base}/art/1.html`, tag: 'a' as const, text: '公示' },
      ]);

      const counts = await checkAttachments(h.db, h.check, opts({ maxPerSite: 10 }));
      // Same site only; lists of people first: the one left out is a plain 附件 (the last of them).
      expect(requests.some((u) => u.includes('other'))).toBe(false);
      expect(requests).not.toContain('/u/gone.xlsx');

      const att = artifactsFor(h, '4301000001').attachments!;
      expect(att).toMatchObject({ found: 11, omitted: 1 });
      const byPath = Object.fromEntries(att.files.map((f) => [new URL(f.url).pathname, f]));
      // Each file's state and reason before the totals: a file not read under load (seen once in CI, on
      // PostgreSQL) then says which it was and why.
      expect(
        Object.fromEntries(Object.entries(byPath).map(([p, f]) => [p, f.state === 'read' ? 'read' : `not-read: ${f.reason}`])),
      ).toMatchObject({
        '/u/dibao-mingdan.xlsx': 'read',
        '/u/luqu.docx': 'read',
        '/u/buzhu.pdf': 'read',
        '/u/gongshi.doc': 'read',
        '/u/mask.xls': 'read',
      });
      expect(counts).toEqual({ sites: 1, skipped: 0, read: 7, notRead: 3, omitted: 1 });
      expect(byPath['/u/dibao-mingdan.xlsx']).toMatchObject({ state: 'read', format: 'xlsx', foundOn: `${base}/gs.html` });
      expect(byPath['/u/luqu.docx']).toMatchObject({ state: 'read', format: 'docx' });
      expect(byPath['/u/buzhu.pdf']).toMatchObject({ state: 'read', format: 'pdf' });
      expect(byPath['/u/bomb.docx']).toMatchObject({ state: 'not-read', reason: '解压后超过 5 MB 的上限，未解压（疑似压缩炸弹）' });
      expect(byPath['/u/big.xlsx']).toMatchObject({ state: 'not-read', reason: '文件约 4 MB，超过 2 MB 的上限，未下载' });
      expect(byPath['/u/gongshi.doc']).toMatchObject({ state: 'read', format: 'doc' });
      expect(byPath['/u/mask.xls']).toMatchObject({ state: 'read', format: 'xls' });
      expect(byPath['/u/old.xls']).toMatchObject({
        state: 'not-read',
        format: 'xls',
        reason: '文件结构已损坏（OLE 复合文档），未读取',
      });

      // The rule: a finding per leaking file and kind; the masked list and the near misses are silent.
      const r = runRule(privacyLeak, artifactsFor(h, '4301000001'), privacyLeak.meta.options.parse({}), ctx);
      expect(r.status).toBe('checked');
      const found = r.status === 'checked' ? r.findings.map((f) => [f.code, f.url && new URL(f.url).pathname]) : [];
      expect(found).toEqual([
        ['id-number', '/u/buzhu.pdf'],
        ['id-number', '/u/dibao-mingdan.xlsx'],
        ['bank-card', '/u/dibao-mingdan.xlsx'],
        ['mobile', '/u/dibao-mingdan.xlsx'],
        ['id-number', '/u/gongshi.doc'],
        ['mobile', '/u/gongshi.doc'],
        ['id-number', '/u/luqu.docx'],
        ['attachments-unchecked', '/u/big.xlsx'],
      ]);
      const of = (code: string, path: string) =>
        r.status === 'checked' ? r.findings.find((f) => f.code === code && f.url === `${base}${path}`) : undefined;
      const leak = of('id-number', '/u/dibao-mingdan.xlsx');
      expect(leak?.evidence).toMatchObject({
        count: 2,
        masked: [masked(ids[0]!), masked(ids[1]!)],
        rows: ['低保名单 第2行', '低保名单 第3行'],
      });
      const docx = of('id-number', '/u/luqu.docx');
      expect(docx?.evidence).toMatchObject({ rows: ['表1 第2行'] });

      // A resumed run fetches nothing again.
      const seen = requests.length;
      expect(await checkAttachments(h.db, h.check, opts({ maxPerSite: 10 }))).toMatchObject({ sites: 0, skipped: 1 });
      expect(requests.length).toBe(seen);

      // Judged and reported: the findings under their Chinese title, and no planted number in any output.
      const now = new Date().toISOString();
      judgeCheck(h.db, { ...h.check, edition: '2019' }, loadEdition('2019'), now);
      const out = join(h.dir, 'out');
      const report = buildReport(h.db, { ...h.check, edition: '2019' }, now, out);
      const privacy = report.sites[0]!.findings.filter((f) => f.rule === 'privacy-leak');
      expect(privacy.map((f) => [f.title, f.kind])).toContainEqual(['个人信息泄露', 'deduction']);
      expect(privacy.map((f) => f.kind)).toContain('notice');
      await writeReports(report, ['json', 'html', 'xlsx', 'csv', 'md'], out);
      const texts = readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')] as const);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, 'report.xlsx'));
      const cells: string[] = [];
      wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => void cells.push(String(c.text)))));
      const all = [...texts.map(([f, t]) => `${f}\n${t}`), cells.join('\n')];
      for (const n of PLANTED) for (const t of all) expect(t).not.toContain(n);
      expect(readFileSync(join(out, 'report.json'), 'utf8')).toContain(masked(ids[0]!));
      expect(cells.join('\n')).toContain('个人信息泄露');
    } finally {
      h.close();
    }
  });
});

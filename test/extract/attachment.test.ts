// Attachments read to rows from real files: an xlsx (exceljs), a docx (docx), a GBK CSV, a PDF printed by
// Chromium. Bounded: zip bombs (declared and understated sizes, and entry counts) are refused before any
// parser unpacks them, Word 97-2003 .doc and Excel 97-2003 .xls are read (saved by LibreOffice), a
// damaged one is said so, a web page served as a file is named as such.
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkedFormat, sniff } from '../../src/extract/attachment/format.js';
import { type AttachmentLimits, readAttachment } from '../../src/extract/attachment/read.js';
import { csvOf, docOf, docxOf, pdfOf, xlsOf, xlsxByCalcOf, xlsxByHand, xlsxOf, zipBomb, zipOfMany } from '../helpers/attachment-files.js';
import { zipOf } from '../helpers/zip-write.js';
import { idNumber } from '../helpers/personal-numbers.js';

const LIMITS: AttachmentLimits = { maxEntries: 200, maxUnzippedBytes: 5_000_000, maxRows: 1_000, maxChars: 100_000 };
const id = idNumber('43010219850307121');
const rows = [
  ['序号', '姓名', '身份证号', '联系电话'],
  ['1', '张某某', id, '13912345670'],
  ['2', '李某某', '430102********5678', '139****5671'],
];

describe('readAttachment', () => {
  it('reads an xlsx sheet by sheet, each row with its number', async () => {
    const r = await readAttachment(await xlsxOf({ 低保名单: rows, 说明: [['本名单公示 7 天']] }), 'xlsx', LIMITS);
    expect(r).toMatchObject({ state: 'read', format: 'xlsx', reason: null });
    expect(r.state === 'read' && r.rows).toEqual([
      { part: '低保名单', row: 1, cells: rows[0] },
      { part: '低保名单', row: 2, cells: rows[1] },
      { part: '低保名单', row: 3, cells: rows[2] },
      { part: '说明', row: 1, cells: ['本名单公示 7 天'] },
    ]);
  });

  describe('an xlsx, found by its relationships whatever order its parts are stored in', () => {
    const handRows = [
      { part: '名单', row: 1, cells: ['姓名', '', '身份证号 & 电话'] },
      { part: '名单', row: 3, cells: ['张某某', '430102198503071234', '13912345670', 'TRUE', '', '张某某村', '0.5'] },
      { part: '说明', row: 1, cells: ['公示 7 天'] },
    ];
    it.each([
      ['the workbook first', { order: 'workbook-first' as const }],
      ['the sheets first and the workbook last, as exceljs stores them', { order: 'sheets-first' as const }],
      ['every tag prefixed x:, as the OpenXML SDK writes them', { order: 'sheets-first' as const, prefix: true }],
      ['parts stored under names in capitals', { order: 'workbook-first' as const, nameCase: 'upper' as const }],
    ])('%s: every cell type, a hidden sheet read, a chart sheet passed over', async (_, o) => {
      expect(await readAttachment(xlsxByHand(o), 'xlsx', LIMITS)).toEqual({ state: 'read', format: 'xlsx', reason: null, rows: handRows });
    });

    it('reads a workbook as LibreOffice Calc saves it', async () => {
      const r = await readAttachment(await xlsxByCalcOf({ 低保名单: rows, 说明: [['本名单公示 7 天']] }), 'xlsx', LIMITS);
      expect(r.state === 'read' && r.rows).toEqual([
        { part: '低保名单', row: 1, cells: rows[0] },
        { part: '低保名单', row: 2, cells: rows[1] },
        { part: '低保名单', row: 3, cells: rows[2] },
        { part: '说明', row: 1, cells: ['本名单公示 7 天'] },
      ]);
    }, 120_000);

    it('says a package with a workbook but no sheet has none', async () => {
      const empty = zipOf([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets/></workbook>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') },
      ]);
      expect(await readAttachment(empty, 'xlsx', LIMITS)).toEqual({
        state: 'not-read',
        format: 'xlsx',
        reason: '工作簿中没有工作表，未读取',
      });
    });
  });

  it('reads a docx table as rows and its paragraphs as rows of one cell', async () => {
    const r = await readAttachment(await docxOf('关于拟享受低保人员的公示', rows), 'docx', LIMITS);
    expect(r.state === 'read' && r.rows).toEqual([
      { part: null, row: 1, cells: ['关于拟享受低保人员的公示'] },
      { part: '表1', row: 1, cells: rows[0] },
      { part: '表1', row: 2, cells: rows[1] },
      { part: '表1', row: 3, cells: rows[2] },
    ]);
  });

  it('reads a GBK CSV as Excel saves it, and a UTF-8 one', async () => {
    for (const enc of ['gbk', 'utf-8'] as const) {
      const r = await readAttachment(csvOf(rows, enc), 'csv', LIMITS);
      expect(r.state === 'read' && r.rows.map((x) => x.cells)).toEqual(rows);
    }
  });

  it('reads a PDF table line by line, the numbers whole', async () => {
    const r = await readAttachment(await pdfOf('低保名单公示', rows), 'pdf', LIMITS);
    expect(r.state).toBe('read');
    const lines = r.state === 'read' ? r.rows.map((x) => x.cells.join(' ')) : [];
    expect(lines[0]).toBe('低保名单公示');
    expect(lines.find((l) => l.includes('张某某'))).toMatch(new RegExp(`张某某\\s+${id}\\s+13912345670`));
    expect(r.state === 'read' && r.rows[0]!.part).toBe('第1页');
  });

  it('refuses a zip bomb before unpacking it, whether it declares its size or understates it', async () => {
    const declared = await readAttachment(zipBomb(6_000_000), 'docx', LIMITS);
    expect(declared).toEqual({ state: 'not-read', format: null, reason: '解压后超过 5 MB 的上限，未解压（疑似压缩炸弹）' });
    const lying = await readAttachment(zipBomb(6_000_000, true), 'docx', LIMITS);
    expect(lying).toEqual({ state: 'not-read', format: null, reason: '压缩包内文件的实际大小与其声明不符，未解压（疑似压缩炸弹）' });
    const many = await readAttachment(zipOfMany(201), 'xlsx', LIMITS);
    expect(many.reason).toBe('压缩包内有 201 个文件，超过 200 个的上限，未解压（疑似压缩炸弹）');
  });

  it('reads an .xls that is an HTML table (a CMS export, GBK) or an XML Spreadsheet 2003, as Excel opens them', async () => {
    const html = iconv.encode(
      `<html><head><meta charset="gb2312"></head><body><table><tr><th>姓名</th><th>身份证号</th></tr><tr><td>张某某</td><td>${id}</td></tr></table></body></html>`,
      'gbk',
    );
    const r = await readAttachment(html, 'xls', LIMITS);
    expect(r).toMatchObject({ state: 'read', format: 'xls' });
    expect(r.state === 'read' && r.rows).toEqual([
      { part: '表1', row: 1, cells: ['姓名', '身份证号'] },
      { part: '表1', row: 2, cells: ['张某某', id] },
    ]);
    const xml = Buffer.from(
      `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="名单"><Table><Row><Cell><Data ss:Type="String">张某某</Data></Cell><Cell><Data ss:Type="String">${id}</Data></Cell></Row></Table></Worksheet></Workbook>`,
    );
    const x = await readAttachment(xml, 'xls', LIMITS);
    expect(x.state === 'read' && x.rows).toEqual([{ part: '名单', row: 1, cells: ['张某某', id] }]);
  });

  it('caps the rows kept and says so', async () => {
    const long = Array.from({ length: 30 }, (_, i) => [`${i + 1}`, `姓名${i}`]);
    const r = await readAttachment(await xlsxOf({ 名单: long }), 'xlsx', { ...LIMITS, maxRows: 10 });
    expect(r).toMatchObject({ state: 'read', reason: '只读取了前 10 行（每个附件至多 10 行、100000 字）' });
    expect(r.state === 'read' && r.rows.length).toBe(10);
  });

  describe('a Word 97-2003 document (.doc), saved by LibreOffice', () => {
    // A cell left empty and a cell of two paragraphs, as real lists have them.
    const withGaps = [rows[0]!, rows[1]!, ['2', '', '430102********5678', '139****5671\n（家属）']];
    let doc: Buffer;
    beforeAll(async () => {
      doc = await docOf('关于拟享受低保人员的公示', withGaps, ['公示期 7 天']);
    }, 120_000);

    it('reads its table row by row and its paragraphs as rows of one cell, as a docx', async () => {
      const r = await readAttachment(doc, 'doc', LIMITS);
      expect(r).toMatchObject({ state: 'read', format: 'doc', reason: null });
      expect(r.state === 'read' && r.rows).toEqual([
        { part: null, row: 1, cells: ['关于拟享受低保人员的公示'] },
        { part: '表1', row: 1, cells: rows[0] },
        { part: '表1', row: 2, cells: rows[1] },
        { part: '表1', row: 3, cells: ['2', '', '430102********5678', '139****5671 （家属）'] },
        { part: null, row: 2, cells: ['公示期 7 天'] },
      ]);
    });

    it('reads a .wps that is Word’s format inside, as WPS saves it', async () => {
      const r = await readAttachment(doc, 'wps', LIMITS);
      expect(r).toMatchObject({ state: 'read', format: 'wps' });
      expect(r.state === 'read' && r.rows[2]!.cells).toEqual(rows[1]);
    });

    it('without paragraph properties, reads each cell as a row of its own: two people are never one row', async () => {
      const blind = Buffer.from(doc);
      // The FIB (0xA5EC at a sector's start): its PlcBtePapx given no length.
      let fib = -1;
      for (let at = 512; at < blind.length; at += 512) if (blind.readUInt16LE(at) === 0xa5ec) fib = at;
      expect(fib).toBeGreaterThan(0);
      let at = fib + 32;
      at += 2 + blind.readUInt16LE(at) * 2;
      at += 2 + blind.readUInt16LE(at) * 4;
      blind.writeUInt32LE(0, at + 2 + 13 * 8 + 4);
      const r = await readAttachment(blind, 'doc', LIMITS);
      expect(r.state).toBe('read');
      const cells = r.state === 'read' ? r.rows.filter((x) => x.part === '表1') : [];
      expect(cells.every((x) => x.cells.length === 1)).toBe(true);
      expect(cells.map((x) => x.cells[0])).toContain(id);
    });

    it('says a cut-off or broken .doc is damaged, and reads nothing of it', async () => {
      const cut = await readAttachment(doc.subarray(0, 2048), 'doc', LIMITS);
      expect(cut).toMatchObject({ state: 'not-read', format: 'doc' });
      expect(cut.reason).toMatch(/已损坏/);
    });
  });

  describe('an Excel 97-2003 workbook (.xls), saved by LibreOffice Calc', () => {
    // Enough rows that the shared strings run over many CONTINUE records, split inside strings.
    const long = Array.from({ length: 900 }, (_, i) => [i + 1, `居民甲乙丙丁${i}`, `地址第${i}号 Road ${i}`, 0.5 + i]);
    let xls: Buffer;
    beforeAll(async () => {
      xls = await xlsOf({ 低保名单: [rows[0]!, [1, '张某某', id, 13912345670], rows[2]!], 长表: long });
    }, 120_000);

    it('reads it sheet by sheet, each row with its number, a mobile kept as a number as its digits', async () => {
      const r = await readAttachment(xls, 'xls', LIMITS);
      expect(r).toMatchObject({ state: 'read', format: 'xls', reason: null });
      expect(r.state === 'read' && r.rows.slice(0, 3)).toEqual([
        { part: '低保名单', row: 1, cells: rows[0] },
        { part: '低保名单', row: 2, cells: rows[1] },
        { part: '低保名单', row: 3, cells: rows[2] },
      ]);
    });

    it('reads every shared string right across the records it is split over', async () => {
      const r = await readAttachment(xls, 'xls', { ...LIMITS, maxRows: 2_000 });
      const sheet = r.state === 'read' ? r.rows.filter((x) => x.part === '长表') : [];
      expect(sheet).toHaveLength(long.length);
      expect(sheet.map((x) => x.cells)).toEqual(long.map((row) => row.map(String)));
    });

    it('reads an .et that is Excel’s format inside, as WPS saves it', async () => {
      const r = await readAttachment(xls, 'et', LIMITS);
      expect(r).toMatchObject({ state: 'read', format: 'et' });
    });

    it('says a cut-off workbook is damaged, and a Word file named .xls is not a workbook', async () => {
      const cut = await readAttachment(xls.subarray(0, 4096), 'xls', LIMITS);
      expect(cut).toMatchObject({ state: 'not-read', format: 'xls' });
      expect(cut.reason).toMatch(/已损坏/);
      const word = await readAttachment(await docOf('公示', rows), 'xls', LIMITS);
      expect(word).toEqual({ state: 'not-read', format: 'xls', reason: '不是 Excel 工作簿（没有 Workbook 流），未读取' });
    }, 120_000);
  });

  it('says which files it cannot read, and why', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await readAttachment(ole, 'xls', LIMITS)).toEqual({
      state: 'not-read',
      format: 'xls',
      reason: '文件结构已损坏（OLE 复合文档），未读取',
    });
    // An OLE file with nothing inside it: not a Word document either.
    expect((await readAttachment(ole, 'wps', LIMITS)).reason).toBe('文件结构已损坏（OLE 复合文档），未读取');
    const login = Buffer.from('<!DOCTYPE html><html><body>请登录</body></html>');
    expect((await readAttachment(login, 'xlsx', LIMITS)).reason).toMatch(/下载得到的是网页/);
    expect((await readAttachment(Buffer.from('%PDF-1.4 broken'), 'pdf', LIMITS)).reason).toBe('PDF 文件已损坏，无法读取');
  });
});

describe('which links are attachments', () => {
  it('by the extension the address names, in its path or a query value', () => {
    expect(linkedFormat('http://x.gov.cn/u/2026/名单.XLSX')).toBe('xlsx');
    expect(linkedFormat('http://x.gov.cn/down.jsp?file=%E5%90%8D%E5%8D%95.xls&id=3')).toBe('xls');
    expect(linkedFormat('http://x.gov.cn/art/2026/1.html')).toBeNull();
    expect(linkedFormat('http://x.gov.cn/pdf/')).toBeNull();
  });

  it('what the bytes are, whatever the name', () => {
    expect(sniff(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(sniff(Buffer.from('姓名,电话\r\n张三,1'))).toBe('csv');
    expect(sniff(Buffer.from('  <html><body>'))).toBe('html');
  });
});

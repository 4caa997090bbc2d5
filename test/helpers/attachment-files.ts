// Real attachment files for the privacy tests, made the way offices make them: an xlsx by exceljs, a
// docx by the docx package, a .doc saved by LibreOffice, a PDF printed by Chromium, a CSV in GBK as Excel saves it in China. The
// personal numbers in them are synthetic (personal-numbers.ts): valid by their check digits, nobody's.
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { launchBrowser } from '../../src/gather/browser/browser.js';
import { zipOf } from './zip-write.js';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export type Rows = (string | number)[][];

export async function xlsxOf(sheets: Record<string, Rows>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function docxOf(title: string, rows: Rows): Promise<Buffer> {
  const table = new Table({
    rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(String(c))] })) })),
  });
  const doc = new Document({ sections: [{ children: [new Paragraph(title), table] }] });
  return Packer.toBuffer(doc);
}

/**
 * The same document saved by LibreOffice as Word 97–2003 (.doc), the binary format a real reader writes:
 * a table (with an empty cell and a cell of two paragraphs when given) and the paragraphs around it.
 */
export async function docOf(title: string, rows: Rows, after: string[] = []): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'choucha-doc-'));
  const table = new Table({
    rows: rows.map(
      (r) =>
        new TableRow({
          children: r.map(
            (c) =>
              new TableCell({
                children: String(c)
                  .split('\n')
                  .map((p) => new Paragraph(p)),
              }),
          ),
        }),
    ),
  });
  const doc = new Document({ sections: [{ children: [new Paragraph(title), table, ...after.map((t) => new Paragraph(t))] }] });
  writeFileSync(join(dir, 'list.docx'), await Packer.toBuffer(doc));
  return savedByLibreOffice(dir, 'list.docx', 'doc');
}

/** A workbook saved by LibreOffice Calc as Excel 97–2003 (.xls, BIFF8), the binary format a real program writes. */
export async function xlsOf(sheets: Record<string, Rows>): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'choucha-xls-'));
  writeFileSync(join(dir, 'list.xlsx'), await xlsxOf(sheets));
  return savedByLibreOffice(dir, 'list.xlsx', 'xls');
}

/** A workbook saved by LibreOffice Calc as xlsx: another writer than exceljs, storing its parts in another order. */
export async function xlsxByCalcOf(sheets: Record<string, Rows>): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'choucha-xlsx-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'list.xlsx'), await xlsxOf(sheets));
  return savedByLibreOffice(dir, 'in/list.xlsx', 'xlsx');
}

/**
 * An xlsx written by hand, part by part in the order given (`sheets-first` as exceljs stores them), its tags
 * prefixed `x:` when `prefix` (as the OpenXML SDK writes them), its parts stored in capitals when `nameCase`. Two sheets and a chart sheet; cells of every
 * type: shared strings (one in rich text runs with a phonetic run), an inline string, a formula's string, a
 * number, a truth value, an error, a cell left out (B1).
 */
export function xlsxByHand(o: { order: 'workbook-first' | 'sheets-first'; prefix?: boolean; nameCase?: 'upper' }): Buffer {
  const x = o.prefix ? 'x:' : '';
  const ns = o.prefix
    ? 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    : 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><${x}workbook ${ns} ${r}><${x}sheets><${x}sheet name="名单" sheetId="1" r:id="rId3"/><${x}sheet name="图表" sheetId="2" r:id="rId4"/><${x}sheet name="说明" sheetId="3" state="hidden" r:id="rId1"/></${x}sheets></${x}workbook>`;
  const strings = `<?xml version="1.0" encoding="UTF-8"?><${x}sst ${ns} count="3" uniqueCount="3"><${x}si><${x}t>姓名</${x}t></${x}si><${x}si><${x}r><${x}t>张</${x}t></${x}r><${x}r><${x}rPr><${x}b/></${x}rPr><${x}t>某某</${x}t></${x}r><${x}rPh sb="0" eb="1"><${x}t>ちょう</${x}t></${x}rPh></${x}si><${x}si><${x}t xml:space="preserve"> 身份证号 &amp; 电话 </${x}t></${x}si></${x}sst>`;
  const sheet1 = `<?xml version="1.0" encoding="UTF-8"?><${x}worksheet ${ns}><${x}sheetData><${x}row r="1"><${x}c r="A1" t="s"><${x}v>0</${x}v></${x}c><${x}c r="C1" t="s"><${x}v>2</${x}v></${x}c></${x}row><${x}row r="3"><${x}c r="A3" t="s"><${x}v>1</${x}v></${x}c><${x}c r="B3" t="inlineStr"><${x}is><${x}t>430102198503071234</${x}t></${x}is></${x}c><${x}c r="C3"><${x}v>13912345670</${x}v></${x}c><${x}c r="D3" t="b"><${x}v>1</${x}v></${x}c><${x}c r="E3" t="e"><${x}v>#N/A</${x}v></${x}c><${x}c r="F3" t="str"><${x}f>A3&amp;"村"</${x}f><${x}v>张某某村</${x}v></${x}c><${x}c r="G3"><${x}v>0.5</${x}v></${x}c></${x}row></${x}sheetData></${x}worksheet>`;
  const sheet2 = `<?xml version="1.0" encoding="UTF-8"?><${x}worksheet ${ns}><${x}sheetData><${x}row><${x}c t="inlineStr"><${x}is><${x}t>公示 7 天</${x}t></${x}is></${x}c></${x}row></${x}sheetData></${x}worksheet>`;
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': rels(rel('rId1', 'officeDocument', 'xl/workbook.xml')),
    'xl/_rels/workbook.xml.rels': rels(
      rel('rId1', 'worksheet', '/xl/worksheets/note.xml') +
        rel('rId2', 'sharedStrings', 'sharedStrings.xml') +
        rel('rId3', 'worksheet', 'worksheets/sheet1.xml') +
        rel('rId4', 'chartsheet', 'chartsheets/sheet1.xml'),
    ),
    'xl/workbook.xml': workbook,
    'xl/sharedStrings.xml': strings,
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/note.xml': sheet2,
    'xl/chartsheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><${x}chartsheet ${ns}/>`,
  };
  const names = Object.keys(parts);
  const order =
    o.order === 'workbook-first'
      ? names
      : [...names.filter((n) => n.includes('sheets/')), ...names.filter((n) => !n.includes('sheets/')).reverse()];
  // Part names compare without regard to case: a writer may store them otherwise than it names them.
  const stored = (name: string) => (o.nameCase === 'upper' && name.startsWith('xl/') ? name.toUpperCase() : name);
  return zipOf(order.map((name) => ({ name: stored(name), data: Buffer.from(parts[name]!, 'utf8') })));
}

/**
 * An xlsx of one sheet of `n` rows with a styled empty cell each and no text, as Excel writes a sheet whose
 * whole columns were formatted: nothing for a row or character cap to count, only the time it takes to read.
 */
export function xlsxOfBlankRows(n: number): Buffer {
  const rels =
    '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
  return zipOf([
    {
      name: 'xl/workbook.xml',
      data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.from(`<worksheet><sheetData>${'<row><c s="1"/></row>'.repeat(n)}</sheetData></worksheet>`),
    },
  ]);
}

/** `file` in `dir` saved by LibreOffice headless as `to` into `dir`, with a profile of its own (no open LibreOffice is disturbed). */
async function savedByLibreOffice(dir: string, file: string, to: 'doc' | 'xls' | 'xlsx'): Promise<Buffer> {
  await promisify(execFile)(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`,
      '--headless',
      '--convert-to',
      to,
      '--outdir',
      dir,
      join(dir, file),
    ],
    { timeout: 120_000 },
  );
  return readFileSync(join(dir, basename(file).replace(/\.\w+$/, `.${to}`)));
}

export function csvOf(rows: Rows, encoding: 'utf-8' | 'gbk' = 'gbk'): Buffer {
  const text = rows.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\r\n');
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}

/** A table printed to PDF by Chromium, as a 公示 page saved to PDF. */
export async function pdfOf(title: string, rows: Rows): Promise<Buffer> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const cells = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
    await page.setContent(`<html><body><h1>${title}</h1><table border="1">${cells}</table></body></html>`);
    return await page.pdf();
  } finally {
    await browser.close();
  }
}

/** A docx-shaped package whose document unpacks to `bytes` of spaces; `lie` declares it 1 KB. */
export function zipBomb(bytes: number, lie = false): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: Buffer.alloc(bytes, 0x20), ...(lie ? { declaredSize: 1000 } : {}) },
  ]);
}

/** A package of `n` tiny entries. */
export function zipOfMany(n: number): Buffer {
  return zipOf(Array.from({ length: n }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })));
}

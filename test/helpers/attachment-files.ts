// Real attachment files for the privacy tests, made the way offices make them: an xlsx by exceljs, a
// docx by the docx package, a .doc saved by LibreOffice, a PDF printed by Chromium, a CSV in GBK as Excel saves it in China. The
// personal numbers in them are synthetic (personal-numbers.ts): valid by their check digits, nobody's.
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { launchBrowser } from '../../src/gather/browser/browser.js';
import { zipOf } from './zip-write.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** `file` in `dir` saved by LibreOffice headless as `to`, with a profile of its own (no open LibreOffice is disturbed). */
async function savedByLibreOffice(dir: string, file: string, to: 'doc' | 'xls'): Promise<Buffer> {
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
  return readFileSync(join(dir, file.replace(/\.\w+$/, `.${to}`)));
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

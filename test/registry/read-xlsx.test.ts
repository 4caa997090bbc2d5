import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readRegistryFile } from '../../src/registry/read.js';
import { useTempDir } from './tmp-files.js';

const tmp = useTempDir();

async function writeWorkbook(name: string, fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  const file = tmp.path(name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('readRegistryFile: XLSX', () => {
  it('reads the first worksheet: numbers, rich text, hyperlinks and formula results as text', async () => {
    const file = await writeWorkbook('registry.xlsx', (wb) => {
      const sheet = wb.addWorksheet('网站');
      sheet.addRow(['湖南省政府网站基本信息表']);
      sheet.addRow(['网站标识码', '网站名称', '首页网址', '主办单位', '网站层级', '行政区划代码', '运行状态']);
      sheet.addRow([
        4300000001,
        { richText: [{ text: '湖南省' }, { text: '人民政府', font: { bold: true } }] },
        { text: '湖南省人民政府门户', hyperlink: 'http://www.hunan.gov.cn/' },
        { formula: '"湖南省人民政府"&"办公厅"', result: '湖南省人民政府办公厅' },
        '省级政府门户网站',
        430000,
        '正常',
      ]);
      sheet.addRow([]);
      sheet.addRow([
        '4301000001',
        '长沙市人民政府',
        { text: 'www.changsha.gov.cn', hyperlink: 'http://www.changsha.gov.cn/' },
        null,
        '市级门户',
        null,
        null,
      ]);
      sheet.addRow(['4302000001', '株洲市人民政府', 'http://www.zhuzhou.gov.cn/', null, '市级', 4302, '运行']);
      wb.addWorksheet('说明').addRow(['网站标识码', '网站名称', '首页网址']);
    });

    const { sites, errors, rowCount } = await readRegistryFile(file);
    expect(rowCount).toBe(3);
    expect(sites).toEqual([
      {
        id: '4300000001',
        name: '湖南省人民政府',
        url: 'http://www.hunan.gov.cn/',
        sponsor: '湖南省人民政府办公厅',
        level: 'province-portal',
        region: '430000',
        parentId: null,
        status: 'running',
      },
      {
        id: '4301000001',
        name: '长沙市人民政府',
        url: 'http://www.changsha.gov.cn/',
        sponsor: null,
        level: 'prefecture-portal',
        region: '430100',
        parentId: null,
        status: 'running',
      },
    ]);
    // Worksheet row numbers, counting the title and the blank row.
    expect(errors.map((e) => [e.row, e.field, e.value])).toEqual([
      [6, '网站层级', '市级'],
      [6, '行政区划代码', '4302'],
    ]);
  });

  it('skips a hidden first sheet, as a person opening the workbook would', async () => {
    const file = await writeWorkbook('hidden-first.xlsx', (wb) => {
      wb.addWorksheet('选项', { state: 'hidden' }).addRow(['网站层级', '省级门户', '市级门户']);
      const sheet = wb.addWorksheet('网站');
      sheet.addRow(['网站标识码', '网站名称', '首页网址']);
      sheet.addRow(['4300000001', '湖南省人民政府', 'http://www.hunan.gov.cn/']);
    });
    const { sites, errors } = await readRegistryFile(file);
    expect(errors).toEqual([]);
    expect(sites.map((s) => s.id)).toEqual(['4300000001']);
  });

  it('throws InputError for a workbook whose first sheet is empty', async () => {
    const file = await writeWorkbook('empty-sheet.xlsx', (wb) => {
      wb.addWorksheet('Sheet1');
    });
    await expect(readRegistryFile(file)).rejects.toThrow(/empty/);
  });

  it('throws InputError for an .xlsx that is not a zip, or is an old .xls', async () => {
    const notZip = await tmp.write('not-zip.xlsx', 'id,name,url\n');
    await expect(readRegistryFile(notZip)).rejects.toThrow(InputError);
    await expect(readRegistryFile(notZip)).rejects.toThrow(/not-zip\.xlsx: not an \.xlsx workbook/);

    const xls = await tmp.write('old.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    await expect(readRegistryFile(xls)).rejects.toThrow(/old \.xls workbook/);
  });

  it('throws InputError for a corrupt zip', async () => {
    const file = await tmp.write('corrupt.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]));
    await expect(readRegistryFile(file)).rejects.toThrow(/corrupt\.xlsx: not a readable \.xlsx workbook/);
  });
});

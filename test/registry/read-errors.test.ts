import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readRegistryFile } from '../../src/registry/read.js';
import { formatRowError } from '../../src/registry/row-error.js';
import { ZH_HEADER, useTempDir } from './tmp-files.js';

const tmp = useTempDir();

describe('readRegistryFile: bad rows', () => {
  it('reports every bad field of every bad row in one pass, and still returns the good rows', async () => {
    const csv = [
      ZH_HEADER,
      '4300000001,湖南省人民政府,http://www.hunan.gov.cn/,,省级门户,430000,,正常',
      '43000000,,hunan.gov.cn,,省级,43,4300,停用',
      '4301000001,长沙市人民政府,http://www.changsha.gov.cn/,,,,,',
      'bm0800001,教育部,https://,,,,,',
    ].join('\n');
    const file = await tmp.write('bad.csv', csv);
    const { sites, errors, rowCount } = await readRegistryFile(file);

    expect(rowCount).toBe(4);
    expect(sites.map((s) => s.id)).toEqual(['4300000001', '4301000001']);
    expect(errors).toEqual([
      { file, row: 3, field: '网站标识码', value: '43000000', expected: expect.stringContaining('10 digits, bm + 8 digits') },
      { file, row: 3, field: '网站名称', value: '', expected: expect.stringContaining('not empty') },
      { file, row: 3, field: '首页网址', value: 'hunan.gov.cn', expected: expect.stringContaining('an http:// or https:// address') },
      { file, row: 3, field: '网站层级', value: '省级', expected: expect.stringContaining('省级门户') },
      { file, row: 3, field: '行政区划代码', value: '43', expected: expect.stringContaining('6-digit') },
      { file, row: 3, field: '上级网站标识码', value: '4300', expected: expect.stringContaining('or empty') },
      { file, row: 3, field: '运行状态', value: '停用', expected: expect.stringContaining('正常, 例外, 关停') },
      { file, row: 5, field: '网站标识码', value: 'bm0800001', expected: expect.any(String) },
      { file, row: 5, field: '首页网址', value: 'https://', expected: expect.stringContaining('host') },
    ]);
    expect(formatRowError(errors[0]!)).toBe(
      `${file}: row 3, field 网站标识码: got "43000000", expected a 网站标识码: 10 digits, bm + 8 digits, or 2 digits + BM + 6 digits`,
    );
  });

  it('reports a duplicate id on the later row, naming the first', async () => {
    const csv = [
      ZH_HEADER,
      '4300000001,湖南省人民政府,http://www.hunan.gov.cn/,,,,,',
      '4301000001,长沙市人民政府,http://www.changsha.gov.cn/,,,,,',
      '4300000001,湖南省人民政府（旧）,http://old.hunan.gov.cn/,,,,,',
      'BM08000001,教育部,http://www.moe.gov.cn/,,,,,',
      'bm08000001,教育部,http://www.moe.gov.cn/,,,,,',
    ].join('\n');
    const file = await tmp.write('dup.csv', csv);
    const { sites, errors } = await readRegistryFile(file);
    expect(sites.map((s) => s.name)).toEqual(['湖南省人民政府', '长沙市人民政府', '教育部']);
    expect(errors).toEqual([
      { file, row: 4, field: '网站标识码', value: '4300000001', expected: 'an id not already used in this file (first used on row 2)' },
      { file, row: 6, field: '网站标识码', value: 'bm08000001', expected: 'an id not already used in this file (first used on row 5)' },
    ]);
  });

  it('counts an id as used even when its first row had other errors', async () => {
    const csv = [ZH_HEADER, '4300000001,,http://www.hunan.gov.cn/,,,,,', '4300000001,湖南省人民政府,http://www.hunan.gov.cn/,,,,,'].join(
      '\n',
    );
    const { sites, errors } = await readRegistryFile(await tmp.write('dup-bad-first.csv', csv));
    expect(sites).toEqual([]);
    expect(errors.map((e) => [e.row, e.field, e.expected])).toEqual([
      [2, '网站名称', expect.any(String)],
      [3, '网站标识码', 'an id not already used in this file (first used on row 2)'],
    ]);
  });

  it.each([
    ['javascript:void(0)', 'not a javascript: address'],
    ['JavaScript:alert(1)', 'not a javascript: address'],
    ['file:///C:/site/index.html', 'not a file: address'],
    ['ftp://ftp.hunan.gov.cn/', 'not a ftp: address'],
    ['data:text/html,<h1>x</h1>', 'not a data: address'],
    ['mailto:webmaster@hunan.gov.cn', 'not a mailto: address'],
    ['www.hunan.gov.cn', 'the scheme is missing: write http://www.hunan.gov.cn'],
    ['www.hunan.gov.cn:8080/index.html', 'the scheme is missing'],
    ['//www.hunan.gov.cn/', 'the scheme is missing'],
    ['http:www.hunan.gov.cn', 'with a host'],
    ['http://', 'with a host'],
    ['http://exa mple.gov.cn/', 'with a valid host'],
    ['', 'the homepage'],
  ])('rejects the URL %j', async (url, why) => {
    const file = await tmp.write('url.csv', `网站标识码,网站名称,首页网址\n4300000001,湖南省人民政府,"${url.replaceAll('"', '""')}"\n`);
    const { sites, errors } = await readRegistryFile(file);
    expect(sites).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, field: '首页网址', value: url });
    expect(errors[0]?.expected).toContain('an http:// or https:// address');
    expect(errors[0]?.expected).toContain(why);
  });
});

describe('readRegistryFile: bad files', () => {
  it('throws InputError for a missing file', async () => {
    const file = tmp.path('nope.csv');
    await expect(readRegistryFile(file)).rejects.toThrow(InputError);
    await expect(readRegistryFile(file)).rejects.toThrow(`${file}: no such file`);
  });

  it.each([
    ['empty.csv', ''],
    ['bom-only.csv', '\ufeff'],
    ['blank-lines.csv', '\r\n\r\n  \r\n'],
    ['empty.json', ''],
    ['empty.xlsx', ''],
  ])('throws InputError for the empty file %s', async (name, content) => {
    const file = await tmp.write(name, content);
    await expect(readRegistryFile(file)).rejects.toThrow(InputError);
    await expect(readRegistryFile(file)).rejects.toThrow(`${file}: the file is empty`);
  });

  it('throws InputError for a PNG renamed .csv', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const file = await tmp.write('logo.csv', png);
    await expect(readRegistryFile(file)).rejects.toThrow(InputError);
    await expect(readRegistryFile(file)).rejects.toThrow(`${file}: not a text file, it looks like a PNG image`);
  });

  it('throws InputError for binary data renamed .csv or .json', async () => {
    await expect(readRegistryFile(await tmp.write('data.csv', Buffer.from([0x41, 0x00, 0x9c])))).rejects.toThrow(
      /not a text file, it looks like binary data/,
    );
    await expect(readRegistryFile(await tmp.write('data.json', Buffer.from([0x7b, 0x01, 0x02])))).rejects.toThrow(/not a text file/);
  });

  it('throws InputError for an .xlsx renamed .csv, suggesting the right extension', async () => {
    const file = await tmp.write('registry.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    await expect(readRegistryFile(file)).rejects.toThrow(/a zip archive \(an \.xlsx workbook\? give it the \.xlsx extension\)/);
  });

  it.each(['registry.xls', 'registry.txt', 'registry'])('throws InputError for the unknown format %s', async (name) => {
    const file = await tmp.write(name, 'id,name,url\n');
    await expect(readRegistryFile(file)).rejects.toThrow(InputError);
    await expect(readRegistryFile(file)).rejects.toThrow(/accepted: \.csv, \.xlsx, \.json/);
    await expect(readRegistryFile(file)).rejects.toThrow(file);
  });

  it('throws one InputError naming every missing required column and the headers found', async () => {
    const file = await tmp.write('missing.csv', '序号,网站名称,备注\n1,湖南省人民政府,\n');
    const err = await readRegistryFile(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(
      `${file}: missing required column(s) 网站标识码 (id), 首页网址 (url); headers found: 序号, 网站名称, 备注`,
    );
    expect((err as InputError).exitCode).toBe(2);
  });

  it('throws InputError for a CSV with an unclosed quote', async () => {
    const file = await tmp.write('quote.csv', '网站标识码,网站名称,首页网址\n4300000001,"湖南省人民政府,http://www.hunan.gov.cn/\n');
    await expect(readRegistryFile(file)).rejects.toThrow(/quote\.csv: not a readable CSV file/);
  });
});

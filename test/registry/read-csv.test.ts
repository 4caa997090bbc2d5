import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readRegistryFile } from '../../src/registry/read.js';
import type { Site } from '../../src/model/site.js';
import { BOM, ZH_HEADER, useTempDir } from './tmp-files.js';

const tmp = useTempDir();

const HUNAN_ROW = '4300000001,湖南省人民政府,http://www.hunan.gov.cn/,湖南省人民政府办公厅,省级门户,430000,,正常';
const HUNAN: Site = {
  id: '4300000001',
  name: '湖南省人民政府',
  url: 'http://www.hunan.gov.cn/',
  sponsor: '湖南省人民政府办公厅',
  level: 'province-portal',
  region: '430000',
  parentId: null,
  status: 'running',
};

describe('readRegistryFile: CSV encodings', () => {
  it('reads UTF-8 with a BOM', async () => {
    const file = await tmp.write('bom.csv', `${BOM}${ZH_HEADER}\r\n${HUNAN_ROW}\r\n`);
    expect(await readRegistryFile(file)).toEqual({ sites: [HUNAN], errors: [], rowCount: 1 });
  });

  it('reads UTF-8 without a BOM', async () => {
    const file = await tmp.write('nobom.csv', `${ZH_HEADER}\n${HUNAN_ROW}\n`);
    expect(await readRegistryFile(file)).toEqual({ sites: [HUNAN], errors: [], rowCount: 1 });
  });

  it('reads GBK, as Excel on Chinese Windows saves CSV', async () => {
    const file = await tmp.write('gbk.csv', iconv.encode(`${ZH_HEADER}\r\n${HUNAN_ROW}\r\n`, 'gbk'));
    expect(await readRegistryFile(file)).toEqual({ sites: [HUNAN], errors: [], rowCount: 1 });
  });

  it('reads GB18030-only characters (the 䶮 of 刘䶮 is outside GBK)', async () => {
    const row = '4401000001,䶮字测试网站,http://www.gz.gov.cn/,,,,,';
    const file = await tmp.write('gb18030.csv', iconv.encode(`${ZH_HEADER}\n${row}\n`, 'gb18030'));
    const { sites } = await readRegistryFile(file);
    expect(sites[0]?.name).toBe('䶮字测试网站');
  });

  it('reads tab-separated UTF-16 (Excel "Unicode 文本") saved as .csv', async () => {
    const text = `${ZH_HEADER.replaceAll(',', '\t')}\r\n${HUNAN_ROW.replaceAll(',', '\t')}\r\n`;
    const file = await tmp.write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    expect((await readRegistryFile(file)).sites).toEqual([HUNAN]);
  });
});

describe('readRegistryFile: CSV headers and values', () => {
  it('reads English headers in any case and spacing, ignoring unknown columns', async () => {
    const csv = [
      'Site_ID, Name ,URL,Sponsor,Level,Region,parentId,STATUS,notes',
      'bm08000001,教育部,HTTP://WWW.MOE.GOV.CN/index.html#top,教育部办公厅,state-council,,,running,whatever',
      '37BM010018,国家税务总局山东省税务局,https://shandong.chinatax.gov.cn,,垂直管理机构,370000,,exception,',
    ].join('\n');
    const { sites, errors } = await readRegistryFile(await tmp.write('english.csv', csv));
    expect(errors).toEqual([]);
    expect(sites).toEqual([
      {
        id: 'bm08000001',
        name: '教育部',
        url: 'http://www.moe.gov.cn/index.html',
        sponsor: '教育部办公厅',
        level: 'state-council',
        region: null,
        parentId: null,
        status: 'running',
      },
      {
        id: '37BM010018',
        name: '国家税务总局山东省税务局',
        url: 'https://shandong.chinatax.gov.cn/',
        sponsor: null,
        level: 'state-council',
        region: '370000',
        parentId: null,
        status: 'exception',
      },
    ]);
  });

  it('accepts header aliases and normalises id case, deriving the region from a 10-digit id', async () => {
    const csv = [
      '标识码,名称,网址,层级,状态,上级标识码',
      '4301000001,长沙市人民政府,http://www.changsha.gov.cn/,地市级门户,关闭,4300000001',
      'BM08000001,教育部,http://www.moe.gov.cn/,,,',
      '37bm010018,某垂管局,http://x.gov.cn/,,,',
    ].join('\n');
    const { sites, errors } = await readRegistryFile(await tmp.write('aliases.csv', csv));
    expect(errors).toEqual([]);
    expect(sites.map((s) => [s.id, s.region, s.level, s.status, s.parentId])).toEqual([
      ['4301000001', '430100', 'prefecture-portal', 'closed', '4300000001'],
      ['bm08000001', null, null, 'running', null],
      ['37BM010018', null, null, 'running', null],
    ]);
  });

  it('skips a title line above the header and keeps its row numbering', async () => {
    const csv = [
      '附件1 湖南省政府网站基本信息表,,',
      ZH_HEADER,
      HUNAN_ROW,
      '4301000001,长沙市人民政府,ftp://www.changsha.gov.cn/,,,,,',
    ].join('\n');
    const { sites, errors, rowCount } = await readRegistryFile(await tmp.write('title.csv', csv));
    expect(sites).toEqual([HUNAN]);
    expect(rowCount).toBe(2);
    expect(errors).toMatchObject([{ row: 4, field: '首页网址' }]);
  });

  it('numbers rows as a spreadsheet shows them: a quoted multi-line cell is one row, a blank line is a row', async () => {
    const csv = [
      '网站标识码,网站名称,首页网址,主办单位',
      '4300000001,"湖南省人民政府,',
      '门户网站",http://www.hunan.gov.cn/,"湖南省人民政府办公厅',
      '（政务公开办）"',
      '4301000001,长沙市人民政府,file:///etc/passwd,',
      '',
      '4302000001,株洲市人民政府,data:text/html;base64,AAAA,',
    ].join('\r\n');
    const { sites, errors, rowCount } = await readRegistryFile(await tmp.write('multiline.csv', csv));
    expect(rowCount).toBe(3);
    expect(sites).toMatchObject([
      { id: '4300000001', name: '湖南省人民政府,\r\n门户网站', sponsor: '湖南省人民政府办公厅\r\n（政务公开办）' },
    ]);
    expect(errors.map((e) => [e.row, e.field, e.value])).toEqual([
      [3, '首页网址', 'file:///etc/passwd'],
      [5, '首页网址', 'data:text/html;base64'],
    ]);
  });

  it('skips blank and whitespace-only rows without counting them', async () => {
    const csv = `\n${ZH_HEADER}\n\n${HUNAN_ROW}\n , ,\n,,,,,,,\n\n`;
    expect(await readRegistryFile(await tmp.write('blank.csv', csv))).toEqual({ sites: [HUNAN], errors: [], rowCount: 1 });
  });

  it('reads a header-only file as a registry with no sites', async () => {
    expect(await readRegistryFile(await tmp.write('header-only.csv', `${BOM}${ZH_HEADER}\n`))).toEqual({
      sites: [],
      errors: [],
      rowCount: 0,
    });
  });

  it('chooses the reader by extension, case-insensitively', async () => {
    const file = await tmp.write('UPPER.CSV', `${ZH_HEADER}\n${HUNAN_ROW}\n`);
    expect((await readRegistryFile(file)).sites).toEqual([HUNAN]);
  });
});

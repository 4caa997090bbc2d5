import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRegistryFile } from '../../src/registry/read.js';

const sample = (name: string) => fileURLToPath(new URL(`./samples/${name}`, import.meta.url));

describe('sample registries', () => {
  it('registry-zh.csv: five good sites', async () => {
    const { sites, errors, rowCount } = await readRegistryFile(sample('registry-zh.csv'));
    expect(errors).toEqual([]);
    expect(rowCount).toBe(5);
    expect(sites.map((s) => [s.id, s.level, s.region, s.parentId])).toEqual([
      ['4300000001', 'province-portal', '430000', null],
      ['4300000012', 'province-dept', '430000', '4300000001'],
      ['4301000001', 'prefecture-portal', '430100', '4300000001'],
      ['4301020001', 'county-portal', '430102', '4301000001'],
      ['43BM010018', 'state-council', '430000', null],
    ]);
    expect(sites[0]).toEqual({
      id: '4300000001',
      name: '湖南省人民政府',
      url: 'http://www.hunan.gov.cn/',
      sponsor: '湖南省人民政府办公厅',
      level: 'province-portal',
      region: '430000',
      parentId: null,
      status: 'running',
    });
  });

  it('registry-bad.csv: three good sites, three bad rows with every problem listed', async () => {
    const { sites, errors, rowCount } = await readRegistryFile(sample('registry-bad.csv'));
    expect(rowCount).toBe(6);
    expect(sites.map((s) => [s.id, s.status])).toEqual([
      ['4303000001', 'running'],
      ['bm08000001', 'running'],
      ['4306000001', 'closed'],
    ]);
    expect(errors.map((e) => [e.row, e.field, e.value])).toEqual([
      [3, '网站标识码', '430400001'],
      [3, '网站名称', ''],
      [3, '首页网址', 'www.hengyang.gov.cn'],
      [5, '首页网址', 'javascript:void(0)'],
      [5, '网站层级', '地级市'],
      [5, '上级网站标识码', '43000001'],
      [5, '运行状态', '停用'],
      [7, '行政区划代码', '4303'],
      [7, '网站标识码', '4303000001'],
    ]);
    expect(errors.at(-1)?.expected).toBe('an id not already used in this file (first used on row 2)');
  });
});

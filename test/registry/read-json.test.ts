import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readRegistryFile } from '../../src/registry/read.js';
import { useTempDir } from './tmp-files.js';

const tmp = useTempDir();

const HUNAN = {
  id: '4300000001',
  name: '湖南省人民政府',
  url: 'http://www.hunan.gov.cn/',
  sponsor: '湖南省人民政府办公厅',
  level: 'province-portal',
  region: '430000',
  parentId: null,
  status: 'running',
};

describe('readRegistryFile: JSON', () => {
  it('reads an array of objects with Chinese keys; numbers become digit strings', async () => {
    const data = [
      {
        网站标识码: 4300000001,
        网站名称: '湖南省人民政府',
        首页网址: 'http://www.hunan.gov.cn/',
        主办单位: '湖南省人民政府办公厅',
        网站层级: '省级门户',
        行政区划代码: 430000,
        运行状态: '正常',
      },
      { 网站标识码: '4301000001', 网站名称: '', 首页网址: 'www.changsha.gov.cn' },
    ];
    const { sites, errors, rowCount } = await readRegistryFile(await tmp.write('zh.json', JSON.stringify(data)));
    expect(rowCount).toBe(2);
    expect(sites).toEqual([HUNAN]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, '网站名称'],
      [2, '首页网址'],
    ]);
  });

  it('reads {"sites": [...]} with English keys, so a Site[] export reads back unchanged', async () => {
    const { sites, errors } = await readRegistryFile(await tmp.write('sites.json', JSON.stringify({ sites: [HUNAN] }, null, 2)));
    expect(errors).toEqual([]);
    expect(sites).toEqual([HUNAN]);
  });

  it('reads an empty array as a registry with no sites', async () => {
    expect(await readRegistryFile(await tmp.write('empty-array.json', '[]'))).toEqual({ sites: [], errors: [], rowCount: 0 });
  });

  it.each([
    ['broken.json', '[{"id": "4300000001",', /broken\.json: not valid JSON/],
    ['object.json', '{"id": "4300000001"}', /object\.json: expected a JSON array of site objects/],
    ['scalars.json', '[1, 2, 3]', /scalars\.json: expected a JSON array/],
    ['nested.json', '{"sites": [[1]]}', /nested\.json: expected a JSON array/],
  ])('throws InputError for %s', async (name, content, message) => {
    const file = await tmp.write(name, content);
    await expect(readRegistryFile(file)).rejects.toThrow(InputError);
    await expect(readRegistryFile(file)).rejects.toThrow(message);
  });

  it('throws InputError listing the missing columns when no object has them', async () => {
    const file = await tmp.write('no-url.json', JSON.stringify([{ id: '4300000001', name: 'x' }]));
    await expect(readRegistryFile(file)).rejects.toThrow(/missing required column\(s\) 首页网址 \(url\); headers found: id, name/);
  });
});

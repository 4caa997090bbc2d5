import { describe, expect, it } from 'vitest';
import { fieldForHeader, mapHeaders, normaliseHeader } from '../../src/registry/fields.js';
import { SITE_LEVELS } from '../../src/model/site.js';
import { parseLevel, parseParentId, parseRegion, parseSiteId, parseStatus, parseUrl, validateRow } from '../../src/registry/validate.js';

describe('header aliases', () => {
  it.each([
    ['网站标识码', 'id'],
    [' 标识码 ', 'id'],
    ['Site ID', 'id'],
    ['siteId', 'id'],
    ['网站\n标识码', 'id'],
    ['网站标识码*', 'id'],
    ['首页网址（含http://）', 'url'],
    ['网站地址', 'url'],
    ['URL', 'url'],
    ['网站级别', 'level'],
    ['区划代码', 'region'],
    ['PARENT_ID', 'parentId'],
    ['parent', 'parentId'],
    ['上级标识码', 'parentId'],
    ['状态', 'status'],
    ['主办单位', 'sponsor'],
  ])('%j means %s', (header, key) => {
    expect(fieldForHeader(header)).toBe(key);
  });

  it('ignores unknown headers and keeps the leftmost of two columns for one field', () => {
    expect(fieldForHeader('备注')).toBeUndefined();
    expect(normaliseHeader('Ｓｉｔｅ＿ＩＤ')).toBe('siteid');
    const map = mapHeaders(['网址', '备注', '首页网址', '名称']);
    expect(map.columns.url).toEqual({ index: 0, header: '网址' });
    expect(map.missing).toEqual(['id']);
  });
});

describe('field parsers', () => {
  it('normalises 网站标识码 case and full-width digits', () => {
    expect(parseSiteId(' 4300000001 ')).toEqual({ ok: true, value: '4300000001' });
    expect(parseSiteId('４３００００００１２')).toEqual({ ok: true, value: '4300000012' });
    expect(parseSiteId('BM08000001')).toEqual({ ok: true, value: 'bm08000001' });
    expect(parseSiteId('37bm010018')).toEqual({ ok: true, value: '37BM010018' });
    expect(parseSiteId('43000000011').ok).toBe(false);
    expect(parseSiteId('BM0800000A').ok).toBe(false);
  });

  it('explains an id that Excel turned into scientific notation', () => {
    const r = parseSiteId('4.3E+09');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.expected).toContain('format the column as text');
  });

  it('normalises URLs: lower-case host, path and query kept, fragment dropped', () => {
    expect(parseUrl(' HTTPS://WWW.Hunan.GOV.cn:443/Col/Index.HTML?a=1#main ')).toEqual({
      ok: true,
      value: 'https://www.hunan.gov.cn/Col/Index.HTML?a=1',
    });
    expect(parseUrl('http://127.0.0.1:8080')).toEqual({ ok: true, value: 'http://127.0.0.1:8080/' });
  });

  it('accepts every level key and Chinese label variant', () => {
    for (const level of SITE_LEVELS) expect(parseLevel(level)).toEqual({ ok: true, value: level });
    const cases: [string, string][] = [
      ['国务院部门', 'state-council'],
      ['国务院部门及其内设机构', 'state-council'],
      ['垂直管理机构', 'state-council'],
      ['省级门户', 'province-portal'],
      ['省级政府门户', 'province-portal'],
      ['省级政府门户网站', 'province-portal'],
      ['省级部门', 'province-dept'],
      ['市级门户', 'prefecture-portal'],
      ['地市级门户', 'prefecture-portal'],
      ['市级政府门户', 'prefecture-portal'],
      ['市级部门', 'prefecture-dept'],
      ['地市级部门', 'prefecture-dept'],
      ['县级门户', 'county-portal'],
      ['县级政府门户', 'county-portal'],
      ['县级部门', 'county-dept'],
      ['县级以下', 'below-county'],
      ['乡镇', 'below-county'],
      [' Province_Portal ', 'province-portal'],
    ];
    for (const [label, level] of cases) expect(parseLevel(label)).toEqual({ ok: true, value: level });
    expect(parseLevel('  ')).toEqual({ ok: true, value: null });
    const bad = parseLevel('部委');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.expected).toBe(
      'one of 国务院部门, 省级门户, 省级部门, 市级门户, 市级部门, 县级门户, 县级部门, 县级以下 ' +
        '(or state-council, province-portal, province-dept, prefecture-portal, prefecture-dept, county-portal, county-dept, below-county), or empty',
    );
  });

  it('maps statuses, defaulting to running', () => {
    const cases: [string, string][] = [
      ['', 'running'],
      ['正常', 'running'],
      ['运行', 'running'],
      ['Running', 'running'],
      ['例外', 'exception'],
      ['exception', 'exception'],
      ['关停', 'closed'],
      ['关闭', 'closed'],
      ['已关停', 'closed'],
      ['closed', 'closed'],
    ];
    for (const [label, status] of cases) expect(parseStatus(label)).toEqual({ ok: true, value: status });
    expect(parseStatus('停运').ok).toBe(false);
  });

  it('checks region codes and parent ids, empty meaning none', () => {
    expect(parseRegion('430102')).toEqual({ ok: true, value: '430102' });
    expect(parseRegion('')).toEqual({ ok: true, value: null });
    expect(parseRegion('4301').ok).toBe(false);
    expect(parseRegion('430100000000').ok).toBe(false);
    expect(parseParentId('')).toEqual({ ok: true, value: null });
    expect(parseParentId('bm08000001')).toEqual({ ok: true, value: 'bm08000001' });
    expect(parseParentId('43000000').ok).toBe(false);
  });
});

describe('validateRow', () => {
  const cell = (header: string, value: string) => ({ header, value });

  it('derives the region from a 10-digit id only', () => {
    const base = { name: cell('name', '某网站'), url: cell('url', 'http://x.gov.cn/') };
    expect(validateRow('f.csv', 2, { ...base, id: cell('id', '4301020001') }).site?.region).toBe('430102');
    expect(validateRow('f.csv', 2, { ...base, id: cell('id', '43BM010018') }).site?.region).toBeNull();
    expect(validateRow('f.csv', 2, { ...base, id: cell('id', '4301020001'), region: cell('region', '430100') }).site?.region).toBe(
      '430100',
    );
  });

  it('keeps the valid id of a row that fails on other fields, for the duplicate check', () => {
    const r = validateRow('f.csv', 7, { id: cell('标识码', '4300000001'), name: cell('名称', ''), url: cell('网址', 'x') });
    expect(r.site).toBeNull();
    expect(r.id).toBe('4300000001');
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [7, '名称'],
      [7, '网址'],
    ]);
  });

  it('shortens a long value for display', () => {
    const r = validateRow('f.csv', 2, { id: cell('id', '4'.repeat(300)), name: cell('name', 'n'), url: cell('url', 'http://x.gov.cn/') });
    expect([...(r.errors[0]?.value ?? '')]).toHaveLength(80);
    expect(r.errors[0]?.value.endsWith('…')).toBe(true);
  });
});

describe('render override column', () => {
  it('reads 渲染方式 in Chinese or English, and rejects anything else', async () => {
    const { parseRender } = await import('../../src/registry/validate.js');
    expect(parseRender('自动')).toEqual({ ok: true, value: 'auto' });
    expect(parseRender('always')).toEqual({ ok: true, value: 'always' });
    expect(parseRender('不渲染')).toEqual({ ok: true, value: 'never' });
    expect(parseRender('')).toEqual({ ok: true, value: null });
    expect(parseRender('sometimes').ok).toBe(false);
  });
});

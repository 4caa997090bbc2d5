// Bad input through the real CLI: a clear error naming the file (and the row and field where there is
// one), exit 2, and nothing half-written. Reference lists and editions are read before the database is
// even opened; a registry's bad rows are reported each with its row and field, and only whole good rows
// are kept (as documented for `sites import`). No command here reaches the network: they stop first,
// and the registry's only site is on a closed loopback port, refused without --allow-private anyway.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

let dir: string;
const f = (name: string) => join(dir, name);
const HEADER = '网站标识码,网站名称,首页网址,主办单位,网站层级,行政区划代码';
// Bytes no text file has (NUL, control bytes), and a PNG's signature.
const BINARY = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256));
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), BINARY]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'choucha-bad-input-'));
  writeFileSync(f('good.csv'), `${HEADER}\n4301000001,长沙市人民政府,http://127.0.0.1:9/,长沙市人民政府办公厅,市级门户,430100\n`);
  writeFileSync(f('empty.csv'), '');
  writeFileSync(f('binary.csv'), BINARY);
  writeFileSync(f('png.json'), PNG);
  writeFileSync(
    f('bad-rows.csv'),
    [
      HEADER,
      '4301000001,长沙市人民政府,http://www.changsha.gov.cn/,长沙市人民政府办公厅,市级门户,430100',
      '4301000001,长沙市人民政府（重复）,http://www2.changsha.gov.cn/,长沙市人民政府办公厅,市级门户,430100',
      '4301000002,甲县人民政府,javascript:alert(1),甲县人民政府办公室,县级门户,430121',
      '4301000003,乙县人民政府,file:///etc/passwd,乙县人民政府办公室,县级门户,430122',
      '4301000004,丙县人民政府,ftp://ftp.bing.gov.cn/,丙县人民政府办公室,县级门户,430123',
      '4301000005,丁县人民政府,www.ding.gov.cn,丁县人民政府办公室,县级门户,430124',
      '4301000006,戊县人民政府,http://www.wu.gov.cn/,戊县人民政府办公室,县级门户,430125',
    ].join('\n'),
  );
  const edition = readFileSync(new URL('../../rules/editions/2019.yaml', import.meta.url), 'utf8');
  writeFileSync(f('edition-yaml.yaml'), 'edition: "x"\nrules:\n  homepage-stale: [veto\n');
  const lexicon = fileURLToPath(new URL('../../rules/lexicons/column-categories.yaml', import.meta.url));
  writeFileSync(f('edition-type.yaml'), edition.replace('base: 100', 'base: 一百').replace('../lexicons/column-categories.yaml', lexicon));
  writeFileSync(f('edition-binary.yaml'), BINARY);
  writeFileSync(f('edition-empty.yaml'), '');
  writeFileSync(f('sc-row.csv'), '发文字号,标题,发布日期\n国发〔2026〕1号,国务院关于某事的通知,2026-11-02\n国发〔2026〕2号,,2026-11-03\n');
  writeFileSync(f('sc-day.csv'), '发文字号,标题,发布日期\n国发〔2026〕1号,国务院关于某事的通知,2026-13-45\n');
  writeFileSync(f('sc-header-only.csv'), '发文字号,标题,发布日期\n');
  writeFileSync(
    f('ignore-row.yaml'),
    'entries:\n  - fingerprint: 0123456789abcdef\n    reason: 误报\n    by: 张三\n  - reason: 缺指纹\n    by: 李四\n',
  );
  writeFileSync(f('ignore-until.csv'), 'fingerprint,reason,by,until\n0123456789abcdef,误报,李四,明年\n');
});

const counts = (db: string) => {
  const s = new Database(db, { readonly: true });
  try {
    return Object.fromEntries(
      ['sites', 'checks', 'check_sites', 'pages', 'verdicts'].map((t) => [
        t,
        (s.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
      ]),
    );
  } finally {
    s.close();
  }
};

describe('run with a bad edition or reference list: exit 2, named, before the database is opened', () => {
  it.each([
    ['--edition', 'edition-yaml.yaml', /not valid YAML.*line 4.*edition-yaml\.yaml/],
    ['--edition', 'edition-type.yaml', /edition-type\.yaml scoring\.base/],
    ['--edition', 'edition-binary.yaml', /edition-binary\.yaml/],
    ['--edition', 'edition-empty.yaml', /edition-empty\.yaml/],
    ['--state-council', 'sc-row.csv', /sc-row\.csv row 3 field title/],
    ['--state-council', 'sc-day.csv', /sc-day\.csv row 2 field published/],
    ['--state-council', 'sc-header-only.csv', /sc-header-only\.csv: no documents/],
    ['--state-council', 'empty.csv', /empty\.csv: the file is empty/],
    ['--state-council', 'png.json', /png\.json: not a text file, it looks like a PNG image[\s\S]*State Council documents/],
    ['--ignore', 'ignore-row.yaml', /ignore-row\.yaml row 2 field fingerprint/],
    ['--ignore', 'ignore-until.csv', /ignore-until\.csv row 2 field until/],
    ['--ignore', 'binary.csv', /binary\.csv: not a text file[\s\S]*ignore list/],
  ])('%s %s', async (flag, file, message) => {
    const db = f(`run-${file}.db`);
    const r = await cli([
      '--db',
      db,
      'run',
      '--links',
      'internal',
      '--registry',
      f('good.csv'),
      '--quarter',
      '2026Q4',
      '--rounds',
      '1',
      '--out',
      f(`out-${file}`),
      '--no-screenshots',
      flag,
      f(file),
    ]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/unexpected failure| {4}at /);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(f(`out-${file}`))).toBe(false);
  });
});

describe('check with a bad edition: exit 2, and no check is created', () => {
  it('a malformed edition file', async () => {
    const db = f('check.db');
    expect((await cli(['--db', db, 'sites', 'import', f('good.csv')])).code).toBe(0);
    const r = await cli(['--db', db, 'check', '--quarter', '2026Q4', '--edition', f('edition-yaml.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/edition-yaml\.yaml/);
    expect(counts(db)).toMatchObject({ sites: 1, checks: 0, check_sites: 0, verdicts: 0 });
  });
});

describe('sites import', () => {
  it.each([
    ['empty.csv', /empty\.csv: the file is empty/],
    ['binary.csv', /binary\.csv: not a text file, it looks like binary data/],
    ['png.json', /png\.json: not a text file, it looks like a PNG image/],
  ])('%s: exit 2, nothing imported', async (file, message) => {
    const db = f(`import-${file}.db`);
    const r = await cli(['--db', db, 'sites', 'import', f(file)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    if (existsSync(db)) expect(counts(db).sites).toBe(0);
  });

  it('bad rows: each named by file, row and field; only whole good rows are kept; exit 2', async () => {
    const db = f('import-bad-rows.db');
    const r = await cli(['--db', db, 'sites', 'import', f('bad-rows.csv')]);
    expect(r.code).toBe(2);
    const file = f('bad-rows.csv');
    for (const line of [
      `${file}: row 3, field 网站标识码: got "4301000001", expected an id not already used in this file (first used on row 2)`,
      `${file}: row 4, field 首页网址: got "javascript:alert(1)"`,
      `${file}: row 5, field 首页网址: got "file:///etc/passwd"`,
      `${file}: row 6, field 首页网址: got "ftp://ftp.bing.gov.cn/"`,
      `${file}: row 7, field 首页网址: got "www.ding.gov.cn", expected an http:// or https:// address (the scheme is missing`,
    ]) {
      expect(r.stderr).toContain(line);
    }
    const s = new Database(db, { readonly: true });
    const rows = s.prepare('SELECT id, name, url FROM sites ORDER BY id').all();
    s.close();
    expect(rows).toEqual([
      { id: '4301000001', name: '长沙市人民政府', url: 'http://www.changsha.gov.cn/' },
      { id: '4301000006', name: '戊县人民政府', url: 'http://www.wu.gov.cn/' },
    ]);
  });
});

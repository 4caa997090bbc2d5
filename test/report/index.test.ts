import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { REPORTERS, writeReports } from '../../src/report/index.js';
import { renderJson } from '../../src/report/json.js';
import { loadReport } from './fixture.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'choucha-reports-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('maps each format name to its extension', () => {
    expect(Object.keys(REPORTERS)).toEqual(['json', 'csv', 'xlsx', 'html', 'md', 'junit', 'docx']);
  });

  it('creates the directory and writes each format once, returning the paths', async () => {
    const out = join(dir, 'nested', 'out');
    const paths = await writeReports(loadReport(), ['xlsx', 'json', 'csv', 'json'], out);
    expect(paths).toEqual([join(out, 'report.xlsx'), join(out, 'report.json'), join(out, 'report.csv')]);
    expect(await readFile(join(out, 'report.json'), 'utf8')).toBe(renderJson(loadReport()));
    expect([...(await readFile(join(out, 'report.csv'))).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // An xlsx is a zip: it starts with the PK signature.
    expect((await readFile(join(out, 'report.xlsx'))).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('rejects an unknown format, naming it and the accepted ones, before writing anything', async () => {
    const out = join(dir, 'never');
    const error = await writeReports(loadReport(), ['json', 'pdf'], out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('pdf');
    expect((error as InputError).reason).toContain('json, csv, xlsx');
    expect((error as InputError).exitCode).toBe(2);
    await expect(stat(out)).rejects.toThrow();
  });
});

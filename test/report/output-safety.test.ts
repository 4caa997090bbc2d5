// Hostile text from crawled pages in every field a renderer writes: no cell of the CSV or of any XLSX
// sheet, read back, starts like a formula or holds one. (The HTML side, in Chromium: html.test.ts.)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.js';
import type { Report } from '../../src/model/report.js';
import { renderXlsx } from '../../src/report/xlsx.js';
import { loadReport } from './fixture.js';

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/","点击")',
  '+cmd|" /C calc"!A0',
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
  '＝HYPERLINK("http://evil.example/")',
  '<script>window.__pwned=1</script>',
];

/** Every text field a site brings, each starting with a payload. */
function hostileReport(): Report {
  const report = loadReport();
  report.sites.forEach((s, i) => {
    const p = (k: number) => PAYLOADS[(i + k) % PAYLOADS.length]!;
    s.name = p(0);
    s.sponsor = p(1);
    s.url = p(2);
    s.notCheckedReason = s.notCheckedReason === null ? null : p(3);
    s.findings.forEach((f, j) => {
      f.message = p(4 + j);
      f.url = p(5 + j);
    });
    s.notChecked.forEach((n) => (n.reason = p(6)));
  });
  return report;
}

let dir: string | null = null;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('formula payloads in every field', () => {
  it('CSV: every cell read back is text that starts with no formula character', () => {
    const rows = parse(renderCsv(hostileReport()).subarray(3).toString('utf8'), { relax_column_count: true }) as string[][];
    const cells = rows.slice(1).flat();
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    // The payloads are there, quoted, not dropped.
    for (const p of PAYLOADS.slice(0, 4)) expect(cells).toContain(`'${p}`);
  });

  it('XLSX: no cell of any sheet holds a formula or a string that starts like one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'choucha-safety-'));
    const path = join(dir, 'report.xlsx');
    await writeFile(path, await renderXlsx(hostileReport()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const bad: string[] = [];
    const seen: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula || cell.type === ExcelJS.ValueType.Formula) bad.push(`${ws.name}!${cell.address} formula`);
          const v = cell.value as unknown;
          const texts =
            typeof v === 'string'
              ? [v]
              : v && typeof v === 'object' && 'text' in v
                ? [String((v as { text: unknown }).text), String((v as { hyperlink?: unknown }).hyperlink ?? '')]
                : [];
          for (const t of texts) {
            seen.push(t);
            if (FORMULA_START.test(t)) bad.push(`${ws.name}!${cell.address} ${JSON.stringify(t)}`);
          }
        }),
      ),
    );
    expect(bad).toEqual([]);
    expect(seen.some((t) => t.startsWith(`'${PAYLOADS[0]}`))).toBe(true);
  });
});

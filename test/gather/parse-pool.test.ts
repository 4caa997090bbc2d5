// The parsing worker pool: the same read as parsing on the main thread, in order, and a worker that dies
// fails only the pages it held, with the reason, while a fresh worker takes over.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readPage } from '../../src/extract/page.js';
import { parsePool } from '../../src/gather/crawl/parse-pool.js';

const DIR = new URL('../extract/pages/', import.meta.url);
const files = readdirSync(DIR)
  .filter((f) => /\.html?$/.test(f))
  .slice(0, 12);
const opts = (f: string) => ({
  url: `http://www.example.gov.cn/${f}`,
  contentType: null,
  atDay: '2026-12-01' as const,
  parts: 'walk' as const,
});
const pool = parsePool(2);
afterAll(() => pool.close());

describe('parse pool', () => {
  it('has saved pages to read', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('gives exactly what readPage gives on the main thread, page by page', async () => {
    const reads = await Promise.all(files.map((f) => pool.read(readFileSync(new URL(f, DIR)), opts(f))));
    reads.forEach((r, i) => expect(r).toEqual(readPage(readFileSync(new URL(files[i]!, DIR)), opts(files[i]!), 'walk')));
  });

  it('reads only the links when asked for links', async () => {
    const f = files[0]!;
    const read = await pool.read(readFileSync(new URL(f, DIR)), { ...opts(f), parts: 'links' });
    const all = readPage(readFileSync(new URL(f, DIR)), opts(f));
    expect(read.links.length).toBeGreaterThan(0);
    expect(read.links).toEqual(all.links);
    expect(read.lists).toEqual([]);
    expect(read.nav).toEqual([]);
  });

  it('a page whose DOM outgrows the worker fails alone, with the reason; the pool reads on', async () => {
    // ~12 million elements: far more DOM than the worker's heap allows.
    const huge = Buffer.from(`<html><body>${'<p><b>政</b></p>'.repeat(4_000_000)}</body></html>`);
    const small = readFileSync(new URL(files[0]!, DIR));
    const [bad, after] = await Promise.allSettled([pool.read(huge, opts('huge.html')), pool.read(small, opts(files[0]!))]);
    expect(bad.status).toBe('rejected');
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/解析线程/);
    expect(after).toMatchObject({ status: 'fulfilled' });
    await expect(pool.read(small, opts(files[0]!))).resolves.toEqual(readPage(small, opts(files[0]!), 'walk'));
  }, 120_000);
});

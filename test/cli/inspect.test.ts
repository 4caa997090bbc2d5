import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const pages = new URL('../extract/pages/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', pages), 'utf8')) as {
  file: string;
  expected: string;
  url: string;
  contentType: string | null;
  at: string;
}[];
const entry = (f: string) => manifest.find((e) => e.file === f)!;

let server: Server;
let base: string;
beforeAll(async () => {
  // Serves one saved page with the Content-Type the manifest says it was served with.
  server = createServer((req, res) => {
    const e = manifest.find((m) => `/${m.file}` === req.url);
    if (!e) return void res.writeHead(404).end();
    res.writeHead(200, e.contentType ? { 'content-type': e.contentType } : {});
    res.end(readFileSync(new URL(e.file, pages)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('choucha inspect', () => {
  it.each(['trs-column-list.html', 'handmade-table-homepage.html', 'hanweb-article.html', 'trs-column-placeholder.html'])(
    '--json on a saved file equals the expected reading: %s',
    async (file) => {
      const e = entry(file);
      const r = await cli(['inspect', `test/extract/pages/${file}`, '--url', e.url, '--at', e.at, '--json']);
      expect(r.code).toBe(0);
      const got = JSON.parse(r.stdout);
      const want = JSON.parse(readFileSync(new URL(e.expected, pages), 'utf8'));
      expect({ ...got, notReadable: got.notReadable !== null }).toEqual({ ...want, notReadable: want.notReadable !== null });
    },
  );

  it('without --url, links are null rather than guessed', async () => {
    const r = await cli(['inspect', 'test/extract/pages/trs-column-list.html', '--at', '2026-12-01', '--json']);
    const got = JSON.parse(r.stdout);
    expect(got.columns[0].items.length).toBeGreaterThan(0);
    expect(got.columns[0].items.every((i: { url: unknown }) => i.url === null)).toBe(true);
  });

  it('a script-built list is reported as not readable, not as empty', async () => {
    const r = await cli(['inspect', 'test/extract/pages/scripted-list.html', '--at', '2026-12-01', '--json']);
    const got = JSON.parse(r.stdout);
    expect(got.columns).toEqual([]);
    expect(got.notReadable).toMatch(/脚本/);
  });

  it('prints Chinese labels for people', async () => {
    const r = await cli(['inspect', 'test/extract/pages/trs-column-placeholder.html', '--at', '2026-12-01']);
    expect(r.stdout).toContain('页面类型：栏目页');
    expect(r.stdout).toContain('空白');
  });

  it('fetches a URL through the address guard: refused without --allow-private', async () => {
    const refused = await cli(['inspect', `${base}trs-column-list.html`, '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/private|loopback/);
    const e = entry('header-utf8-body-gbk.html');
    const ok = await cli(['--allow-private', 'inspect', `${base}${e.file}`, '--at', e.at, '--json']);
    expect(ok.code).toBe(0);
    const want = JSON.parse(readFileSync(new URL(e.expected, pages), 'utf8'));
    expect(JSON.parse(ok.stdout).encoding).toBe(want.encoding);
    expect(JSON.parse(ok.stdout).title).toBe(want.title);
  });

  it('a missing file is bad input', async () => {
    const r = await cli(['inspect', 'no/such/page.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot read no/such/page.html');
  });
});

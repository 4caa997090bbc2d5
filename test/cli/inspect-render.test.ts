// inspect --render: Chromium runs the page's scripts; the page may talk only to its own host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import { cli } from '../helpers/cli.js';

let fleet: Fleet;
let other: Server;
let otherHits = 0;
let spy: Server;
let spyBase: string;

beforeAll(async () => {
  fleet = await startFleet({ at: '2026-12-01T10:00:00+08:00', sites: ['paged-notice'] });
  other = createServer((_q, r) => {
    otherHits++;
    r.end('[]');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/steal`;
  // A page whose script tries to reach another host (another port is another host to the browser).
  spy = createServer((_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    r.end(
      `<html><body><ul class="list" id="l"></ul><script>fetch(${JSON.stringify(otherUrl)}).catch(()=>{});new Image().src=${JSON.stringify(otherUrl)}+'.gif';</script></body></html>`,
    );
  });
  await new Promise<void>((r) => spy.listen(0, '127.0.0.1', r));
  spyBase = `http://127.0.0.1:${(spy.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await fleet.close();
  await new Promise((r) => other.close(r));
  await new Promise((r) => spy.close(r));
});

describe('choucha inspect --render', () => {
  it('reads a list built by script once rendered; without --render says it cannot', async () => {
    const url = `${fleet.sites[0]!.url}xxgk/sjfb/`;
    const plain = JSON.parse((await cli(['--allow-private', 'inspect', url, '--at', '2026-12-01', '--json'])).stdout);
    expect(plain.columns).toEqual([]);
    expect(plain.notReadable).toMatch(/脚本/);
    const r = await cli(['--allow-private', 'inspect', url, '--at', '2026-12-01', '--json', '--render']);
    expect(r.code).toBe(0);
    const rendered = JSON.parse(r.stdout);
    expect(rendered.notReadable).toBeNull();
    expect(rendered.columns).toHaveLength(1);
    expect(rendered.columns[0].name).toBe('数据发布');
    expect(rendered.columns[0].items.length).toBeGreaterThan(0);
    expect(rendered.columns[0].items.every((i: { date: string | null }) => /^\d{4}-\d{2}-\d{2}$/.test(i.date ?? ''))).toBe(true);
  });

  it('a rendered page cannot reach another host', async () => {
    otherHits = 0;
    const r = await cli(['--allow-private', 'inspect', spyBase, '--json', '--render']);
    expect(r.code).toBe(0);
    expect(otherHits).toBe(0);
  });

  it('a saved file with no --url renders offline: nothing is fetched', async () => {
    otherHits = 0;
    const r = await cli(['inspect', 'test/extract/pages/scripted-list.html', '--at', '2026-12-01', '--json', '--render']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).columns).toEqual([]);
  });
});

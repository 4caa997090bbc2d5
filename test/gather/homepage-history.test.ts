// Homepage history from real probes: a page whose printed dates move while its items stay the same is
// flagged from the stored probes alone; each item's first sighting is kept. Time is driven by the
// probes' recorded start (an injected clock), not by waiting.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { probeOnce } from '../../src/gather/probe/probe.js';
import { saveOutcome } from '../../src/gather/probe/probe-check.js';
import { homepageDates } from '../../src/rules/homepage-dates.js';
import { homepageHistory } from '../../src/store/homepage-history.js';
import { probesBetween } from '../../src/store/probes.js';
import { upsertSites } from '../../src/store/sites.js';
import type { Site } from '../../src/model/site.js';
import { ctx, site as artifacts } from '../helpers/artifacts.js';
import { harness, type Harness } from '../helpers/store.js';

let server: Server;
let h: Harness;
let page = '';
let s: Site;
const ID = '4311000009';
const list = (items: Array<[string, string]>) =>
  `<html><body><ul>${items.map(([t, d]) => `<li><a href="/a/${encodeURIComponent(t)}.html">${t}</a><span>${d}</span></li>`).join('')}</ul></body></html>`;

beforeAll(async () => {
  server = createServer((_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  h = harness(ctx.at);
  s = {
    id: ID,
    name: '测试',
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sponsor: null,
    level: null,
    region: null,
    parentId: null,
    status: 'running',
  } as Site;
  upsertSites(h.db, [s], 't.csv', new Date().toISOString());
});

afterAll(() => {
  h?.close();
  server?.close();
});

const probeAt = async (iso: string) =>
  saveOutcome(h.db, await probeOnce(s, { timeoutMs: 3000, guard: new AddressGuard(true), now: () => new Date(iso) }));

describe('homepage history', () => {
  it('dates that move on unchanged items are a notice; first sightings are stored', async () => {
    page = list([
      ['关于开展冬季安全生产检查的通知', '2026-11-27'],
      ['我区召开经济工作会议部署明年任务', '2026-11-26'],
    ]);
    await probeAt('2026-11-28T01:00:00.000Z');
    page = list([
      ['关于开展冬季安全生产检查的通知', '2026-11-30'],
      ['我区召开经济工作会议部署明年任务', '2026-11-29'],
    ]);
    await probeAt('2026-11-30T01:00:00.000Z');
    const probes = probesBetween(h.db, ID, '2026-11-20T00:00:00.000Z', '2026-12-02T00:00:00.000Z');
    const r = homepageDates.run(artifacts({ probes }), homepageDates.meta.options.parse({}), ctx);
    expect(r).toMatchObject({
      status: 'checked',
      findings: [{ code: 'dates-moved-items-same', evidence: { times: 1, lastRealChange: '2026-11-28T01:00:00.000Z' } }],
    });

    page = list([
      ['关于做好元旦春节期间有关工作的通知', '2026-11-30'],
      ['关于开展冬季安全生产检查的通知', '2026-11-30'],
    ]);
    await probeAt('2026-11-30T05:00:00.000Z');
    const history = homepageHistory(h.db, ID);
    expect(history.map((i) => [i.title, i.firstSeenAt]).sort()).toEqual(
      [
        ['关于开展冬季安全生产检查的通知', '2026-11-28T01:00:00.000Z'],
        ['我区召开经济工作会议部署明年任务', '2026-11-28T01:00:00.000Z'],
        ['关于做好元旦春节期间有关工作的通知', '2026-11-30T05:00:00.000Z'],
      ].sort(),
    );
  });
});

// The watcher follows the plan stored in the database: stopped and started again, it carries on with
// the same plan; a probe that fell due while it was stopped is recorded as missed, not taken late.
// The plan here is a few seconds long; nothing is asserted about timing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { probeWatch } from '../../src/gather/probe/probe-watch.js';
import { probePlan, probes } from '../../src/store/schema.js';
import { addPlan, planCounts } from '../../src/store/probe-plan.js';
import { homepageHistory } from '../../src/store/homepage-history.js';
import { upsertSites } from '../../src/store/sites.js';
import type { Site } from '../../src/model/site.js';
import { harness, type Harness } from '../helpers/store.js';

let server: Server;
let h: Harness;
const ID = '4311000001';

beforeAll(async () => {
  server = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<ul><li><a href="/a/1.html">关于开展冬季安全生产检查的通知</a> 2026-11-20</li></ul>'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  h = harness('2026-11-23T00:00:00Z');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  upsertSites(
    h.db,
    [{ id: ID, name: '测试', url, sponsor: null, level: null, region: null, parentId: null, status: 'running' } as Site],
    't.csv',
    new Date().toISOString(),
  );
  h.check = h.ensure();
});

afterAll(() => {
  h?.close();
  server?.close();
});

const base = {
  perDay: 86_400,
  seed: 'w',
  timeoutMs: 2000,
  concurrency: 4,
  maxLateMs: 60_000,
  guard: new AddressGuard(true),
  maxSleepMs: 100,
};

describe('probe --watch', () => {
  it('stopped after its first probe and started again, it carries on with the stored plan', async () => {
    const stop = new AbortController();
    const first = await probeWatch(h.db, h.check, { ...base, days: 4 / 86_400, signal: stop.signal, onProbe: () => stop.abort() });
    expect(first).toMatchObject({ planned: 4, taken: 1 });
    const plan = h.db
      .select()
      .from(probePlan)
      .orderBy(probePlan.dueAt)
      .all()
      .map((r) => r.dueAt);

    const second = await probeWatch(h.db, h.check, { ...base, days: 4 / 86_400 });
    expect(second.planned).toBe(0); // the plan it found, not a new one
    expect(
      h.db
        .select()
        .from(probePlan)
        .orderBy(probePlan.dueAt)
        .all()
        .map((r) => r.dueAt),
    ).toEqual(plan);
    expect(second.taken + second.missed).toBe(3);
    const counts = planCounts(h.db);
    expect(counts.planned).toBe(4);
    expect(h.db.select().from(probes).all()).toHaveLength(counts.taken);
    expect(homepageHistory(h.db, ID).map((i) => i.title)).toEqual(['关于开展冬季安全生产检查的通知']);
  }, 30_000);

  it('a planned probe long overdue is missed, not taken late', async () => {
    const before = h.db.select().from(probes).all().length;
    addPlan(h.db, [{ siteId: ID, dueAt: new Date(Date.now() - 3_600_000).toISOString() }]);
    const r = await probeWatch(h.db, h.check, { ...base, days: 1 / 86_400 });
    expect(r.missed).toBeGreaterThanOrEqual(1);
    expect(h.db.select().from(probes).all().length - before).toBe(r.taken);
  }, 30_000);
});

// Every probe keeps where it was taken from, so the rule can tell one vantage's failure from the site's.
import { hostname } from 'node:os';
import { expect, it } from 'vitest';
import { probesBetween, saveProbe } from '../../src/store/probes.js';
import { harness, siteRow } from '../helpers/store.js';

it('stores the vantage with each probe and reads it back; older rows read as null', () => {
  const h = harness('2026-12-01T10:00:00+08:00');
  try {
    h.register([siteRow('4301000001', 'http://a.gov.cn/', 'A')]);
    const probe = (startedAt: string, vantage: string | null) =>
      saveProbe(h.db, {
        siteId: '4301000001',
        url: 'http://a.gov.cn/',
        startedAt,
        ok: true,
        status: 200,
        ms: 10,
        bytes: 100,
        failure: null,
        error: null,
        vantage,
      });
    probe('2026-11-30T01:00:00.000Z', 'changsha-1');
    probe('2026-11-30T02:00:00.000Z', hostname());
    probe('2026-11-30T03:00:00.000Z', null);
    const read = probesBetween(h.db, '4301000001', '2026-11-29T00:00:00Z', '2026-12-01T00:00:00Z');
    expect(read.map((p) => p.vantage)).toEqual(['changsha-1', hostname(), null]);
  } finally {
    h.close();
  }
});

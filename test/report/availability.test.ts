import { describe, expect, it } from 'vitest';
import { availability } from '../../src/report/availability.js';
import type { ProbeArtifact } from '../../src/model/artifacts.js';

const W = { windowDays: 7, from: '2026-11-24T02:00:00.000Z', to: '2026-12-01T03:00:00.000Z' };
const p = (hour: number, ok: boolean): ProbeArtifact => ({
  startedAt: new Date(Date.parse('2026-11-25T00:00:00Z') + hour * 3_600_000).toISOString(),
  ok,
  status: ok ? 200 : null,
  ms: 100,
  failure: ok ? null : 'timeout',
  error: null,
});

describe('availability', () => {
  it('counts probes and failures and finds the longest outage, to the probe that found the site back', () => {
    const a = availability([p(0, true), p(1, false), p(2, true), p(3, false), p(4, false), p(5, false), p(6, true), p(7, false)], W);
    expect(a).toMatchObject({ probes: 8, failures: 5, ratio: 5 / 8 });
    expect(a.longestOutage).toEqual({ from: p(3, false).startedAt, recoveredAt: p(6, true).startedAt, probes: 3, minutes: 180 });
  });

  it('an outage still going at the last probe has no recovery', () => {
    const a = availability([p(2, false), p(0, true), p(1, false)], W);
    expect(a.longestOutage).toEqual({ from: p(1, false).startedAt, recoveredAt: null, probes: 2, minutes: 60 });
  });

  it('no probes: no ratio, no outage', () => {
    expect(availability([], W)).toEqual({
      ...W,
      probes: 0,
      valid: 0,
      failures: 0,
      ratio: null,
      longestOutage: null,
      excluded: { vantage: 0, blocked: 0 },
      lostWindows: [],
      byVantage: [],
    });
  });

  const at = (hour: number, vantage: string, failure: ProbeArtifact['failure'], error: string | null = null): ProbeArtifact => ({
    ...p(hour, failure === null),
    failure,
    error,
    vantage,
  });

  it("sets apart the probes lost to the checker's network or stopped by a firewall, and says which windows were lost", () => {
    const lost = '检查机无法解析外部域名（5 个常用域名中 0 个可解析）（dns: ENOTFOUND）';
    const a = availability(
      [
        at(0, 'a', null),
        at(1, 'a', 'vantage', lost),
        at(2, 'a', 'vantage', lost),
        at(3, 'a', null),
        at(4, 'a', 'blocked'),
        at(5, 'a', 'timeout'),
      ],
      W,
    );
    expect(a).toMatchObject({ probes: 6, valid: 3, failures: 1, ratio: 1 / 3, excluded: { vantage: 2, blocked: 1 } });
    expect(a.lostWindows).toEqual([
      {
        from: at(1, 'a', null).startedAt,
        to: at(2, 'a', null).startedAt,
        probes: 2,
        reason: '检查机无法解析外部域名（5 个常用域名中 0 个可解析）',
      },
    ]);
  });

  it('gives the figures per vantage; a failure another vantage did not see is not the site’s', () => {
    const a = availability([at(0, 'a', null), at(0, 'b', 'timeout'), at(5, 'a', 'timeout'), at(5, 'b', 'timeout')], W);
    expect(a).toMatchObject({ probes: 4, valid: 3, failures: 2, excluded: { vantage: 1, blocked: 0 } });
    expect(a.byVantage).toEqual([
      { vantage: 'a', probes: 2, valid: 2, failures: 1 },
      { vantage: 'b', probes: 2, valid: 2, failures: 2 },
    ]);
  });
});

// Per-host lanes: how many requests a host has in flight and how soon after one another they start,
// with the gate (overall limits, a site's time budget) deciding the rest.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostLanes, type LaneGate } from '../../../src/gather/crawl/politeness.js';

interface TestJob {
  host: string;
  name: string;
}

/** A gate that starts everything, records when, and can be told to hold or drop jobs. */
class Recorder implements LaneGate<TestJob> {
  starts: Array<[string, number]> = [];
  dropped: string[] = [];
  room = Infinity;
  drop = new Set<string>();
  mayStart(): boolean {
    return this.starts.length < this.room;
  }
  keep(job: TestJob): boolean {
    if (!this.drop.has(job.name)) return true;
    this.dropped.push(job.name);
    return false;
  }
  start(job: TestJob): void {
    this.starts.push([job.name, Date.now()]);
  }
  names(): string[] {
    return this.starts.map(([n]) => n);
  }
}

const T0 = 1_000_000;
const job = (host: string, name: string): TestJob => ({ host, name });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('host lanes', () => {
  it('starts jobs of one host `delayMs` apart, in order, by its own timer', () => {
    const gate = new Recorder();
    const lanes = new HostLanes(4, 200, gate);
    for (const n of ['a1', 'a2', 'a3']) lanes.add(job('a.gov.cn', n));
    lanes.pump();
    expect(gate.names()).toEqual(['a1']);
    vi.advanceTimersByTime(199);
    expect(gate.names()).toEqual(['a1']);
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(200);
    expect(gate.starts).toEqual([
      ['a1', T0],
      ['a2', T0 + 200],
      ['a3', T0 + 400],
    ]);
    lanes.close();
  });

  it('keeps at most `perHost` requests in flight on a host; one settling lets the next start', () => {
    const gate = new Recorder();
    const lanes = new HostLanes(2, 0, gate);
    for (const n of ['a1', 'a2', 'a3']) lanes.add(job('a.gov.cn', n));
    lanes.pump();
    vi.advanceTimersByTime(1000);
    expect(gate.names()).toEqual(['a1', 'a2']);
    lanes.settled('a.gov.cn');
    lanes.pump();
    expect(gate.names()).toEqual(['a1', 'a2', 'a3']);
    lanes.close();
  });

  it('does not hold one host back for another', () => {
    const gate = new Recorder();
    const lanes = new HostLanes(1, 500, gate);
    lanes.add(job('a.gov.cn', 'a1'));
    lanes.add(job('a.gov.cn', 'a2'));
    lanes.add(job('b.gov.cn', 'b1'));
    lanes.pump();
    expect(gate.names()).toEqual(['a1', 'b1']);
    lanes.close();
  });

  it('a lane the gate holds waits without a timer, and moves on the next pump', () => {
    const gate = new Recorder();
    gate.room = 1;
    const lanes = new HostLanes(2, 0, gate);
    lanes.add(job('a.gov.cn', 'a1'));
    lanes.add(job('b.gov.cn', 'b1'));
    lanes.pump();
    expect(gate.names()).toEqual(['a1']);
    expect(vi.getTimerCount()).toBe(0);
    gate.room = 2;
    lanes.pump();
    expect(gate.names()).toEqual(['a1', 'b1']);
  });

  it('a job the gate drops takes no turn of its host: the next one starts at once', () => {
    const gate = new Recorder();
    gate.drop.add('a1');
    const lanes = new HostLanes(1, 500, gate);
    lanes.add(job('a.gov.cn', 'a1'));
    lanes.add(job('a.gov.cn', 'a2'));
    lanes.pump();
    expect(gate.dropped).toEqual(['a1']);
    expect(gate.starts).toEqual([['a2', T0]]);
    lanes.close();
  });

  it('close stops the delay timer', () => {
    const gate = new Recorder();
    const lanes = new HostLanes(2, 200, gate);
    lanes.add(job('a.gov.cn', 'a1'));
    lanes.add(job('a.gov.cn', 'a2'));
    lanes.pump();
    expect(vi.getTimerCount()).toBe(1);
    lanes.close();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(gate.names()).toEqual(['a1']);
  });
});

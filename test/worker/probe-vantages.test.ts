// Which probe vantages a coordinator waits on: those subscribed to the rounds with a live worker taking
// from their queue (pg-boss's instance registry), or joined too lately for their worker to be listed yet.
// A vantage with neither leaves the rounds, and what waits in its queue goes with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  goneVantages,
  JOIN_GRACE_MS,
  joinVantage,
  leaveVantage,
  PROBE_EVENT,
  probeQueueOf,
  vantageStates,
} from '../../src/worker/probe-jobs.js';
import { openQueue, pendingJobs, type QueueHandle } from '../../src/worker/queue.js';
import { emptyPgDatabase, PG_SERVER } from '../helpers/pg.js';

const state = (queue: string, taken: boolean, joinedMsAgo: number) => ({ queue, taken, joinedMsAgo });

describe('gone vantages', () => {
  const old = JOIN_GRACE_MS + 1;

  it('is a vantage that no live worker takes from, joined longer ago than the grace', () => {
    expect(goneVantages([state('q.east', false, old), state('q.west', true, old)], null)).toEqual(['q.east']);
  });

  it('is not a vantage that has only just joined, nor the coordinator’s own', () => {
    expect(goneVantages([state('q.new', false, JOIN_GRACE_MS - 1)], null)).toEqual([]);
    expect(goneVantages([state('q.own', false, old)], 'q.own')).toEqual([]);
  });
});

describe.skipIf(!PG_SERVER)('vantage states on PostgreSQL', { timeout: 60_000 }, () => {
  let coordinator: QueueHandle;
  let worker: QueueHandle;
  let url: string;

  beforeAll(async () => {
    url = emptyPgDatabase().url;
    coordinator = await openQueue(url, (e) => {
      throw e;
    });
    worker = await openQueue(url, (e) => {
      throw e;
    });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await coordinator?.stop();
  });

  it('reads a joined vantage as taken once a worker of it is listed, and an idle one as not', async () => {
    const east = await joinVantage(worker.boss, 'east');
    await joinVantage(coordinator.boss, 'idle');
    await worker.boss.work(east, async () => {});
    // The registry lists a worker's queues at its next beat.
    let states = await vantageStates(coordinator.boss);
    for (let i = 0; i < 60 && !states.find((s) => s.queue === east)?.taken; i++) {
      await new Promise((r) => setTimeout(r, 500));
      states = await vantageStates(coordinator.boss);
    }
    expect(states.map((s) => [s.queue, s.taken])).toEqual([
      [east, true],
      [probeQueueOf('idle'), false],
    ]);
    for (const s of states) expect(s.joinedMsAgo).toBeLessThan(JOIN_GRACE_MS);
  });

  it('takes a vantage that leaves off the rounds, with the jobs waiting in its queue', async () => {
    const idle = probeQueueOf('idle');
    await coordinator.boss.publish(PROBE_EVENT, { checkId: 1, round: 1, siteIds: ['a'], timeoutMs: 1000 });
    expect(await pendingJobs(coordinator.boss, [idle], { checkId: 1 })).toHaveLength(1);
    await leaveVantage(coordinator.boss, idle);
    expect((await vantageStates(coordinator.boss)).map((s) => s.queue)).toEqual([probeQueueOf('east')]);
    expect(await pendingJobs(coordinator.boss, [idle], { checkId: 1 })).toHaveLength(0);
  });
});

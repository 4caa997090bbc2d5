// The queue as workers and coordinators use it, on a real PostgreSQL: jobs queued once per key, the
// pending jobs a coordinator waits on, a queue made before NOTIFY turned on for it, and a batch whose
// jobs are settled one by one.
import type { Job } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Check } from '../../src/store/checks.js';
import type { Site } from '../../src/model/site.js';
import { enqueueCrawls } from '../../src/worker/crawl-jobs.js';
import { batchedWork, CRAWL_QUEUE, ensureQueue, openQueue, pendingJobs, type QueueHandle, settleEach } from '../../src/worker/queue.js';
import { emptyPgDatabase, PG_SERVER } from '../helpers/pg.js';

const site = (id: string, url: string) => ({ id, url }) as Site;
const check = { id: 7 } as Check;

describe('batched work and per-job outcomes', () => {
  it('takes a worker’s jobs in hand with two pollers, each a batch', () => {
    expect(batchedWork(32)).toMatchObject({ localConcurrency: 2, batchSize: 16, perJobResults: true });
    expect(batchedWork(5)).toMatchObject({ localConcurrency: 2, batchSize: 3 });
    expect(batchedWork(1)).toMatchObject({ localConcurrency: 1, batchSize: 1 });
    expect(batchedWork(32, 8)).toMatchObject({ localConcurrency: 8, batchSize: 4 });
  });

  it('fails the job that threw, and only that one', async () => {
    const jobs = ['a', 'b', 'c'].map((id) => ({ id, name: 'q', data: { n: id } }) as unknown as Job<{ n: string }>);
    const out = await settleEach(jobs, async (j) => {
      if (j.data.n === 'b') throw new Error('site down');
    });
    expect(out).toEqual([
      { id: 'a', status: 'completed' },
      { id: 'b', status: 'failed', output: { message: 'site down' } },
      { id: 'c', status: 'completed' },
    ]);
  });
});

describe.skipIf(!PG_SERVER)('the queue on PostgreSQL', () => {
  let queue: QueueHandle;
  beforeAll(async () => {
    queue = await openQueue(emptyPgDatabase().url, (e) => {
      throw e;
    });
  }, 60_000);
  afterAll(async () => {
    await queue?.stop();
  });

  it('queues a site’s crawl once, and says how many jobs were new', async () => {
    const sites = [site('s1', 'http://a.example/'), site('s2', 'http://a.example/x/'), site('s3', 'http://b.example/')];
    expect(await enqueueCrawls(queue.boss, check, sites, {})).toBe(3);
    expect(await enqueueCrawls(queue.boss, check, [...sites, site('s4', 'http://c.example/')], {})).toBe(1);
  });

  it('reads the pending jobs of one check only, with what each is about', async () => {
    await enqueueCrawls(queue.boss, { id: 8 } as Check, [site('other', 'http://d.example/')], {});
    const pending = await pendingJobs(queue.boss, [CRAWL_QUEUE], { checkId: check.id });
    expect(pending.map((j) => j.siteId).sort()).toEqual(['s1', 's2', 's3', 's4']);
    expect(new Set(pending.map((j) => j.state))).toEqual(new Set(['created']));
  });

  it('leaves out the jobs already settled', async () => {
    const [job] = await queue.boss.fetch<{ siteId: string }>(CRAWL_QUEUE, { batchSize: 1 });
    await queue.boss.complete(CRAWL_QUEUE, job!.id);
    const pending = await pendingJobs(queue.boss, [CRAWL_QUEUE], { checkId: check.id });
    expect(pending.map((j) => j.siteId)).not.toContain(job!.data.siteId);
    expect(pending).toHaveLength(job!.data.siteId === 'other' ? 4 : 3);
  });

  it('turns NOTIFY on for a queue an earlier version made without it', async () => {
    await queue.boss.createQueue('made-before', { policy: 'standard' });
    expect((await queue.boss.getQueue('made-before'))?.notify).toBeFalsy();
    await ensureQueue(queue.boss, 'made-before', 'standard');
    expect((await queue.boss.getQueue('made-before'))?.notify).toBe(true);
  });
});

// `choucha functions` through the CLI on fixture sites: `run` measures and judges both checks; `run
// --render never` leaves the phone-width render and script-built search results unmeasured (the rules
// say why; a missing viewport is still reported); `functions` afterwards measures them, nothing twice,
// and the next check judges them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import type { Report } from '../../src/model/report.js';
import { cli } from '../helpers/cli.js';

const AT = '2026-12-01T10:00:00+08:00';
let fleet: Fleet;
let dir: string;

beforeAll(async () => {
  fleet = await startFleet({ at: AT, sites: ['healthy-trs', 'no-channel-table', 'near-miss-four-stale'] });
  dir = mkdtempSync(join(tmpdir(), 'choucha-functions-'));
  writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
});

afterAll(async () => {
  await fleet?.close();
});

const idOf = (key: string) => fleet.sites.find((s) => s.fixture.key === key)!.fixture.id;

describe('choucha functions', { timeout: 240_000 }, () => {
  it('measures what `run --render never` left, once, and the next check judges it', async () => {
    const db = ['--db', join(dir, 'c.db'), '--allow-private'];
    const q = ['--quarter', '2026Q4', '--at', AT];
    const run = await cli(
      [...db, 'run', ...q, '--registry', join(dir, 'registry.csv'), '--out', join(dir, 'a'), '--rounds', '1', '--delay', '0ms'],
      { timeoutMs: 200_000 },
    );
    expect(run.code, run.stderr).toBe(0);
    const site = (r: Report, key: string) => r.sites.find((s) => s.id === idOf(key))!;
    const rules = (r: Report, key: string, rule: string) =>
      [...site(r, key).findings, ...site(r, key).warnings].filter((f) => f.rule === rule).map((f) => f.code);
    const first = JSON.parse(readFileSync(join(dir, 'a', 'report.json'), 'utf8')) as Report;
    expect(rules(first, 'no-channel-table', 'mobile-friendly')).toEqual(['no-viewport', 'horizontal-scroll']);
    expect(rules(first, 'near-miss-four-stale', 'site-search')).toEqual(['not-found']);
    expect(rules(first, 'healthy-trs', 'mobile-friendly')).toEqual([]);
    expect(rules(first, 'healthy-trs', 'site-search')).toEqual([]);

    // A second database, rendering off: the width is not measured, and says why.
    const db2 = ['--db', join(dir, 'never.db'), '--allow-private'];
    const never = await cli(
      [
        ...db2,
        'run',
        ...q,
        '--registry',
        join(dir, 'registry.csv'),
        '--out',
        join(dir, 'b'),
        '--rounds',
        '1',
        '--delay',
        '0ms',
        '--render',
        'never',
        '--no-screenshots',
      ],
      { timeoutMs: 200_000 },
    );
    expect(never.code, never.stderr).toBe(0);
    expect(never.stderr).toContain('not rendered: 渲染已关闭（--render never）');
    const off = JSON.parse(readFileSync(join(dir, 'b', 'report.json'), 'utf8')) as Report;
    expect(rules(off, 'no-channel-table', 'mobile-friendly')).toEqual(['no-viewport']);
    expect(site(off, 'healthy-trs').notChecked.find((n) => n.rule === 'mobile-friendly')?.reason).toMatch(/--render never/);

    // Measured by the stage of its own, then judged.
    const requests = fleet.requests.length;
    const fn = await cli([...db2, 'functions', ...q], { timeoutMs: 120_000 });
    expect(fn.code, fn.stderr).toBe(0);
    expect(fn.stderr).toMatch(/functions: mobile: 3 measured, 0 already done; search: 1 tried, 2 already done/);
    expect(fleet.requests.length).toBeGreaterThan(requests);
    const again = await cli([...db2, 'functions', ...q], { timeoutMs: 120_000 });
    expect(again.stderr).toMatch(/functions: mobile: 0 measured, 3 already done; search: 0 tried, 3 already done/);
    expect((await cli([...db2, 'check', ...q])).code).toBe(0);
    expect((await cli([...db2, 'report', ...q, '--format', 'json', '--out', join(dir, 'c')])).code).toBe(0);
    const judged = JSON.parse(readFileSync(join(dir, 'c', 'report.json'), 'utf8')) as Report;
    expect(rules(judged, 'no-channel-table', 'mobile-friendly')).toEqual(['no-viewport', 'horizontal-scroll']);
    // The search whose results needed the browser was tried again with it.
    expect(rules(off, 'near-miss-four-stale', 'site-search')).toEqual([]);
    expect(site(off, 'near-miss-four-stale').notChecked.find((n) => n.rule === 'site-search')?.reason).toMatch(/脚本生成/);
    expect(rules(judged, 'near-miss-four-stale', 'site-search')).toEqual(['not-found']);
    expect(site(judged, 'healthy-trs').notChecked.find((n) => n.rule === 'mobile-friendly')).toBeUndefined();
  });
});

// How stages report progress: plain lines off a terminal (CI), JSON lines with --json, nothing with
// --quiet; the data on stdout is never mixed with it.
import { describe, expect, it } from 'vitest';
import { logMode, Progress } from '../../src/cli/progress.js';

function capture(fn: () => void): string {
  const write = process.stderr.write.bind(process.stderr);
  let out = '';
  process.stderr.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stderr.write;
  try {
    fn();
  } finally {
    process.stderr.write = write;
  }
  return out;
}

describe('progress', () => {
  it('picks a bar on a terminal, lines in CI or a file, JSON with --json, nothing with --quiet', () => {
    const ci = process.env.CI;
    delete process.env.CI;
    try {
      expect(logMode({}, { isTTY: true })).toBe('bar');
      expect(logMode({}, { isTTY: false })).toBe('lines');
      process.env.CI = 'true';
      expect(logMode({}, { isTTY: true })).toBe('lines');
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
    expect(logMode({ json: true }, { isTTY: true })).toBe('json');
    expect(logMode({ quiet: true, json: true }, { isTTY: true })).toBe('quiet');
  });

  it('prints a plain line at the start and per tenth in CI, and the closing summary', () => {
    const out = capture(() => {
      const p = new Progress({}, 'crawl', 20, 'sites');
      for (let i = 0; i < 20; i++) p.tick(`site-${i}`);
      p.finish('crawl: 20 sites crawled');
    });
    const lines = out.trim().split('\n');
    expect(lines.at(-1)).toBe('crawl: 20 sites crawled');
    expect(lines.slice(0, -1)).toHaveLength(11);
    expect(lines[0]).toBe('crawl: 1/20 sites (5%) site-0');
    expect(lines[1]).toBe('crawl: 2/20 sites (10%) site-1');
    expect(lines.at(-2)).toBe('crawl: 20/20 sites (100%) site-19');
  });

  it('writes one JSON object per event with --json', () => {
    const out = capture(() => {
      const p = new Progress({ json: true }, 'check', 2, 'sites');
      p.tick('4300000012');
      p.tick('4300000013');
      p.finish('check: 2 sites judged', { judged: 2 });
    });
    const events = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => [e.level, e.stage, e.done ?? null])).toEqual([
      ['progress', 'check', 1],
      ['progress', 'check', 2],
      ['info', 'check', null],
    ]);
    expect(events[2]).toMatchObject({ message: 'check: 2 sites judged', judged: 2 });
  });

  it('says nothing with --quiet', () => {
    expect(
      capture(() => {
        const p = new Progress({ quiet: true }, 'crawl', 3, 'sites');
        p.tick();
        p.finish('done');
      }),
    ).toBe('');
  });
});

// The bundle (scripts/build.mjs) is what `choucha` runs after `npm ci`: it must judge exactly as the
// source does (rules, lexicons, migrations and the parse worker all found from it), and bin/choucha.js
// must never run it stale.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import type { Report } from '../../src/model/report.js';
import { readValidReport } from '../helpers/report-schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AT = '2026-12-01T10:00:00+08:00';
const SITES = ['healthy-trs', 'content-errors', 'gbk-fresh', 'paged-notice'];

describe('the bundle', () => {
  let fleet: Fleet;
  let work: string;
  let bundleDir: string;

  beforeAll(async () => {
    fleet = await startFleet({ at: AT, sites: SITES });
    work = mkdtempSync(join(tmpdir(), 'choucha-bundle-'));
    writeFileSync(join(work, 'registry.csv'), fleet.registryCsv());
    // Beside src/, as dist/ is: a private folder, so the suite's own dist/ is left alone.
    bundleDir = mkdtempSync(join(ROOT, '.bundle-test-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), bundleDir]);
  }, 60_000);

  afterAll(async () => {
    rmSync(bundleDir, { recursive: true, force: true });
    await fleet?.close();
  });

  // Asynchronous: the fixture sites are served from this process.
  async function runWith(entry: string[], env: Record<string, string>, name: string) {
    const db = join(work, `${name}.db`);
    const out = join(work, name);
    const go = async (args: string[]) => {
      const child = spawn(process.execPath, [...entry, '--db', db, '--allow-private', '--quiet', ...args], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise((r) => child.on('close', r));
      expect(code, stderr).toBe(0);
    };
    await go([
      'run',
      '--links',
      'internal',
      '--registry',
      join(work, 'registry.csv'),
      '--quarter',
      '2026Q4',
      '--at',
      AT,
      '--rounds',
      '1',
      '--no-screenshots',
      '--format',
      'json',
      '--out',
      out,
      '--render',
      'never',
    ]);
    const r = readValidReport<Report>(join(out, 'report.json'));
    return r.sites
      .map((s) => ({
        id: s.id,
        verdict: s.verdict,
        score: s.score,
        crawl: s.crawl,
        findings: s.findings.map((f) => `${f.rule} ${f.code} ${f.points} ${f.fingerprint}`).sort(),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  it('judges every site exactly as the source does', async () => {
    const fromBundle = await runWith([join(bundleDir, 'choucha.mjs')], { CHOUCHA_CLI: '1' }, 'bundle');
    const fromSource = await runWith([join(ROOT, 'bin/choucha.js')], { CHOUCHA_FROM_SOURCE: '1' }, 'source');
    expect(fromBundle.length).toBe(SITES.length);
    expect(fromBundle.every((s) => s.crawl.state === 'complete')).toBe(true);
    expect(fromBundle).toEqual(fromSource);
  }, 600_000);
});

describe('bin/choucha.js', () => {
  // A copy of bin/ with stand-ins for the bundle and the source, inside the project so tsx resolves.
  let dir: string;
  const touch = (p: string, secondsAgo: number) =>
    utimesSync(p, new Date(Date.now() - secondsAgo * 1000), new Date(Date.now() - secondsAgo * 1000));
  const which = (env: Record<string, string> = {}) =>
    execFileSync(process.execPath, [join(dir, 'bin/choucha.js')], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim();

  beforeAll(() => {
    dir = mkdtempSync(join(ROOT, '.bin-test-'));
    for (const d of ['bin', 'dist', 'src/cli']) mkdirSync(join(dir, d), { recursive: true });
    copyFileSync(join(ROOT, 'bin/choucha.js'), join(dir, 'bin/choucha.js'));
    writeFileSync(join(dir, 'dist/choucha.mjs'), "console.log('bundle');\n");
    writeFileSync(join(dir, 'dist/parse-worker.mjs'), '\n');
    writeFileSync(join(dir, 'src/cli/main.ts'), "const from: string = 'source';\nconsole.log(from);\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle when it is newer than every source file', () => {
    touch(join(dir, 'src/cli/main.ts'), 60);
    touch(join(dir, 'dist/choucha.mjs'), 10);
    touch(join(dir, 'dist/parse-worker.mjs'), 10);
    expect(which()).toBe('bundle');
  });

  it('runs the source when any source file was changed after the build', () => {
    touch(join(dir, 'dist/choucha.mjs'), 60);
    touch(join(dir, 'dist/parse-worker.mjs'), 60);
    touch(join(dir, 'src/cli/main.ts'), 10);
    expect(which()).toBe('source');
  });

  it('runs the source when the worker bundle is older than the source, or when asked to', () => {
    touch(join(dir, 'src/cli/main.ts'), 30);
    touch(join(dir, 'dist/choucha.mjs'), 10);
    touch(join(dir, 'dist/parse-worker.mjs'), 60);
    expect(which()).toBe('source');
    touch(join(dir, 'dist/parse-worker.mjs'), 10);
    expect(which({ CHOUCHA_FROM_SOURCE: '1' })).toBe('source');
  });
});

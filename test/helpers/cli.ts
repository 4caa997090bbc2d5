// Runs the real CLI in a child process, as a user or a CI job would.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/choucha.js', import.meta.url));
const FULL_DISK = new URL('./full-disk.mjs', import.meta.url).href;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(
  args: string[],
  /** `fullDiskPages`: every database the CLI opens is full past that many pages (helpers/full-disk.mjs). */
  opts: { timeoutMs?: number; stdin?: string | Buffer; env?: Record<string, string>; fullDiskPages?: number; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const preload = opts.fullDiskPages === undefined ? [] : ['--import', `${FULL_DISK}?pages=${opts.fullDiskPages}`];
    const child = spawn(process.execPath, [...preload, BIN, ...args], {
      stdio: [opts.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env },
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
    });
    if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

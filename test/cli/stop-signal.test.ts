// A long-running command asked to stop by SIGTERM stops as it chooses, even with signal-exit loaded
// (crawlee's storage loads it through proper-lockfile). signal-exit sends a signal again when it finds
// itself its only listener; a once-listener was gone by then, and the process died with 143.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const HELPER = fileURLToPath(new URL('../../src/cli/stop-signal.ts', import.meta.url));

/** A child that registers a stop listener (ours, or a bare once-listener), loads signal-exit, and waits for SIGTERM. */
function child(kind: 'helper' | 'once'): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(${JSON.stringify(import.meta.url)});
    const stop = () => { console.log('stopping'); setTimeout(() => process.exit(0), 50); };
    if (${JSON.stringify(kind)} === 'helper') (await import(${JSON.stringify(HELPER)})).onStopSignal(stop);
    else process.once('SIGTERM', stop);
    require('signal-exit')(() => {});
    console.log('ready');
    setInterval(() => {}, 1000);
  `;
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      if (out.includes('ready') && !c.killed) c.kill('SIGTERM');
    });
    c.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

describe('a stop signal with signal-exit loaded', () => {
  it('reaches the command, which exits as it chooses', async () => {
    const r = await child('helper');
    expect(r.out).toContain('stopping');
    expect(r).toMatchObject({ code: 0, signal: null });
  });

  it('kills a process whose only listener was a once-listener (what the worker had)', async () => {
    const r = await child('once');
    expect(r.signal).toBe('SIGTERM');
  });
});

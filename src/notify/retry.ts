// A delivery tried again with growing pauses when the failure may pass (a timeout, a refused
// connection, 5xx, 429, an SMTP 4xx), and given up at once when a retry would be refused the same
// way (a bad signature or address, an SMTP 5xx). Every failure is logged; none is thrown.
import { setTimeout as sleep } from 'node:timers/promises';
import type { RetryPolicy } from './config.js';

/** A failed delivery, saying whether trying again could help. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Where notify says what it did; `warn` for a delivery that failed, which is said even with --quiet. */
export type NotifyLog = (line: string, level?: 'info' | 'warn') => void;

export type Outcome = { delivered: true; attempts: number } | { delivered: false; attempts: number; error: string };

/** The pause before attempt `n + 1`: the policy's delay, doubled each time, at most its maxDelay. */
function backoffMs(policy: RetryPolicy, n: number): number {
  return Math.min(policy.delayMs * 2 ** (n - 1), policy.maxDelayMs);
}

const seconds = (ms: number) => (ms < 1000 ? `${ms}ms` : `${Math.round(ms / 100) / 10}s`);

export async function withRetry(what: string, attempt: () => Promise<void>, policy: RetryPolicy, log: NotifyLog): Promise<Outcome> {
  for (let n = 1; ; n++) {
    try {
      await attempt();
      if (n > 1) log(`notify: ${what}: delivered on attempt ${n}`);
      return { delivered: true, attempts: n };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      // Anything that is not a DeliveryError is unexpected: tried again, as a passing fault would be.
      const retryable = !(e instanceof DeliveryError) || e.retryable;
      if (!retryable) {
        log(`notify: ${what}: not delivered: ${error} (not retried: it would be refused the same way)`, 'warn');
        return { delivered: false, attempts: n, error };
      }
      if (n >= policy.attempts) {
        log(`notify: ${what}: not delivered after ${n} attempt${n > 1 ? 's' : ''}: ${error}`, 'warn');
        return { delivered: false, attempts: n, error };
      }
      const pause = backoffMs(policy, n);
      log(`notify: ${what}: attempt ${n} of ${policy.attempts} failed: ${error}; trying again in ${seconds(pause)}`, 'warn');
      await sleep(pause);
    }
  }
}

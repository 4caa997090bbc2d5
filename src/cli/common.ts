// What every command shares: the database flag, durations, output, and the address guard.
import { InputError } from '../errors.js';
import { logLine } from './progress.js';
import { AddressGuard } from '../gather/http/address-guard.js';
import { type Db, openDb } from '../store/db.js';

export interface GlobalOptions {
  db: string;
  allowPrivate?: boolean;
  quiet?: boolean;
  /** Stage commands: progress and notes as JSON lines on stderr. */
  json?: boolean;
}

export function open(opts: GlobalOptions, create = false): Db {
  return openDb(opts.db, { create });
}

export function guard(opts: GlobalOptions): AddressGuard {
  return new AddressGuard(opts.allowPrivate === true);
}

/** Progress and notes go to stderr so that data on stdout stays clean; JSON lines with --json. */
export function say(opts: GlobalOptions, line: string): void {
  logLine(opts, line);
}

export function parseDuration(s: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new InputError(`Bad ${flag} "${s}"`, 'A duration is a number with ms, s, m or h, e.g. 15s or 72m.');
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit]!;
}

export function parseCount(s: string, flag: string, min = 1): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < min) throw new InputError(`Bad ${flag} "${s}"`, `Expected a whole number of at least ${min}.`);
  return n;
}

export function nowIso(): string {
  return new Date().toISOString();
}

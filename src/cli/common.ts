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
  vantage?: string;
  canaries?: string;
}

/** Where probes are taken from and how this machine's network is told apart from a site's (gather/http/vantage.ts). */
export function vantageOf(opts: GlobalOptions): { vantage?: string; canaries?: string[] } {
  const out: { vantage?: string; canaries?: string[] } = {};
  if (opts.vantage !== undefined) {
    if (!/^[\w.-]{1,64}$/.test(opts.vantage))
      throw new InputError(`Bad --vantage "${opts.vantage}"`, 'A vantage is a short name: letters, digits, dot, dash or underscore.');
    out.vantage = opts.vantage;
  }
  if (opts.canaries !== undefined) {
    const names =
      opts.canaries.trim() === 'none'
        ? []
        : opts.canaries
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean);
    const bad = names.find((n) => !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(n));
    if (bad !== undefined || (names.length === 0 && opts.canaries.trim() !== 'none'))
      throw new InputError(
        `Bad --canaries "${opts.canaries}"`,
        "Expected host names separated by commas, e.g. www.gov.cn,www.baidu.com, or 'none'.",
      );
    out.canaries = names;
  }
  return out;
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

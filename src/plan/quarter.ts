// Quarters (2026Q4) and tiers: the identity of a check.
import { InputError } from '../errors.js';

import { TIERS, type Tier } from '../model/tier.js';

export function parseQuarter(q: string): string {
  const m = /^(\d{4})[Qq]([1-4])$/.exec(q.trim());
  if (!m) throw new InputError(`Bad --quarter "${q}"`, 'A quarter is written YYYYQn, e.g. 2026Q4.');
  return `${m[1]}Q${m[2]}`;
}

export function parseTier(t: string): Tier {
  if ((TIERS as readonly string[]).includes(t)) return t as Tier;
  throw new InputError(`Bad --tier "${t}"`, `Expected one of: ${TIERS.join(', ')}.`);
}

/** --at takes an ISO instant; without a zone it is read as China Standard Time. */
export function parseAt(at: string): string {
  const s = at.trim();
  const withZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(s) ? s : /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00+08:00` : `${s}+08:00`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) throw new InputError(`Bad --at "${at}"`, 'Expected an ISO date or instant, e.g. 2026-12-01T10:00:00+08:00.');
  return new Date(ms).toISOString();
}

/** The quarter a calendar day (YYYY-MM-DD, China time) falls in: 2026-11-20 → 2026Q4. */
export function quarterOfDay(day: string): string {
  return `${day.slice(0, 4)}Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

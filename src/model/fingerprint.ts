// A finding's fingerprint: the id staff copy into the ignore list (复核) and tiers compare findings by.
//
// fingerprint = first 16 hex digits of SHA-256 over the JSON array
//   [rule, code, site id, url, key evidence]
// where the key evidence is the few evidence fields that name *what* is wrong (KEY_EVIDENCE below),
// never counts, dates measured from `at` or screenshots, so the same defect found again next
// quarter has the same fingerprint. Where the finding's URL is only the first of many pages showing
// the defect (a typo, a dead link carried by several pages), the URL is left out (null): the key
// evidence names the defect, and a re-crawl that meets the pages in another order changes nothing.
// A person's finding (source `manual`) has no evidence fields to key on: what they wrote names it,
//   [rule, code, site id, url, "manual", message]
// so two typos one inspector reported on one page are two findings, and one can be ignored alone.
import { createHash } from 'node:crypto';
import type { FindingSource } from './finding.js';

const KEY_EVIDENCE: Record<string, string[]> = {
  'link-broken': ['target'],
  typo: ['wrong', 'suggestion'],
  'serious-error': ['wrong', 'suggestion'],
  'site-identity': ['shown'],
  'state-council-missing': ['document'],
};

const URL_IS_AN_EXAMPLE = new Set(['link-broken', 'typo', 'serious-error']);

export interface Fingerprintable {
  rule: string;
  code: string;
  url: string | null;
  evidence: Record<string, unknown>;
  source?: FindingSource;
  message?: string;
}

export function fingerprint(siteId: string, f: Fingerprintable): string {
  if (f.source === 'manual') return hash([f.rule, f.code, siteId, f.url, 'manual', f.message ?? '']);
  const key = (KEY_EVIDENCE[f.rule] ?? []).map((k) => f.evidence[k] ?? null);
  const url = URL_IS_AN_EXAMPLE.has(f.rule) ? null : f.url;
  return hash([f.rule, f.code, siteId, url, key]);
}

function hash(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

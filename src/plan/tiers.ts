// Tiers (梯次抽查): a higher tier re-checks what a lower tier called qualified and lists where they disagree.
// The lower tier's results come as its report.json (schemaVersion 1), validated on import.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { fingerprint } from '../model/fingerprint.js';
import { TIERS, type Tier } from '../model/tier.js';
import type { Disagreement, LowerReport, LowerSite } from '../model/report.js';

const findingSchema = z.object({
  rule: z.string(),
  code: z.string(),
  kind: z.string().optional(),
  url: z.string().nullable(),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()).default({}),
  fingerprint: z.string().optional(),
  ignored: z.unknown().optional(),
});

const reportSchema = z.object({
  schemaVersion: z.literal(1),
  quarter: z.string(),
  tier: z.enum(TIERS),
  sites: z.array(
    z.object({ id: z.string(), verdict: z.enum(['qualified', 'unqualified', 'not-checked']), findings: z.array(findingSchema) }),
  ),
});

export function readLowerReport(file: string): LowerReport {
  if (!existsSync(file)) throw new InputError(`${file}: no such file`, "A tier imports the lower tier's report.json.");
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const p = reportSchema.safeParse(data);
  if (!p.success) {
    const issue = p.error.issues[0]!;
    throw new InputError(
      `${file}: ${issue.message} (location: ${issue.path.join('.')})`,
      'Expected a report.json (schemaVersion 1) written by choucha report.',
    );
  }
  const r = p.data;
  return {
    file,
    quarter: r.quarter,
    tier: r.tier,
    sites: r.sites.map((s) => ({
      siteId: s.id,
      verdict: s.verdict,
      findings: s.findings
        .filter((f) => !f.ignored && f.kind !== 'notice')
        .map((f) => ({ rule: f.rule, code: f.code, url: f.url, message: f.message, fingerprint: f.fingerprint ?? fingerprint(s.id, f) })),
    })),
  };
}

/** The lower tier must be below the checking tier, and of the same quarter. */
export function assertBelow(lower: LowerReport, quarter: string, tier: Tier): void {
  if (TIERS.indexOf(lower.tier) >= TIERS.indexOf(tier)) {
    throw new InputError(
      `${lower.file}: a ${lower.tier} report cannot be re-checked by the ${tier} tier`,
      `Tiers from low to high: ${TIERS.join(', ')}.`,
    );
  }
  if (lower.quarter !== quarter)
    throw new InputError(`${lower.file}: the report is of ${lower.quarter}, the check of ${quarter}`, 'A tier re-checks the same quarter.');
}

interface UpperSite {
  id: string;
  name: string;
  verdict: string;
  findings: { rule: string; code: string; kind: string; url: string | null; message: string; fingerprint?: string; ignored?: unknown }[];
}

/**
 * Sites both tiers gave a verdict (qualified or unqualified) and the verdicts differ. A site the upper
 * tier could not check is not a disagreement: it is listed as not checked in the report already.
 */
export function disagreements(lower: { tier: string; sites: LowerSite[] }, upper: UpperSite[]): Disagreement[] {
  const byId = new Map(lower.sites.map((s) => [s.siteId, s]));
  const judged = (v: string) => v === 'qualified' || v === 'unqualified';
  const out: Disagreement[] = [];
  for (const u of upper) {
    const l = byId.get(u.id);
    if (!l || !judged(l.verdict) || !judged(u.verdict) || l.verdict === u.verdict) continue;
    const counted = u.findings
      .filter((f) => !f.ignored && f.kind !== 'notice')
      .map((f) => ({
        rule: f.rule,
        code: f.code,
        url: f.url,
        message: f.message,
        fingerprint: f.fingerprint ?? fingerprint(u.id, { ...f, evidence: {} }),
      }));
    const lowerFps = new Set(l.findings.map((f) => f.fingerprint));
    const upperFps = new Set(counted.map((f) => f.fingerprint));
    out.push({
      siteId: u.id,
      name: u.name,
      lowerTier: lower.tier,
      lowerVerdict: l.verdict,
      upperVerdict: u.verdict,
      onlyUpper: counted.filter((f) => !lowerFps.has(f.fingerprint)),
      onlyLower: l.findings.filter((f) => !upperFps.has(f.fingerprint)),
    });
  }
  return out;
}

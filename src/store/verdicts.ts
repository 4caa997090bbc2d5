// Findings and verdicts of a check, replaced per site whenever the check is judged again.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { findings, verdicts } from './schema.js';
import { textAsc } from './sqlite-order.js';
import type { FindingKind, ReportFinding, Verdict } from '../model/report.js';
import type { Judgement } from '../model/report.js';
import { fingerprint } from '../model/fingerprint.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function replaceFindings(tx: Tx, checkId: number, siteId: string, list: ReportFinding[]): void {
  tx.delete(findings)
    .where(and(eq(findings.checkId, checkId), eq(findings.siteId, siteId)))
    .run();
  for (const f of list) {
    tx.insert(findings)
      .values({
        checkId,
        siteId,
        rule: f.rule,
        code: f.code,
        kind: f.kind,
        points: f.points,
        url: f.url,
        message: f.message,
        evidence: f.evidence,
        ignored: f.ignored ?? null,
        source: f.source ?? 'checker',
        provenance: f.provenance ?? null,
      })
      .run();
  }
}

export function saveJudgement(db: Db, checkId: number, siteId: string, j: Judgement, now: string): void {
  db.transaction((tx) => {
    replaceFindings(tx, checkId, siteId, j.findings);
    const row = {
      verdict: j.verdict,
      score: j.score,
      vetoes: j.vetoes,
      notChecked: j.notChecked,
      notCheckedReason: j.notCheckedReason,
      judgedAt: now,
    };
    tx.insert(verdicts)
      .values({ checkId, siteId, ...row })
      .onConflictDoUpdate({ target: [verdicts.checkId, verdicts.siteId], set: row })
      .run();
  });
}

/** Findings of a site that gets no verdict (a closed site in scope): replaced whenever the check is judged. */
export function saveFindingsOnly(db: Db, checkId: number, siteId: string, list: ReportFinding[]): void {
  db.transaction((tx) => replaceFindings(tx, checkId, siteId, list));
}

/** Findings by site, verdict or not. */
export function findingsBySite(db: Db, checkId: number, titles: (rule: string) => string): Map<string, ReportFinding[]> {
  const fs = db.select().from(findings).where(eq(findings.checkId, checkId)).orderBy(asc(findings.id)).all();
  const bySite = new Map<string, ReportFinding[]>();
  for (const f of fs) {
    const list = bySite.get(f.siteId) ?? [];
    const source = f.source === 'manual' ? 'manual' : 'checker';
    list.push({
      rule: f.rule,
      code: f.code,
      title: titles(f.rule),
      kind: f.kind as FindingKind,
      points: f.points,
      url: f.url,
      message: f.message,
      evidence: f.evidence as Record<string, unknown>,
      fingerprint: fingerprint(f.siteId, {
        rule: f.rule,
        code: f.code,
        url: f.url,
        evidence: f.evidence as Record<string, unknown>,
        source,
        message: f.message,
      }),
      ignored: (f.ignored as ReportFinding['ignored']) ?? null,
      source,
      ...(source === 'manual' ? { provenance: f.provenance ?? null } : {}),
    });
    bySite.set(f.siteId, list);
  }
  return bySite;
}

export interface StoredJudgement extends Judgement {
  siteId: string;
}

export function judgementsOf(db: Db, checkId: number, titles: (rule: string) => string): StoredJudgement[] {
  const bySite = findingsBySite(db, checkId, titles);
  return db
    .select()
    .from(verdicts)
    .where(eq(verdicts.checkId, checkId))
    .orderBy(textAsc(db, verdicts.siteId))
    .all()
    .map((v) => ({
      siteId: v.siteId,
      verdict: v.verdict as Verdict,
      score: v.score,
      vetoes: v.vetoes,
      notChecked: v.notChecked,
      notCheckedReason: v.notCheckedReason,
      findings: bySite.get(v.siteId) ?? [],
    }));
}

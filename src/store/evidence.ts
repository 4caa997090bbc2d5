// Screenshots taken as evidence, one row per page per check, so a re-run takes none twice.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from './db.js';
import { evidence, findings, pages } from './schema.js';

export interface Shot {
  siteId: string;
  url: string;
  /** Absolute path of the PNG, or null when the capture failed. */
  path: string | null;
  capturedAt: string;
  width: number | null;
  height: number | null;
  error: string | null;
}

export function saveShot(db: Db, checkId: number, s: Shot): void {
  const row = { checkId, ...s };
  db.insert(evidence)
    .values(row)
    .onConflictDoUpdate({ target: [evidence.checkId, evidence.url], set: row })
    .run();
}

export function shotsOf(db: Db, checkId: number): Shot[] {
  return db
    .select({
      siteId: evidence.siteId,
      url: evidence.url,
      path: evidence.path,
      capturedAt: evidence.capturedAt,
      width: evidence.width,
      height: evidence.height,
      error: evidence.error,
    })
    .from(evidence)
    .where(eq(evidence.checkId, checkId))
    .all();
}

/** Pages that need a screenshot: every fetched homepage, and every page a veto finding points at. */
export function pagesToShoot(db: Db, checkId: number): { siteId: string; url: string }[] {
  const homes = db
    .select({ siteId: pages.siteId, url: pages.finalUrl })
    .from(pages)
    .where(and(eq(pages.checkId, checkId), eq(pages.kind, 'homepage'), eq(pages.rendered, false), isNotNull(pages.body)))
    .all()
    .filter((r): r is { siteId: string; url: string } => r.url !== null);
  const vetoes = db
    .select()
    .from(findings)
    .where(and(eq(findings.checkId, checkId), eq(findings.kind, 'veto')))
    .all();
  const behind = vetoes.flatMap((f) => {
    const ev = f.evidence as { columns?: { url?: string }[]; emptyColumns?: { url?: string }[]; messages?: { url?: string }[] };
    // messages: the overdue letters' own pages, which show that no reply (or a late one) was published.
    const urls = [
      f.url,
      ...(ev.columns ?? []).map((c) => c.url),
      ...(ev.emptyColumns ?? []).map((c) => c.url),
      ...(ev.messages ?? []).map((m) => m.url),
    ];
    return urls
      .filter((u): u is string => typeof u === 'string')
      .slice(0, 12)
      .map((url) => ({ siteId: f.siteId, url }));
  });
  const seen = new Set<string>();
  return [...homes, ...behind].filter((p) => !seen.has(p.url) && seen.add(p.url));
}

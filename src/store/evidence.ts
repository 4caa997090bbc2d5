// Screenshots taken as evidence, one row per page and kind of picture per check, so a re-run takes none twice.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from './db.js';
import { evidence, findings, pages } from './schema.js';
import { textAsc } from './sqlite-order.js';

export interface Shot {
  siteId: string;
  url: string;
  /** Absolute path of the PNG, or null when the capture failed. */
  path: string | null;
  capturedAt: string;
  width: number | null;
  height: number | null;
  error: string | null;
  /** `page`: the page as served (the default); `hidden-links`: its hidden links shown and outlined. */
  kind?: ShotKind;
  /** What was done to the page before the shot, in Chinese for the report; null for a page as served. */
  note?: string | null;
}

export type ShotKind = 'page' | 'hidden-links';

export function saveShot(db: Db, checkId: number, s: Shot): void {
  const row = { checkId, ...s, kind: s.kind ?? 'page', note: s.note ?? null };
  db.insert(evidence)
    .values(row)
    .onConflictDoUpdate({ target: [evidence.checkId, evidence.url, evidence.kind], set: row })
    .run();
}

/** In the (check, url, kind) key's order, as SQLite reads them: the report keeps the last of a host's homepage shots. */
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
      kind: evidence.kind,
      note: evidence.note,
    })
    .from(evidence)
    .where(eq(evidence.checkId, checkId))
    .orderBy(textAsc(db, evidence.url), textAsc(db, evidence.kind))
    .all()
    .map((r) => ({ ...r, kind: r.kind as ShotKind }));
}

/** Pages that need a screenshot: every fetched homepage, and every page a veto finding points at. */
export function pagesToShoot(db: Db, checkId: number): { siteId: string; url: string }[] {
  const homes = db
    .select({ siteId: pages.siteId, url: pages.finalUrl })
    .from(pages)
    .where(and(eq(pages.checkId, checkId), eq(pages.kind, 'homepage'), eq(pages.rendered, false), isNotNull(pages.body)))
    // Orders here say what SQLite's plans gave: the first site to claim an address names its picture.
    .orderBy(textAsc(db, pages.url))
    .all()
    .filter((r): r is { siteId: string; url: string } => r.url !== null);
  const vetoes = db
    .select()
    .from(findings)
    .where(and(eq(findings.checkId, checkId), eq(findings.kind, 'veto')))
    .orderBy(textAsc(db, findings.siteId), asc(findings.id))
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

/** A page holding hidden links, and the targets of those to show and outline in its screenshot. */
export interface HiddenLinkPage {
  siteId: string;
  url: string;
  targets: string[];
}

/**
 * Pages behind the hidden-links findings, with the hidden links each holds: a notice names its page and
 * links; an illegal link that was hidden names the page it was hidden on. At most `perSite` pages a site.
 */
export function hiddenLinkPagesToShoot(db: Db, checkId: number, perSite: number): HiddenLinkPage[] {
  const rows = db
    .select({ siteId: findings.siteId, url: findings.url, evidence: findings.evidence })
    .from(findings)
    .where(and(eq(findings.checkId, checkId), eq(findings.rule, 'hidden-links')))
    // Which of a site's pages fit under `perSite`, and in what order their links are outlined.
    .orderBy(textAsc(db, findings.siteId), asc(findings.id))
    .all();
  const byPage = new Map<string, HiddenLinkPage>();
  for (const r of rows) {
    const ev = r.evidence as { links?: { target?: unknown }[]; target?: unknown; hidden?: { pageUrl?: unknown } | null };
    const page = typeof ev.hidden?.pageUrl === 'string' ? ev.hidden.pageUrl : ev.links ? r.url : null;
    const targets = (ev.hidden ? [ev.target] : (ev.links ?? []).map((l) => l.target)).filter((t): t is string => typeof t === 'string');
    if (!page || targets.length === 0) continue;
    const p = byPage.get(page) ?? { siteId: r.siteId, url: page, targets: [] };
    p.targets.push(...targets.filter((t) => !p.targets.includes(t)));
    byPage.set(page, p);
  }
  const perSiteCount = new Map<string, number>();
  return [...byPage.values()].filter((p) => {
    const n = (perSiteCount.get(p.siteId) ?? 0) + 1;
    perSiteCount.set(p.siteId, n);
    return n <= perSite;
  });
}

// Everything a rule may look at for one site, read back from the store.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { checkSites, pages } from './schema.js';
import type { Check } from './checks.js';
import { attachmentsOf } from './attachments.js';
import { channelsOf } from './channels.js';
import { httpsCheckOf } from './https-checks.js';
import { ipv6CheckOf } from './ipv6-checks.js';
import { functionCheckOf } from './function-checks.js';
import { linksOfSite } from './links.js';
import { listsOf } from './lists.js';
import { probesBetween } from './probes.js';
import type { CrawlState, HomepageArtifact, SiteArtifacts } from '../model/artifacts.js';
import type { Site } from '../model/site.js';

const DAY_MS = 86_400_000;

/** Probes are loaded generously around `at`; each rule applies its own window. */
/** What the store holds for a site; the content read from its pages is added by verdict/site-artifacts. */
export type StoredArtifacts = Omit<
  SiteArtifacts,
  'texts' | 'articles' | 'identity' | 'hiddenLinks' | 'homepageFeatures' | 'documentValidity'
>;

export function loadSiteArtifacts(db: Db, check: Check, site: Site, probeDays = 31): StoredArtifacts {
  const atMs = Date.parse(check.at);
  const from = new Date(atMs - probeDays * DAY_MS).toISOString();
  const to = new Date(atMs + DAY_MS).toISOString();
  const cs = db
    .select()
    .from(checkSites)
    .where(and(eq(checkSites.checkId, check.id), eq(checkSites.siteId, site.id)))
    .get();
  const home = db
    .select({
      url: pages.url,
      finalUrl: pages.finalUrl,
      status: pages.status,
      fetchedAt: pages.fetchedAt,
      error: pages.error,
      hasBody: pages.contentHash,
    })
    .from(pages)
    .where(and(eq(pages.checkId, check.id), eq(pages.siteId, site.id), eq(pages.kind, 'homepage')))
    // The homepage as served when there is one; rendered only when the crawl rendered every page.
    // Of two homepages (the registered address changed between crawls), the one stored first.
    .orderBy(asc(pages.rendered), asc(pages.id))
    .get();
  const homepage: HomepageArtifact | null = home
    ? {
        url: home.url,
        finalUrl: home.finalUrl ?? home.url,
        status: home.status,
        fetchedAt: home.fetchedAt,
        readable: home.hasBody !== null && home.error === null && (home.status ?? 0) < 400,
        error: home.error,
      }
    : null;
  return {
    site,
    probes: probesBetween(db, site.id, from, to),
    crawl: {
      state: (cs?.crawlState ?? 'not-crawled') as CrawlState,
      reason: cs?.crawlReason ?? null,
      pagesFetched: cs?.pagesFetched ?? 0,
    },
    homepage,
    lists: listsOf(db, check.id, site.id),
    links: linksOfSite(db, check.id, site.id),
    channels: channelsOf(db, check.id, site.id),
    https: httpsCheckOf(db, check.id, site.id),
    ipv6: ipv6CheckOf(db, check.id, site.id),
    mobile: functionCheckOf(db, check.id, site.id, 'mobile'),
    search: functionCheckOf(db, check.id, site.id, 'search'),
    attachments: attachmentsOf(db, check.id, site.id),
  };
}

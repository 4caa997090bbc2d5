// The re-read stage of judging: everything the rules see of one site is what the store holds, plus
// the content (text, articles, footer identity) read again from its stored pages, so a new extractor
// or lexicon re-judges an old crawl without fetching it again.
import { cstDay } from '../../model/day.js';
import type { Site } from '../../model/site.js';
import type { SiteArtifacts } from '../../model/artifacts.js';
import { loadSiteArtifacts } from '../../store/artifacts.js';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { pageBodies } from '../../store/page-bodies.js';
import { datesFromArticles } from './item-dates.js';
import { readSiteContent } from './site-content.js';
import { homepageFeatures } from './homepage-features.js';
import { documentValidity } from './document-validity.js';

export function siteArtifacts(db: Db, check: Check, site: Site): SiteArtifacts {
  const stored = loadSiteArtifacts(db, check, site);
  const content = readSiteContent(pageBodies(db, check.id, site.id), cstDay(check.at));
  return {
    ...stored,
    ...content,
    lists: datesFromArticles(stored.lists, content.articles),
    homepageFeatures: homepageFeatures(db, check.id, site.id),
    documentValidity: documentValidity(db, check, stored.lists),
  };
}

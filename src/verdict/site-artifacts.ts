// Everything the rules see of one site: what the store holds, plus the content read from its pages.
import { cstDay } from '../model/day.js';
import type { Site } from '../model/site.js';
import type { SiteArtifacts } from '../model/artifacts.js';
import { loadSiteArtifacts } from '../store/artifacts.js';
import type { Check } from '../store/checks.js';
import type { Db } from '../store/db.js';
import { pageBodies } from '../store/page-bodies.js';
import { readSiteContent } from './site-content.js';

export function siteArtifacts(db: Db, check: Check, site: Site): SiteArtifacts {
  return { ...loadSiteArtifacts(db, check, site), ...readSiteContent(pageBodies(db, check.id, site.id), cstDay(check.at)) };
}

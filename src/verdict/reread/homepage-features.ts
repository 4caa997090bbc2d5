// The homepage's viewport, script-driven controls and search forms, read again from its stored body at
// judging time, so a better reader re-judges an old crawl without fetching it again.
import { readHomepageFeatures } from '../../extract/homepage-features.js';
import type { HomepageFeaturesArtifact } from '../../model/artifacts.js';
import type { Db } from '../../store/db.js';
import { homepageBody } from '../../store/stored-bodies.js';

const HTML = /html|xml/i;

export function homepageFeatures(db: Db, checkId: number, siteId: string): HomepageFeaturesArtifact | null {
  const b = homepageBody(db, checkId, siteId);
  if (!b || (b.contentType && !HTML.test(b.contentType))) return null;
  return { url: b.url, ...readHomepageFeatures(b.body, { url: b.finalUrl, contentType: b.contentType }) };
}

// Whether a site's homepage can be judged for what it offers: it was read, and it is the site's own
// (a registered address that now leads to another domain shows someone else's page).
import type { HomepageArtifact } from '../../model/artifacts.js';
import type { Site } from '../../model/site.js';
import { hostOf, registrableDomain } from './registrable.js';

/** Why the homepage cannot be judged (a Chinese reason), or null when it can. */
export function homepageNotJudgeable(site: Site, homepage: HomepageArtifact | null, what: string): string | null {
  if (!homepage?.readable) return `首页未能读取，无法检查${what}`;
  const registered = hostOf(site.url);
  const shown = hostOf(homepage.finalUrl);
  if (registered && shown && registrableDomain(registered) !== registrableDomain(shown))
    return `首页跳转到其他域名（${shown}），${what}未检查`;
  return null;
}

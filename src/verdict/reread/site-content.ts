// What the content rules read (text, articles, footer identity, hidden links), taken from a site's stored pages at
// judging time. One page is parsed at a time; only the text blocks are kept.
import { readPage } from '../../extract/page.js';
import { splitBoilerplate } from '../../extract/text.js';
import type { ArticleArtifact, HiddenLinkArtifact, IdentityArtifact, TextArtifact } from '../../model/artifacts.js';
import type { Day } from '../../model/day.js';
import { docNumbersIn } from '../../rules/utils/state-council-docs.js';
import type { StoredBody } from '../../store/page-bodies.js';

export interface SiteContent {
  texts: TextArtifact;
  articles: ArticleArtifact[];
  identity: IdentityArtifact | null;
  hiddenLinks: HiddenLinkArtifact[];
}

const HTML = /html|xml/i;

export function readSiteContent(bodies: Iterable<StoredBody>, atDay: Day): SiteContent {
  const pages: TextArtifact['pages'] = [];
  const articles: ArticleArtifact[] = [];
  let identity: IdentityArtifact | null = null;
  const hiddenLinks: HiddenLinkArtifact[] = [];
  for (const b of bodies) {
    // Attachments and images are not text the site wrote in HTML; reading them as HTML would be noise.
    if (b.contentType && !HTML.test(b.contentType)) continue;
    // Boards and letters are the public's words as much as the site's: not text the site is judged on.
    if (b.kind !== 'homepage' && b.kind !== 'column' && b.kind !== 'article') continue;
    const read = readPage(b.body, { url: b.finalUrl, contentType: b.contentType, atDay }, 'content');
    pages.push({ url: b.url, kind: b.kind, blocks: read.blocks });
    if (b.kind === 'homepage') identity = { url: b.url, ...read.identity };
    for (const h of read.hiddenLinks) hiddenLinks.push({ pageUrl: b.url, ...h });
    if (b.kind === 'article') {
      articles.push({
        url: b.url,
        title: read.headline,
        published: read.publishedAt?.day ?? null,
        docNumbers: [...new Set(read.blocks.flatMap(docNumbersIn))],
      });
    }
  }
  // The homepage first: template text is credited to the page a person opens first.
  pages.sort((a, b) => Number(b.kind === 'homepage') - Number(a.kind === 'homepage'));
  const split = splitBoilerplate(pages);
  return {
    texts: { pages: pages.map((p, i) => ({ ...p, blocks: split.pages[i]!.blocks })), shared: split.shared },
    articles,
    identity,
    hiddenLinks,
  };
}

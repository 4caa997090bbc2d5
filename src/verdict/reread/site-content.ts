// What the content rules read (text, articles, footer identity, hidden links), taken from a site's stored pages at
// judging time. One page is parsed at a time; only the text blocks are kept.
import { readPage } from '../../extract/page.js';
import { splitBoilerplate } from '../../extract/text.js';
import { decodeHtml } from '../../extract/decode.js';
import { footerIdentity, hasAllIdentity, hasAnyIdentity, mergeIdentity } from '../../extract/footer.js';
import type { ArticleArtifact, HiddenLinkArtifact, Identity, IdentityArtifact, TextArtifact } from '../../model/artifacts.js';
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
  let includes: string[] = [];
  const footers = new Map<string, FooterRead | string>();
  for (const b of bodies) {
    if (b.kind === 'footer') {
      footers.set(b.url, readFooter(b));
      continue;
    }
    // Attachments and images are not text the site wrote in HTML; reading them as HTML would be noise.
    if (b.contentType && !HTML.test(b.contentType)) continue;
    // Boards and letters are the public's words as much as the site's: not text the site is judged on.
    if (b.kind !== 'homepage' && b.kind !== 'column' && b.kind !== 'article') continue;
    const read = readPage(b.body, { url: b.finalUrl, contentType: b.contentType, atDay }, 'content');
    pages.push({ url: b.url, kind: b.kind, blocks: read.blocks });
    if (b.kind === 'homepage') {
      identity = { url: b.url, ...read.identity, footer: 'page', footerUrl: null, footerReason: null };
      includes = read.footerIncludes;
    }
    for (const h of read.hiddenLinks) hiddenLinks.push({ pageUrl: b.url, ...h });
    if (b.kind === 'article') {
      articles.push({
        url: b.url,
        title: read.headline,
        published: read.publishedAt?.day ?? null,
        dateUnread: read.dateUnread,
        docNumbers: [...new Set(read.blocks.flatMap(docNumbersIn))],
      });
    }
  }
  // The homepage first: template text is credited to the page a person opens first.
  pages.sort((a, b) => Number(b.kind === 'homepage') - Number(a.kind === 'homepage'));
  const split = splitBoilerplate(pages);
  if (identity) identity = withFooter(identity, includes, footers);
  return {
    texts: { pages: pages.map((p, i) => ({ ...p, blocks: split.pages[i]!.blocks })), shared: split.shared },
    articles,
    identity,
    hiddenLinks,
  };
}

/** A footer script larger than this is not a footer: it is skipped, with the reason. */
const FOOTER_MAX_BYTES = 256 * 1024;
const SCRIPT = /javascript|ecmascript/i;

function readFooter(b: StoredBody): FooterRead | string {
  if (b.body.length > FOOTER_MAX_BYTES) return `页脚脚本 ${b.url} 超过 ${FOOTER_MAX_BYTES / 1024} KB，未读取`;
  const script = SCRIPT.test(b.contentType ?? '') || /\.js(\?|$)/i.test(new URL(b.url).pathname);
  // Decoded as pages are: a gb2312 site serves its footer.js in GBK, with no charset said.
  return footerIdentity(decodeHtml(b.body, b.contentType).text, script);
}

type FooterRead = Identity & { mentions: boolean };

/**
 * The homepage's identity completed from the footer its scripts write. When the page itself shows none of
 * the items and its footer script or fragment could not be read, the footer is `unread`: the rule says
 * not-checked rather than report items missing that a person may well see.
 */
function withFooter(page: IdentityArtifact, includes: string[], footers: Map<string, FooterRead | string>): IdentityArtifact {
  if (includes.length === 0 || hasAllIdentity(page)) return page;
  let merged: Identity = page;
  let from: string | null = null;
  const problems: string[] = [];
  for (const url of includes) {
    const got = footers.get(url);
    if (got === undefined) problems.push(`页脚由 ${url} 生成，未能获取`);
    else if (typeof got === 'string') problems.push(got);
    else {
      if (hasAnyIdentity(got)) {
        merged = mergeIdentity(merged, got);
        from ??= url;
      }
      // It names a record this reading did not find: written in a form not read, not missing.
      if (got.mentions && !hasAllIdentity(got)) problems.push(`页脚脚本 ${url} 含备案信息，但未能完整读出`);
    }
  }
  const complete = hasAllIdentity(merged);
  // An item still missing while an include went unread may be in that include.
  if (!complete && problems.length > 0)
    return { ...page, ...merged, footer: 'unread', footerUrl: includes[0]!, footerReason: problems.join('；') };
  if (from) return { ...page, ...merged, footer: 'include', footerUrl: from, footerReason: null };
  return page;
}

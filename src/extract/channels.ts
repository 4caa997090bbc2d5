// Interaction channels (互动渠道) by their names: which links lead to a consultation board, and which to
// the channels the indicators set apart (网上信访, 纪检举报, 在线访谈, 调查征集). The crawl uses this to
// decide which pages to read as boards; the rule uses it to decide which channels count.
import type { PageLink } from './page-links.js';
import { looksLikeArticle } from './links.js';
import { type ChannelKind, channelKind } from '../model/channel-kinds.js';

export interface ChannelLink {
  name: string;
  url: string;
  kind: ChannelKind;
}

/** Links on a page that name an interaction channel: menu entries and buttons, not the titles of letters or articles. */
export function channelLinks(links: PageLink[]): ChannelLink[] {
  const out: ChannelLink[] = [];
  for (const l of links) {
    if (l.tag !== 'a' || !l.text) continue;
    const kind = channelKind(l.text);
    if (kind === null || looksLikeArticle(l.target)) continue;
    if (!out.some((o) => o.url === l.target)) out.push({ name: l.text.replace(/\s+/g, ''), url: l.target, kind });
  }
  return out;
}

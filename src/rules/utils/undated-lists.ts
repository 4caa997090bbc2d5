// Lists that show no dates. Their items' own pages are opened by the crawl and their dates taken from
// there (verdict/reread/item-dates.ts); an item whose list and page both show none counts as not
// updated. A list none of whose pages could be read is unconfirmed: its items may well be dated on
// their pages, and a veto must not rest on a page that was not read.
import type { ItemArtifact, ListArtifact } from '../../model/artifacts.js';
import { hostOf, registrableDomain } from './registrable.js';

/**
 * No item dated on the list or on its page, and too few pages read to say the list shows no dates: two
 * pages read without a date (one where the list has a single item of the site's). An item of the site's is
 * one on the list's registrable domain (a 集约化 portal's items may live on xxgk.x.gov.cn); items on other
 * domains are links out, not the site's news.
 */
export function unconfirmedUndated(list: ListArtifact): boolean {
  if (list.items.length === 0 || list.items.some((i) => i.date)) return false;
  const domain = domainOf(list.url);
  const own = list.items.filter((i) => i.url !== null && domainOf(i.url) === domain);
  if (own.length === 0) return false;
  const read = own.filter((i) => i.articleRead).length;
  return read < Math.min(2, own.length);
}

/** Items whose date, or lack of one, was read on their own pages: the evidence for an undated list. */
export function openedItems(items: ItemArtifact[]): { title: string; url: string | null; date: string | null }[] {
  return items.filter((i) => i.articleRead).map((i) => ({ title: i.title, url: i.url, date: i.date }));
}

function domainOf(url: string): string | null {
  const host = hostOf(url);
  return host === null ? null : registrableDomain(host);
}

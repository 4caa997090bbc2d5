// Lists that show no dates. Their items' own pages are opened by the crawl and their dates taken from
// there (verdict/reread/item-dates.ts); an item whose list and page both show none counts as not
// updated. A list none of whose pages could be read is unconfirmed: its items may well be dated on
// their pages, and a veto must not rest on a page that was not read.
import type { ItemArtifact, ListArtifact } from '../../model/artifacts.js';

/** No item dated on the list or its page, no page read, and at least one item the crawl could open. */
export function unconfirmedUndated(list: ListArtifact): boolean {
  if (list.items.length === 0 || list.items.some((i) => i.date || i.articleRead)) return false;
  const host = hostOf(list.url);
  return list.items.some((i) => i.url !== null && hostOf(i.url) === host);
}

/** Items whose date, or lack of one, was read on their own pages: the evidence for an undated list. */
export function openedItems(items: ItemArtifact[]): { title: string; url: string | null; date: string | null }[] {
  return items.filter((i) => i.articleRead).map((i) => ({ title: i.title, url: i.url, date: i.date }));
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

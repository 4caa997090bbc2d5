// An item that its list shows without a date takes the 发布时间 its own page shows, as a person would
// find it by opening the item. Its page was opened by the crawl (a sample of each undated list) and is
// read again here with the other articles; an item whose page shows no date either stays undated, and
// the rules count it as not updated.
import type { ArticleArtifact, ListArtifact } from '../../model/artifacts.js';

export function datesFromArticles(lists: ListArtifact[], articles: ArticleArtifact[]): ListArtifact[] {
  if (articles.length === 0) return lists;
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  return lists.map((l) => {
    if (l.items.every((i) => i.date || !i.url || !byUrl.has(i.url))) return l;
    return {
      ...l,
      items: l.items.map((i) => {
        const art = i.date || !i.url ? undefined : byUrl.get(i.url);
        // A page whose date could not be read is no proof the item is undated.
        if (!art || (!art.published && art.dateUnread)) return i;
        return art.published ? { ...i, date: art.published, dateFrom: 'article' as const, articleRead: true } : { ...i, articleRead: true };
      }),
    };
  });
}

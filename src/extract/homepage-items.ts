// The homepage's item list as one probe sees it: a hash of what is listed (titles and links, not the
// dates beside them), so that a page whose dates move while its items stay the same can be told apart.
import { createHash } from 'node:crypto';
import type { Day } from '../model/day.js';
import { readPage } from './page.js';

export interface HomepageItem {
  /** Hash of title + link: the item's identity across probes. */
  key: string;
  title: string;
  url: string | null;
  dateText: string | null;
  date: Day | null;
}

export interface HomepageItems {
  items: HomepageItem[];
  /** Null when the page lists nothing: no list is not "the same list". */
  hash: string | null;
  /** Distinct dates shown, newest first. */
  dates: Day[];
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

export function homepageItems(body: Buffer, opts: { url: string; contentType: string | null; atDay: Day }): HomepageItems {
  const read = readPage(body, opts);
  const seen = new Map<string, HomepageItem>();
  for (const list of read.lists) {
    for (const i of list.items) {
      const key = sha(`${i.title}\n${i.url ?? ''}`);
      if (!seen.has(key)) seen.set(key, { key, title: i.title, url: i.url, dateText: i.dateText, date: i.date });
    }
  }
  const items = [...seen.values()];
  const hash = items.length
    ? sha(
        items
          .map((i) => i.key)
          .sort()
          .join(','),
      )
    : null;
  const dates = [...new Set(items.flatMap((i) => (i.date ? [i.date] : [])))].sort().reverse();
  return { items, hash, dates };
}

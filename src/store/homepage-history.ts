// When each homepage item was first seen by a probe: the site's real update times, whatever dates it prints.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { homepageItems } from './schema.js';
import { textAsc } from './sqlite-order.js';
import type { HomepageItem } from '../extract/homepage-items.js';

export function recordHomepageItems(db: Db, siteId: string, seenAt: string, items: HomepageItem[]): void {
  db.transaction((tx) => {
    for (const i of items) {
      tx.insert(homepageItems)
        .values({ siteId, itemKey: i.key, title: i.title, dateText: i.dateText, firstSeenAt: seenAt, lastSeenAt: seenAt })
        // A probe taken late (a restarted watcher catching up) must not move first-seen later or last-seen earlier.
        .onConflictDoUpdate({
          target: [homepageItems.siteId, homepageItems.itemKey],
          set: {
            // CASE rather than two-argument min/max, which PostgreSQL spells least/greatest.
            firstSeenAt: sql`CASE WHEN excluded.first_seen_at < ${homepageItems.firstSeenAt} THEN excluded.first_seen_at ELSE ${homepageItems.firstSeenAt} END`,
            lastSeenAt: sql`CASE WHEN excluded.last_seen_at > ${homepageItems.lastSeenAt} THEN excluded.last_seen_at ELSE ${homepageItems.lastSeenAt} END`,
          },
        })
        .run();
    }
  });
}

export interface SeenItem {
  title: string;
  dateText: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** Items first seen by one probe by their key: SQLite reads them through the (site, key) key and sorts stably. */
export function homepageHistory(db: Db, siteId: string): SeenItem[] {
  return db
    .select({
      title: homepageItems.title,
      dateText: homepageItems.dateText,
      firstSeenAt: homepageItems.firstSeenAt,
      lastSeenAt: homepageItems.lastSeenAt,
    })
    .from(homepageItems)
    .where(and(eq(homepageItems.siteId, siteId)))
    .orderBy(textAsc(db, homepageItems.firstSeenAt), textAsc(db, homepageItems.itemKey))
    .all();
}

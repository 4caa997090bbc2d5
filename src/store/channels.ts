// Interaction channels and the letters read on their boards. Written with the site's lists, in the same
// transaction, so a site is either finished with its boards or crawled again.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Db, deferredRun } from './db.js';
import { channels, messages } from './schema.js';
import type { ChannelArtifact, ChannelState, MessageArtifact } from '../model/artifacts.js';

const MESSAGES_A_STATEMENT = 32;
const insertMessages = (rows: number) =>
  'INSERT INTO messages (channel_id, position, title, url, asked_on, replied_on, status, detail_read) VALUES ' +
  Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');

/** Inside the caller's transaction on `db`: a site's channels and letters, in place of those it had. */
export function writeChannels(db: Db, checkId: number, siteId: string, found: (ChannelArtifact & { key: string })[]): void {
  const old = db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.checkId, checkId), eq(channels.siteId, siteId)))
    .all()
    .map((x) => x.id);
  if (old.length > 0) {
    db.delete(messages).where(inArray(messages.channelId, old)).run();
    db.delete(channels).where(inArray(channels.id, old)).run();
  }
  if (found.length === 0) return;
  // One statement for a site's channels, their ids read back by key (RETURNING's order is not promised);
  // letters are deferred writes, MESSAGES_A_STATEMENT at a time (lists.ts says why).
  const ids = new Map(
    db
      .insert(channels)
      .values(
        found.map((c) => ({
          checkId,
          siteId,
          key: c.key,
          name: c.name,
          url: c.url,
          foundOn: c.foundOn,
          offsite: c.offsite,
          state: c.state,
          reason: c.reason,
          httpStatus: c.httpStatus,
          pagesRead: c.pagesRead,
          covered: c.covered,
          answeredOnly: c.answeredOnly,
        })),
      )
      .returning({ id: channels.id, key: channels.key })
      .all()
      .map((x) => [x.key, x.id]),
  );
  for (const c of found) {
    const id = ids.get(c.key)!;
    for (let from = 0; from < c.messages.length; from += MESSAGES_A_STATEMENT) {
      const part = c.messages.slice(from, from + MESSAGES_A_STATEMENT);
      deferredRun(
        db,
        insertMessages(part.length),
        ...part.flatMap((m, i) => [id, from + i, m.title, m.url, m.askedOn, m.repliedOn, m.status, m.detailRead ? 1 : 0]),
      );
    }
  }
}

export function channelsOf(db: Db, checkId: number, siteId: string): ChannelArtifact[] {
  const rows = db
    .select()
    .from(channels)
    .where(and(eq(channels.checkId, checkId), eq(channels.siteId, siteId)))
    .orderBy(asc(channels.id))
    .all();
  if (rows.length === 0) return [];
  const all = db
    .select()
    .from(messages)
    .where(
      inArray(
        messages.channelId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(messages.channelId), asc(messages.position))
    .all();
  const byChannel = new Map<number, MessageArtifact[]>();
  for (const m of all) {
    const list = byChannel.get(m.channelId) ?? [];
    list.push({ title: m.title, url: m.url, askedOn: m.askedOn, repliedOn: m.repliedOn, status: m.status, detailRead: m.detailRead });
    byChannel.set(m.channelId, list);
  }
  return rows.map((r) => ({
    name: r.name,
    url: r.url,
    foundOn: r.foundOn,
    offsite: r.offsite,
    state: r.state as ChannelState,
    reason: r.reason,
    httpStatus: r.httpStatus,
    pagesRead: r.pagesRead,
    covered: r.covered,
    answeredOnly: r.answeredOnly,
    messages: byChannel.get(r.id) ?? [],
  }));
}

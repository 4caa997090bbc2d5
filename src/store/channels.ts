// Interaction channels and the letters read on their boards. Written with the site's lists, in the same
// transaction, so a site is either finished with its boards or crawled again.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './db.js';
import { channels, messages } from './schema.js';
import type { ChannelArtifact, ChannelState, MessageArtifact } from '../model/artifacts.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function writeChannels(tx: Tx, checkId: number, siteId: string, found: (ChannelArtifact & { key: string })[]): void {
  const old = tx
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.checkId, checkId), eq(channels.siteId, siteId)))
    .all()
    .map((x) => x.id);
  if (old.length > 0) {
    tx.delete(messages).where(inArray(messages.channelId, old)).run();
    tx.delete(channels).where(inArray(channels.id, old)).run();
  }
  for (const c of found) {
    const { id } = tx
      .insert(channels)
      .values({
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
      })
      .returning({ id: channels.id })
      .get();
    c.messages.forEach((m, position) => {
      tx.insert(messages)
        .values({ channelId: id, position, ...m })
        .run();
    });
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

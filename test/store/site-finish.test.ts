// A site's finish (its lists, items, channels, letters and crawl state) inside a crawl's group commit,
// on a real SQLite file or PostgreSQL database. On PostgreSQL the items, letters and state are deferred
// writes, answered at the end of the site's savepoint: one that is refused must undo that site alone,
// keep the other sites of the window, and leave the connection fit for the next window.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageArtifact } from '../../src/model/artifacts.js';
import { crawlStatesOf } from '../../src/store/checks.js';
import { channelsOf } from '../../src/store/channels.js';
import { groupCommit } from '../../src/store/group-commit.js';
import { finishSiteCrawl, listsOf, type SiteCrawlResult } from '../../src/store/lists.js';
import { board } from '../helpers/artifacts.js';
import { type Harness, harness, siteRow } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
let h: Harness;
beforeEach(() => {
  h = harness(AT);
  h.register(['s1', 's2', 's3'].map((id) => siteRow(id, `http://${id}.test/`)));
});
afterEach(() => h.close());

function result(site: string, letterTitle: string | null): SiteCrawlResult {
  const messages = [
    { title: '关于路灯维修的建议', url: null, askedOn: '2026-11-02', repliedOn: '2026-11-05', status: '已回复', detailRead: true },
    // A title is required: null makes the database refuse the letter, as a full disk or a timeout would.
    { title: letterTitle, url: null, askedOn: null, repliedOn: null, status: null, detailRead: false },
  ] as MessageArtifact[];
  const channel = { key: `http://${site}.test/xx/`, ...board(`http://${site}.test/xx/`, messages, { name: '书记信箱' }) };
  const list = (n: number) => ({
    kind: 'column',
    key: `http://${site}.test/c${n}/`,
    url: `http://${site}.test/c${n}/`,
    name: `栏目${n}`,
    level: 1,
    source: 'nav',
    state: 'read',
    stateReason: null,
    pagesRead: 1,
    moreUrl: null,
    items: Array.from({ length: 40 }, (_, i) => ({
      title: `第${i}条`,
      url: `http://${site}.test/c${n}/${i}.html`,
      dateText: null,
      date: null,
    })),
  });
  return {
    state: 'complete',
    reason: null,
    pagesFetched: 3,
    lists: Array.from({ length: 60 }, (_, n) => list(n)) as unknown as SiteCrawlResult['lists'],
    channels: [channel],
  };
}

describe("a site's finish in a group commit", () => {
  it('writes 60 lists of 40 items and the letters, each list with its own items, in order', () => {
    const g = groupCommit(h.db, (e) => {
      throw e;
    });
    g.write(() => finishSiteCrawl(h.db, h.check.id, 's1', result('s1', '第二封信'), AT));
    g.commit();
    const lists = listsOf(h.db, h.check.id, 's1');
    expect(lists).toHaveLength(60);
    for (const l of lists) {
      expect(l.items).toHaveLength(40);
      expect(l.items.map((i) => i.url)).toEqual(Array.from({ length: 40 }, (_, i) => `${l.url}${i}.html`));
    }
    const [channel] = channelsOf(h.db, h.check.id, 's1');
    expect(channel!.messages.map((m) => [m.title, m.detailRead])).toEqual([
      ['关于路灯维修的建议', true],
      ['第二封信', false],
    ]);
  });

  it('a refused write undoes its site alone; the window and the next one go on', () => {
    const g = groupCommit(h.db, (e) => {
      throw e;
    });
    g.write(() => finishSiteCrawl(h.db, h.check.id, 's1', result('s1', '第二封信'), AT));
    expect(() => g.write(() => finishSiteCrawl(h.db, h.check.id, 's2', result('s2', null), AT))).toThrow();
    g.commit();
    g.write(() => finishSiteCrawl(h.db, h.check.id, 's3', result('s3', '第二封信'), AT));
    g.commit();
    const states = crawlStatesOf(h.db, h.check.id, ['s1', 's2', 's3']);
    expect(states.get('s1')).toBe('complete');
    expect(states.get('s2')).not.toBe('complete');
    expect(states.get('s3')).toBe('complete');
    expect(listsOf(h.db, h.check.id, 's2')).toHaveLength(0);
    expect(listsOf(h.db, h.check.id, 's3')).toHaveLength(60);
  });
});

// Grouped commits on a real SQLite file (or PostgreSQL database), read back through a second connection
// (what another process, or the resumed crawl after a kill, would see).
import { sql } from 'drizzle-orm';
import { closeDb, openDb } from '../../src/store/db.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { groupCommit } from '../../src/store/group-commit.js';
import { savePage } from '../../src/store/pages.js';
import { type Harness, harness } from '../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
let h: Harness;

beforeEach(() => {
  h = harness(AT);
  h.db.run(sql`INSERT INTO sites (id, name, url, status, updated_at) VALUES ('s1', 'x', 'http://a.test/', 'running', 't')`);
  h.check = h.ensure();
});
afterEach(() => h.close());

const page = (n: number) => ({
  url: `http://a.test/${n}`,
  finalUrl: null,
  kind: 'column' as const,
  status: 200,
  contentType: 'text/html',
  encoding: null,
  fetchedAt: AT,
  body: Buffer.from(`<p>${n}</p>`),
  error: null,
});
function storedElsewhere(): number {
  const other = openDb(h.where);
  try {
    return other.get<{ n: number }>(sql`SELECT count(*) AS n FROM pages`).n;
  } finally {
    closeDb(other);
  }
}

describe('group commit', () => {
  it('writes are visible to others only once the group commits, all together', () => {
    const g = groupCommit(
      h.db,
      (e) => {
        throw e;
      },
      60_000,
    );
    for (let i = 0; i < 5; i++) g.write(() => savePage(h.db, h.check.id, 's1', page(i)));
    expect(storedElsewhere()).toBe(0);
    g.commit();
    expect(storedElsewhere()).toBe(5);
  });

  it('commits by itself when the window ends', async () => {
    const g = groupCommit(
      h.db,
      (e) => {
        throw e;
      },
      20,
    );
    g.write(() => savePage(h.db, h.check.id, 's1', page(1)));
    // The window's timer fires when the event loop gets to it: on a loaded machine later than 20 ms, so the
    // test waits for the commit (up to 10 s) rather than for a fixed time.
    await vi.waitFor(() => expect({ stored: storedElsewhere(), open: h.db.$client.inTransaction }).toEqual({ stored: 1, open: false }), {
      timeout: 10_000,
      interval: 20,
    });
  });

  it('commits after maxWrites writes without waiting for the window', () => {
    const g = groupCommit(
      h.db,
      (e) => {
        throw e;
      },
      60_000,
      3,
    );
    for (let i = 0; i < 4; i++) g.write(() => savePage(h.db, h.check.id, 's1', page(i)));
    expect(storedElsewhere()).toBe(3);
    g.commit();
    expect(storedElsewhere()).toBe(4);
  });

  it('abandoning undoes only the open group: what was committed before stays', () => {
    const g = groupCommit(
      h.db,
      (e) => {
        throw e;
      },
      60_000,
    );
    g.write(() => savePage(h.db, h.check.id, 's1', page(1)));
    g.commit();
    g.write(() => savePage(h.db, h.check.id, 's1', page(2)));
    g.abandon();
    expect(storedElsewhere()).toBe(1);
    expect(h.db.$client.inTransaction).toBe(false);
  });

  it('a transaction inside a write nests in the group and commits with it', () => {
    const g = groupCommit(
      h.db,
      (e) => {
        throw e;
      },
      60_000,
    );
    g.write(() => h.db.transaction(() => savePage(h.db, h.check.id, 's1', page(1))));
    expect(storedElsewhere()).toBe(0);
    g.commit();
    expect(storedElsewhere()).toBe(1);
  });
});

// Saved government pages (TRS, Hanweb, hand-made; see pages/README.md) against what a careful reader
// takes from them, field by field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cstDay } from '../../src/model/day.js';
import { inspectRead } from '../../src/extract/inspect.js';
import { readPage } from '../../src/extract/page.js';

interface Entry {
  file: string;
  expected: string;
  url: string;
  contentType: string | null;
  at: string;
  description: string;
}

const dir = new URL('./pages/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as Entry[];

describe.each(manifest)('$file', (e) => {
  const got = inspectRead(readPage(readFileSync(new URL(e.file, dir)), { url: e.url, contentType: e.contentType, atDay: cstDay(e.at) }));
  const want = JSON.parse(readFileSync(new URL(e.expected, dir), 'utf8'));

  it('kind, encoding, title, date', () => {
    expect({ kind: got.kind, encoding: got.encoding, title: got.title, publishedAt: got.publishedAt }).toEqual({
      kind: want.kind,
      encoding: want.encoding,
      title: want.title,
      publishedAt: want.publishedAt,
    });
  });

  it('lists: names, 更多 links, emptiness', () => {
    expect(got.columns.map((c) => ({ name: c.name, url: c.url, empty: c.empty, n: c.items.length }))).toEqual(
      want.columns.map((c: { name: string; url: string; empty: boolean; items: unknown[] }) => ({
        name: c.name,
        url: c.url,
        empty: c.empty,
        n: c.items.length,
      })),
    );
  });

  it('items: titles, links, dates', () => {
    expect(got.columns.map((c) => c.items)).toEqual(want.columns.map((c: { items: unknown[] }) => c.items));
  });

  it('identity and readability', () => {
    expect(got.identity).toEqual(want.identity);
    expect(got.notReadable === null).toBe(want.notReadable === null);
  });

  it('board letters: titles, links, asked and answered days, status words', () => {
    expect({ messages: got.messages, letter: got.letter, answeredOnly: got.answeredOnly !== null }).toEqual({
      messages: want.messages,
      letter: want.letter ?? null,
      answeredOnly: (want.answeredOnly ?? null) !== null,
    });
  });
});

// Reading a page in parts (the crawl's walk, an article's links, judging's content) gives exactly what
// reading it whole gives, part by part, on every saved page: no part depends on another being read.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/extract/page.js';

const DIR = new URL('./pages/', import.meta.url);
const files = readdirSync(DIR).filter((f) => /\.html?$/.test(f));
const opts = (f: string) => ({ url: `http://www.example.gov.cn/${f}`, contentType: null, atDay: '2026-12-01' as const });
const CONTENT = ['publishedAt', 'dateUnread', 'identity', 'blocks', 'headline', 'hiddenLinks'] as const;

describe('reading a page in parts', () => {
  it('has saved pages to read', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s: walk + content = the whole read; links alone = its links', (f) => {
    const bytes = readFileSync(new URL(f, DIR));
    const all = readPage(bytes, opts(f));
    const walk = readPage(bytes, opts(f), 'walk');
    const content = readPage(bytes, opts(f), 'content');
    const links = readPage(bytes, opts(f), 'links');
    const { publishedAt, dateUnread, identity, blocks, headline, hiddenLinks, ...walkPart } = all;
    expect(walk).toEqual(walkPart);
    expect(content).toMatchObject({
      publishedAt,
      dateUnread,
      identity,
      blocks,
      headline,
      hiddenLinks,
      url: all.url,
      title: all.title,
      encoding: all.encoding,
    });
    expect(links.links).toEqual(all.links);
    // The parts not asked for are not read at all, not read and hidden.
    for (const k of CONTENT) expect(walk).not.toHaveProperty(k);
    expect(content).not.toHaveProperty('lists');
    expect(links.lists).toEqual([]);
  });
});

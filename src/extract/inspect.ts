// What choucha reads from one page, in the stable shape of `choucha inspect --json`.
import { type ColumnReading, readColumn } from './column-state.js';
import type { PageRead } from './page.js';

export type PageKind = 'homepage' | 'column' | 'article' | 'board' | 'other';

export interface InspectResult {
  kind: PageKind;
  encoding: string;
  title: string | null;
  publishedAt: string | null;
  /** How the publication date was found: label, table, under-title, meta or comment, with the label read. */
  publishedFrom: { source: string; label: string | null } | null;
  columns: {
    name: string | null;
    /** Where the name was read: a tab heading, or the heading above the list. */
    nameFrom: string | null;
    url: string | null;
    items: { title: string; url: string | null; date: string | null }[];
    empty: boolean;
  }[];
  identity: { siteCode: string | null; icp: string | null; police: string | null };
  messages: { title: string; url: string | null; askedOn: string | null; repliedOn: string | null; status: string | null }[];
  /** A letter's own page: the days it shows and its status; null elsewhere. */
  letter: { askedOn: string | null; repliedOn: string | null; status: string | null } | null;
  /** iframes and whether the crawl reads them (same site, one level deep) or only lists them. */
  frames: { url: string; name: string | null; read: boolean }[];
  /** The words by which a board says it publishes only answered letters, or null. */
  answeredOnly: string | null;
  notReadable: string | null;
}

export function isHomepageUrl(url: string): boolean {
  const u = new URL(url);
  // PHP CMSs route every module through index.php: /index.php?m=guestbook is not the homepage.
  return u.pathname === '/' || (/^\/(index|default)\.\w+$/i.test(u.pathname) && u.search === '');
}

/** `urlKnown` false: a saved file of unknown address, judged by its content alone. */
export function pageKind(read: PageRead, urlKnown = true, reading: ColumnReading = readColumn(read)): PageKind {
  if (urlKnown ? isHomepageUrl(read.url) : !read.breadcrumb && read.lists.length >= 2 && read.nav.length >= 3) return 'homepage';
  if (read.messages.length > 0) return 'board';
  // One letter's own page: the day it was written, and its reply or status.
  if (read.board.letter?.askedOn && (read.board.letter.repliedOn || read.board.letter.status)) return 'board';
  // An article may carry a short 相关文章 list; a column page does not show a labelled 发布日期 of its own.
  // Only a printed label counts here: a column page may carry a PubDate meta or a dated first item under its name.
  // A date read from the line under the headline, a meta tag or a comment makes an article only where no
  // list of several items is read as well.
  const listed = reading.list?.items.length ?? 0;
  const source = read.publishedAt?.source;
  if (((source === 'label' || source === 'table') && listed < 8) || (source !== undefined && listed < 3)) return 'article';
  if (reading.state !== 'unreadable' || read.breadcrumb || read.lists.length > 0) return 'column';
  return 'other';
}

export function inspectRead(read: PageRead, urlKnown = true): InspectResult {
  const reading = readColumn(read);
  const kind = pageKind(read, urlKnown, reading);
  const messages = read.messages.map(({ title, url, askedOn, repliedOn, status }) => ({ title, url, askedOn, repliedOn, status }));
  const letter = kind === 'board' && messages.length === 0 ? read.board.letter : null;
  const answeredOnly = kind === 'board' ? read.board.answeredOnly : null;
  const host = safeHost(read.url);
  const frames = read.frames.map((f) => ({ ...f, read: kind === 'homepage' && safeHost(f.url) === host }));
  const base = { kind, encoding: read.encoding, title: read.title, identity: read.identity, messages, letter, answeredOnly, frames };
  const none = { publishedAt: null, publishedFrom: null };
  const strip = (items: { title: string; url: string | null; date: string | null }[]) =>
    items.map(({ title, url, date }) => ({ title, url, date }));
  if (kind === 'board') return { ...base, ...none, columns: [], notReadable: null };
  if (kind === 'article') {
    const p = read.publishedAt;
    return {
      ...base,
      publishedAt: p?.day ?? null,
      publishedFrom: p ? { source: p.source, label: p.label } : null,
      columns: [],
      notReadable: null,
    };
  }
  if (kind === 'homepage') {
    const columns = read.lists.map((l) => ({
      name: l.name,
      nameFrom: l.nameFrom,
      url: l.moreUrl,
      items: strip(l.items),
      empty: l.items.length === 0,
    }));
    const notReadable = columns.length === 0 && read.scripted ? read.scripted : null;
    return { ...base, ...none, columns, notReadable };
  }
  const name = read.breadcrumb?.at(-1) ?? reading.list?.name ?? read.title;
  const columns =
    reading.state === 'items'
      ? [{ name, nameFrom: null, url: read.url, items: strip(reading.list!.items), empty: false }]
      : reading.state === 'empty'
        ? [{ name, nameFrom: null, url: read.url, items: [], empty: true }]
        : [];
  const notReadable = reading.state === 'unreadable' && kind === 'column' ? reading.reason : null;
  return { ...base, ...none, columns, notReadable };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

// What choucha reads from one page, in the stable shape of `choucha inspect --json`.
import { type ColumnReading, readColumn } from './column-state.js';
import type { PageRead } from './page.js';

export type PageKind = 'homepage' | 'column' | 'article' | 'board' | 'other';

export interface InspectResult {
  kind: PageKind;
  encoding: string;
  title: string | null;
  publishedAt: string | null;
  columns: { name: string | null; url: string | null; items: { title: string; url: string | null; date: string | null }[]; empty: boolean }[];
  identity: { siteCode: string | null; icp: string | null; police: string | null };
  messages: { title: string; askedOn: string | null; repliedOn: string | null; status: string | null }[];
  notReadable: string | null;
}

export function isHomepageUrl(url: string): boolean {
  return /^\/((index|default)\.\w+)?$/i.test(new URL(url).pathname);
}

/** `urlKnown` false: a saved file of unknown address, judged by its content alone. */
export function pageKind(read: PageRead, urlKnown = true, reading: ColumnReading = readColumn(read)): PageKind {
  if (urlKnown ? isHomepageUrl(read.url) : !read.breadcrumb && read.lists.length >= 2 && read.nav.length >= 3) return 'homepage';
  if (read.messages.length > 0) return 'board';
  // An article may carry a short 相关文章 list; a column page does not show a labelled 发布日期 of its own.
  if (read.publishedAt && (reading.list?.items.length ?? 0) < 8) return 'article';
  if (reading.state !== 'unreadable' || read.breadcrumb || read.lists.length > 0) return 'column';
  return 'other';
}

export function inspectRead(read: PageRead, urlKnown = true): InspectResult {
  const reading = readColumn(read);
  const kind = pageKind(read, urlKnown, reading);
  const messages = read.messages.map(({ title, askedOn, repliedOn, status }) => ({ title, askedOn, repliedOn, status }));
  const base = { kind, encoding: read.encoding, title: read.title, identity: read.identity, messages };
  const strip = (items: { title: string; url: string | null; date: string | null }[]) => items.map(({ title, url, date }) => ({ title, url, date }));
  if (kind === 'board') return { ...base, publishedAt: null, columns: [], notReadable: null };
  if (kind === 'article') return { ...base, publishedAt: read.publishedAt?.day ?? null, columns: [], notReadable: null };
  if (kind === 'homepage') {
    const columns = read.lists.map((l) => ({ name: l.name, url: l.moreUrl, items: strip(l.items), empty: l.items.length === 0 }));
    const notReadable = columns.length === 0 && read.scripted ? read.scripted : null;
    return { ...base, publishedAt: null, columns, notReadable };
  }
  const name = read.breadcrumb?.at(-1) ?? reading.list?.name ?? read.title;
  const columns =
    reading.state === 'items' ? [{ name, url: read.url, items: strip(reading.list!.items), empty: false }] : reading.state === 'empty' ? [{ name, url: read.url, items: [], empty: true }] : [];
  const notReadable = reading.state === 'unreadable' && kind === 'column' ? reading.reason : null;
  return { ...base, publishedAt: null, columns, notReadable };
}

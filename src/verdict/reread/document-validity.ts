// The validity marks of a site's 规范性文件 lists, read again from the stored pages at judging time: the
// list's own page, and the pages of the documents the crawl opened (each column's first). Only these
// few pages are read, by address, so judging does not walk every page of the site a second time.
import { readPage } from '../../extract/page.js';
import { validityMarks } from '../../extract/validity.js';
import type { ListArtifact, ValidityListArtifact } from '../../model/artifacts.js';
import { cstDay } from '../../model/day.js';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { bodyAt } from '../../store/stored-bodies.js';

/** The lists read: 规范性文件 and its usual forms (行政规范性文件, 规范性文件库). */
const NORMATIVE = /规范性文件/;
const HTML = /html|xml/i;
/** Documents read per list at most: the crawl opens one or a few of each column's. */
const MAX_DOCUMENTS = 5;

export function documentValidity(db: Db, check: Check, lists: ListArtifact[]): ValidityListArtifact[] {
  const atDay = cstDay(check.at);
  const marksAt = (url: string): string[] | null => {
    const b = bodyAt(db, check.id, url);
    if (!b || (b.contentType && !HTML.test(b.contentType))) return null;
    return validityMarks(readPage(b.body, { url: b.finalUrl, contentType: b.contentType, atDay }, 'content').blocks);
  };
  return lists
    .filter((l) => l.kind === 'column' && NORMATIVE.test(l.name))
    .map((l) => {
      const documents: ValidityListArtifact['documents'] = [];
      // The newest entries: the crawl opens a column's first items, never its hundredth.
      for (const it of l.items.slice(0, 60)) {
        if (!it.url || documents.length >= MAX_DOCUMENTS) continue;
        const marks = marksAt(it.url);
        if (marks) documents.push({ title: it.title, url: it.url, marks });
      }
      return { name: l.name, url: l.url, state: l.state, listMarks: marksAt(l.url) ?? [], documents };
    });
}

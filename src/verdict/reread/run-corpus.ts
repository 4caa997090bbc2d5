// The check's sites as one corpus of official writing, asked only about the forms a first pass over the
// sites found (the typo detector's finds and their corrections): which sites write each of them. Read
// from the stored pages the content rules read (homepage, columns, articles; never the public's
// letters), decoded but not parsed: a form is Chinese text, and markup does not make or break it.
import type { RunCorpus } from '../../rules/rule.js';
import { Matcher } from '../../rules/utils/matcher.js';
import { decodeHtml } from '../../extract/decode.js';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { pageBodies } from '../../store/page-bodies.js';

const HTML = /html|xml/i;
const OWN_TEXT = new Set(['homepage', 'column', 'article']);

export function readRunCorpus(db: Db, check: Check, siteIds: readonly string[], forms: Iterable<string>): RunCorpus {
  const matcher = new Matcher<number>();
  const index = new Map<string, number>();
  for (const f of forms) if (f && !index.has(f)) matcher.add(f, index.set(f, index.size).get(f)!);
  const writers: string[][] = Array.from({ length: index.size }, () => []);
  if (index.size > 0)
    for (const siteId of siteIds) {
      const found = new Set<number>();
      for (const b of pageBodies(db, check.id, siteId)) {
        if (!OWN_TEXT.has(b.kind) || (b.contentType && !HTML.test(b.contentType))) continue;
        for (const m of matcher.findAll(decodeHtml(b.body, b.contentType).text)) found.add(m.value);
        if (found.size === index.size) break;
      }
      for (const f of found) writers[f]!.push(siteId);
    }
  return {
    sites: siteIds.length,
    otherSitesWriting(form, siteId) {
      const f = index.get(form);
      if (f === undefined) return -1;
      const w = writers[f]!;
      return w.length - (w.includes(siteId) ? 1 : 0);
    },
  };
}

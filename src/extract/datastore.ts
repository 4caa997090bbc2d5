// 大汉 (Hanweb) JCMS list pages ship their rows as <script type="text/xml"><datastore> records with the
// row HTML in CDATA; the browser pages them in with jpage. The rows are in the HTML, so read them there.
import type { Element } from 'domhandler';
import { lazyModule } from '../lazy-module.js';

// Most pages have no datastore records: cheerio (~250 ms) is loaded for the first that has.
const cheerio = lazyModule<typeof import('cheerio')>('cheerio');

/** Row HTML from every <record> of every datastore script on the page, as one document to read lists from. */
export function datastoreRows(scripts: { type: string | null; text: string }[]): Element | null {
  const rows: string[] = [];
  for (const s of scripts) {
    if (!/<datastore[\s>]/i.test(s.text)) continue;
    for (const m of s.text.matchAll(/<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/gi)) rows.push(m[1] ?? '');
  }
  if (rows.length === 0) return null;
  const $ = cheerio().load(`<div class="datastore-list">${rows.join('\n')}</div>`);
  return ($('div.datastore-list').get(0) as Element | undefined) ?? null;
}

/**
 * A datastore whose record set is empty while its pager says there are no records at all:
 * the CMS's own statement that the column has nothing in it.
 */
export function emptyDatastore(scripts: { text: string }[]): boolean {
  const store = scripts.find((s) => /<datastore[\s>]/i.test(s.text));
  if (!store || /<record>/i.test(store.text)) return false;
  const total = scripts.map((s) => /totalRecord\s*[:=]\s*['"]?(\d+)/.exec(s.text)).find(Boolean);
  return total ? Number(total[1]) === 0 : false;
}

// 大汉 (Hanweb) JCMS list pages ship their rows as <script type="text/xml"><datastore> records with the
// row HTML in CDATA; the browser pages them in with jpage. The rows are in the HTML, so read them there.
import { load } from 'cheerio';
import type { Element } from 'domhandler';

/** Row HTML from every <record> of every datastore script on the page, as one document to read lists from. */
export function datastoreRows(scripts: { type: string | null; text: string }[]): Element | null {
  const rows: string[] = [];
  for (const s of scripts) {
    if (!/<datastore[\s>]/i.test(s.text)) continue;
    for (const m of s.text.matchAll(/<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/gi)) rows.push(m[1] ?? '');
  }
  if (rows.length === 0) return null;
  const $ = load(`<div class="datastore-list">${rows.join('\n')}</div>`);
  return ($('div.datastore-list').get(0) as Element | undefined) ?? null;
}

// Whether a search results page lists an item: among its links, as a results list shows an entry, not
// in its text, where the page echoes what was searched for (您搜索的“…”共找到0条) whatever it found. Pure.
import type { Element } from 'domhandler';
import { parsePage } from './document.js';
import { attr, descendants } from './dom.js';
import { anchorText } from './links.js';

const ELLIPSIS = /(…+|\.{3,}|。。。)$/;
/** Fewer characters than this, cut from a title, say too little to be that title. */
const MIN_CUT = 8;

const norm = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');

/** The words to search for a title by: the title as shown, less a list's trailing ellipsis. */
export function searchWords(title: string): string {
  return title.trim().replace(ELLIPSIS, '').trim();
}

export interface ResultsRead {
  /** A link whose text (or title) is the item's, whole or cut with an ellipsis. */
  found: boolean;
  /** Links on the page, and whether scripts may build its list (they load data or write the page). */
  links: number;
  scripted: boolean;
}

export function readResults(html: string, words: string): ResultsRead {
  const { doc, scripts } = parsePage(html);
  const anchors = descendants(doc as unknown as Element, 'a');
  const q = norm(words);
  const found = anchors.some((a) => [anchorText(a), attr(a, 'title') ?? ''].some((t) => matches(norm(t), q)));
  const scripted = scripts.some(
    (s) => s.src !== null || /ajax|XMLHttpRequest|fetch\(|\.json|jsonp|\$\.get|\$\.post|innerHTML|document\.write/i.test(s.text),
  );
  return { found, links: anchors.length, scripted };
}

function matches(text: string, q: string): boolean {
  if (!text || !q) return false;
  if (text.includes(q)) return true;
  // A results list cuts long titles as the site's lists do: 关于做好2026年…
  const cut = text.replace(ELLIPSIS, '');
  return cut !== text && cut.length >= MIN_CUT && q.startsWith(cut);
}

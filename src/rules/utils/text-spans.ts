// Where in a text the content checks must not look (addresses, e-mail, quotations), and the sentence
// around a hit for the evidence.

const URL_LIKE = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s\u3000，。；、）)】」》"'<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
const QUOTES: [string, string][] = [
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['"', '"'],
];

export type Span = [number, number];

export function urlSpans(text: string): Span[] {
  return [...text.matchAll(URL_LIKE)].map((m) => [m.index!, m.index! + m[0].length]);
}

function pairedSpans(text: string, pairs: [string, string][], maxLen = 200): Span[] {
  const out: Span[] = [];
  for (const [open, close] of pairs) {
    let i = text.indexOf(open);
    while (i >= 0) {
      const j = text.indexOf(close, i + 1);
      if (j < 0 || j - i > maxLen) break;
      out.push([i, j + 1]);
      i = text.indexOf(open, j + 1);
    }
  }
  return out;
}

/**
 * Quoted words: someone else's wording, or a word being discussed (“布署”是错别字). Titles in 《》 are
 * not skipped: a never-right form in the title of a document the site publishes is the site's error.
 */
export function quotedSpans(text: string): Span[] {
  return pairedSpans(text, QUOTES);
}

export function inSpans(spans: Span[], start: number, end: number): boolean {
  return spans.some(([a, b]) => start < b && end > a);
}

const SENTENCE_END = /[。！？；!?;\n]/u;

/** The sentence holding [start, end), cut to at most `max` characters around the hit. */
export function sentenceAround(text: string, start: number, end: number, max = 120): string {
  let a = start;
  while (a > 0 && !SENTENCE_END.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !SENTENCE_END.test(text[b]!)) b++;
  if (b < text.length) b++;
  if (b - a > max) {
    const half = Math.floor((max - (end - start)) / 2);
    const na = Math.max(a, start - half);
    const nb = Math.min(b, end + half);
    return `${na > a ? '…' : ''}${text.slice(na, nb).trim()}${nb < b ? '…' : ''}`;
  }
  return text.slice(a, b).trim();
}

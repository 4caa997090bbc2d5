// Whether a fetched page can be read at all, decided before it is parsed: the walk is told why not
// (an image served as text/html would parse as a page of nonsense, and nonsense can pass for an empty list).
import { binaryKind } from '../../extract/binary.js';
import type { FetchedPage } from '../../store/pages.js';

/** Why the page gives nothing to read (its fetch error, no body, a binary body), or null when it is to be parsed. */
export function whyUnusable(page: FetchedPage): string | null {
  if (page.error !== null) return page.error;
  if (page.body === null) return '无响应内容';
  const binary = binaryKind(page.body);
  return binary ? `不是网页：内容是${binary}` : null;
}

// Everything a page or a finding says is the site's text, not ours: it is escaped on the way in, and a
// link goes out only to http(s).

export function esc(text: unknown): string {
  return String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** An href: absolute http(s) URLs and relative paths to the report's own files; anything else is dropped. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  if (/^https?:\/\//i.test(url)) return esc(url);
  // Screenshots are written beside the report (evidence/…png).
  if (/^[\w./-]+$/.test(url) && !url.startsWith('/') && !url.includes('..')) return esc(url);
  return null;
}

export function link(url: string | null | undefined, text?: string): string {
  const href = safeHref(url);
  return href ? `<a href="${href}" target="_blank" rel="noopener noreferrer">${esc(text ?? url)}</a>` : esc(text ?? url ?? '');
}

/** Drops what XML 1.0 cannot carry at all (most control characters): a site's title with one must not break a file. */
export function stripXmlInvalid(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

// One key per page however a site spells its address: /tzgg/ and /tzgg/index.html are one column,
// and session ids in the URL do not make new pages.
const INDEX = /\/(index|default)\.(s?html?|jsp|php|aspx?)$/i;
const SESSION_PARAMS = /^(jsessionid|phpsessid|sid|sessionid|aspsessionid\w*|_t|timestamp|random|rnd)$/i;

export function urlKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.pathname = u.pathname.replace(/;jsessionid=[^/]*/i, '');
  if (!u.search) u.pathname = u.pathname.replace(INDEX, '/');
  const params = [...u.searchParams.entries()].filter(([k]) => !SESSION_PARAMS.test(k));
  params.sort(([a], [b]) => a.localeCompare(b));
  u.search = new URLSearchParams(params).toString();
  return u.href;
}

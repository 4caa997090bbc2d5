// One key per page however a site spells its address: /tzgg/ and /tzgg/index.html are one column,
// and session ids in the URL do not make new pages.
const INDEX = /\/(index|default)\.(s?html?|jsp|php|aspx?)$/i;
const SESSION_PARAMS = /^(jsessionid|phpsessid|sid|sessionid|aspsessionid\w*|_t|timestamp|random|rnd)$/i;

export function urlKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.pathname = u.pathname.replace(/;jsessionid=[^/]*/i, '');
  const params = [...u.searchParams.entries()].filter(([k]) => !SESSION_PARAMS.test(k));
  // An index page is its folder only when nothing but a session id follows it: index.jsp?id=3 is a
  // page of its own.
  if (params.length === 0) u.pathname = u.pathname.replace(INDEX, '/');
  params.sort(([a], [b]) => a.localeCompare(b));
  u.search = new URLSearchParams(params).toString();
  return u.href;
}
